#include "DetailFetcher.h"

#include "LocalReads.h"
#include "ReadJobs.h"
#include "SyncLog.h"
#include "SyncOutcome.h"

#include <algorithm>

namespace portal::client {

using net::NetError;

namespace {

// Errors after which the other requests would fail the same way: stop instead of trying each.
bool stopsEverything(const NetError &error)
{
    switch (error.kind) {
    case NetError::Kind::Offline:
    case NetError::Kind::Unreachable:
    case NetError::Kind::Timeout:
    case NetError::Kind::Tls:
    case NetError::Kind::Unauthorized:
    case NetError::Kind::RateLimited:
    case NetError::Kind::Storage:
    case NetError::Kind::Cancelled:
        return true;
    default:
        return error.kind == NetError::Kind::Http && error.httpStatus >= 500;
    }
}

} // namespace

DetailFetcher::DetailFetcher(net::Session &session, ClientCache &cache, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(cache)
{ }

void DetailFetcher::enqueue(const QList<Item> &items)
{
    for (const Item &item : items) {
        const bool queued = std::any_of(m_queue.cbegin(), m_queue.cend(), [&](const Item &other) {
            return other.kind == item.kind && other.id == item.id;
        });
        if (!queued)
            m_queue.append(item);
    }
    pump();
}

void DetailFetcher::prioritize(qint64 threadId)
{
    Item item { Kind::Thread, threadId, {}, {} };
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue[i].kind == Kind::Thread && m_queue[i].id == threadId) {
            item = m_queue.takeAt(i);
            break;
        }
    }
    m_queue.prepend(item);
    pump();
}

void DetailFetcher::pump()
{
    while (m_inFlight < m_concurrency && !m_queue.isEmpty())
        startItem(m_queue.takeFirst());
    if (isIdle()) {
        const NetError error = m_firstError;
        const int requests = m_requests;
        m_firstError = {};
        m_requests = 0;
        emit drained(error, requests);
    }
}

void DetailFetcher::startItem(const Item &item)
{
    ++m_inFlight;
    if (item.kind == Kind::Thread) {
        auto *job = new net::FetchThreadJob(&m_session, item.id, /*markRead=*/false);
        connect(job, &net::ApiJob::finished, this, [this, job, item] {
            const auto result = job->result();
            NetError error = result.error;
            if (result.ok() && !writeThread(item, *result.value))
                error = NetError::make(NetError::Kind::Storage,
                                       QStringLiteral("The local cache could not be written."));
            finishItem(item, error, job->attempts());
        });
        job->start();
    } else {
        auto *job = new net::FetchCaseJob(&m_session, item.id);
        connect(job, &net::ApiJob::finished, this, [this, job, item] {
            const auto result = job->result();
            NetError error = result.error;
            if (result.ok() && !writeCase(item, *result.value))
                error = NetError::make(NetError::Kind::Storage,
                                       QStringLiteral("The local cache could not be written."));
            finishItem(item, error, job->attempts());
        });
        job->start();
    }
}

void DetailFetcher::finishItem(const Item &item, const NetError &error, int attempts)
{
    --m_inFlight;
    m_requests += attempts;
    if (error.isError()) {
        // A 404: the object went away since the list; the next list removes it.
        if (!(error.kind == NetError::Kind::Http && error.httpStatus == 404)) {
            qCDebug(lcSync) << "detail" << item.id << "failed:" << net::kindName(error.kind) << error.message;
            if (!m_firstError.isError())
                m_firstError = error;
            if (stopsEverything(error))
                m_queue.clear();
        }
    } else {
        emit fetched(item.kind, item.id);
    }
    pump();
}

bool DetailFetcher::writeThread(const Item &item, const api::ThreadDetail &detail)
{
    // What the cache knew before: its messages' ids and read state, the thread's unread count (the list
    // step's), and who "I" am (one's own messages never count as unread).
    QSet<qint64> known;
    int knownUnread = 0;
    if (auto messages = m_cache.messages(detail.id)) {
        for (const api::Message &message : *messages) {
            known.insert(message.id);
            if (!message.isRead)
                ++knownUnread;
        }
    }
    int unread = 0;
    bool threadKnown = false;
    if (auto thread = m_cache.thread(detail.id); thread && *thread) {
        unread = (*thread)->unreadCount;
        threadKnown = true;
    }
    qint64 me = 0;
    if (auto profile = m_cache.profile(); profile && *profile)
        me = (*profile)->user.id;

    QList<api::Message> stillUnread; // the newest new messages of others, as many as the count says
    if (threadKnown) {
        int toMark = unread - knownUnread;
        for (auto it = detail.messages.crbegin(); it != detail.messages.crend() && toMark > 0; ++it) {
            if (known.contains(it->id) || it->sender.id == me)
                continue;
            api::Message message = *it;
            message.isRead = false;
            stillUnread.append(message);
            --toMark;
        }
    }
    const LocalReads localReads = LocalReads::pending(m_cache);
    auto applied = m_cache.apply([&](CacheWriter &writer) {
        writer.upsertThreadDetail(detail, ReadState::KeepLocal);
        if (!stillUnread.isEmpty())
            writer.upsertMessages(detail.id, stillUnread, ReadState::FromServer);
        if (localReads.threads.contains(detail.id))
            writer.markThreadRead(detail.id);
        if (!item.seenKey.isEmpty())
            writer.setSyncValue(item.seenKey, item.seenValue);
    });
    if (!applied)
        qCWarning(lcSync) << "thread" << detail.id << "not written:" << applied.error().message;
    return applied.ok();
}

bool DetailFetcher::writeCase(const Item &item, const api::CaseDetail &detail)
{
    auto applied = m_cache.apply([&](CacheWriter &writer) {
        writer.upsertCaseDetail(detail);
        if (!item.seenKey.isEmpty())
            writer.setSyncValue(item.seenKey, item.seenValue);
    });
    if (!applied)
        qCWarning(lcSync) << "case" << detail.summary.id << "not written:" << applied.error().message;
    return applied.ok();
}

} // namespace portal::client
