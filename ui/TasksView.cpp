#include "TasksView.h"

#include "ModelRoles.h"
#include "SelectionKeeper.h"
#include "TableRowDelegate.h"
#include "TaskListModel.h"
#include "Wording.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace portal::ui {

TasksView::TasksView(client::ClientCache &cache, QWidget *parent)
    : QWidget(parent)
    , m_model(new TaskListModel(cache, this))
    , m_list(new QTreeView(this))
    , m_detail(new QLabel(this))
    , m_openCase(new QPushButton(QIcon(QStringLiteral(":/icons/cases.svg")), tr("Open the &case"), this))
{
    m_list->setObjectName(QStringLiteral("taskList"));
    m_list->setAccessibleName(tr("Tasks"));
    m_list->setModel(m_model);
    m_list->setUniformRowHeights(true);
    m_list->setItemDelegate(new TableRowDelegate(m_list));
    m_list->setAlternatingRowColors(true);
    m_list->setIconSize(QSize(16, 16));
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(TaskListModel::TitleColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(TaskListModel::CaseColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(TaskListModel::DueColumn, QHeaderView::ResizeToContents);
    new SelectionKeeper(m_list);
    m_list->expandAll();
    connect(m_model, &QAbstractItemModel::modelReset, m_list, &QTreeView::expandAll);

    m_detail->setObjectName(QStringLiteral("taskDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMinimumHeight(m_detail->fontMetrics().height() * 3);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_openCase->setAccessibleName(tr("Open the task's case"));
    auto *detailRow = new QHBoxLayout;
    detailRow->addWidget(m_detail, 1);
    detailRow->addWidget(m_openCase, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_list, 1);
    layout->addLayout(detailRow);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &TasksView::showTask);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TasksView::showTask);
    connect(m_openCase, &QPushButton::clicked, this, [this] {
        if (const qint64 caseId = m_list->currentIndex().data(CaseIdRole).toLongLong())
            emit openCase(caseId);
    });
    showTask();
    setFocusProxy(m_list);
}

qint64 TasksView::currentTaskId() const
{
    return m_list->currentIndex().data(IdRole).toLongLong();
}

void TasksView::selectTask(qint64 taskId)
{
    const QModelIndex index = m_model->indexOfTask(taskId);
    if (!index.isValid())
        return;
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
}

void TasksView::showTask()
{
    const QModelIndex index = m_list->currentIndex().siblingAtColumn(TaskListModel::TitleColumn);
    const bool task = index.isValid() && !index.data(GroupRole).toBool();
    m_openCase->setEnabled(task);
    if (!task) {
        m_detail->setText(tr("Choose a task to see what is asked."));
        return;
    }
    QString text
        = QStringLiteral("<b>%1</b> — %2<br>%3")
              .arg(index.data().toString().toHtmlEscaped(),
                   index.siblingAtColumn(TaskListModel::CaseColumn).data().toString().toHtmlEscaped(),
                   index.data(SecondaryTextRole).toString().toHtmlEscaped());
    if (index.data(OverdueRole).toBool())
        text += QStringLiteral("<br><span style=\"color:#d64545\"><b>%1</b></span>")
                    .arg(index.siblingAtColumn(TaskListModel::DueColumn).data().toString().toHtmlEscaped());
    m_detail->setText(text);
}

} // namespace portal::ui
