// ETag and If-None-Match for the JSON answers of GET: the tag is a hash of the body, so any change of what
// the caller would see changes it, and a client that already has the answer gets 304 without a body.
// (Downloads carry their own ETag, the file's SHA-256, set by DocumentDownload.)
#pragma once

#include "HttpMessage.h"

namespace portal::server {

void applyConditionalGet(const http::Request &request, http::Response &response);

// Whether the request's If-None-Match names `etag` (weak comparison, "*" matches anything).
bool ifNoneMatchHits(const http::Request &request, const QByteArray &etag);

} // namespace portal::server
