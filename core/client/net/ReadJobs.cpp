#include "ReadJobs.h"

namespace portal::net {

namespace {

QString withId(const char *pattern, qint64 id)
{
    return QString::fromLatin1(pattern).arg(id);
}

} // namespace

FetchProfileJob::FetchProfileJob(Session *session, RequestOptions options)
    : JsonJob(session, "GET", QStringLiteral("/api/portal/profile/"), std::move(options))
{ }

FetchCasesJob::FetchCasesJob(Session *session, RequestOptions options)
    : JsonJob(session, "GET", QStringLiteral("/api/portal/cases/"), std::move(options))
{ }

FetchCaseJob::FetchCaseJob(Session *session, qint64 caseId, RequestOptions options)
    : JsonJob(session, "GET", withId("/api/portal/cases/%1/", caseId), std::move(options))
{ }

FetchThreadsJob::FetchThreadsJob(Session *session, RequestOptions options)
    : JsonJob(session, "GET", QStringLiteral("/api/portal/messages/"), std::move(options))
{ }

FetchThreadJob::FetchThreadJob(Session *session, qint64 threadId, bool markRead, RequestOptions options)
    : JsonJob(session, "GET", withId("/api/portal/messages/%1/", threadId), std::move(options))
{
    if (!markRead)
        setQuery(QUrlQuery { { QStringLiteral("mark_read"), QStringLiteral("false") } });
}

FetchDocumentsJob::FetchDocumentsJob(Session *session, RequestOptions options)
    : JsonJob(session, "GET", QStringLiteral("/api/portal/documents/"), std::move(options))
{ }

FetchDocumentJob::FetchDocumentJob(Session *session, qint64 documentId, RequestOptions options)
    : JsonJob(session, "GET", withId("/api/portal/documents/%1/", documentId), std::move(options))
{ }

FetchTasksJob::FetchTasksJob(Session *session, RequestOptions options)
    : JsonJob(session, "GET", QStringLiteral("/api/portal/tasks/"), std::move(options))
{ }

FetchTaskJob::FetchTaskJob(Session *session, qint64 taskId, RequestOptions options)
    : JsonJob(session, "GET", withId("/api/portal/tasks/%1/", taskId), std::move(options))
{ }

FetchNotificationsJob::FetchNotificationsJob(Session *session, RequestOptions options)
    : JsonJob(session, "GET", QStringLiteral("/api/portal/notifications/"), std::move(options))
{ }

FetchSyncPageJob::FetchSyncPageJob(Session *session, const QString &since, int limit, RequestOptions options)
    : JsonJob(session, "GET", QStringLiteral("/api/portal/sync/"), std::move(options))
{
    QUrlQuery query;
    if (!since.isEmpty())
        query.addQueryItem(QStringLiteral("since"), since);
    if (limit > 0)
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    setQuery(query);
}

} // namespace portal::net
