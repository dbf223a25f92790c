#include "LoginThrottle.h"

#include "AuthLog.h"

#include <algorithm>
#include <utility>

namespace portal::auth {

namespace {

QString usernameSubject(const QString &username)
{
    return QLatin1String("user:") + username.toLower(); // "Alice" and "alice" are one target for a guesser
}

// One client, one subject: an IPv4 peer seen through a dual-stack socket (::ffff:192.0.2.1) counts as the
// IPv4 address it is. Null addresses (no network peer) are not counted, so they cannot throttle each other.
QString addressSubject(const QHostAddress &address)
{
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4);
    return QLatin1String("address:") + (isIpv4 ? QHostAddress(ipv4).toString() : address.toString());
}

QStringList subjects(const QString &username, const QHostAddress &address)
{
    QStringList subjects { usernameSubject(username) };
    if (!address.isNull())
        subjects.append(addressSubject(address));
    return subjects;
}

} // namespace

LoginThrottle::LoginThrottle(LoginThrottleLimits limits, store::LoginFailures *shared)
    : m_limits(limits)
    , m_shared(shared)
{ }

template<typename Operation> auto LoginThrottle::withCounts(Operation operation)
{
    if (m_shared) {
        auto result = operation(*m_shared);
        if (result) {
            if (std::exchange(m_sharedFailing, false))
                qCInfo(lcAuth) << "the shared sign-in failure counts work again";
            return result;
        }
        if (!std::exchange(m_sharedFailing, true))
            qCWarning(lcAuth).noquote()
                << "cannot count sign-in failures in the database, counting in memory meanwhile:"
                << result.error().message;
    }
    return operation(m_memory);
}

int LoginThrottle::retryAfter(const QString &username, const QHostAddress &address, qint64 nowEpochSeconds)
{
    const auto windows = withCounts(
        [&](store::LoginFailures &counts) { return counts.windows(subjects(username, address)); });
    int wait = 0;
    for (const auto &[subject, window] : windows->asKeyValueRange()) {
        const int limit
            = subject.startsWith(QLatin1String("user:")) ? m_limits.perUsername : m_limits.perAddress;
        const qint64 windowEnd = window.start + m_limits.windowSeconds;
        if (window.failures >= limit && windowEnd > nowEpochSeconds)
            wait = std::max(wait, int(windowEnd - nowEpochSeconds));
    }
    return wait;
}

void LoginThrottle::recordFailure(const QString &username, const QHostAddress &address,
                                  qint64 nowEpochSeconds)
{
    // The window starts at the first failure, not at a clock boundary: a guesser cannot time their attempts
    // around a reset. Expired windows are forgotten at most once per window length: they count for nothing,
    // and without this a stream of made-up user names would grow the counts for as long as the server runs.
    // The memory's counts, where a failure of the shared ones ends, cannot fail.
    (void)withCounts([&](store::LoginFailures &counts) -> store::Result<store::Done> {
        if (nowEpochSeconds >= m_nextPrune) {
            if (auto purged = counts.purgeExpired(nowEpochSeconds, m_limits.windowSeconds); !purged)
                return purged;
            m_nextPrune = nowEpochSeconds + m_limits.windowSeconds;
        }
        return counts.count(subjects(username, address), nowEpochSeconds, m_limits.windowSeconds);
    });
}

void LoginThrottle::recordSuccess(const QString &username)
{
    // Only the user name: an address may be shared by many people (an office behind NAT), and one of them
    // signing in says nothing about guesses made by the others.
    (void)withCounts([&](store::LoginFailures &counts) { return counts.clear(usernameSubject(username)); });
}

} // namespace portal::auth
