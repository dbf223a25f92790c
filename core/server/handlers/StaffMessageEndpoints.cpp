// The staff API's message threads (/api/staff/messages/…): list, start on a case, read, reply. Reading marks
// the client's messages read for the staff member, as GET does for clients.
#include "Endpoints.h"
#include "Gate.h"
#include "Respond.h"
#include "StaffRepositories.h"

namespace portal::server {

using http::Request;
using http::Response;

void registerStaffMessageEndpoints(http::Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/api/staff/messages/"),
               gated(services, Audience::Staff, [&services](Request &, const Caller &caller) {
                   return respond(services.store.staffThreads().list(caller.staff));
               }));
    router.add("POST", QStringLiteral("/api/staff/messages/"),
               gated(services, Audience::Staff, [&services](Request &request, const Caller &caller) {
                   Response failure;
                   const auto thread = decodeBody<api::NewThread>(request, &failure);
                   if (!thread)
                       return failure;
                   return respond(services.store.staffThreads().start(caller.staff, thread->caseId,
                                                                      thread->subject, thread->message),
                                  201);
               }));
    router.add("GET", QStringLiteral("/api/staff/messages/{id}/"),
               gated(services, Audience::Staff, [&services](Request &request, const Caller &caller) {
                   return respond(
                       services.store.staffThreads().detail(caller.staff, request.pathIds.at(0), true));
               }));
    router.add("POST", QStringLiteral("/api/staff/messages/{id}/"),
               gated(services, Audience::Staff, [&services](Request &request, const Caller &caller) {
                   Response failure;
                   const auto message = decodeBody<api::NewMessage>(request, &failure);
                   if (!message)
                       return failure;
                   return respond(services.store.staffThreads().post(caller.staff, request.pathIds.at(0),
                                                                     message->content),
                                  201);
               }));
}

} // namespace portal::server
