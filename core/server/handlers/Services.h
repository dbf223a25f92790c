// What the endpoint handlers share: the store, the token service, the limits, and the server's options.
// Owned by PortalServer; handlers get a reference and keep no state of their own.
#pragma once

#include "AnswerCache.h"
#include "LoginThrottle.h"
#include "RateLimiter.h"
#include "Store.h"
#include "TokenService.h"

#include <QString>

namespace portal::server {

struct ServerFeatures
{
    // Extensions beyond the API document. Tests switch them off to play a plain server of the document
    // (a Django REST framework one, say), which the client must work against too.
    bool etags = true; // ETag / If-None-Match on lists and details
    bool push = true; // the WebSocket push channel at /api/portal/push/ (decided when the server is created)
};

struct Services
{
    store::Store &store;
    auth::TokenService &tokens;
    auth::RateLimiter &rateLimiter;
    auth::LoginThrottle &loginThrottle;
    AnswerCache &answers;
    ServerFeatures features;
};

} // namespace portal::server
