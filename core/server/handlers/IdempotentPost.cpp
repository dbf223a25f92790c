#include "IdempotentPost.h"

#include "Respond.h"

#include <QCryptographicHash>

namespace portal::server {

using http::ApiError;
using http::Response;

namespace {

constexpr qsizetype kMaxKeyLength = 255;
const QString kHeaderName = QStringLiteral("Idempotency-Key");

// 1 to 255 visible ASCII characters (no spaces or controls), as the IETF draft's examples and Stripe's.
bool isValidKey(const QByteArray &key)
{
    if (key.isEmpty() || key.size() > kMaxKeyLength)
        return false;
    return std::all_of(key.cbegin(), key.cend(), [](char c) { return c >= 0x21 && c <= 0x7e; });
}

// What makes two requests "the same": method, path, query and the exact body bytes (a multipart upload's
// too, boundary included: a client repeats the bytes it sent, not a new encoding of the same form).
QByteArray requestHash(const http::Request &request)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(request.method);
    hash.addData("\n");
    hash.addData(request.path.toUtf8());
    hash.addData("?");
    hash.addData(request.query.toString(QUrl::FullyEncoded).toUtf8());
    hash.addData("\n");
    hash.addData(request.body);
    return hash.result().toHex();
}

} // namespace

bool hasIdempotencyKey(const http::Request &request)
{
    for (const auto &header : request.headers) {
        if (header.first == "idempotency-key")
            return true;
    }
    return false;
}

Response answerOnce(Services &services, qint64 userId, const http::Request &request,
                    const std::function<Response()> &perform)
{
    const QByteArray key = request.header("idempotency-key").trimmed();
    if (!isValidKey(key)) {
        return Response::error(ApiError::invalidField(
            kHeaderName, QStringLiteral("Must be 1 to 255 visible ASCII characters.")));
    }

    std::optional<Response> performed; // the answer itself, with its headers, when it ran now
    auto outcome
        = services.store.idempotencyKeys().once(userId, QString::fromLatin1(key), requestHash(request), [&] {
              performed = perform();
              // A file answer is never a POST's; it would be stored without its body, so never as success.
              const int status = performed->isFile() ? 500 : performed->status();
              return store::StoredAnswer { status, performed->header("Content-Type"), performed->body() };
          });
    if (!outcome)
        return Response::error(
            toApiError(outcome.error())); // nothing was committed, whatever `performed` says

    using Kind = store::IdempotentOutcome::Kind;
    switch (outcome->kind) {
    case Kind::Performed:
        return *performed;
    case Kind::KeyReused:
        return Response::error(ApiError::make(ApiError::Kind::IdempotencyKeyReused));
    case Kind::Replayed:
        break;
    }
    Response replay;
    replay.setStatus(outcome->answer.status);
    replay.setBody(outcome->answer.body);
    if (!outcome->answer.contentType.isEmpty())
        replay.setHeader("Content-Type", outcome->answer.contentType);
    replay.setHeader("Idempotent-Replayed", "true");
    return replay;
}

} // namespace portal::server
