#include "CasesView.h"

#include "CaseFilterModel.h"
#include "CaseListModel.h"
#include "ClientCache.h"
#include "ModelRoles.h"
#include "SelectionKeeper.h"
#include "SortableTable.h"
#include "Wording.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace portal::ui {

namespace {
QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QListWidget *smallList(const QString &accessibleName, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setAccessibleName(accessibleName);
    list->setMaximumHeight(110);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list->setTextElideMode(Qt::ElideRight);
    list->setIconSize(QSize(16, 16));
    return list;
}
} // namespace

CasesView::CasesView(client::ClientCache &cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_model(new CaseListModel(cache, this))
    , m_proxy(new CaseFilterModel(this))
    , m_filterText(new QLineEdit(this))
    , m_statusFilter(new QComboBox(this))
    , m_typeFilter(new QComboBox(this))
    , m_list(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);

    m_filterText->setPlaceholderText(tr("Filter by title, number or description"));
    m_filterText->setAccessibleName(tr("Filter cases"));
    m_filterText->setClearButtonEnabled(true);
    m_statusFilter->setAccessibleName(tr("Status"));
    m_typeFilter->setAccessibleName(tr("Case type"));
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filterText, 1);
    filters->addWidget(m_statusFilter);
    filters->addWidget(m_typeFilter);

    m_list->setObjectName(QStringLiteral("caseList"));
    m_list->setAccessibleName(tr("Cases"));
    setUpSortableTable(m_list, m_proxy, CaseListModel::TitleColumn, CaseListModel::ColumnCount,
                       CaseListModel::OpenedColumn, Qt::DescendingOrder);
    new SelectionKeeper(m_list);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_list, 1);

    // The detail pane.
    m_detail = new QWidget;
    m_placeholder = new QLabel(tr("Choose a case to see its details."), m_detail);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_title = new QLabel(m_detail);
    m_title->setObjectName(QStringLiteral("caseTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_facts = new QLabel(m_detail);
    m_facts->setWordWrap(true);
    m_description = new QLabel(m_detail);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_attorney = new QLabel(m_detail);
    m_attorney->setObjectName(QStringLiteral("caseAttorney"));
    m_attorney->setTextFormat(Qt::RichText);
    m_attorney->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_attorney->setAccessibleName(tr("Assigned attorney"));
    connect(m_attorney, &QLabel::linkActivated, this,
            [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });
    m_documents = smallList(tr("Documents of the case"), m_detail);
    m_tasks = smallList(tr("Tasks of the case"), m_detail);
    m_threads = smallList(tr("Threads of the case"), m_detail);
    m_threads->setObjectName(QStringLiteral("caseThreads"));
    m_newThread
        = new QPushButton(QIcon(QStringLiteral(":/icons/new-thread.svg")), tr("New thread…"), m_detail);
    m_newThread->setAccessibleName(tr("New thread about this case"));

    auto *detailLayout = new QVBoxLayout(m_detail);
    detailLayout->setContentsMargins(16, 8, 16, 8);
    detailLayout->addWidget(m_placeholder);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_facts);
    detailLayout->addWidget(m_description);
    detailLayout->addWidget(m_attorney);
    detailLayout->addSpacing(6);
    detailLayout->addWidget(heading(tr("Documents"), m_detail));
    detailLayout->addWidget(m_documents);
    detailLayout->addWidget(heading(tr("Tasks"), m_detail));
    detailLayout->addWidget(m_tasks);
    auto *threadsHeading = new QHBoxLayout;
    threadsHeading->addWidget(heading(tr("Threads"), m_detail), 1);
    threadsHeading->addWidget(m_newThread);
    detailLayout->addLayout(threadsHeading);
    detailLayout->addWidget(m_threads);
    detailLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_detail);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Case details"));

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 580, 400 });
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);

    connect(m_filterText, &QLineEdit::textChanged, m_proxy, &CaseFilterModel::setText);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setStatus(m_statusFilter->currentData().toString()); });
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setCaseType(m_typeFilter->currentData().toString()); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showCase(current.data(IdRole).toLongLong()); });
    connect(m_threads, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit openThread(item->data(IdRole).toLongLong()); });
    connect(m_documents, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit openDocument(item->data(IdRole).toLongLong()); });
    connect(m_tasks, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit openTask(item->data(IdRole).toLongLong()); });
    connect(m_newThread, &QPushButton::clicked, this, [this] { emit newThreadRequested(m_caseId); });
    connect(&m_cache, &client::ClientCache::changed, this, [this](client::CacheKinds kinds) {
        if (kinds & client::CacheKind::Cases)
            refreshFilters();
        if (kinds
            & (client::CacheKind::Cases | client::CacheKind::Documents | client::CacheKind::Tasks
               | client::CacheKind::Threads))
            showCase(m_caseId);
    });
    refreshFilters();
    showCase(0);
    setFocusProxy(m_list);
}

