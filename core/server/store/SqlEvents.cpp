// Recording events: the event row, its webhook deliveries (the durable outbox the dispatcher works from)
// and the client's notifications, all inside the transaction of the write that caused them.
#include "Database.h"
#include "SqlRepositories.h"
#include "SyncChanges.h"

#include <QJsonDocument>
#include <QUuid>

namespace portal::store {

Result<qint64> SqlEvents::record(const EventRecord &event)
{
    const QVariant now = sqlTimestamp(QDateTime::currentDateTimeUtc());
    const auto eventId = m_database.insertRow(
            QStringLiteral("events"), { "type", "data", "client_id", "actor_user_id", "created_at" },
            { event.type, QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact)), event.clientId,
              sqlOptionalInteger(event.actorUserId), now });
    if (!eventId)
        return eventId.error();

    // One delivery per subscribed endpoint. The subscription test is done here rather than in SQL so that
    // the list format ("*" or "a,b,c") stays one idea, in one place.
    QList<qint64> endpoints;
    auto listed = m_database.exec(QStringLiteral("SELECT id, events FROM webhook_endpoints WHERE active = 1"), {},
                                  [&](const SqlRow &row) {
                                      const QString subscribed = row.text(1);
                                      if (subscribed == QLatin1String("*")
                                          || subscribed.split(QLatin1Char(',')).contains(event.type))
                                          endpoints.append(row.integer(0));
                                  });
    if (!listed)
        return listed.error();
    for (const qint64 endpoint : endpoints) {
        auto queued = m_database.exec(
                QStringLiteral("INSERT INTO webhook_deliveries (id, endpoint_id, event_id, next_attempt_at, "
                               "created_at) VALUES (?, ?, ?, ?, ?)"),
                { QUuid::createUuid().toString(QUuid::WithoutBraces), endpoint, *eventId, now, now });
        if (!queued)
            return queued.error();
    }

    // The notifications inserted below are those above the present largest id (the transaction holds the
    // write lock), which is how the sync log finds them without one query per user.
    auto newestBefore
        = m_database.selectOne<qint64>(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM notifications"), {},
                                       [](const SqlRow &row) { return row.integer(0); });
    if (!newestBefore)
        return newestBefore.error();

    // Every active user of the client hears of it, except whoever caused it.
    auto notified = m_database.exec(
            QStringLiteral("INSERT INTO notifications (user_id, notification_type, title, message, created_at, "
                           "is_read, related_object_type, related_object_id) "
                           "SELECT id, ?, ?, ?, ?, 0, ?, ? FROM users WHERE client_id = ? AND active = 1 "
                           "AND role = 'client' AND id <> ?"),
            { event.notificationType, event.notificationTitle, event.notificationMessage, now, event.relatedObjectType,
              event.relatedObjectId, event.clientId, event.actorUserId.value_or(0) });
    if (!notified)
        return notified.error();
    static const QString inserted = QStringLiteral(
        "SELECT n.id AS object_id, CAST(? AS BIGINT) AS client_id, n.user_id AS user_id FROM notifications n "
        "WHERE n.id > ?");
    if (auto touched
        = sync::touch(m_database, sync::Kind::Notification, inserted, { event.clientId, *newestBefore });
        !touched)
        return touched.error();
    return *eventId;
}

} // namespace portal::store
