// GET /api/portal/profile/: the signed-in client's profile.
#include "Endpoints.h"
#include "Gate.h"
#include "Respond.h"

namespace portal::server {

void registerProfileEndpoints(http::Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/api/portal/profile/"),
               gated(services, Audience::Clients, [&services](http::Request &, const Caller &caller) {
                   return respond(services.store.users().profile(caller.scope));
               }));
}

} // namespace portal::server
