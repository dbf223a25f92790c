#include "TokenService.h"

#include "AuthLog.h"
#include "Sodium.h"
#include "Store.h"

#include <QJsonObject>
#include <QJsonValue>
#include <cmath>

namespace portal::auth {

namespace {

const QString AccessType = QStringLiteral("access");
const QString RefreshType = QStringLiteral("refresh");

QString newJti()
{
    // 128 random bits as 32 hex digits, the shape of simplejwt's uuid4().hex: unique without coordination.
    return QString::fromLatin1(sodium::randomBytes(16).toHex());
}

// JSON numbers are doubles; an id must be one that holds an integer exactly.
std::optional<qint64> integral(const QJsonValue &value)
{
    constexpr double MaxExact = 9007199254740992.0; // 2^53
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (std::trunc(number) != number || std::fabs(number) > MaxExact)
        return std::nullopt;
    return qint64(number);
}

struct Claims
{
    qint64 userId = 0;
    QString jti;
    qint64 exp = 0;
};

// Checks the signature and expiry, then that the token is of `type` and carries the claims we rely on.
std::optional<Claims> checkedClaims(const Jwt &jwt, const QByteArray &token, const QDateTime &now,
                                    const QString &type, TokenService::Failure *failure)
{
    const auto fail = [failure](TokenService::Failure why) -> std::optional<Claims> {
        if (failure)
            *failure = why;
        return std::nullopt;
    };
    Jwt::Failure jwtFailure = Jwt::Failure::Malformed;
    const std::optional<QJsonObject> json = jwt.verify(token, now, &jwtFailure);
    if (!json)
        return fail(jwtFailure == Jwt::Failure::Expired ? TokenService::Failure::Expired
                                                        : TokenService::Failure::Invalid);
    const QJsonValue tokenType = json->value(QLatin1String("token_type"));
    if (!tokenType.isString())
        return fail(TokenService::Failure::Invalid);
    if (tokenType.toString() != type)
        return fail(TokenService::Failure::WrongType);
    const std::optional<qint64> userId = integral(json->value(QLatin1String("user_id")));
    const std::optional<qint64> exp = integral(json->value(QLatin1String("exp")));
    const QString jti = json->value(QLatin1String("jti")).toString();
    if (!userId || !exp || jti.isEmpty())
        return fail(TokenService::Failure::Invalid);
    return Claims { *userId, jti, *exp };
}

} // namespace

TokenService::TokenService(QByteArray signingKey, store::TokenBlacklist &blacklist, TokenLifetimes lifetimes,
                           Clock clock)
    : m_jwt(std::move(signingKey))
    , m_blacklist(blacklist)
    , m_lifetimes(lifetimes)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{ }

QDateTime TokenService::now() const
{
    return m_clock();
}

QByteArray TokenService::make(qint64 userId, const QString &type, qint64 lifetimeSeconds) const
{
    const qint64 issuedAt = now().toSecsSinceEpoch();
    return m_jwt.sign({
        { QLatin1String("token_type"), type },
        { QLatin1String("exp"), issuedAt + lifetimeSeconds },
        { QLatin1String("iat"), issuedAt },
        { QLatin1String("jti"), newJti() },
        { QLatin1String("user_id"), userId },
    });
}

api::TokenPair TokenService::issue(qint64 userId) const
{
    return { QString::fromLatin1(make(userId, AccessType, m_lifetimes.accessSeconds)),
             QString::fromLatin1(make(userId, RefreshType, m_lifetimes.refreshSeconds)) };
}

std::optional<qint64> TokenService::verifyAccess(const QByteArray &token, Failure *failure) const
{
    const auto grant = grantAccess(token, failure);
    return grant ? std::optional<qint64>(grant->userId) : std::nullopt;
}

std::optional<TokenService::AccessGrant> TokenService::grantAccess(const QByteArray &token,
                                                                   Failure *failure) const
{
    const QDateTime current = now();
    if (const auto known = m_verified.constFind(token); known != m_verified.cend()) {
        if (current.toSecsSinceEpoch() < known->expires)
            return AccessGrant { known->userId, QDateTime::fromSecsSinceEpoch(known->expires, Qt::UTC) };
        m_verified.erase(known);
    }
    const std::optional<Claims> claims = checkedClaims(m_jwt, token, current, AccessType, failure);
    if (!claims)
        return std::nullopt;
    if (m_verified.size() >= kVerifiedCapacity)
        m_verified.clear();
    m_verified.insert(token, Verified { claims->userId, claims->exp });
    return AccessGrant { claims->userId, QDateTime::fromSecsSinceEpoch(claims->exp, Qt::UTC) };
}

std::optional<api::TokenPair> TokenService::refresh(const QByteArray &refreshToken, qint64 *userId,
                                                    Failure *failure) const
{
    const auto fail = [failure](Failure why) -> std::optional<api::TokenPair> {
        if (failure)
            *failure = why;
        return std::nullopt;
    };
    const std::optional<Claims> claims = checkedClaims(m_jwt, refreshToken, now(), RefreshType, failure);
    if (!claims)
        return std::nullopt;
    // Blacklisting is the check: add() is atomic in the store, so of two concurrent uses of one token
    // exactly one gets through, where "contains, then add" would let both pass.
    const store::Result<store::Done> added
        = m_blacklist.add(claims->jti, QDateTime::fromSecsSinceEpoch(claims->exp, Qt::UTC));
    if (!added) {
        if (added.error().kind == store::StoreError::Kind::Conflict) {
            // A used refresh token coming back is how a stolen one shows itself; worth telling the operator.
            qCInfo(lcAuth, "A used refresh token of user %lld was presented again", claims->userId);
            return fail(Failure::Blacklisted);
        }
        qCWarning(lcAuth, "Cannot blacklist a refresh token: %s", qPrintable(added.error().message));
        return fail(Failure::StoreFailure);
    }
    if (userId)
        *userId = claims->userId;
    return issue(claims->userId);
}

} // namespace portal::auth
