// One signed-in account on one server, as Nextcloud's Account: it owns the QNetworkAccessManager, the
// server's address, the tokens and their refresh, the rate-limit pacer and the network policy. Jobs
// (ApiJob and its subclasses) ask it for a valid access token before they send; it refreshes ahead of the
// access token's expiry, and once after a 401, with only one refresh in flight for everyone.
//
// The refresh token rotates on every refresh (each works once), so `refreshTokenChanged` is emitted with
// the new one before it can be used again: connect it to the CredentialStore.
#pragma once

#include "ConnectivityMonitor.h"
#include "NetError.h"
#include "RateLimitPacer.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

namespace portal::api {
struct TokenPair;
}

namespace portal::net {

class Session : public QObject
{
    Q_OBJECT
public:
    enum class State { SignedOut, SignedIn };
    Q_ENUM(State)
    enum class SignOutReason { UserRequest, SessionExpired };
    Q_ENUM(SignOutReason)

    using Clock = std::function<qint64()>; // milliseconds since the epoch

    // `serverUrl`: where the API lives ("https://portal.example.com", or with a path prefix). `network`:
    // a network manager to use instead of the session's own (tests pass one that fakes answers); not owned.
    explicit Session(const QUrl &serverUrl, QNetworkAccessManager *network = nullptr,
                     QObject *parent = nullptr);
    ~Session() override;

    QUrl serverUrl() const { return m_serverUrl; }
    QUrl url(const QString &path) const; // the server's address plus an API path ("/api/portal/cases/")
    QNetworkAccessManager *network() const { return m_network; }
    ConnectivityMonitor *connectivity() const { return m_connectivity; }
    RateLimitPacer &pacer() { return m_pacer; }

    State state() const { return m_state; }
    QString username() const { return m_username; }

    // Signing in is a job (SignInJob) that calls adoptTokens() on success. restore() resumes a session from
    // a stored refresh token: the first request refreshes it.
    void restore(const QString &username, const QString &refreshToken);
    void signOut(); // forgets the tokens; emits signedOut(UserRequest)
    void adoptTokens(const QString &username, const api::TokenPair &tokens);

    // The access token in use (for the Authorization header; never log it).
    QString accessToken() const { return m_access; }
    bool isRefreshing() const { return m_refreshing; }

    // Calls `ready` (in `context`, unless it is gone) once a current access token is there: at once when
    // the present one is valid for a while yet, after a refresh otherwise. The error is Unauthorized when
    // signed out or the refresh was refused, or what the refresh met (Unreachable, Timeout...).
    using AccessCallback = std::function<void(const NetError &error)>;
    void requestAccess(QObject *context, AccessCallback ready);
    // After a 401 on `usedToken`: refreshes unless someone already did, then calls `ready`.
    void refreshAfterUnauthorized(const QString &usedToken, QObject *context, AccessCallback ready);

    // Every answer passes through here: rate-limit headers, and "the server is there".
    void noteAnswer(int httpStatus, const QByteArray &remaining, const QByteArray &reset);

    // Defaults for jobs (a job's own RequestOptions win).
    int defaultTimeoutMs() const { return m_timeoutMs; }
    void setDefaultTimeoutMs(int ms) { m_timeoutMs = ms; }
    QByteArray userAgent() const;

    Clock clock() const { return m_clock; }
    qint64 now() const { return m_clock(); }
    void setClock(Clock clock); // tests move time

signals:
    void stateChanged(portal::net::Session::State state);
    void signedIn(const QString &username);
    void signedOut(portal::net::Session::SignOutReason reason);
    // A new refresh token (after sign-in or a refresh): store it now; the old one no longer works.
    void refreshTokenChanged(const QString &username, const QString &refreshToken);
    void tokensRefreshed(); // after each successful refresh (tests and diagnostics count them)

private:
    struct Waiter
    {
        QPointer<QObject> context;
        AccessCallback ready;
    };

    bool accessValidForAWhile() const;
    void startRefresh();
    void finishRefresh(const NetError &error);
    void setState(State state);

    QUrl m_serverUrl;
    QNetworkAccessManager *m_network = nullptr;
    ConnectivityMonitor *m_connectivity = nullptr;
    RateLimitPacer m_pacer;
    Clock m_clock;
    int m_timeoutMs = 30 * 1000;

    State m_state = State::SignedOut;
    QString m_username;
    QString m_access;
    QString m_refresh;
    std::optional<qint64> m_accessIssuedAt; // seconds
    std::optional<qint64> m_accessExpiresAt; // seconds; none when the token is not a JWT
    bool m_refreshing = false;
    QList<Waiter> m_waiters;
};

} // namespace portal::net
