// The client API's reads, one job class per endpoint, each decoding into its wire type. All take
// RequestOptions, so any of them can be conditional (an ETag from the last answer: NotModified when
// unchanged). Usage:
//     auto *job = new FetchThreadsJob(&session);
//     job->then(this, [](const FetchThreadsJob::Result &r) { if (r.ok()) use(*r.value); });
//     job->start();
#pragma once

#include "JsonJob.h"
#include "SyncTypes.h"
#include "WireTypes.h"

namespace portal::net {

class FetchProfileJob : public JsonJob<api::Profile> // GET /api/portal/profile/
{
public:
    explicit FetchProfileJob(Session *session, RequestOptions options = {});
};

class FetchCasesJob : public JsonJob<QList<api::Case>> // GET /api/portal/cases/
{
public:
    explicit FetchCasesJob(Session *session, RequestOptions options = {});
};

class FetchCaseJob : public JsonJob<api::CaseDetail> // GET /api/portal/cases/{id}/
{
public:
    FetchCaseJob(Session *session, qint64 caseId, RequestOptions options = {});
};

class FetchThreadsJob : public JsonJob<QList<api::Thread>> // GET /api/portal/messages/
{
public:
    explicit FetchThreadsJob(Session *session, RequestOptions options = {});
};

// GET /api/portal/messages/{id}/; markRead=false adds ?mark_read=false (an extension: a server of the bare
// document ignores it and marks the thread read, so background syncs should prefer the sync endpoint).
class FetchThreadJob : public JsonJob<api::ThreadDetail>
{
public:
    FetchThreadJob(Session *session, qint64 threadId, bool markRead = true, RequestOptions options = {});
};

class FetchDocumentsJob : public JsonJob<QList<api::Document>> // GET /api/portal/documents/
{
public:
    explicit FetchDocumentsJob(Session *session, RequestOptions options = {});
};

class FetchDocumentJob : public JsonJob<api::DocumentDetail> // GET /api/portal/documents/{id}/
{
public:
    FetchDocumentJob(Session *session, qint64 documentId, RequestOptions options = {});
};

class FetchTasksJob : public JsonJob<QList<api::Task>> // GET /api/portal/tasks/
{
public:
    explicit FetchTasksJob(Session *session, RequestOptions options = {});
};

class FetchTaskJob : public JsonJob<api::Task> // GET /api/portal/tasks/{id}/ (extension)
{
public:
    FetchTaskJob(Session *session, qint64 taskId, RequestOptions options = {});
};

class FetchNotificationsJob : public JsonJob<QList<api::Notification>> // GET /api/portal/notifications/
{
public:
    explicit FetchNotificationsJob(Session *session, RequestOptions options = {});
};

// GET /api/portal/sync/?since=&limit= (extension), decoded into api::SyncPage (core/api/SyncTypes.h).
// A 404 (or 405) answer means the server has no sync endpoint: fall back to the list endpoints.
class FetchSyncPageJob : public JsonJob<api::SyncPage>
{
public:
    FetchSyncPageJob(Session *session, const QString &since, int limit = 0, RequestOptions options = {});
};

} // namespace portal::net
