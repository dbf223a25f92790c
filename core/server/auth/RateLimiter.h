// Per-user request limits in two fixed windows, a minute and an hour (100/min and 1000/h by default).
// Every authenticated answer carries X-RateLimit-Limit/Remaining/Reset for the window that binds first;
// a request over either limit is refused with Retry-After.
#pragma once

#include <QDateTime>
#include <QHash>
#include <optional>

namespace portal::auth {

struct RateLimits
{
    int perMinute = 100;
    int perHour = 1000;
    bool enabled = true;
    // Parses "PER_MIN/PER_HOUR" (e.g. "100/1000") or "off".
    static std::optional<RateLimits> parse(const QString &text);
};

struct RateDecision
{
    bool allowed = true;
    int limit = 0; // X-RateLimit-Limit: the limit of the binding window
    int remaining = 0; // X-RateLimit-Remaining
    qint64 resetEpoch = 0; // X-RateLimit-Reset: epoch seconds when the binding window starts anew
    int retryAfterSeconds = 0; // when refused
};

class RateLimiter
{
public:
    explicit RateLimiter(RateLimits limits = {});
    const RateLimits &limits() const { return m_limits; }
    // Counts one request by `key` at `nowEpochSeconds` and says whether it may go on.
    RateDecision hit(qint64 key, qint64 nowEpochSeconds);
    // How many keys have counters, for tests and diagnostics: keys idle for a whole hour are dropped.
    qsizetype trackedKeyCount() const { return m_counters.size(); }

private:
    struct Window
    {
        qint64 start = 0;
        int count = 0;
    };
    struct Counters
    {
        Window minute;
        Window hour;
    };
    void pruneIdle(qint64 now);
    RateLimits m_limits;
    QHash<qint64, Counters> m_counters;
    qint64 m_nextPrune = 0; // epoch seconds
};

} // namespace portal::auth
