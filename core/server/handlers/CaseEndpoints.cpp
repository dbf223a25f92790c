// GET /api/portal/cases/ and /api/portal/cases/{id}/: the client's cases.
#include "Endpoints.h"
#include "Gate.h"
#include "Respond.h"

namespace portal::server {

void registerCaseEndpoints(http::Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/api/portal/cases/"),
               gated(services, Audience::Clients, [&services](http::Request &, const Caller &caller) {
                   return respond(services.store.cases().list(caller.scope));
               }));
    router.add("GET", QStringLiteral("/api/portal/cases/{id}/"),
               gated(services, Audience::Clients, [&services](http::Request &request, const Caller &caller) {
                   return respond(services.store.cases().detail(caller.scope, request.pathIds.at(0)));
               }));
}

} // namespace portal::server
