#include "SearchDialog.h"

#include "ListDelegate.h"
#include "ModelRoles.h"
#include "SearchResultModel.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace portal::ui {

namespace {
// Group headings as plain bold rows, hits in two lines.
class SearchDelegate : public ListDelegate
{
public:
    using ListDelegate::ListDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.data(GroupRole).toBool())
            QStyledItemDelegate::paint(painter, option, index);
        else
            ListDelegate::paint(painter, option, index);
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.data(GroupRole).toBool())
            return QStyledItemDelegate::sizeHint(option, index) + QSize(0, 8);
        return ListDelegate::sizeHint(option, index);
    }
};
} // namespace

SearchDialog::SearchDialog(client::ClientCache &cache, QWidget *parent)
    : QDialog(parent)
    , m_model(new SearchResultModel(cache, this))
    , m_field(new QLineEdit(this))
    , m_results(new QTreeView(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("searchDialog"));
    setWindowTitle(tr("Search"));
    m_field->setObjectName(QStringLiteral("searchField"));
    m_field->setAccessibleName(tr("Search"));
    m_field->setPlaceholderText(tr("Search cases, messages, documents, tasks…"));
    m_field->setClearButtonEnabled(true);
    m_field->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    m_field->installEventFilter(this);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setAccessibleName(tr("Search results"));
    m_results->setModel(m_model);
    m_results->setHeaderHidden(true);
    m_results->setItemDelegate(new SearchDelegate(m_results));
    m_results->setRootIsDecorated(false);
    m_results->setItemsExpandable(false);
    m_results->setIndentation(8);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_field);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);

    connect(m_field, &QLineEdit::textChanged, this, &SearchDialog::search);
    connect(m_model, &QAbstractItemModel::modelReset, m_results, &QTreeView::expandAll);
    connect(m_results, &QTreeView::activated, this, &SearchDialog::activate);
    connect(m_results, &QTreeView::clicked, this, &SearchDialog::activate);
    resize(560, 440);
    search({});
}

void SearchDialog::popUp()
{
    show();
    raise();
    activateWindow();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void SearchDialog::search(const QString &text)
{
    m_model->setQuery(text.trimmed());
    const int hits = m_model->itemCount();
    if (text.trimmed().isEmpty())
        m_status->setText(tr("Type to search everything saved on this computer."));
    else if (hits == 0)
        m_status->setText(tr("Nothing found for “%1”.").arg(text.trimmed()));
    else
        m_status->setText(tr("%n result(s)", nullptr, hits));
    if (hits > 0)
        m_results->setCurrentIndex(m_model->firstItem());
}

void SearchDialog::activate(QModelIndex index)
{
    if (index.isValid() && index.data(GroupRole).toBool())
        index = m_model->index(0, 0, index); // a heading opens its first hit
    if (!index.isValid() || index.data(GroupRole).toBool())
        return;
    const client::SearchHit hit = m_model->item(index);
    hide();
    emit hitActivated(hit);
}

bool SearchDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            activate(m_results->currentIndex().isValid() ? m_results->currentIndex() : m_model->firstItem());
            return true;
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp: {
            // Moving through the hits from the field keeps typing possible.
            QKeyEvent copy(key->type(), key->key(), key->modifiers());
            QCoreApplication::sendEvent(m_results, &copy);
            // Headings are not hits: step over one, and from the first hit up stay on it.
            if (m_results->currentIndex().data(GroupRole).toBool()) {
                QKeyEvent again(key->type(), key->key(), key->modifiers());
                QCoreApplication::sendEvent(m_results, &again);
                if (m_results->currentIndex().data(GroupRole).toBool())
                    m_results->setCurrentIndex(m_model->firstItem());
            }
            return true;
        }
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace portal::ui
