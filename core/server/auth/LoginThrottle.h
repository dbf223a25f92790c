// Slows down password guessing: after too many failed sign-ins for one user name, or from one address,
// within a window, further attempts are refused (429 with Retry-After) until the window has passed.
// A successful sign-in clears the user name's count. The failures are counted in this process's memory, or
// in the database when several servers share it (store/LimitCounts.h), so that a guesser cannot spread
// guesses over the servers behind a load balancer.
#pragma once

#include "MemoryLimitCounts.h"

#include <QHostAddress>
#include <QString>

namespace portal::auth {

struct LoginThrottleLimits
{
    int perUsername = 5; // failures within the window
    int perAddress = 20;
    int windowSeconds = 15 * 60;
};

class LoginThrottle
{
public:
    // Counts in `shared` when given (Store::loginFailures() of a database several servers share), else in
    // memory. While the shared counts fail, failures are counted in memory.
    explicit LoginThrottle(LoginThrottleLimits limits = {}, store::LoginFailures *shared = nullptr);
    // Seconds to wait before trying again, or 0 when an attempt may be made now.
    int retryAfter(const QString &username, const QHostAddress &address, qint64 nowEpochSeconds);
    void recordFailure(const QString &username, const QHostAddress &address, qint64 nowEpochSeconds);
    void recordSuccess(const QString &username);
    // How many user names and addresses have counts in memory, for tests and diagnostics: expired ones are
    // dropped.
    qsizetype trackedEntryCount() const { return m_memory.size(); }

private:
    // Runs `operation` on the shared counts, or on the memory's when there are none or they fail.
    template<typename Operation> auto withCounts(Operation operation);
    LoginThrottleLimits m_limits;
    store::LoginFailures *m_shared;
    MemoryLoginFailures m_memory;
    bool m_sharedFailing = false;
    qint64 m_nextPrune = 0; // epoch seconds
};

} // namespace portal::auth
