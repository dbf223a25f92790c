#include "PushListener.h"

#include "SyncLog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRegularExpression>

namespace portal::client {

PushListener::PushListener(net::Session &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &PushListener::open);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &PushListener::onTextMessage);
    connect(&m_socket, &QWebSocket::disconnected, this, &PushListener::onDisconnected);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &PushListener::onError);
    // A refreshed access token keeps the connection alive past the old one's expiry.
    connect(&session, &net::Session::tokensRefreshed, this, [this] {
        if (m_socket.state() == QAbstractSocket::ConnectedState)
            sendAuth();
    });
    connect(&session, &net::Session::signedOut, this, [this] { stop(); });
}

PushListener::~PushListener()
{
    m_running = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

QUrl PushListener::pushUrl(const QUrl &serverUrl)
{
    QUrl url = serverUrl;
    url.setScheme(serverUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                               : QStringLiteral("ws"));
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/portal/push/"));
    return url;
}

void PushListener::setReconnectIntervals(int minMs, int maxMs)
{
    m_minIntervalMs = minMs;
    m_maxIntervalMs = maxMs;
    m_nextIntervalMs = minMs;
}

void PushListener::start()
{
    if (m_gaveUp || m_running)
        return;
    m_running = true;
    m_nextIntervalMs = m_minIntervalMs;
    open();
}

void PushListener::stop()
{
    m_running = false;
    m_reconnect.stop();
    m_socket.abort();
    setAuthenticated(false);
}

void PushListener::open()
{
    if (!m_running || m_gaveUp || m_socket.state() != QAbstractSocket::UnconnectedState)
        return;
    // Ask the session for a token that is valid for a while (refreshing first when needed).
    m_session.requestAccess(this, [this](const net::NetError &error) {
        if (!m_running || m_gaveUp)
            return;
        if (error.isError()) {
            scheduleReconnect();
            return;
        }
        QNetworkRequest request(pushUrl(m_session.serverUrl()));
        request.setRawHeader("Authorization", "Bearer " + m_session.accessToken().toLatin1());
        request.setRawHeader("User-Agent", m_session.userAgent());
        qCDebug(lcSync) << "push: connecting";
        m_socket.open(request);
    });
}

void PushListener::sendAuth()
{
    const QJsonObject message { { QStringLiteral("type"), QStringLiteral("auth") },
                                { QStringLiteral("token"), m_session.accessToken() } };
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void PushListener::onTextMessage(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("authenticated")) {
        m_nextIntervalMs = m_minIntervalMs;
        setAuthenticated(true);
    } else if (type == QLatin1String("notification")) {
        auto notification
            = api::Notification::fromJson(message.value(QStringLiteral("notification")).toObject());
        if (notification)
            emit notificationReceived(*notification);
        else
            qCWarning(lcSync) << "push: a notification of an unexpected shape was ignored";
    }
}

void PushListener::onDisconnected()
{
    const int code = int(m_socket.closeCode());
    setAuthenticated(false);
    qCDebug(lcSync) << "push: disconnected, close code" << code;
    if (code == 4403) {
        giveUp(QStringLiteral("The account has no push channel."));
        return;
    }
    scheduleReconnect();
}

void PushListener::onError(QAbstractSocket::SocketError error)
{
    Q_UNUSED(error);
    // A refused upgrade ("Unhandled http status code: 404 (...)") means the server has no push channel.
    static const QRegularExpression status(QStringLiteral("status code: (\\d+)"));
    const auto match = status.match(m_socket.errorString());
    if (match.hasMatch()
        && (match.captured(1) == QLatin1String("404") || match.captured(1) == QLatin1String("405"))) {
        giveUp(QStringLiteral("The server has no push channel."));
        return;
    }
    qCDebug(lcSync) << "push:" << m_socket.errorString();
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        scheduleReconnect();
}

void PushListener::scheduleReconnect()
{
    if (!m_running || m_gaveUp || m_reconnect.isActive())
        return;
    m_reconnect.start(m_nextIntervalMs);
    m_nextIntervalMs = qMin(m_nextIntervalMs * 2, m_maxIntervalMs);
}

void PushListener::setAuthenticated(bool authenticated)
{
    if (m_authenticated == authenticated)
        return;
    m_authenticated = authenticated;
    emit connectedChanged(authenticated);
}

void PushListener::giveUp(const QString &reason)
{
    qCDebug(lcSync) << "push: giving up:" << reason;
    m_gaveUp = true;
    m_running = false;
    m_reconnect.stop();
    setAuthenticated(false);
    emit gaveUp(reason);
}

} // namespace portal::client
