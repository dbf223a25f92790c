#include "Gate.h"

#include "IdempotentPost.h"

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

// The user id of the request's bearer token; on failure `error` says why. Only the token is checked here:
// whether the user still exists and is active is checked when the answer is made (answers given from the
// AnswerCache were made while nothing in the database has changed since, the user included).
std::optional<qint64> authenticate(Services &services, const http::Request &request, ApiError *error)
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
    if (!userId)
        *error = tokenNotValid(describe(failure));
    return userId;
}

// The user behind an authenticated token, if it still exists and is active.
std::optional<store::UserRecord> activeUser(Services &services, qint64 userId, ApiError *error)
{
    auto user = services.store.users().byId(userId);
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
    case Audience::Staff:
        return user.role == store::Role::Attorney || user.role == store::Role::Admin;
    }
    return false;
}

QString featuresTag(const ServerFeatures &features)
{
    return QStringLiteral(" %1%2%3%4")
        .arg(int(features.etags))
        .arg(int(features.markReadExtension))
        .arg(int(features.syncEndpoint))
        .arg(int(features.idempotencyKeys));
}

// Answers an authenticated request: from the AnswerCache when the same read was answered while the
// database has not changed since, otherwise by the endpoint (after checking the user may use it).
Response answer(Services &services, Audience audience, const CallerHandler &handler, Caching caching,
                http::Request &request, qint64 userId)
{
    const bool cacheable
        = caching == Caching::Allowed && (request.method == "GET" || request.method == "HEAD");
    store::ChangeStamp before;
    QString key;
    if (cacheable) {
        before = services.store.changeStamp();
        // The switches change answers too (?mark_read= ignored or not): an answer made under others is
        // not this one.
        key = AnswerCache::keyOf(userId, request) + featuresTag(services.features);
        if (auto cached = services.answers.find(key, before))
            return *cached;
    }

    ApiError error;
    const auto user = activeUser(services, userId, &error);
    if (!user)
        return Response::error(error);
    if (!admits(audience, *user))
        return Response::error(ApiError::forbidden());
    const Caller caller { *user, store::Caller { user->id, user->clientId.value_or(0) },
                          store::StaffScope { user->id, user->role == store::Role::Admin } };
    if (request.method == "POST" && services.features.idempotencyKeys && hasIdempotencyKey(request))
        return answerOnce(services, user->id, request, [&] { return handler(request, caller); });
    Response response = handler(request, caller);

    // Kept only when the endpoint changed nothing (a GET may mark a thread read): then the answer is what
    // any later identical request would get while the stamp holds.
    if (cacheable && response.status() == 200 && services.store.changeStamp() == before)
        services.answers.insert(key, before, response);
    return response;
}

} // namespace

http::Handler gated(Services &services, Audience audience, CallerHandler handler, Caching caching)
{
    return [&services, audience, handler = std::move(handler), caching](http::Request &request) {
        ApiError error;
        const auto userId = authenticate(services, request, &error);
        if (!userId)
            return Response::error(error);

        const bool limited = services.rateLimiter.limits().enabled;
        auth::RateDecision decision;
        if (limited) {
            decision = services.rateLimiter.hit(*userId, services.tokens.now().toSecsSinceEpoch());
            if (!decision.allowed) {
                Response response = Response::error(
                    ApiError::make(ApiError::Kind::Throttled,
                                   QStringLiteral("Request was throttled. Expected available in %1 seconds.")
                                       .arg(decision.retryAfterSeconds))
                        .withHeader("Retry-After", QByteArray::number(decision.retryAfterSeconds)));
                addRateHeaders(response, decision);
                return response;
            }
        }

        Response response = answer(services, audience, handler, caching, request, *userId);
        if (limited)
            addRateHeaders(response, decision);
        return response;
    };
}

} // namespace portal::server
