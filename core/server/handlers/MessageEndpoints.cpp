// The message threads: list, start, read (with the ?mark_read=false extension), reply, and the
// POST /api/portal/messages/{id}/read/ extension that marks a thread read when the person opens it.
#include "Endpoints.h"
#include "Gate.h"
#include "Respond.h"

namespace portal::server {

using http::ApiError;
using http::Request;
using http::Response;

namespace {

// ?mark_read= accepts true/false/1/0 (any case); absent means true, as the document's GET reads the thread.
// With the extension switched off it is ignored, as a server of the document would.
std::optional<bool> markReadParameter(const Services &services, const Request &request, Response *failure)
{
    if (!services.features.markReadExtension || !request.query.hasQueryItem(QStringLiteral("mark_read")))
        return true;
    const QString value = request.query.queryItemValue(QStringLiteral("mark_read")).toLower();
    if (value == QLatin1String("true") || value == QLatin1String("1"))
        return true;
    if (value == QLatin1String("false") || value == QLatin1String("0"))
        return false;
    *failure = Response::error(
        ApiError::invalidField(QStringLiteral("mark_read"), QStringLiteral("Must be true or false.")));
    return std::nullopt;
}

} // namespace

void registerMessageEndpoints(http::Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/api/portal/messages/"),
               gated(services, Audience::Clients, [&services](Request &, const Caller &caller) {
                   return respond(services.store.threads().list(caller.scope));
               }));
    router.add("POST", QStringLiteral("/api/portal/messages/"),
               gated(services, Audience::Clients, [&services](Request &request, const Caller &caller) {
                   Response failure;
                   const auto thread = decodeBody<api::NewThread>(request, &failure);
                   if (!thread)
                       return failure;
                   return respond(services.store.threads().start(caller.scope, thread->caseId,
                                                                 thread->subject, thread->message),
                                  201);
               }));
    router.add("GET", QStringLiteral("/api/portal/messages/{id}/"),
               gated(services, Audience::Clients, [&services](Request &request, const Caller &caller) {
                   Response failure;
                   const auto markRead = markReadParameter(services, request, &failure);
                   if (!markRead)
                       return failure;
                   return respond(
                       services.store.threads().detail(caller.scope, request.pathIds.at(0), *markRead));
               }));
    router.add("POST", QStringLiteral("/api/portal/messages/{id}/"),
               gated(services, Audience::Clients, [&services](Request &request, const Caller &caller) {
                   Response failure;
                   const auto message = decodeBody<api::NewMessage>(request, &failure);
                   if (!message)
                       return failure;
                   return respond(
                       services.store.threads().post(caller.scope, request.pathIds.at(0), message->content),
                       201);
               }));
    router.add(
        "POST", QStringLiteral("/api/portal/messages/{id}/read/"),
        extension(services.features.markReadExtension,
                  gated(services, Audience::Clients, [&services](Request &request, const Caller &caller) {
                      return respond(services.store.threads().markRead(caller.scope, request.pathIds.at(0)));
                  })));
}

} // namespace portal::server
