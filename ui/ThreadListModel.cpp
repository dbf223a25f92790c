#include "ThreadListModel.h"

#include "ClientCache.h"
#include "ModelRoles.h"
#include "Wording.h"

#include <QFont>

namespace portal::ui {

ThreadListModel::ThreadListModel(client::ClientCache &cache, QObject *parent)
    : RowListModel(parent)
    , m_cache(cache)
{
    connect(&m_cache, &client::ClientCache::changed, this, [this](client::CacheKinds kinds) {
        if (kinds & (client::CacheKind::Threads | client::CacheKind::Cases | client::CacheKind::Messages))
            reload();
    });
    reload();
}

void ThreadListModel::setCaseFilter(std::optional<qint64> caseId)
{
    m_caseId = caseId;
    reload();
}

void ThreadListModel::reload()
{
    auto threads = m_cache.threads(m_caseId);
    replaceRows(threads ? threads.take() : QList<client::ThreadSummary>());
}

int ThreadListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1;
}

QVariant ThreadListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::ThreadSummary &row = m_rows.at(index.row());
    const api::Thread &thread = row.thread;
    switch (role) {
    case Qt::DisplayRole:
        return thread.subject;
    case Qt::AccessibleTextRole:
        return thread.unreadCount > 0 ? tr("%1, %n unread", nullptr, thread.unreadCount).arg(thread.subject)
                                      : thread.subject;
    case Qt::FontRole:
        if (thread.unreadCount > 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case SecondaryTextRole:
        return row.caseTitle;
    case MetaTextRole:
        return wording::shortDateTime(thread.updatedAt);
    case BadgeRole:
    case UnreadCountRole:
        return thread.unreadCount;
    case UnreadRole:
        return thread.unreadCount > 0;
    case IdRole:
    case ThreadIdRole:
        return thread.id;
    case CaseIdRole:
        return thread.caseId;
    case TimestampRole:
    case SortRole:
        return thread.updatedAt;
    }
    return {};
}

} // namespace portal::ui
