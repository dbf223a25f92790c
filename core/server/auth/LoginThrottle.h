// Slows down password guessing: after too many failed sign-ins for one user name, or from one address,
// within a window, further attempts are refused (429 with Retry-After) until the window has passed.
// A successful sign-in clears the user name's count.
#pragma once

#include <QHash>
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
    explicit LoginThrottle(LoginThrottleLimits limits = {});
    // Seconds to wait before trying again, or 0 when an attempt may be made now.
    int retryAfter(const QString &username, const QHostAddress &address, qint64 nowEpochSeconds) const;
    void recordFailure(const QString &username, const QHostAddress &address, qint64 nowEpochSeconds);
    void recordSuccess(const QString &username);
    // How many user names and addresses have counts, for tests and diagnostics: expired ones are dropped.
    qsizetype trackedEntryCount() const { return m_byUsername.size() + m_byAddress.size(); }

private:
    struct Failures
    {
        qint64 windowStart = 0;
        int count = 0;
    };
    int wait(const QHash<QString, Failures> &table, const QString &key, int limit, qint64 now) const;
    void count(QHash<QString, Failures> &table, const QString &key, qint64 now);
    void pruneExpired(qint64 now);
    LoginThrottleLimits m_limits;
    QHash<QString, Failures> m_byUsername;
    QHash<QString, Failures> m_byAddress;
    qint64 m_nextPrune = 0; // epoch seconds
};

} // namespace portal::auth
