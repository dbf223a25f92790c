// Sends an account's outbox: what the person wrote, uploaded or read while the views showed it at once.
// One item at a time, oldest first, so nothing overtakes what was written before it; each request carries
// its item's Idempotency-Key. It starts on an enqueue (the cache's changed signal), when the connection is
// back, and after passing faults on a timer that backs off (5 s doubling to 5 min).
//
// - Sent: the server's answer enters the cache in the same transaction that removes the item.
// - Refused for good (400, 403, 404, 413, 415, 422...): the item is marked failed with the server's message
//   and the next one goes; retry() or discard() is the person's choice.
// - Signed out (a 401 the session cannot mend): everything waits, pending, until signed in again.
// - An attempt that may have reached the server (lost answer, timeout, 5xx, a crash while sending) is
//   looked for on the server before it is sent again (EarlierAttemptFinder), for servers that ignore the key.
// - Marking a thread read falls back to fetching it (which marks it read) on servers without the
//   mark-read extension.
#pragma once

#include "ClientCache.h"
#include "EarlierAttemptFinder.h"
#include "SendFailure.h"
#include "SentAnswer.h"
#include "Session.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <optional>

namespace portal::net {
class ApiJob;
}

namespace portal::client {

class OutboxSender : public QObject
{
    Q_OBJECT
public:
    OutboxSender(net::Session &session, ClientCache &cache, QObject *parent = nullptr);
    // Leaves an item in flight `sending`, as a crash would: the cache makes it pending at the next open
    // and the next sender looks for it on the server before sending it again.
    ~OutboxSender() override;

    // Begins sending what is pending, and follows enqueues and the connection from then on.
    void start();
    // Cancels the attempt in flight (its item waits, pending) and sends nothing until start().
    void stop();
    bool isRunning() const { return m_running; }

    // Tries now: ends a backoff pause (e.g. the person pressed "Send now").
    void kick();

    // The person's choices for a failed item: send it again (it keeps its place), or drop it (an upload's
    // copy goes with it). discard() also works on a pending item, and on the one in flight (which may have
    // reached the server already).
    CacheResult<Done> retry(qint64 itemId);
    CacheResult<Done> discard(qint64 itemId);

    int pendingCount() const { return m_pendingCount; } // pending or sending; failed items not counted
    std::optional<qint64> currentItemId() const;

    // The backoff after passing faults (tests shorten it).
    void setRetryIntervals(int minMs, int maxMs);
    // Look for an earlier attempt before sending an item again (default on). Off relies on the server
    // honouring Idempotency-Key alone.
    void setLookBeforeResend(bool look) { m_lookBeforeResend = look; }

signals:
    void itemSent(qint64 itemId);
    void itemFailed(qint64 itemId, const QString &message);
    void pendingCountChanged(int count);
    void uploadProgress(qint64 itemId, qint64 sent, qint64 total);

private:
    void schedule();
    void sendNext();
    void send();
    void sendMarkThreadReadFallback();
    template<typename Job, typename Value> void run(Job *job);
    void succeeded(const SentAnswer &answer);
    void failed(const net::NetError &error);
    void abandonCurrent();
    void updatePendingCount();
    void onCacheChanged(CacheKinds kinds);
    void onPolicyChanged();

    net::Session &m_session;
    ClientCache &m_cache;
    bool m_running = false;
    bool m_scheduled = false;
    bool m_heldSignedOut = false;
    bool m_lookBeforeResend = true;

    std::optional<OutboxItem> m_current; // attempts as before this attempt
    QPointer<net::ApiJob> m_job;
    QPointer<EarlierAttemptFinder> m_finder;

    QTimer m_retryTimer;
    int m_minDelayMs = 5000;
    int m_maxDelayMs = 5 * 60 * 1000;
    int m_nextDelayMs = 5000;

    QSet<qint64> m_notReached; // items whose last attempt surely did not reach the server
    QSet<CreatedObject> m_claimed; // objects made by items of this run
    int m_pendingCount = -1;
};

} // namespace portal::client
