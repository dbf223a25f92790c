#include "Session.h"

#include "JwtClaims.h"
#include "NetLog.h"
#include "TokenJobs.h"

#include <QDateTime>
#include <QNetworkProxyFactory>
#include <mutex>

namespace portal::net {

namespace {

// Refresh when less than this much of the access token's life is left: a fifth of its lifetime, at most a
// minute (5-minute tokens refresh a minute early; the tests' 2-second tokens 0.4 s early).
qint64 refreshMarginSeconds(std::optional<qint64> issuedAt, qint64 expiresAt)
{
    if (!issuedAt || *issuedAt >= expiresAt)
        return 30;
    return std::min<qint64>(60, (expiresAt - *issuedAt) / 5);
}

} // namespace

Session::Session(const QUrl &serverUrl, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_serverUrl(serverUrl)
    , m_network(network)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    static std::once_flag systemProxy;
    std::call_once(systemProxy, [] { QNetworkProxyFactory::setUseSystemConfiguration(true); });
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_network->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    }
    m_connectivity = new ConnectivityMonitor(m_network, url(QStringLiteral("/api/token/")), this);
}

Session::~Session()
{
    // Jobs go before the network manager that owns their replies.
    m_waiters.clear();
    qDeleteAll(findChildren<ApiJob *>(Qt::FindDirectChildrenOnly));
}

QUrl Session::url(const QString &path) const
{
    QUrl result = m_serverUrl;
    QString base = result.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    result.setPath(base + path);
    result.setQuery(QString());
    return result;
}

QByteArray Session::userAgent() const
{
    return QByteArrayLiteral("ClientPortal/" PORTAL_VERSION);
}

void Session::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Session::restore(const QString &username, const QString &refreshToken)
{
    m_username = username;
    m_refresh = refreshToken;
    m_access.clear();
    m_accessIssuedAt.reset();
    m_accessExpiresAt.reset();
    setState(refreshToken.isEmpty() ? State::SignedOut : State::SignedIn);
}

void Session::adoptTokens(const QString &username, const api::TokenPair &tokens)
{
    m_username = username;
    m_access = tokens.access;
    const JwtTimes times = readJwtTimes(m_access);
    m_accessIssuedAt = times.issuedAt;
    m_accessExpiresAt = times.expiresAt;
    if (!tokens.refresh.isEmpty() && tokens.refresh != m_refresh) {
        m_refresh = tokens.refresh;
        // Before anything can use it: the previous refresh token is spent.
        emit refreshTokenChanged(m_username, m_refresh);
    }
    const bool wasSignedIn = m_state == State::SignedIn;
    setState(State::SignedIn);
    if (!wasSignedIn)
        emit signedIn(m_username);
}

void Session::signOut()
{
    const bool wasSignedIn = m_state == State::SignedIn;
    m_access.clear();
    m_refresh.clear();
    m_accessIssuedAt.reset();
    m_accessExpiresAt.reset();
    setState(State::SignedOut);
    finishRefresh(NetError::make(NetError::Kind::Unauthorized, QStringLiteral("Signed out.")));
    if (wasSignedIn)
        emit signedOut(SignOutReason::UserRequest);
}

bool Session::accessValidForAWhile() const
{
    if (m_access.isEmpty())
        return false;
    if (!m_accessExpiresAt)
        return true; // not a JWT: only a 401 tells
    const qint64 nowSeconds = now() / 1000;
    return nowSeconds < *m_accessExpiresAt - refreshMarginSeconds(m_accessIssuedAt, *m_accessExpiresAt);
}

void Session::requestAccess(QObject *context, AccessCallback ready)
{
    if (m_state == State::SignedOut) {
        ready(NetError::make(NetError::Kind::Unauthorized, QStringLiteral("Sign-in needed.")));
        return;
    }
    if (!m_refreshing && accessValidForAWhile()) {
        ready({});
        return;
    }
    m_waiters.append({ context, std::move(ready) });
    startRefresh();
}

void Session::refreshAfterUnauthorized(const QString &usedToken, QObject *context, AccessCallback ready)
{
    if (m_state == State::SignedOut) {
        ready(NetError::make(NetError::Kind::Unauthorized, QStringLiteral("Sign-in needed.")));
        return;
    }
    if (!m_refreshing && !m_access.isEmpty() && m_access != usedToken) {
        ready({}); // someone refreshed while this request was out: replay with the new token
        return;
    }
    m_waiters.append({ context, std::move(ready) });
    startRefresh();
}

void Session::startRefresh()
{
    if (m_refreshing)
        return;
    if (m_refresh.isEmpty()) {
        m_access.clear();
        setState(State::SignedOut);
        finishRefresh(NetError::make(NetError::Kind::Unauthorized, QStringLiteral("Sign-in needed.")));
        emit signedOut(SignOutReason::SessionExpired);
        return;
    }
    m_refreshing = true;
    qCDebug(lcNet) << "refreshing the access token";
    auto *job = new RefreshJob(this, m_refresh);
    const QString spent = m_refresh;
    job->then(this, [this, spent](const RefreshJob::Result &result) {
        if (!m_refreshing || spent != m_refresh)
            return; // signed out (or in again) meanwhile
        m_refreshing = false;
        if (result.ok()) {
            api::TokenPair tokens = *result.value;
            if (tokens.refresh.isEmpty())
                tokens.refresh = m_refresh; // a server that does not rotate keeps the old one valid
            adoptTokens(m_username, tokens);
            emit tokensRefreshed();
            finishRefresh({});
            return;
        }
        if (result.error.kind == NetError::Kind::Unauthorized || result.error.httpStatus == 400) {
            qCDebug(lcNet) << "refresh refused; signed out";
            m_access.clear();
            m_refresh.clear();
            setState(State::SignedOut);
            NetError error = result.error;
            error.kind = NetError::Kind::Unauthorized;
            finishRefresh(error);
            emit signedOut(SignOutReason::SessionExpired);
            return;
        }
        // Network trouble, a 5xx: the refresh token may still be good; the waiting jobs fail with the cause.
        finishRefresh(result.error);
    });
    job->start();
}

void Session::finishRefresh(const NetError &error)
{
    m_refreshing = false;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.ready(error);
    }
}

void Session::noteAnswer(int httpStatus, const QByteArray &remaining, const QByteArray &reset)
{
    if (httpStatus > 0)
        m_connectivity->reportServerAnswered();
    m_pacer.recordHeaders(remaining, reset, now());
}

} // namespace portal::net
