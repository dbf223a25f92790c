// Per-user request limits in two fixed windows, a minute and an hour (100/min and 1000/h by default).
// Every authenticated answer carries X-RateLimit-Limit/Remaining/Reset for the window that binds first;
// a request over either limit is refused with Retry-After. The counts live in this process's memory, or in
// the database when several servers share it (store/LimitCounts.h), so that they limit as one server.
#pragma once

#include "MemoryLimitCounts.h"

#include <QDateTime>
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
    // Counts in `shared` when given (Store::requestCounts() of a database several servers share), else in
    // memory. Should the shared counts fail (the database is unreachable), requests are counted in memory
    // meanwhile: a limit per server rather than none.
    explicit RateLimiter(RateLimits limits = {}, store::RequestCounts *shared = nullptr);
    const RateLimits &limits() const { return m_limits; }
    // Counts one request by `key` at `nowEpochSeconds` and says whether it may go on.
    RateDecision hit(qint64 key, qint64 nowEpochSeconds);
    // How many keys have counters in memory, for tests and diagnostics: keys idle for a whole hour are
    // dropped.
    qsizetype trackedKeyCount() const { return m_memory.size(); }

private:
    store::RateWindows count(qint64 key, qint64 minuteStart, qint64 hourStart);
    RateLimits m_limits;
    store::RequestCounts *m_shared;
    MemoryRequestCounts m_memory;
    bool m_sharedFailing = false; // to warn once per outage, not per request
    qint64 m_nextPrune = 0; // epoch seconds
};

} // namespace portal::auth
