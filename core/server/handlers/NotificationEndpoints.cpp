// GET /api/portal/notifications/ and POST /api/portal/notifications/{id}/read/.
#include "Endpoints.h"
#include "Gate.h"
#include "Respond.h"

namespace portal::server {

void registerNotificationEndpoints(http::Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/api/portal/notifications/"),
               gated(services, Audience::Clients, [&services](http::Request &, const Caller &caller) {
                   return respond(services.store.notifications().list(caller.scope));
               }));
    router.add("POST", QStringLiteral("/api/portal/notifications/{id}/read/"),
               gated(services, Audience::Clients, [&services](http::Request &request, const Caller &caller) {
                   return respond(
                       services.store.notifications().markRead(caller.scope, request.pathIds.at(0)));
               }));
}

} // namespace portal::server
