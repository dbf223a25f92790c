// The Idempotency-Key extension of POST requests (docs/api.md): a POST with the header is done at most once
// per (user, key) for 24 hours; a repeat gets the first answer again (with Idempotent-Replayed: true), the
// same key with another request 422 idempotency_key_reused. The write and the record of its key commit in
// one transaction (store::IdempotencyKeys), the handler's own transactions nested inside it.
#pragma once

#include "HttpMessage.h"
#include "Services.h"

#include <functional>

namespace portal::server {

bool hasIdempotencyKey(const http::Request &request);

// Answers `request` by `perform` once per key (see above); a malformed key is 400 without performing.
http::Response answerOnce(Services &services, qint64 userId, const http::Request &request,
                          const std::function<http::Response()> &perform);

} // namespace portal::server
