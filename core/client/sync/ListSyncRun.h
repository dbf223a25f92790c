// One run of the list fallback, for servers without the delta endpoint: the profile and the five lists
// (each with If-None-Match when the server gave an ETag, stored per URL in the sync state; NotModified
// keeps what the cache has), written in one transaction with replaceAll* (what the server no longer lists
// disappears); then the details of the threads and cases whose list entries changed since their details
// were last fetched, through the DetailFetcher.
//
// Unread state against such a server: fetching a thread's detail may mark it read on the server (a plain
// server ignores ?mark_read=false), so the server's later unread counts are not the person's. Known threads
// keep their local unread count (KeepLocal); a thread whose entry changed takes the larger of the list's
// count and its local one, and a new thread takes the list's.
#pragma once

#include "ClientCache.h"
#include "DetailFetcher.h"
#include "ReadJobs.h"
#include "Session.h"
#include "SyncOutcome.h"

#include <QObject>
#include <optional>

namespace portal::client {

class ListSyncRun : public QObject
{
    Q_OBJECT
public:
    ListSyncRun(net::Session &session, ClientCache &cache, DetailFetcher &details, QObject *parent = nullptr);

    void start();

    // The sync-state keys of the fallback (one per thread and case: what its fetched detail was for).
    static QString threadSeenKey(qint64 id) { return QStringLiteral("seen:thread:%1").arg(id); }
    static QString caseSeenKey(qint64 id) { return QStringLiteral("seen:case:%1").arg(id); }

signals:
    void finished(const portal::client::SyncOutcome &outcome);

private:
    template<typename Job> void fetchList(Job *job, std::optional<typename Job::Result> *slot);
    void listFinished();
    void applyLists();
    void finish(SyncOutcome outcome);

    net::Session &m_session;
    ClientCache &m_cache;
    DetailFetcher &m_details;
    int m_pending = 0;
    int m_requests = 0;
    bool m_finished = false;
    bool m_waitingForDetails = false;
    std::optional<net::FetchProfileJob::Result> m_profile;
    std::optional<net::FetchCasesJob::Result> m_cases;
    std::optional<net::FetchThreadsJob::Result> m_threads;
    std::optional<net::FetchDocumentsJob::Result> m_documents;
    std::optional<net::FetchTasksJob::Result> m_tasks;
    std::optional<net::FetchNotificationsJob::Result> m_notifications;
    QMap<QString, QByteArray> m_etags; // url path -> the answer's ETag, written with the lists
};

} // namespace portal::client
