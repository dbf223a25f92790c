// The gate in front of every authenticated endpoint: it checks the bearer token, loads the user, counts the
// request against the user's rate limit, checks the user's role may use the endpoint, and puts the
// X-RateLimit-* headers on whatever the endpoint answers. Endpoints behind it receive the caller.
#pragma once

#include "HttpMessage.h"
#include "Router.h"
#include "Services.h"
#include "StaffRepositories.h"

#include <functional>

namespace portal::server {

struct Caller
{
    store::UserRecord user;
    store::Caller scope; // the rows this caller may see (clients: their client's)
    store::StaffScope staff; // for staff: the cases they may see (attorneys: their own; admins: all)
};

enum class Audience {
    Clients, // /api/portal/…: client accounts only; attorneys and admins get 403
    Staff, // /api/staff/…: attorneys and admins only; clients get 403
};

using CallerHandler = std::function<http::Response(http::Request &, const Caller &)>;

enum class Caching {
    Allowed, // GET answers may come from the AnswerCache
    Never, // answers too large and too rarely repeated to be worth the cache's memory (the sync's pages)
};

// A POST with an Idempotency-Key header (and ServerFeatures::idempotencyKeys on) runs through
// answerOnce() (IdempotentPost.h).
http::Handler gated(Services &services, Audience audience, CallerHandler handler,
                    Caching caching = Caching::Allowed);

} // namespace portal::server
