#include "LoginThrottle.h"

#include <algorithm>

namespace portal::auth {

namespace {

QString usernameKey(const QString &username)
{
    return username.toLower(); // "Alice" and "alice" are one target for a guesser
}

// One client, one key: an IPv4 peer seen through a dual-stack socket (::ffff:192.0.2.1) counts as the IPv4
// address it is. Null addresses (no network peer) are not counted, so they cannot throttle each other.
QString addressKey(const QHostAddress &address)
{
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4);
    return isIpv4 ? QHostAddress(ipv4).toString() : address.toString();
}

} // namespace

LoginThrottle::LoginThrottle(LoginThrottleLimits limits)
    : m_limits(limits)
{ }

int LoginThrottle::retryAfter(const QString &username, const QHostAddress &address,
                              qint64 nowEpochSeconds) const
{
    const int byUsername = wait(m_byUsername, usernameKey(username), m_limits.perUsername, nowEpochSeconds);
    if (address.isNull())
        return byUsername;
    return std::max(byUsername, wait(m_byAddress, addressKey(address), m_limits.perAddress, nowEpochSeconds));
}

void LoginThrottle::recordFailure(const QString &username, const QHostAddress &address,
                                  qint64 nowEpochSeconds)
{
    pruneExpired(nowEpochSeconds);
    count(m_byUsername, usernameKey(username), nowEpochSeconds);
    if (!address.isNull())
        count(m_byAddress, addressKey(address), nowEpochSeconds);
}

void LoginThrottle::recordSuccess(const QString &username)
{
    // Only the user name: an address may be shared by many people (an office behind NAT), and one of them
    // signing in says nothing about guesses made by the others.
    m_byUsername.remove(usernameKey(username));
}

int LoginThrottle::wait(const QHash<QString, Failures> &table, const QString &key, int limit,
                        qint64 now) const
{
    const auto entry = table.constFind(key);
    if (entry == table.cend() || entry->count < limit)
        return 0;
    const qint64 windowEnd = entry->windowStart + m_limits.windowSeconds;
    return windowEnd > now ? int(windowEnd - now) : 0;
}

void LoginThrottle::count(QHash<QString, Failures> &table, const QString &key, qint64 now)
{
    // The window starts at the first failure, not at a clock boundary: a guesser cannot time their attempts
    // around a reset.
    Failures &failures = table[key];
    if (failures.count == 0 || now >= failures.windowStart + m_limits.windowSeconds)
        failures = { now, 0 };
    ++failures.count;
}

void LoginThrottle::pruneExpired(qint64 now)
{
    // At most once per window length: entries whose window is over count for nothing, and without this a
    // stream of made-up user names would grow the tables for as long as the server runs.
    if (now < m_nextPrune)
        return;
    const auto expired = [this, now](QHash<QString, Failures>::iterator it) {
        return now >= it->windowStart + m_limits.windowSeconds;
    };
    m_byUsername.removeIf(expired);
    m_byAddress.removeIf(expired);
    m_nextPrune = now + m_limits.windowSeconds;
}

} // namespace portal::auth
