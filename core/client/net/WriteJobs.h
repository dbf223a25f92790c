// The client API's writes. POSTs carry the caller's Idempotency-Key when given (RequestOptions): the outbox
// keeps one key per pending write, so a retry after a lost answer cannot post twice on a server that
// honours the header. Only writes with a key are retried after 502/503/504.
#pragma once

#include "JsonJob.h"
#include "WireTypes.h"

namespace portal::net {

class PostMessageJob : public JsonJob<api::Message> // POST /api/portal/messages/{id}/ → 201 the message
{
public:
    PostMessageJob(Session *session, qint64 threadId, const QString &content, RequestOptions options = {});
};

class CreateThreadJob : public JsonJob<api::ThreadDetail> // POST /api/portal/messages/ → 201 the thread
{
public:
    CreateThreadJob(Session *session, const api::NewThread &thread, RequestOptions options = {});
};

// POST /api/portal/messages/{id}/read/ (extension) → the thread's list item with unread_count 0. A 404 or
// 405 means the server lacks it: keep the unread state locally.
class MarkThreadReadJob : public JsonJob<api::Thread>
{
public:
    MarkThreadReadJob(Session *session, qint64 threadId, RequestOptions options = {});
};

// POST /api/portal/notifications/{id}/read/ → the notification, read.
class MarkNotificationReadJob : public JsonJob<api::Notification>
{
public:
    MarkNotificationReadJob(Session *session, qint64 notificationId, RequestOptions options = {});
};

} // namespace portal::net
