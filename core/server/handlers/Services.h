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
    bool answerCache = true; // not an API extension: answering unchanged reads from memory (see AnswerCache)
};

struct Services
{
    store::Store &store;
    auth::TokenService &tokens;
    auth::RateLimiter &rateLimiter;
    auth::LoginThrottle &loginThrottle;
    AnswerCache &answers;
    ServerFeatures features;
    qint64 maxUploadSize = 100LL * 1024 * 1024;
};

} // namespace portal::server
