// A user's notifications. They belong to the user, not to the client: two users of one client each have
// their own.
#include "Database.h"
#include "SqlRepositories.h"
#include "SyncChanges.h"

namespace portal::store {

namespace {

const QString kNotificationColumns = QStringLiteral(
    "id, notification_type, title, message, created_at, is_read, related_object_type, related_object_id");

api::Notification readNotification(const SqlRow &row)
{
    return { row.integer(0),   row.text(1), row.text(2), row.text(3),
             row.timestamp(4), row.flag(5), row.text(6), row.optionalInteger(7) };
}

} // namespace

Result<QList<api::Notification>> SqlNotifications::list(const Caller &caller)
{
    static const QString sql
        = QStringLiteral("SELECT %1 FROM notifications WHERE user_id = ? ORDER BY created_at DESC, id DESC")
              .arg(kNotificationColumns);
    return m_database.selectAll<api::Notification>(sql, { caller.userId }, readNotification);
}

Result<api::Notification> SqlNotifications::markRead(const Caller &caller, qint64 notificationId)
{
    // Another user's notification matches no row, so it is NotFound like a missing one.
    static const QString sql
        = QStringLiteral("UPDATE notifications SET is_read = 1 WHERE id = ? AND user_id = ? RETURNING %1")
              .arg(kNotificationColumns);
    return m_database.inTransaction(Database::Access::Write, [&]() -> Result<api::Notification> {
        auto read = m_database.selectOne<api::Notification>(sql, { notificationId, caller.userId },
                                                            readNotification);
        if (!read)
            return read;
        if (auto touched = sync::touchOne(m_database, sync::Kind::Notification, notificationId,
                                          caller.clientId, caller.userId);
            !touched)
            return touched.error();
        return read;
    });
}

Result<Notifications::Changes> SqlNotifications::changedAfter(qint64 afterSeq, int limit)
{
    // Every seq up to the log's end as read first is committed (SyncChanges.h), so the second query sees
    // all of (afterSeq, end]; a short batch has read it all.
    auto end = lastChange();
    if (!end)
        return end.error();
    // The notification columns are named alike in no other table of the join.
    static const QString sql
        = QStringLiteral("SELECT %1, n.user_id, c.seq FROM sync_changes c "
                         "JOIN notifications n ON n.id = c.object_id "
                         "WHERE c.seq > ? AND c.seq <= ? AND c.kind = 'notification' AND c.deleted = 0 "
                         "ORDER BY c.seq LIMIT ?")
              .arg(kNotificationColumns);
    auto changed = m_database.selectAll<Changed>(sql, { afterSeq, *end, limit }, [](const SqlRow &row) {
        return Changed { row.integer(9), row.integer(8), readNotification(row) };
    });
    if (!changed)
        return changed.error();
    const qint64 position = changed->size() < limit ? qMax(afterSeq, *end) : changed->constLast().seq;
    return Changes { changed.take(), position };
}

Result<qint64> SqlNotifications::lastChange()
{
    static const QString sql = QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM sync_changes");
    return m_database.selectOne<qint64>(sql, {}, [](const SqlRow &row) { return row.integer(0); });
}

} // namespace portal::store
