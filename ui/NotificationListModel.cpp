#include "NotificationListModel.h"

#include "ClientCache.h"
#include "ItemIcons.h"
#include "ModelRoles.h"
#include "Wording.h"

#include <QFont>
#include <QIcon>

namespace portal::ui {

NotificationListModel::NotificationListModel(client::ClientCache &cache, QObject *parent)
    : RowListModel(parent)
    , m_cache(cache)
{
    connect(&m_cache, &client::ClientCache::changed, this, [this](client::CacheKinds kinds) {
        if (kinds & client::CacheKind::Notifications)
            reload();
    });
    reload();
}

void NotificationListModel::reload()
{
    auto notifications = m_cache.notifications();
    replaceRows(notifications ? notifications.take() : QList<api::Notification>());
}

int NotificationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1;
}

static QString iconFor(const QString &type)
{
    if (type == QLatin1String("MESSAGE"))
        return QStringLiteral(":/icons/messages.svg");
    if (type == QLatin1String("DOCUMENT"))
        return QStringLiteral(":/icons/document.svg");
    if (type == QLatin1String("TASK"))
        return QStringLiteral(":/icons/tasks.svg");
    if (type == QLatin1String("CASE"))
        return QStringLiteral(":/icons/cases.svg");
    return QStringLiteral(":/icons/notifications.svg");
}

QVariant NotificationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::Notification &n = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return n.title;
    case Qt::AccessibleTextRole:
        return n.isRead ? n.title : tr("Unread: %1").arg(n.title);
    case Qt::DecorationRole:
        return itemIcon(iconFor(n.notificationType));
    case Qt::FontRole:
        if (!n.isRead) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case SecondaryTextRole:
        return n.message;
    case MetaTextRole:
        return wording::shortDateTime(n.createdAt);
    case UnreadRole:
        return !n.isRead;
    case IdRole:
        return n.id;
    case TypeRole:
        return n.notificationType;
    case RelatedTypeRole:
        return n.relatedObjectType;
    case RelatedIdRole:
        return n.relatedObjectId.value_or(0);
    case TimestampRole:
    case SortRole:
        return n.createdAt;
    }
    return {};
}

} // namespace portal::ui
