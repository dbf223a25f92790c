// The counts behind the per-user rate limits and the sign-in throttle, as the store keeps them in the
// database (migration 5), where every portal-server on one PostgreSQL database counts together. Each
// operation is one atomic statement, so two servers counting the same user at the same moment neither lose
// a count nor let a request through that the other one's count would have stopped.
// On SQLite one server process serves a data folder and counts in memory instead (auth::RateLimiter and
// auth::LoginThrottle have their own in-memory versions of these interfaces): see
// Store::sharesLimitCounts(). Both versions keep the same rules, which tests/store/tst_limitcounts checks.
#pragma once

#include "Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace portal::store {

// A user's requests in the current minute and hour; the windows are aligned to the clock.
struct RateWindows
{
    qint64 minuteStart = 0; // epoch seconds
    int minuteCount = 0;
    qint64 hourStart = 0;
    int hourCount = 0;
    bool counted = false; // whether the request was counted (false: a window was already full)
};

class RequestCounts
{
public:
    virtual ~RequestCounts() = default;
    // Counts one request of `userId` in the minute and hour windows that start at `minuteStart` and
    // `hourStart` (epoch seconds), unless either window already holds its limit, and gives both windows'
    // counts afterwards. A window only moves forward: a server whose clock lags counts into the newer window
    // another server has started, rather than resetting it.
    virtual Result<RateWindows> countIfBelow(qint64 userId, qint64 minuteStart, qint64 hourStart,
                                             int perMinute, int perHour)
        = 0;
};

// Failed sign-ins of one subject (a user name or an address) in a window that starts at its first failure.
struct FailureWindow
{
    qint64 start = 0; // epoch seconds
    int failures = 0;
};

class LoginFailures
{
public:
    virtual ~LoginFailures() = default;
    // The windows of those `subjects` that have failures (expired ones included: the caller judges).
    virtual Result<QHash<QString, FailureWindow>> windows(const QStringList &subjects) = 0;
    // Counts a failure of each subject at `now`; a subject whose window of `windowSeconds` is over starts a
    // new one.
    virtual Result<Done> count(const QStringList &subjects, qint64 now, int windowSeconds) = 0;
    virtual Result<Done> clear(const QString &subject) = 0;
    // Forgets the windows that ended before `now`.
    virtual Result<Done> purgeExpired(qint64 now, int windowSeconds) = 0;
};

} // namespace portal::store
