#include "TokenJobs.h"

#include "Session.h"

namespace portal::net {

SignInJob::SignInJob(Session *session, const QString &username, const QString &password)
    : JsonJob(session, "POST", QStringLiteral("/api/token/"))
    , m_username(username)
{
    setRequiresAuth(false);
    // The sign-in throttle's Retry-After is minutes long: say so at once rather than wait.
    setRateLimitRetries(0);
    setJsonBody(api::TokenRequest { username, password }.toJson());
}

void SignInJob::onFinished()
{
    const Result outcome = result();
    if (outcome.ok() && session())
        session()->adoptTokens(m_username, *outcome.value);
}

RefreshJob::RefreshJob(Session *session, const QString &refreshToken)
    : JsonJob(session, "POST", QStringLiteral("/api/token/refresh/"))
{
    setRequiresAuth(false);
    setRateLimitRetries(1);
    setJsonBody(api::RefreshRequest { refreshToken }.toJson());
}

} // namespace portal::net
