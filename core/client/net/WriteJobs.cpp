#include "WriteJobs.h"

namespace portal::net {

PostMessageJob::PostMessageJob(Session *session, qint64 threadId, const QString &content,
                               RequestOptions options)
    : JsonJob(session, "POST", QStringLiteral("/api/portal/messages/%1/").arg(threadId), std::move(options))
{
    setJsonBody(api::NewMessage { content }.toJson());
}

CreateThreadJob::CreateThreadJob(Session *session, const api::NewThread &thread, RequestOptions options)
    : JsonJob(session, "POST", QStringLiteral("/api/portal/messages/"), std::move(options))
{
    setJsonBody(thread.toJson());
}

MarkThreadReadJob::MarkThreadReadJob(Session *session, qint64 threadId, RequestOptions options)
    : JsonJob(session, "POST", QStringLiteral("/api/portal/messages/%1/read/").arg(threadId),
              std::move(options))
{ }

MarkNotificationReadJob::MarkNotificationReadJob(Session *session, qint64 notificationId,
                                                 RequestOptions options)
    : JsonJob(session, "POST", QStringLiteral("/api/portal/notifications/%1/read/").arg(notificationId),
              std::move(options))
{ }

} // namespace portal::net
