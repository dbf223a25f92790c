// GET /api/portal/documents/{id}/download/ (and the staff API's): the file's bytes with Content-Type,
// Content-Length, Content-Disposition (the original file name), a strong ETag (the content's SHA-256) and
// single Range requests (206) so clients can resume. The bytes are streamed from disk by the HTTP layer,
// never loaded.
#include "ByteRange.h"
#include "ConditionalGet.h"
#include "DocumentTransfers.h"
#include "Respond.h"

#include <QFileInfo>
#include <QUrl>

namespace portal::server {

using http::ApiError;
using http::Response;

namespace {

// attachment; filename="plain ASCII fallback"; filename*=UTF-8''percent-encoded (RFC 6266).
QByteArray contentDisposition(const QString &fileName)
{
    QString fallback;
    for (QChar c : fileName)
        fallback
            += (c.unicode() >= 0x20 && c.unicode() < 0x7f && c != QLatin1Char('"') && c != QLatin1Char('\\'))
            ? c
            : QLatin1Char('_');
    return "attachment; filename=\"" + fallback.toLatin1() + "\"; filename*=UTF-8''"
        + QUrl::toPercentEncoding(fileName);
}

} // namespace

Response downloadDocument(const http::Request &request, qint64 documentId,
                          const store::Result<store::StoredFile> &stored)
{
    if (!stored)
        return Response::error(toApiError(stored.error()));
    const QFileInfo info(stored->path);
    if (!info.isFile() || info.size() != stored->size) {
        return Response::error(toApiError(
            store::StoreError::failure(QStringLiteral("document %1: file %2 is missing or has the wrong size")
                                           .arg(documentId)
                                           .arg(stored->path))));
    }

    const QByteArray etag = '"' + stored->sha256 + '"';
    auto withHeaders = [&](Response response) {
        response.setHeader("ETag", etag);
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Content-Type",
                           stored->contentType.isEmpty() ? QByteArrayLiteral("application/octet-stream")
                                                         : stored->contentType.toLatin1());
        response.setHeader("Content-Disposition", contentDisposition(stored->fileName));
        response.setHeader("Cache-Control", "private, no-cache");
        return response;
    };

    if (ifNoneMatchHits(request, etag))
        return withHeaders(Response::noContent(304));

    // If-Range with another version's ETag: the client's partial copy is stale, send everything.
    const QByteArray ifRange = request.header("if-range");
    const QByteArray rangeHeader
        = (ifRange.isEmpty() || ifRange.trimmed() == etag) ? request.header("range") : QByteArray();
    const http::ByteRange range = http::parseByteRange(rangeHeader, stored->size);
    switch (range.kind) {
    case http::ByteRange::Kind::Unsatisfiable: {
        ApiError error = ApiError::make(ApiError::Kind::RangeNotSatisfiable);
        error.withHeader("Content-Range", http::ByteRange::unsatisfiedContentRange(stored->size));
        return Response::error(error);
    }
    case http::ByteRange::Kind::Partial: {
        Response partial = withHeaders(Response::file(stored->path, range.offset, range.length, 206));
        partial.setHeader("Content-Range", range.contentRange(stored->size));
        return partial;
    }
    case http::ByteRange::Kind::Whole:
        break;
    }
    return withHeaders(Response::file(stored->path, 0, stored->size, 200));
}

} // namespace portal::server
