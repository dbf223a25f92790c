// Refresh tokens that have been used (rotation) or revoked, by their jti, until they would expire anyway.
#include "Database.h"
#include "SqlRepositories.h"

namespace portal::store {

Result<Done> SqlTokenBlacklist::add(const QString &jti, const QDateTime &expiresAt)
{
    // A single INSERT against the primary key: of two requests racing with the same refresh token, exactly
    // one succeeds, whichever connection or process they come through.
    auto added
        = m_database.exec(QStringLiteral("INSERT INTO token_blacklist (jti, expires_at) VALUES (?, ?)"),
                          { jti, sqlTimestamp(expiresAt) });
    if (!added && added.error().kind == StoreError::Kind::Conflict)
        return StoreError::conflict(QStringLiteral("Token is blacklisted."));
    return added;
}

Result<bool> SqlTokenBlacklist::contains(const QString &jti)
{
    return m_database.exists(QStringLiteral("SELECT 1 FROM token_blacklist WHERE jti = ?"), { jti });
}

Result<Done> SqlTokenBlacklist::purgeExpired(const QDateTime &now)
{
    return m_database.exec(QStringLiteral("DELETE FROM token_blacklist WHERE expires_at <= ?"),
                           { sqlTimestamp(now) });
}

} // namespace portal::store
