// GET /api/portal/tasks/, and GET /api/portal/tasks/{id}/ (an extension: one task, for links from
// notifications).
#include "Endpoints.h"
#include "Gate.h"
#include "Respond.h"

namespace portal::server {

void registerTaskEndpoints(http::Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/api/portal/tasks/"),
               gated(services, Audience::Clients, [&services](http::Request &, const Caller &caller) {
                   return respond(services.store.tasks().list(caller.scope));
               }));
    // Part of the mark-read extension's switch: both exist for clients that follow notifications.
    router.add(
        "GET", QStringLiteral("/api/portal/tasks/{id}/"),
        extension(
            services.features.markReadExtension,
            gated(services, Audience::Clients, [&services](http::Request &request, const Caller &caller) {
                return respond(services.store.tasks().detail(caller.scope, request.pathIds.at(0)));
            })));
}

} // namespace portal::server
