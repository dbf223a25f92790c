#include "DeltaSyncRun.h"

#include "LocalReads.h"
#include "ReadJobs.h"
#include "SyncLog.h"

namespace portal::client {

using net::NetError;

DeltaSyncRun::DeltaSyncRun(net::Session &session, ClientCache &cache, int pageLimit, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(cache)
    , m_pageLimit(pageLimit)
{ }

void DeltaSyncRun::start()
{
    auto stored = m_cache.syncValue(SyncKeys::deltaCursor);
    if (!stored) {
        finish({ SyncOutcome::fromCache(stored.error()) });
        return;
    }
    m_cursor = stored->value_or(QString());
    fetchPage(m_cursor);
}

void DeltaSyncRun::cancel()
{
    if (auto *job = qobject_cast<net::ApiJob *>(m_job.data()))
        job->cancel();
}

void DeltaSyncRun::fetchPage(const QString &since)
{
    auto *job = new net::FetchSyncPageJob(&m_session, since, m_pageLimit);
    m_job = job;
    connect(job, &net::ApiJob::finished, this, [this, job] {
        m_requests += job->attempts();
        auto result = job->result();
        if (result.error.kind == NetError::Kind::Http
            && (result.error.httpStatus == 404 || result.error.httpStatus == 405)) {
            SyncOutcome outcome;
            outcome.unsupported = true;
            finish(outcome);
            return;
        }
        if (!result.ok()) {
            finish({ result.error });
            return;
        }
        api::SyncPage page = std::move(*result.value);
        qCDebug(lcSync) << "delta page:" << page.objectCount() << "objects, has_more" << page.hasMore;
        m_cursor = page.cursor;
        const bool more = page.hasMore;
        m_pages.append(std::move(page));
        if (more)
            fetchPage(m_cursor);
        else
            applyAll();
    });
    job->start();
}

void DeltaSyncRun::applyAll()
{
    const LocalReads localReads = LocalReads::pending(m_cache);
    const QString syncedAt = api::formatTimestamp(QDateTime::currentDateTimeUtc());
    auto applied = m_cache.apply([&](CacheWriter &writer) {
        // In page order: an object that changed during the run comes again later in its newer state, and a
        // message may precede its thread (the cache has no references between server objects).
        for (api::SyncPage &page : m_pages) {
            if (page.profile)
                writer.setProfile(*page.profile);
            if (!page.cases.isEmpty()) {
                QList<CachedCase> cases;
                cases.reserve(page.cases.size());
                for (const api::SyncCase &item : page.cases)
                    cases.append({ item.summary, item.assignedAttorney });
                writer.upsertCases(cases);
            }
            if (!page.threads.isEmpty())
                writer.upsertThreads(page.threads, ReadState::FromServer);
            if (!page.messages.isEmpty()) {
                QList<ThreadMessage> messages;
                messages.reserve(page.messages.size());
                for (const api::SyncMessage &item : page.messages)
                    messages.append({ item.threadId, item.message });
                writer.upsertMessages(messages, ReadState::FromServer);
            }
            if (!page.documents.isEmpty())
                writer.upsertDocuments(page.documents);
            if (!page.tasks.isEmpty())
                writer.upsertTasks(page.tasks);
            if (!page.notifications.isEmpty())
                writer.upsertNotifications(page.notifications);
            const api::SyncDeletions &deleted = page.deleted;
            if (!deleted.isEmpty()) {
                writer.deleteMessages(deleted.messages);
                writer.deleteThreads(deleted.threads);
                writer.deleteDocuments(deleted.documents);
                writer.deleteTasks(deleted.tasks);
                writer.deleteNotifications(deleted.notifications);
                writer.deleteCases(deleted.cases);
            }
            page = {}; // written: its memory can go
        }
        localReads.reapply(writer);
        writer.setSyncValue(SyncKeys::deltaCursor, m_cursor);
        writer.setSyncValue(SyncKeys::lastSyncAt, syncedAt);
    });
    m_pages.clear();
    if (!applied) {
        finish({ SyncOutcome::fromCache(applied.error()) });
        return;
    }
    finish({});
}

void DeltaSyncRun::finish(SyncOutcome outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    outcome.requests = m_requests;
    emit finished(outcome);
}

} // namespace portal::client
