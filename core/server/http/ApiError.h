// The server's one error type. Handlers fail with an ApiError; Response turns it into the API's error
// envelope ({"error": {"code", "message", "details"}}) with the matching HTTP status, in one place.
#pragma once

#include "WireTypes.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace portal::http {

struct ApiError
{
    enum class Kind {
        InvalidRequest, // 400 invalid_request (with per-field details)
        NotAuthenticated, // 401 not_authenticated: no credentials given
        AuthenticationFailed, // 401 authentication_failed: wrong user name or password
        TokenNotValid, // 401 token_not_valid: expired, forged, blacklisted or wrong type of token
        PermissionDenied, // 403 permission_denied
        NotFound, // 404 not_found
        MethodNotAllowed, // 405 method_not_allowed (Allow header added by the router)
        NotAcceptable, // 406
        Conflict, // 409 conflict
        IdempotencyKeyReused, // 422 idempotency_key_reused: an Idempotency-Key sent with another request
        LengthRequired, // 411 length_required
        PreconditionFailed, // 412
        PayloadTooLarge, // 413 payload_too_large
        UnsupportedMediaType, // 415 unsupported_media_type
        RangeNotSatisfiable, // 416 range_not_satisfiable
        Throttled, // 429 throttled (Retry-After added by whoever throttles)
        HeadersTooLarge, // 431 request_header_fields_too_large
        ServerError, // 500 server_error
        ServiceUnavailable, // 503 service_unavailable
    };

    Kind kind = Kind::ServerError;
    QString message;
    api::FieldErrors details;
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers, e.g. Retry-After, Allow, WWW-Authenticate

    ApiError &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({ name, value });
        return *this;
    }

    int status() const;
    QString code() const;
    api::ErrorEnvelope envelope() const;

    static ApiError invalid(const api::FieldErrors &details,
                            const QString &message = QStringLiteral("The request was invalid."));
    static ApiError invalidField(const QString &field, const QString &problem);
    static ApiError make(Kind kind, const QString &message = {}); // empty message: the kind's default wording
    static ApiError notFound() { return make(Kind::NotFound); }
    static ApiError forbidden(const QString &message = {}) { return make(Kind::PermissionDenied, message); }
};

} // namespace portal::http
