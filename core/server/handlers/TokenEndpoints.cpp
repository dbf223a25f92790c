// POST /api/token/ and POST /api/token/refresh/, as djangorestframework-simplejwt answers them, but with
// the API document's error envelope.
#include "Endpoints.h"
#include "PasswordHasher.h"
#include "Respond.h"

namespace portal::server {

using http::ApiError;
using http::Request;
using http::Response;

namespace {

Response throttledLogin(int retryAfter)
{
    ApiError error = ApiError::make(
        ApiError::Kind::Throttled,
        QStringLiteral("Too many failed sign-ins. Try again in %1 seconds.").arg(retryAfter));
    error.withHeader("Retry-After", QByteArray::number(retryAfter));
    return Response::error(error);
}

Response obtainPair(Services &services, Request &request)
{
    Response failure;
    const auto credentials = decodeBody<api::TokenRequest>(request, &failure);
    if (!credentials)
        return failure;

    api::FieldErrors blank;
    if (credentials->username.trimmed().isEmpty())
        blank[QStringLiteral("username")] << QStringLiteral("This field may not be blank.");
    if (credentials->password.isEmpty())
        blank[QStringLiteral("password")] << QStringLiteral("This field may not be blank.");
    if (!blank.isEmpty())
        return Response::error(ApiError::invalid(blank));

    const qint64 now = services.tokens.now().toSecsSinceEpoch();
    auto &throttle = services.loginThrottle;
    if (const int wait = throttle.retryAfter(credentials->username, request.remoteAddress, now))
        return throttledLogin(wait);

    auto user = services.store.users().byName(credentials->username);
    if (!user && user.error().kind != store::StoreError::Kind::NotFound)
        return Response::error(toApiError(user.error()));

    bool valid = false;
    if (user)
        valid = auth::verifyPassword(user->passwordHash, credentials->password) && user->active;
    else
        auth::verifyAgainstDummy(credentials->password); // unknown names cost what wrong passwords cost
    if (!valid) {
        throttle.recordFailure(credentials->username, request.remoteAddress, now);
        return Response::error(ApiError::make(ApiError::Kind::AuthenticationFailed));
    }
    throttle.recordSuccess(credentials->username);
    return Response::json(services.tokens.issue(user->id).toJson());
}

Response refreshPair(Services &services, Request &request)
{
    Response failure;
    const auto body = decodeBody<api::RefreshRequest>(request, &failure);
    if (!body)
        return failure;

    qint64 userId = 0;
    auth::TokenService::Failure why = auth::TokenService::Failure::Invalid;
    const auto pair = services.tokens.refresh(body->refresh.toUtf8(), &userId, &why);
    if (!pair) {
        if (why == auth::TokenService::Failure::StoreFailure)
            return Response::error(ApiError::make(ApiError::Kind::ServerError));
        return Response::error(ApiError::make(ApiError::Kind::TokenNotValid,
                                              why == auth::TokenService::Failure::Blacklisted
                                                  ? QStringLiteral("Token is blacklisted.")
                                                  : QStringLiteral("Token is invalid or expired.")));
    }
    // A user disabled since the refresh token was made gets no new access.
    const auto user = services.store.users().byId(userId);
    if (!user || !user->active)
        return Response::error(
            ApiError::make(ApiError::Kind::TokenNotValid, QStringLiteral("User is inactive.")));
    return Response::json(pair->toJson());
}

} // namespace

void registerTokenEndpoints(http::Router &router, Services &services)
{
    router.add("POST", QStringLiteral("/api/token/"),
               [&services](Request &request) { return obtainPair(services, request); });
    router.add("POST", QStringLiteral("/api/token/refresh/"),
               [&services](Request &request) { return refreshPair(services, request); });
}

} // namespace portal::server
