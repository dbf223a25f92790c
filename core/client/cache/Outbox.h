// The outbox: what the person did offline (messages, threads, uploads, reads), kept in order in the cache's
// database until the sync engine has sent it. Each item gets an Idempotency-Key when it is enqueued, so a
// send that is retried after a crash or a lost answer cannot create the object twice. An item left
// `sending` by a crash goes back to pending when the cache is opened.
#pragma once

#include "CacheError.h"
#include "CacheTypes.h"
#include "WireTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace portal::client {

class CacheDatabase;

enum class OutboxKind { NewMessage, NewThread, Upload, MarkThreadRead, MarkNotificationRead };
enum class OutboxState { Pending, Sending, Failed, Sent };

// What to enqueue. `targetId` is the object the request goes to: the thread of a new message or a read, the
// case of a new thread or an upload, the notification of a read.
struct OutboxRequest
{
    OutboxKind kind = OutboxKind::NewMessage;
    qint64 targetId = 0;
    QJsonObject payload; // the request's JSON body (for an upload: its form fields)
    QString filePath; // an upload's local file

    static OutboxRequest newMessage(qint64 threadId, const api::NewMessage &message);
    static OutboxRequest newThread(const api::NewThread &thread);
    static OutboxRequest upload(qint64 caseId, const QJsonObject &fields, const QString &filePath);
    static OutboxRequest markThreadRead(qint64 threadId);
    static OutboxRequest markNotificationRead(qint64 notificationId);
};

struct OutboxItem
{
    qint64 id = 0; // the order of sending
    OutboxKind kind = OutboxKind::NewMessage;
    qint64 targetId = 0;
    QJsonObject payload;
    QString filePath;
    QString idempotencyKey; // a UUID without braces
    OutboxState state = OutboxState::Pending;
    QString lastError;
    int attempts = 0; // how often it was marked sending
    QDateTime createdAt;
    std::optional<qint64> resultId; // the created object's id once sent (for items kept after sending)
    bool operator==(const OutboxItem &) const = default;
};

enum class AfterSent { Remove, Keep };

class Outbox
{
public:
    // `changed` is told after every write (ClientCache turns it into its changed() signal).
    Outbox(CacheDatabase &database, std::function<void()> changed)
        : m_database(database)
        , m_changed(std::move(changed))
    { }

    CacheResult<OutboxItem> enqueue(const OutboxRequest &request);
    // The oldest pending item; items that failed wait for retry().
    CacheResult<std::optional<OutboxItem>> nextPending();
    CacheResult<Done> markSending(qint64 id); // counts an attempt
    CacheResult<Done> markSent(qint64 id, std::optional<qint64> resultId,
                               AfterSent after = AfterSent::Remove);
    CacheResult<Done> markFailed(qint64 id, const QString &message);
    CacheResult<Done> retry(qint64 id); // a failed item becomes pending again, keeping its place
    // A sending item whose attempt met a passing fault (offline, timeout, 5xx) waits as pending again,
    // with `message` kept as its last error; it keeps its place and its attempt count.
    CacheResult<Done> requeue(qint64 id, const QString &message);
    CacheResult<Done> remove(qint64 id); // the person discards an item
    CacheResult<std::optional<OutboxItem>> item(qint64 id);

    // Every item in order, or only those not yet sent.
    CacheResult<QList<OutboxItem>> items();
    CacheResult<QList<OutboxItem>> unsentItems();
    // The new messages of a thread not yet sent (pending, sending or failed), for the conversation view.
    CacheResult<QList<OutboxItem>> unsentMessages(qint64 threadId);

    // Items left `sending` by a crash become pending; answers how many. ClientCache::open() calls it.
    CacheResult<int> recoverInterrupted();

    // The insert itself, for CacheWriter::enqueue() inside a transaction.
    static CacheResult<OutboxItem> insert(CacheDatabase &database, const OutboxRequest &request);

private:
    CacheResult<Done> setState(qint64 id, const QString &sql, const QVariantList &values);

    CacheDatabase &m_database;
    std::function<void()> m_changed;
};

QString toString(OutboxKind kind);
QString toString(OutboxState state);

} // namespace portal::client
