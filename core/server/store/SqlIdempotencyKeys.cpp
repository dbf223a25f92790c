// Idempotency keys of POST requests: the request runs inside the transaction that records its key, so a
// crash leaves either both or neither, and a repeat finds the key with the answer to replay.
#include "Database.h"
#include "SqlRepositories.h"

namespace portal::store {

Result<IdempotentOutcome> SqlIdempotencyKeys::once(qint64 userId, const QString &key,
                                                   const QByteArray &requestHash,
                                                   const std::function<StoredAnswer()> &perform)
{
    // A write transaction from the start: the check and the write must not interleave with another
    // request of the same key (another process; this server answers one request at a time).
    auto transaction = m_database.begin(Database::Access::Write);
    if (!transaction)
        return transaction.error();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (auto purged = m_database.exec(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < ?"),
                                      { sqlTimestamp(now.addSecs(-3600 * kLifetimeHours)) });
        !purged)
        return purged.error();

    struct Recorded
    {
        QByteArray hash;
        StoredAnswer answer;
    };
    auto recorded = m_database.selectOne<Recorded>(
        QStringLiteral("SELECT request_hash, status, content_type, body FROM idempotency_keys "
                       "WHERE user_id = ? AND idempotency_key = ?"),
        { userId, key }, [](const SqlRow &row) {
            return Recorded { row.text(0).toLatin1(),
                              { int(row.integer(1)), row.text(2).toLatin1(), row.text(3).toUtf8() } };
        });
    if (!recorded && recorded.error().kind != StoreError::Kind::NotFound)
        return recorded.error();
    if (recorded) {
        if (auto committed = transaction->commit(); !committed) // keeps the purge
            return committed.error();
        if (recorded->hash != requestHash)
            return IdempotentOutcome { IdempotentOutcome::Kind::KeyReused, {} };
        return IdempotentOutcome { IdempotentOutcome::Kind::Replayed, recorded->answer };
    }

    IdempotentOutcome outcome { IdempotentOutcome::Kind::Performed, perform() };
    const int status = outcome.answer.status;
    if (status < 200 || status >= 300)
        return outcome; // the transaction rolls back: a failed request may be tried again with its key
    if (auto inserted = m_database.exec(
            QStringLiteral("INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, status, "
                           "content_type, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            { userId, key, QString::fromLatin1(requestHash), status,
              QString::fromLatin1(outcome.answer.contentType), QString::fromUtf8(outcome.answer.body),
              sqlTimestamp(now) });
        !inserted)
        return inserted.error();
    // Should this fail, the write is undone with the key, and the caller must not answer its success.
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return outcome;
}

} // namespace portal::store
