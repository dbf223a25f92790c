#include "WebhookOutbox.h"

#include "Database.h"

namespace portal::webhooks {

QString deliveryStateName(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Pending:
        return QStringLiteral("pending");
    case DeliveryState::Delivered:
        return QStringLiteral("delivered");
    case DeliveryState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

store::Result<QList<DueDelivery>> WebhookOutbox::claimDue(const QDateTime &now, int limit,
                                                          const QDateTime &claimUntil)
{
    return m_database.inTransaction(
        store::Database::Access::Write, [&]() -> store::Result<QList<DueDelivery>> {
            const QString sql
                = QStringLiteral(
                      "SELECT d.id, d.attempts, d.created_at, e.type, e.data, e.created_at, w.id, w.url, "
                      "w.secret, w.previous_secret, w.previous_secret_expires_at "
                      "FROM webhook_deliveries d JOIN events e ON e.id = d.event_id "
                      "JOIN webhook_endpoints w ON w.id = d.endpoint_id "
                      "WHERE d.state = 'pending' AND d.next_attempt_at <= ? AND w.active = 1 "
                      "AND (d.claimed_until IS NULL OR d.claimed_until <= ?) "
                      "ORDER BY d.next_attempt_at, d.created_at LIMIT ?")
                + m_database.skipLockedRows(QStringLiteral("d"));
            const QVariant at = store::sqlTimestamp(now);
            auto due
                = m_database.selectAll<DueDelivery>(sql, { at, at, limit }, [&](const store::SqlRow &row) {
                      DueDelivery delivery { row.text(0),    int(row.integer(1)),  row.timestamp(2),
                                             row.text(3),    row.text(4).toUtf8(), row.timestamp(5),
                                             row.integer(6), QUrl(row.text(7)),    { row.text(8).toUtf8() } };
                      const QDateTime previousExpires = row.timestamp(10);
                      if (!row.text(9).isEmpty() && previousExpires.isValid() && previousExpires > now)
                          delivery.secrets.append(row.text(9).toUtf8());
                      return delivery;
                  });
            if (!due)
                return due;
            for (const DueDelivery &delivery : std::as_const(*due)) {
                auto claimed = m_database.exec(
                    QStringLiteral("UPDATE webhook_deliveries SET claimed_until = ? WHERE id = ?"),
                    { store::sqlTimestamp(claimUntil), delivery.id });
                if (!claimed)
                    return claimed.error();
            }
            return due;
        });
}

store::Result<store::Done> WebhookOutbox::release(const QStringList &deliveryIds)
{
    return m_database.inTransaction(store::Database::Access::Write, [&]() -> store::Result<store::Done> {
        for (const QString &id : deliveryIds) {
            auto released = m_database.exec(
                QStringLiteral("UPDATE webhook_deliveries SET claimed_until = NULL WHERE id = ?"), { id });
            if (!released)
                return released;
        }
        return store::Done {};
    });
}

store::Result<store::Done> WebhookOutbox::recordAttempt(const QString &deliveryId,
                                                        const DeliveryAttempt &attempt, DeliveryState state,
                                                        const QDateTime &nextAttemptAt)
{
    return m_database.inTransaction(store::Database::Access::Write, [&]() -> store::Result<store::Done> {
        auto logged = m_database.exec(
            QStringLiteral(
                "INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, duration_ms, "
                "error) VALUES (?, ?, ?, ?, ?)"),
            { deliveryId, store::sqlTimestamp(attempt.attemptedAt),
              attempt.statusCode ? QVariant(*attempt.statusCode) : store::sqlNull(), attempt.durationMs,
              attempt.error });
        if (!logged)
            return logged.error();
        const bool finished = state != DeliveryState::Pending;
        return m_database.exec(
            QStringLiteral(
                "UPDATE webhook_deliveries SET state = ?, attempts = attempts + 1, next_attempt_at = ?, "
                "finished_at = ?, claimed_until = NULL WHERE id = ?"),
            { deliveryStateName(state), store::sqlTimestamp(finished ? attempt.attemptedAt : nextAttemptAt),
              finished ? store::sqlTimestamp(attempt.attemptedAt) : store::sqlNull(), deliveryId });
    });
}

store::Result<QList<DeliveryLog>> WebhookOutbox::deliveries(std::optional<qint64> endpointId, int limit)
{
    auto listed = m_database.selectAll<DeliveryLog>(
        QStringLiteral("SELECT d.id, d.endpoint_id, d.event_id, e.type, d.state, d.attempts, d.created_at, "
                       "d.next_attempt_at, d.finished_at FROM webhook_deliveries d "
                       "JOIN events e ON e.id = d.event_id WHERE (? = 0 OR d.endpoint_id = ?) "
                       "ORDER BY d.created_at DESC, d.event_id DESC LIMIT ?"),
        { endpointId.value_or(0), endpointId.value_or(0), limit }, [](const store::SqlRow &row) {
            return DeliveryLog {
                row.text(0),         row.integer(1),   row.integer(2),   row.text(3),      row.text(4),
                int(row.integer(5)), row.timestamp(6), row.timestamp(7), row.timestamp(8), {}
            };
        });
    if (!listed)
        return listed;
    // One query per delivery: Database::exec() cannot nest queries, and the list is short (the CLI's limit).
    for (DeliveryLog &delivery : *listed) {
        auto attempts = m_database.selectAll<DeliveryAttempt>(
            QStringLiteral("SELECT attempted_at, status_code, duration_ms, error FROM webhook_attempts "
                           "WHERE delivery_id = ? ORDER BY id"),
            { delivery.id }, [](const store::SqlRow &row) {
                const auto status = row.optionalInteger(1);
                return DeliveryAttempt { row.timestamp(0),
                                         status ? std::optional<int>(int(*status)) : std::nullopt,
                                         row.integer(2), row.text(3) };
            });
        if (!attempts)
            return attempts.error();
        delivery.attemptLog = attempts.take();
    }
    return listed;
}

store::Result<store::Done> WebhookOutbox::redeliver(const QString &deliveryId)
{
    return m_database.inTransaction(store::Database::Access::Write, [&]() -> store::Result<store::Done> {
        auto found = m_database.exists(QStringLiteral("SELECT 1 FROM webhook_deliveries WHERE id = ?"),
                                       { deliveryId });
        if (!found)
            return found.error();
        if (!*found)
            return store::StoreError::notFound();
        return m_database.exec(QStringLiteral("UPDATE webhook_deliveries SET state = 'pending', "
                                              "next_attempt_at = ?, finished_at = NULL WHERE id = ?"),
                               { store::sqlTimestamp(QDateTime::currentDateTimeUtc()), deliveryId });
    });
}

} // namespace portal::webhooks
