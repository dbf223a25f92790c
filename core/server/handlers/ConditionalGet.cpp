#include "ConditionalGet.h"

#include <QCryptographicHash>

namespace portal::server {

void applyConditionalGet(const http::Request &request, http::Response &response)
{
    if ((request.method != "GET" && request.method != "HEAD") || response.status() != 200 || response.isFile()
        || !response.header("ETag").isEmpty())
        return;
    // Per user: the same path answers differently to different callers, and the tag must not tell one
    // caller's content from another's, so it is a hash of the exact bytes this caller gets.
    const QByteArray etag
        = '"' + QCryptographicHash::hash(response.body(), QCryptographicHash::Sha1).toHex().left(32) + '"';
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", "private, no-cache");
    if (ifNoneMatchHits(request, etag)) {
        response.setStatus(304);
        response.setBody({});
        response.setHeader("Content-Type", {});
    }
}

bool ifNoneMatchHits(const http::Request &request, const QByteArray &etag)
{
    const QByteArray header = request.header("if-none-match");
    for (QByteArray candidate : header.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (!candidate.isEmpty() && (candidate == etag || candidate == "*"))
            return true;
    }
    return false;
}

} // namespace portal::server
