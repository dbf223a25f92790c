// The durable outbox: the webhook_deliveries rows SqlEvents::record() writes with each event, one per
// subscribed endpoint. The dispatcher claims what is due and records each attempt's outcome; the command
// line lists deliveries with their attempts and queues one again. Because the rows are written in the same
// transaction as the event, whatever was committed before a crash is found here after the restart.
//
// Several servers may share one database, each with a dispatcher. A dispatcher claims the deliveries it is
// about to send until a moment (claimed_until, past its request timeout), in a transaction that skips rows
// another one is claiming (FOR UPDATE ... SKIP LOCKED on PostgreSQL; SQLite's write lock serialises the
// claims); the others leave a claimed delivery alone until its attempt is recorded or the claim runs out.
// A server that dies with deliveries in flight thus holds them only until their claims run out.
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QUrl>
#include <optional>

namespace portal::store {
class Database;
}

namespace portal::webhooks {

// A delivery ready to be sent, with what the request needs.
struct DueDelivery
{
    QString id; // the X-Portal-Delivery UUID, the same on every attempt
    int attempts = 0; // made so far
    QDateTime createdAt; // the retry window counts from here
    QString eventType;
    QByteArray eventData; // the payload's "data" as compact JSON
    QDateTime eventCreatedAt; // the payload's "timestamp"
    qint64 endpointId = 0;
    QUrl url;
    QList<QByteArray> secrets; // the current secret, then a rotated-out one still within its overlap
};

struct DeliveryAttempt
{
    QDateTime attemptedAt;
    std::optional<int> statusCode; // none when no HTTP answer came (refused, timed out, ...)
    qint64 durationMs = 0;
    QString error; // empty after a 2xx
};

enum class DeliveryState { Pending, Delivered, Failed };
QString deliveryStateName(DeliveryState state); // "pending", "delivered", "failed"

// A delivery as `portal-server webhook deliveries` shows it.
struct DeliveryLog
{
    QString id;
    qint64 endpointId = 0;
    qint64 eventId = 0;
    QString eventType;
    QString state;
    int attempts = 0;
    QDateTime createdAt;
    QDateTime nextAttemptAt;
    QDateTime finishedAt; // invalid while pending
    QList<DeliveryAttempt> attemptLog; // oldest first
};

class WebhookOutbox
{
public:
    explicit WebhookOutbox(store::Database &database)
        : m_database(database)
    { }

    // Claims until `claimUntil` the pending deliveries of active endpoints whose next_attempt_at has come and
    // that nobody claims, oldest first, at most `limit`, and gives them.
    store::Result<QList<DueDelivery>> claimDue(const QDateTime &now, int limit, const QDateTime &claimUntil);
    // Gives up the claims of deliveries that were not attempted after all (a dispatcher that stops).
    store::Result<store::Done> release(const QStringList &deliveryIds);
    // Logs `attempt` and moves the delivery to `state` (next try at `nextAttemptAt` when pending), ending its
    // claim, in one transaction so the log and the state never disagree.
    store::Result<store::Done> recordAttempt(const QString &deliveryId, const DeliveryAttempt &attempt,
                                             DeliveryState state, const QDateTime &nextAttemptAt);
    // The newest deliveries (of one endpoint, when given) with their attempts.
    store::Result<QList<DeliveryLog>> deliveries(std::optional<qint64> endpointId, int limit);
    // Queues a delivery again, now, under the same UUID (NotFound when there is none).
    store::Result<store::Done> redeliver(const QString &deliveryId);

private:
    store::Database &m_database;
};

} // namespace portal::webhooks
