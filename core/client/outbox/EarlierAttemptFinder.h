// Looks on the server for what an earlier attempt of an outbox item may have created, for servers that
// ignore Idempotency-Key (a plain server of the API document): when an attempt's answer was lost (dropped
// connection, timeout, 5xx, a crash while sending), the object may exist although the client never heard
// of it, and sending again would make a second one.
//
// - a new message: the thread (fetched without marking read where the server allows) holds a message of
//   ours with the same content, created after the item was enqueued;
// - a new thread: the thread list holds one with the same subject and case, created after the item was
//   enqueued, whose first message is the item's;
// - an upload: the document list holds one with the same title, case and file size, uploaded after the
//   item was enqueued.
// Objects already claimed by earlier items of this run are skipped, so two identical messages sent one
// after the other are not taken for one. Timestamps are compared with some slack, as the client's and the
// server's clocks differ.
#pragma once

#include "Outbox.h"
#include "SentAnswer.h"
#include "Session.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <optional>

namespace portal::net {
class ApiJob;
}

namespace portal::client {

// What was created by an item of some kind and id: the finder's "claimed" set.
using CreatedObject = QPair<int, qint64>; // (OutboxKind, object id)

class EarlierAttemptFinder : public QObject
{
    Q_OBJECT
public:
    struct Clues
    {
        std::optional<qint64> ownUserId; // the profile's user id, when the cache knows it
        QSet<CreatedObject> claimed;
        qint64 clockSlackMs = 2 * 60 * 1000;
    };
    // `error` set: the lookup failed (the caller treats it like a failed send); otherwise `found` holds
    // the earlier attempt's object, or nothing when there is none and the item must be sent.
    using Finished = std::function<void(const net::NetError &error, const std::optional<SentAnswer> &found)>;

    EarlierAttemptFinder(net::Session *session, OutboxItem item, Clues clues, QObject *parent = nullptr);
    ~EarlierAttemptFinder() override;

    // Only new messages, new threads and uploads can be duplicated; reads are idempotent by nature.
    static bool applies(OutboxKind kind);

    void start(Finished finished);
    void cancel(); // no callback afterwards

private:
    void findMessage();
    void findThread();
    void checkThreadCandidates(QList<api::Thread> candidates);
    void findDocument();
    bool recentEnough(const QDateTime &serverTime) const;
    bool claimed(qint64 objectId) const;
    void finish(const net::NetError &error, const std::optional<SentAnswer> &found);
    template<typename Job> Job *track(Job *job);

    QPointer<net::Session> m_session;
    OutboxItem m_item;
    Clues m_clues;
    Finished m_finished;
    QPointer<net::ApiJob> m_job;
};

} // namespace portal::client
