#include "Outbox.h"

#include "CacheDatabase.h"

#include <QJsonDocument>
#include <QUuid>

namespace portal::client {

namespace {

const QString itemColumns = QStringLiteral("id, kind, target_id, payload, file_path, idempotency_key, state, "
                                           "last_error, attempts, created_at, result_id");

std::optional<OutboxKind> kindFromText(const QString &text)
{
    for (OutboxKind kind : { OutboxKind::NewMessage, OutboxKind::NewThread, OutboxKind::Upload,
                             OutboxKind::MarkThreadRead, OutboxKind::MarkNotificationRead }) {
        if (toString(kind) == text)
            return kind;
    }
    return std::nullopt;
}

OutboxState stateFromText(const QString &text)
{
    for (OutboxState state :
         { OutboxState::Pending, OutboxState::Sending, OutboxState::Failed, OutboxState::Sent }) {
        if (toString(state) == text)
            return state;
    }
    return OutboxState::Failed;
}

OutboxItem readItem(const CacheRow &row)
{
    OutboxItem item;
    item.id = row.integer(0);
    item.kind
        = kindFromText(row.text(1)).value_or(OutboxKind::NewMessage); // the schema's CHECK holds the set
    item.targetId = row.integer(2);
    item.payload = QJsonDocument::fromJson(row.text(3).toUtf8()).object();
    item.filePath = row.text(4);
    item.idempotencyKey = row.text(5);
    item.state = stateFromText(row.text(6));
    item.lastError = row.text(7);
    item.attempts = int(row.integer(8));
    item.createdAt = row.timestamp(9);
    item.resultId = row.optionalInteger(10);
    return item;
}

} // namespace

QString toString(OutboxKind kind)
{
    switch (kind) {
    case OutboxKind::NewMessage:
        return QStringLiteral("new_message");
    case OutboxKind::NewThread:
        return QStringLiteral("new_thread");
    case OutboxKind::Upload:
        return QStringLiteral("upload");
    case OutboxKind::MarkThreadRead:
        return QStringLiteral("mark_thread_read");
    case OutboxKind::MarkNotificationRead:
        return QStringLiteral("mark_notification_read");
    }
    return {};
}

QString toString(OutboxState state)
{
    switch (state) {
    case OutboxState::Pending:
        return QStringLiteral("pending");
    case OutboxState::Sending:
        return QStringLiteral("sending");
    case OutboxState::Failed:
        return QStringLiteral("failed");
    case OutboxState::Sent:
        return QStringLiteral("sent");
    }
    return {};
}

OutboxRequest OutboxRequest::newMessage(qint64 threadId, const api::NewMessage &message)
{
    return { OutboxKind::NewMessage, threadId, message.toJson(), {} };
}

OutboxRequest OutboxRequest::newThread(const api::NewThread &thread)
{
    return { OutboxKind::NewThread, thread.caseId, thread.toJson(), {} };
}

OutboxRequest OutboxRequest::upload(qint64 caseId, const QJsonObject &fields, const QString &filePath)
{
    return { OutboxKind::Upload, caseId, fields, filePath };
}

OutboxRequest OutboxRequest::markThreadRead(qint64 threadId)
{
    return { OutboxKind::MarkThreadRead, threadId, {}, {} };
}

OutboxRequest OutboxRequest::markNotificationRead(qint64 notificationId)
{
    return { OutboxKind::MarkNotificationRead, notificationId, {}, {} };
}

CacheResult<OutboxItem> Outbox::insert(CacheDatabase &database, const OutboxRequest &request)
{
    OutboxItem item;
    item.kind = request.kind;
    item.targetId = request.targetId;
    item.payload = request.payload;
    item.filePath = request.filePath;
    item.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.createdAt = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
    auto inserted = database.exec(
        QStringLiteral(
            "INSERT INTO outbox (kind, target_id, payload, file_path, idempotency_key, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)"),
        { toString(item.kind), item.targetId,
          QString::fromUtf8(QJsonDocument(item.payload).toJson(QJsonDocument::Compact)),
          item.filePath.isEmpty() ? sqlNull() : QVariant(item.filePath), item.idempotencyKey,
          sqlTimestamp(item.createdAt) });
    if (!inserted)
        return inserted.error();
    item.id = database.lastInsertId();
    return item;
}

CacheResult<OutboxItem> Outbox::enqueue(const OutboxRequest &request)
{
    auto item = insert(m_database, request);
    if (item && m_changed)
        m_changed();
    return item;
}

CacheResult<std::optional<OutboxItem>> Outbox::nextPending()
{
    return m_database.selectOne<OutboxItem>(
        QStringLiteral("SELECT %1 FROM outbox WHERE state = 'pending' ORDER BY id LIMIT 1").arg(itemColumns),
        {}, readItem);
}

CacheResult<std::optional<OutboxItem>> Outbox::item(qint64 id)
{
    return m_database.selectOne<OutboxItem>(
        QStringLiteral("SELECT %1 FROM outbox WHERE id = ?").arg(itemColumns), { id }, readItem);
}

CacheResult<Done> Outbox::setState(qint64 id, const QString &sql, const QVariantList &values)
{
    auto done = m_database.exec(sql, values);
    if (!done)
        return done;
    if (m_database.rowsAffected() == 0)
        return CacheError::make(CacheError::Kind::NotFound, QStringLiteral("no outbox item %1").arg(id));
    if (m_changed)
        m_changed();
    return Done {};
}

CacheResult<Done> Outbox::markSending(qint64 id)
{
    return setState(id,
                    QStringLiteral("UPDATE outbox SET state = 'sending', attempts = attempts + 1 "
                                   "WHERE id = ? AND state IN ('pending', 'failed')"),
                    { id });
}

CacheResult<Done> Outbox::markSent(qint64 id, std::optional<qint64> resultId, AfterSent after)
{
    if (after == AfterSent::Remove)
        return setState(id, QStringLiteral("DELETE FROM outbox WHERE id = ?"), { id });
    return setState(
        id, QStringLiteral("UPDATE outbox SET state = 'sent', result_id = ?, last_error = '' WHERE id = ?"),
        { sqlOptionalInteger(resultId), id });
}

CacheResult<Done> Outbox::markFailed(qint64 id, const QString &message)
{
    return setState(id, QStringLiteral("UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?"),
                    { sqlText(message), id });
}

CacheResult<Done> Outbox::retry(qint64 id)
{
    return setState(
        id, QStringLiteral("UPDATE outbox SET state = 'pending' WHERE id = ? AND state = 'failed'"), { id });
}

CacheResult<Done> Outbox::requeue(qint64 id, const QString &message)
{
    return setState(id,
                    QStringLiteral("UPDATE outbox SET state = 'pending', last_error = ? "
                                   "WHERE id = ? AND state = 'sending'"),
                    { sqlText(message), id });
}

CacheResult<Done> Outbox::remove(qint64 id)
{
    return setState(id, QStringLiteral("DELETE FROM outbox WHERE id = ?"), { id });
}

CacheResult<QList<OutboxItem>> Outbox::items()
{
    return m_database.selectAll<OutboxItem>(
        QStringLiteral("SELECT %1 FROM outbox ORDER BY id").arg(itemColumns), {}, readItem);
}

CacheResult<QList<OutboxItem>> Outbox::unsentItems()
{
    return m_database.selectAll<OutboxItem>(
        QStringLiteral("SELECT %1 FROM outbox WHERE state <> 'sent' ORDER BY id").arg(itemColumns), {},
        readItem);
}

CacheResult<QList<OutboxItem>> Outbox::unsentMessages(qint64 threadId)
{
    return m_database.selectAll<OutboxItem>(
        QStringLiteral(
            "SELECT %1 FROM outbox WHERE target_id = ? AND kind = 'new_message' AND state <> 'sent' "
            "ORDER BY id")
            .arg(itemColumns),
        { threadId }, readItem);
}

CacheResult<int> Outbox::recoverInterrupted()
{
    auto done
        = m_database.exec(QStringLiteral("UPDATE outbox SET state = 'pending' WHERE state = 'sending'"));
    if (!done)
        return done.error();
    const int recovered = m_database.rowsAffected();
    if (recovered > 0)
        qCInfo(lcCache) << recovered << "outbox items interrupted while sending are pending again";
    return recovered;
}

} // namespace portal::client
