#include "Gate.h"

namespace portal::server {

using http::ApiError;
using http::Response;

namespace {

ApiError notAuthenticated(const QString &message = {})
{
    ApiError error = ApiError::make(ApiError::Kind::NotAuthenticated, message);
    error.withHeader("WWW-Authenticate", "Bearer realm=\"api\"");
    return error;
}

ApiError tokenNotValid(const QString &message)
{
    ApiError error = ApiError::make(ApiError::Kind::TokenNotValid, message);
    error.withHeader("WWW-Authenticate", "Bearer realm=\"api\"");
    return error;
}

QString describe(auth::TokenService::Failure failure)
{
    using F = auth::TokenService::Failure;
    switch (failure) {
    case F::Expired:
        return QStringLiteral("Token is expired.");
    case F::WrongType:
        return QStringLiteral("Token has wrong type.");
    case F::Blacklisted:
        return QStringLiteral("Token is blacklisted.");
    case F::Invalid:
    case F::StoreFailure:
        break;
    }
    return QStringLiteral("Token is invalid.");
}

// Authenticates the request; on failure `error` says why.
std::optional<store::UserRecord> authenticate(Services &services, const http::Request &request,
                                              ApiError *error)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.isEmpty()) {
        *error = notAuthenticated();
        return std::nullopt;
    }
    const QList<QByteArray> parts = authorization.split(' ');
    if (parts.size() != 2 || parts.first().compare("Bearer", Qt::CaseInsensitive) != 0
        || parts.last().isEmpty()) {
        *error = notAuthenticated(
                QStringLiteral("Authorization header must contain two space-delimited values: Bearer <token>."));
        return std::nullopt;
    }
    auth::TokenService::Failure failure = auth::TokenService::Failure::Invalid;
    const auto userId = services.tokens.verifyAccess(parts.last(), &failure);
    if (!userId) {
        *error = tokenNotValid(describe(failure));
        return std::nullopt;
    }
    auto user = services.store.users().byId(*userId);
    if (!user) {
        *error = user.error().kind == store::StoreError::Kind::NotFound
                ? tokenNotValid(QStringLiteral("User not found."))
                : ApiError::make(ApiError::Kind::ServerError);
        return std::nullopt;
    }
    if (!user->active) {
        *error = tokenNotValid(QStringLiteral("User is inactive."));
        return std::nullopt;
    }
    return user.take();
}

void addRateHeaders(Response &response, const auth::RateDecision &decision)
{
    response.setHeader("X-RateLimit-Limit", QByteArray::number(decision.limit));
    response.setHeader("X-RateLimit-Remaining", QByteArray::number(decision.remaining));
    response.setHeader("X-RateLimit-Reset", QByteArray::number(decision.resetEpoch));
}

bool admits(Audience audience, const store::UserRecord &user)
{
    switch (audience) {
    case Audience::Clients:
        return user.role == store::Role::Client && user.clientId.has_value();
    }
    return false;
}

} // namespace

http::Handler gated(Services &services, Audience audience, CallerHandler handler)
{
    return [&services, audience, handler = std::move(handler)](http::Request &request) {
        ApiError error;
        const auto user = authenticate(services, request, &error);
        if (!user)
            return Response::error(error);

        const bool limited = services.rateLimiter.limits().enabled;
        auth::RateDecision decision;
        if (limited) {
            decision = services.rateLimiter.hit(user->id, services.tokens.now().toSecsSinceEpoch());
            if (!decision.allowed) {
                ApiError throttled = ApiError::make(
                        ApiError::Kind::Throttled,
                        QStringLiteral("Request was throttled. Expected available in %1 seconds.")
                                .arg(decision.retryAfterSeconds));
                throttled.withHeader("Retry-After", QByteArray::number(decision.retryAfterSeconds));
                Response response = Response::error(throttled);
                addRateHeaders(response, decision);
                return response;
            }
        }

        Response response = admits(audience, *user)
                ? handler(request, Caller{*user, store::Caller{user->id, user->clientId.value_or(0)}})
                : Response::error(ApiError::forbidden());
        if (limited)
            addRateHeaders(response, decision);
        return response;
    };
}

} // namespace portal::server
