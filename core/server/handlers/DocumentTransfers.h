// Moving document bytes: the download answer (streamed from disk, with ETag and Range for resuming) and
// the multipart upload. Shared by the client endpoints and, later, the staff endpoints.
#pragma once

#include "HttpMessage.h"
#include "Services.h"

namespace portal::server {

http::Response downloadDocument(Services &services, const http::Request &request, const store::Caller &scope,
                                qint64 documentId);
http::Response uploadDocument(Services &services, const http::Request &request, const store::Caller &scope);

} // namespace portal::server
