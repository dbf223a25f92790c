// The staff API's tasks (/api/staff/tasks/…): list, create for a case's client, change.
#include "Endpoints.h"
#include "Gate.h"
#include "Respond.h"
#include "StaffRepositories.h"

namespace portal::server {

using http::Request;
using http::Response;

void registerStaffTaskEndpoints(http::Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/api/staff/tasks/"),
               gated(services, Audience::Staff, [&services](Request &, const Caller &caller) {
                   return respond(services.store.staffTasks().list(caller.staff));
               }));
    router.add("POST", QStringLiteral("/api/staff/tasks/"),
               gated(services, Audience::Staff, [&services](Request &request, const Caller &caller) {
                   Response failure;
                   const auto task = decodeBody<api::NewStaffTask>(request, &failure);
                   if (!task)
                       return failure;
                   return respond(services.store.staffTasks().create(caller.staff, *task), 201);
               }));
    router.add("PATCH", QStringLiteral("/api/staff/tasks/{id}/"),
               gated(services, Audience::Staff, [&services](Request &request, const Caller &caller) {
                   Response failure;
                   const auto patch = decodeBody<api::TaskPatch>(request, &failure);
                   if (!patch)
                       return failure;
                   return respond(
                       services.store.staffTasks().update(caller.staff, request.pathIds.at(0), *patch));
               }));
}

} // namespace portal::server
