// Moving document bytes: the download answer (streamed from disk, with ETag and Range for resuming) and
// the multipart upload. Shared by the client endpoints and the staff endpoints.
#pragma once

#include "HttpMessage.h"
#include "Services.h"

namespace portal::server {

// `stored` is where the caller may read the document from (the client's or the staff scope's lookup).
http::Response downloadDocument(const http::Request &request, qint64 documentId,
                                const store::Result<store::StoredFile> &stored);
// Receives a multipart upload into the store's incoming folder and hands it to `add` (which owns the file
// from then on). With `caseFromPath` the case comes from the URL and the form needs no "case" field.
using AddDocument = std::function<store::Result<api::DocumentDetail>(const store::NewDocument &document)>;
http::Response uploadDocument(Services &services, const http::Request &request,
                              std::optional<qint64> caseFromPath, const AddDocument &add);

} // namespace portal::server
