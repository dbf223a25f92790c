// Access and refresh tokens like djangorestframework-simplejwt with ROTATE_REFRESH_TOKENS and
// BLACKLIST_AFTER_ROTATION: access 5 minutes, refresh 1 day, claims token_type, jti, exp, iat, user_id.
// Refreshing answers a new pair and blacklists the refresh token used, so each works once.
#pragma once

#include "Jwt.h"
#include "WireTypes.h"

#include <QDateTime>
#include <QHash>
#include <functional>
#include <optional>

namespace portal::store {
class TokenBlacklist;
}

namespace portal::auth {

struct TokenLifetimes
{
    qint64 accessSeconds = 5 * 60;
    qint64 refreshSeconds = 24 * 60 * 60;
};

class TokenService
{
public:
    using Clock = std::function<QDateTime()>; // UTC now; replaceable in tests

    TokenService(QByteArray signingKey, store::TokenBlacklist &blacklist, TokenLifetimes lifetimes = {},
                 Clock clock = {});

    api::TokenPair issue(qint64 userId) const;

    enum class Failure { Invalid, Expired, WrongType, Blacklisted, StoreFailure };
    // The user id of a valid, unexpired access token.
    std::optional<qint64> verifyAccess(const QByteArray &token, Failure *failure = nullptr) const;
    // The same, with the token's expiry, for connections that outlive a request (the push channel).
    struct AccessGrant
    {
        qint64 userId = 0;
        QDateTime expiresAt;
    };
    std::optional<AccessGrant> grantAccess(const QByteArray &token, Failure *failure = nullptr) const;
    // A new pair for a valid, unexpired, never used refresh token, which is blacklisted on the way.
    // `userId` receives the token's user (the caller checks the user is still active).
    std::optional<api::TokenPair> refresh(const QByteArray &refreshToken, qint64 *userId,
                                          Failure *failure = nullptr) const;

    QDateTime now() const;

private:
    QByteArray make(qint64 userId, const QString &type, qint64 lifetimeSeconds) const;
    Jwt m_jwt;
    store::TokenBlacklist &m_blacklist;
    TokenLifetimes m_lifetimes;
    Clock m_clock;

    // Access tokens already verified, with their user and expiry: every request of a signed-in client
    // carries the same token for five minutes, and checking its signature again each time is most of the
    // cost of answering from the server's cache. Bounded: emptied when it grows past kVerifiedCapacity.
    struct Verified
    {
        qint64 userId = 0;
        qint64 expires = 0;
    };
    static constexpr qsizetype kVerifiedCapacity = 10000;
    mutable QHash<QByteArray, Verified> m_verified;
};

} // namespace portal::auth
