// The list fallback's second step: fetching the details of the threads and cases whose list entries
// changed, a few at a time (the session's pacer spaces them within the rate limit; at most `concurrency`
// are in flight, so thousands never go at once). Threads go newest first; prioritize() puts the thread the
// person opens at the front. Each answer is written in its own transaction, with the record of what was
// fetched (`seenKey` = `seenValue` in the sync state), so a detail that failed is fetched again next time.
//
// Threads are fetched with ?mark_read=false, but a server without our extensions ignores it and marks the
// thread read: so details are written with ReadState::KeepLocal (the thread keeps the unread count the list
// step gave it, known messages keep their is_read) and that many of the newest new messages of others stay
// unread, so the messages agree with the count.
#pragma once

#include "ClientCache.h"
#include "Session.h"

#include <QList>
#include <QObject>
#include <QSet>

namespace portal::client {

class DetailFetcher : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Thread, Case };
    struct Item
    {
        Kind kind = Kind::Thread;
        qint64 id = 0;
        QString seenKey; // written with the detail (empty: nothing)
        QString seenValue;
    };

    DetailFetcher(net::Session &session, ClientCache &cache, QObject *parent = nullptr);

    void setConcurrency(int concurrency) { m_concurrency = qMax(1, concurrency); }
    // Appends (items already queued keep their place).
    void enqueue(const QList<Item> &items);
    // Moves (or adds) a thread to the front of the queue and starts it now if a slot is free.
    void prioritize(qint64 threadId);
    // Forgets the queue (requests in flight finish).
    void clear() { m_queue.clear(); }

    bool isIdle() const { return m_queue.isEmpty() && m_inFlight == 0; }
    int queued() const { return int(m_queue.size()); }

signals:
    // The queue ran empty: the first error met since the last time (kind None if none) and the requests sent.
    void drained(const portal::net::NetError &firstError, int requests);
    // One detail was written.
    void fetched(portal::client::DetailFetcher::Kind kind, qint64 id);

private:
    void pump();
    void startItem(const Item &item);
    void finishItem(const Item &item, const net::NetError &error, int attempts);
    bool writeThread(const Item &item, const api::ThreadDetail &detail);
    bool writeCase(const Item &item, const api::CaseDetail &detail);

    net::Session &m_session;
    ClientCache &m_cache;
    QList<Item> m_queue;
    int m_concurrency = 4;
    int m_inFlight = 0;
    int m_requests = 0;
    net::NetError m_firstError;
};

} // namespace portal::client
