// Signing in (POST /api/token/) and refreshing (POST /api/token/refresh/). Neither carries a bearer token.
// SignInJob hands a successful pair to the session; RefreshJob is the session's own (jobs never refresh
// themselves; they ask the session, which runs one refresh for everyone).
#pragma once

#include "JsonJob.h"
#include "WireTypes.h"

namespace portal::net {

class SignInJob : public JsonJob<api::TokenPair>
{
public:
    SignInJob(Session *session, const QString &username, const QString &password);

protected:
    void onFinished() override;

private:
    QString m_username;
};

class RefreshJob : public JsonJob<api::TokenPair>
{
public:
    RefreshJob(Session *session, const QString &refreshToken);
};

} // namespace portal::net
