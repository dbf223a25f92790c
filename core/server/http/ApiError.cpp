#include "ApiError.h"

namespace portal::http {

namespace {

struct KindInfo
{
    int status;
    const char *code;
    const char *message;
};

// The one table from error kind to HTTP status, envelope code and default wording.
KindInfo info(ApiError::Kind kind)
{
    using K = ApiError::Kind;
    switch (kind) {
    case K::InvalidRequest:
        return { 400, "invalid_request", "The request was invalid." };
    case K::NotAuthenticated:
        return { 401, "not_authenticated", "Authentication credentials were not provided." };
    case K::AuthenticationFailed:
        return { 401, "authentication_failed", "No active account found with the given credentials." };
    case K::TokenNotValid:
        return { 401, "token_not_valid", "Given token not valid for any token type." };
    case K::PermissionDenied:
        return { 403, "permission_denied", "You do not have permission to perform this action." };
    case K::NotFound:
        return { 404, "not_found", "Not found." };
    case K::MethodNotAllowed:
        return { 405, "method_not_allowed", "Method not allowed." };
    case K::NotAcceptable:
        return { 406, "not_acceptable", "Could not satisfy the request Accept header." };
    case K::Conflict:
        return { 409, "conflict", "The request conflicts with the current state." };
    case K::IdempotencyKeyReused:
        return { 422, "idempotency_key_reused",
                 "This Idempotency-Key was already used for a different request." };
    case K::LengthRequired:
        return { 411, "length_required", "A Content-Length header is required." };
    case K::PreconditionFailed:
        return { 412, "precondition_failed", "A precondition of the request was not met." };
    case K::PayloadTooLarge:
        return { 413, "payload_too_large", "The request body is too large." };
    case K::UnsupportedMediaType:
        return { 415, "unsupported_media_type", "Unsupported media type in the request." };
    case K::RangeNotSatisfiable:
        return { 416, "range_not_satisfiable", "The requested range cannot be satisfied." };
    case K::Throttled:
        return { 429, "throttled", "Request was throttled." };
    case K::HeadersTooLarge:
        return { 431, "request_header_fields_too_large", "The request headers are too large." };
    case K::ServerError:
        return { 500, "server_error", "A server error occurred." };
    case K::ServiceUnavailable:
        return { 503, "service_unavailable", "The service is temporarily unavailable." };
    }
    return { 500, "server_error", "A server error occurred." };
}

} // namespace

int ApiError::status() const
{
    return info(kind).status;
}

QString ApiError::code() const
{
    return QString::fromLatin1(info(kind).code);
}

api::ErrorEnvelope ApiError::envelope() const
{
    return { code(), message.isEmpty() ? QString::fromLatin1(info(kind).message) : message, details };
}

ApiError ApiError::invalid(const api::FieldErrors &details, const QString &message)
{
    ApiError error = make(Kind::InvalidRequest, message);
    error.details = details;
    return error;
}

ApiError ApiError::invalidField(const QString &field, const QString &problem)
{
    return invalid({ { field, { problem } } });
}

ApiError ApiError::make(Kind kind, const QString &message)
{
    ApiError error;
    error.kind = kind;
    error.message = message.isEmpty() ? QString::fromLatin1(info(kind).message) : message;
    return error;
}

} // namespace portal::http