void CasesView::refreshFilters()
{
    // The statuses and types the cases have, as words; the codes stay the items' data.
    auto fill = [this](QComboBox *box, const QString &all, int role, QString (*words)(const QString &)) {
        const QString current = box->currentData().toString();
        QStringList codes;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QString code = m_model->index(row, 0).data(role).toString();
            if (!codes.contains(code))
                codes.append(code);
        }
        codes.sort();
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(all, QString());
        for (const QString &code : codes)
            box->addItem(words(code), code);
        box->setCurrentIndex(qMax(0, box->findData(current)));
    };
    fill(m_statusFilter, tr("All statuses"), StatusRole, &wording::caseStatus);
    fill(m_typeFilter, tr("All types"), TypeRole, &wording::caseType);
}

void CasesView::selectCase(qint64 caseId)
{
    const QModelIndexList found = m_proxy->match(m_proxy->index(0, 0), IdRole, caseId, 1, Qt::MatchExactly);
    if (found.isEmpty()) { // filtered out: clear the filters so that it shows
        m_filterText->clear();
        m_statusFilter->setCurrentIndex(0);
        m_typeFilter->setCurrentIndex(0);
    }
    const QModelIndexList again = m_proxy->match(m_proxy->index(0, 0), IdRole, caseId, 1, Qt::MatchExactly);
    if (!again.isEmpty()) {
        m_list->setCurrentIndex(again.first());
        m_list->scrollTo(again.first());
    }
}

void CasesView::fillList(QListWidget *list, const QList<QPair<qint64, QString>> &items, const QString &empty)
{
    list->clear();
    for (const auto &[id, text] : items) {
        auto *item = new QListWidgetItem(text, list);
        item->setData(IdRole, id);
    }
    if (items.isEmpty()) {
        auto *item = new QListWidgetItem(empty, list);
        item->setFlags(Qt::NoItemFlags);
    }
    list->setFixedHeight(qMin(110, qMax(1, int(list->count())) * (list->fontMetrics().height() + 8) + 6));
}

void CasesView::showCase(qint64 caseId)
{
    m_caseId = caseId;
    std::optional<client::CaseView> view;
    if (caseId) {
        if (auto read = m_cache.caseDetail(caseId); read && read->has_value())
            view = **read;
    }
    const bool shown = view.has_value();
    m_placeholder->setVisible(!shown);
    for (QWidget *widget : m_detail->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        if (widget != m_placeholder)
            widget->setVisible(shown);
    }
    if (!shown) {
        m_caseId = 0;
        return;
    }
    const api::CaseDetail &detail = view->detail;
    m_title->setText(detail.summary.title);
    m_facts->setText(tr("%1 · %2 · %3 · opened %4")
                         .arg(detail.summary.caseNumber, wording::caseType(detail.summary.caseType),
                              wording::caseStatus(detail.summary.status),
                              wording::shortDate(detail.summary.openDate)));
    m_description->setText(detail.summary.description);
    if (detail.assignedAttorney) {
        const api::Attorney &a = *detail.assignedAttorney;
        QUrl mail;
        mail.setScheme(QStringLiteral("mailto"));
        mail.setPath(a.email);
        mail.setQuery(QStringLiteral("subject=%1")
                          .arg(QString::fromUtf8(QUrl::toPercentEncoding(
                              detail.summary.caseNumber + QStringLiteral(" ") + detail.summary.title))));
        // The link's colour from the palette, so that it reads in dark palettes too.
        m_attorney->setText(tr("Attorney: %1 &lt;<a href=\"%2\" style=\"color:%4\">%3</a>&gt;")
                                .arg(a.name.toHtmlEscaped(),
                                     mail.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                     a.email.toHtmlEscaped(), palette().color(QPalette::Link).name()));
    } else {
        m_attorney->setText(tr("No attorney assigned yet."));
    }
    QList<QPair<qint64, QString>> documents, tasks, threads;
    for (const api::CaseDocument &d : detail.documents)
        documents.append(
            { d.id,
              tr("%1 (%2, %3)")
                  .arg(d.title, d.fileType, wording::shortDate(d.uploadedAt.toLocalTime().date())) });
    for (const api::CaseTask &t : detail.tasks)
        tasks.append({ t.id,
                       t.dueDate.isValid()
                           ? tr("%1 (%2, due %3)")
                                 .arg(t.title, wording::taskStatus(t.status), wording::shortDate(t.dueDate))
                           : tr("%1 (%2)").arg(t.title, wording::taskStatus(t.status)) });
    for (const api::Thread &t : view->threads)
        threads.append(
            { t.id,
              t.unreadCount > 0 ? tr("%1 (%n unread)", nullptr, t.unreadCount).arg(t.subject) : t.subject });
    fillList(m_documents, documents, tr("No documents yet."));
    fillList(m_tasks, tasks, tr("No tasks."));
    fillList(m_threads, threads, tr("No threads yet."));
}

} // namespace portal::ui

namespace portal::ui {

void CasesView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_newThread)
        showCase(m_caseId);
    QWidget::changeEvent(event);
}

} // namespace portal::ui
