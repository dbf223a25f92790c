// Reads the times of a JWT's payload without verifying it: the client only needs to know when its access
// token will expire, to refresh it before a request fails. The server verifies; the client never trusts
// these claims for anything else. A token that is not a JWT gives nothing, and the session then refreshes
// only when a request answers 401.
#pragma once

#include <QString>
#include <optional>

namespace portal::net {

struct JwtTimes
{
    std::optional<qint64> issuedAt; // "iat", seconds since the epoch
    std::optional<qint64> expiresAt; // "exp", seconds since the epoch
};

JwtTimes readJwtTimes(const QString &token);

} // namespace portal::net
