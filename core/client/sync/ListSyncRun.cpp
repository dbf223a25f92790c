#include "ListSyncRun.h"

#include "LocalReads.h"
#include "SyncLog.h"

#include <QJsonDocument>
#include <algorithm>

namespace portal::client {

using net::NetError;

namespace {

// Set while details of a list answer are still to be fetched: the lists are then asked without ETags, so
// a 304 cannot hide what is left to fetch.
const QString detailsPendingKey = QStringLiteral("fallback:details_pending");

QString threadSeenValue(const api::Thread &thread)
{
    return QStringLiteral("%1:%2").arg(thread.updatedAt.toMSecsSinceEpoch()).arg(thread.unreadCount);
}

// Changed since its detail was fetched: a newer updated_at, or more unread than then (fewer is our own
// fetch having marked it read on a server that ignores mark_read, or a read elsewhere: nothing to fetch).
bool threadChanged(const api::Thread &thread, const std::optional<QString> &seen)
{
    if (!seen)
        return true;
    const qsizetype colon = seen->indexOf(QLatin1Char(':'));
    const qint64 seenUpdated = seen->left(colon).toLongLong();
    const int seenUnread = seen->mid(colon + 1).toInt();
    return thread.updatedAt.toMSecsSinceEpoch() != seenUpdated || thread.unreadCount > seenUnread;
}

QString caseSeenValue(const api::Case &item)
{
    return QString::fromUtf8(QJsonDocument(item.toJson()).toJson(QJsonDocument::Compact));
}

} // namespace

ListSyncRun::ListSyncRun(net::Session &session, ClientCache &cache, DetailFetcher &details, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(cache)
    , m_details(details)
{ }

void ListSyncRun::start()
{
    const bool pending = [&] {
        auto value = m_cache.syncValue(detailsPendingKey);
        return !value || value->has_value();
    }();
    auto options = [&](const QString &path, bool useEtag = true) {
        net::RequestOptions options;
        if (useEtag) {
            if (auto etag = m_cache.syncValue(SyncKeys::etag(path)); etag && *etag)
                options.etag = (*etag)->toLatin1();
        }
        return options;
    };
    m_pending = 6;
    fetchList(new net::FetchProfileJob(&m_session, options(QStringLiteral("/api/portal/profile/"))),
              &m_profile);
    fetchList(new net::FetchCasesJob(&m_session, options(QStringLiteral("/api/portal/cases/"), !pending)),
              &m_cases);
    fetchList(
        new net::FetchThreadsJob(&m_session, options(QStringLiteral("/api/portal/messages/"), !pending)),
        &m_threads);
    fetchList(new net::FetchDocumentsJob(&m_session, options(QStringLiteral("/api/portal/documents/"))),
              &m_documents);
    fetchList(new net::FetchTasksJob(&m_session, options(QStringLiteral("/api/portal/tasks/"))), &m_tasks);
    fetchList(
        new net::FetchNotificationsJob(&m_session, options(QStringLiteral("/api/portal/notifications/"))),
        &m_notifications);
}

template<typename Job> void ListSyncRun::fetchList(Job *job, std::optional<typename Job::Result> *slot)
{
    connect(job, &net::ApiJob::finished, this, [this, job, slot] {
        m_requests += job->attempts();
        *slot = job->result();
        if (!(*slot)->etag.isEmpty())
            m_etags.insert(job->path(), (*slot)->etag);
        listFinished();
    });
    job->start();
}

void ListSyncRun::listFinished()
{
    if (--m_pending > 0)
        return;
    for (const NetError *error : { &m_profile->error, &m_cases->error, &m_threads->error, &m_documents->error,
                                   &m_tasks->error, &m_notifications->error }) {
        if (error->isError()) {
            finish({ *error });
            return;
        }
    }
    applyLists();
}

void ListSyncRun::applyLists()
{
    QList<DetailFetcher::Item> threadItems;
    QList<DetailFetcher::Item> caseItems;
    QList<api::Thread> adjusted; // known threads whose entry changed, with the unread count to show
    if (m_threads->value) {
        QHash<qint64, int> localUnread;
        if (auto cached = m_cache.threads()) {
            for (const ThreadSummary &summary : *cached)
                localUnread.insert(summary.thread.id, summary.thread.unreadCount);
        }
        QList<api::Thread> changed;
        for (const api::Thread &thread : *m_threads->value) {
            auto seen = m_cache.syncValue(threadSeenKey(thread.id));
            if (!seen || !threadChanged(thread, *seen))
                continue;
            changed.append(thread);
            if (localUnread.contains(thread.id)) {
                api::Thread shown = thread;
                shown.unreadCount = qMax(thread.unreadCount, localUnread.value(thread.id));
                adjusted.append(shown);
            }
        }
        std::stable_sort(changed.begin(), changed.end(), [](const api::Thread &a, const api::Thread &b) {
            return a.updatedAt > b.updatedAt;
        });
        for (const api::Thread &thread : changed)
            threadItems.append({ DetailFetcher::Kind::Thread, thread.id, threadSeenKey(thread.id),
                                 threadSeenValue(thread) });
    }
    if (m_cases->value) {
        for (const api::Case &item : *m_cases->value) {
            const QString value = caseSeenValue(item);
            auto seen = m_cache.syncValue(caseSeenKey(item.id));
            if (seen && *seen == value)
                continue;
            caseItems.append({ DetailFetcher::Kind::Case, item.id, caseSeenKey(item.id), value });
        }
    }

    const LocalReads localReads = LocalReads::pending(m_cache);
    const bool detailsToFetch = !threadItems.isEmpty() || !caseItems.isEmpty();
    auto applied = m_cache.apply([&](CacheWriter &writer) {
        if (m_profile->value)
            writer.setProfile(*m_profile->value);
        if (m_cases->value)
            writer.replaceAllCases(*m_cases->value);
        if (m_threads->value) {
            writer.replaceAllThreads(*m_threads->value, ReadState::KeepLocal);
            if (!adjusted.isEmpty())
                writer.upsertThreads(adjusted, ReadState::FromServer);
        }
        if (m_documents->value)
            writer.replaceAllDocuments(*m_documents->value);
        if (m_tasks->value)
            writer.replaceAllTasks(*m_tasks->value);
        if (m_notifications->value)
            writer.replaceAllNotifications(*m_notifications->value);
        localReads.reapply(writer);
        for (auto it = m_etags.cbegin(); it != m_etags.cend(); ++it)
            writer.setSyncValue(SyncKeys::etag(it.key()), QString::fromLatin1(it.value()));
        if (detailsToFetch)
            writer.setSyncValue(detailsPendingKey, QStringLiteral("1"));
    });
    if (!applied) {
        finish({ SyncOutcome::fromCache(applied.error()) });
        return;
    }
    qCDebug(lcSync) << "lists written;" << threadItems.size() << "threads and" << caseItems.size()
                    << "cases to fetch";

    m_waitingForDetails = true;
    connect(&m_details, &DetailFetcher::drained, this, [this](const NetError &error, int requests) {
        if (!m_waitingForDetails)
            return;
        m_waitingForDetails = false;
        m_requests += requests;
        if (error.isError()) {
            finish({ error });
            return;
        }
        auto done = m_cache.apply([&](CacheWriter &writer) {
            writer.removeSyncValue(detailsPendingKey);
            writer.setSyncValue(SyncKeys::lastSyncAt, api::formatTimestamp(QDateTime::currentDateTimeUtc()));
        });
        finish(done ? SyncOutcome {} : SyncOutcome { SyncOutcome::fromCache(done.error()) });
    });
    m_details.enqueue(threadItems + caseItems);
}

void ListSyncRun::finish(SyncOutcome outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    outcome.requests = m_requests;
    emit finished(outcome);
}

} // namespace portal::client
