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
    // Extensions beyond the API document (docs/api.md). Tests switch them off to play a plain server of
    // the document (a Django REST framework one, say), which the client must work against too. Read on
    // every request, so they may be switched while serving.
    bool etags = true; // ETag / If-None-Match on lists and details
    // ?mark_read= on GET /api/portal/messages/{id}/ (ignored when off: the GET marks read),
    // POST /api/portal/messages/{id}/read/ and GET /api/portal/tasks/{id}/ (404 when off).
    bool markReadExtension = true;
    bool syncEndpoint = true; // GET /api/portal/sync/ (404 when off)
    bool idempotencyKeys = true; // the Idempotency-Key header of POSTs (ignored when off)
    // The WebSocket push channel at /api/portal/push/; read when the server is created, not per request.
    bool push = true;

    // The API document and nothing more.
    static ServerFeatures documentOnly()
    {
        ServerFeatures features;
        features.etags = false;
        features.markReadExtension = false;
        features.syncEndpoint = false;
        features.idempotencyKeys = false;
        features.push = false;
        return features;
    }
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
