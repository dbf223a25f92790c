#include "PushChannel.h"

#include "Database.h"
#include "RateLimiter.h"
#include "Store.h"
#include "TokenService.h"
#include "WireTypes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QPointer>
#include <QWebSocket>
#include <limits>

namespace portal::server {

namespace {

Q_LOGGING_CATEGORY(lcPush, "portal.push", QtWarningMsg)

constexpr int kDeliveryBatch = 500;
constexpr qint64 kMaxMessageBytes = 16 * 1024; // an auth message is a few hundred bytes

QByteArray bearerToken(const QNetworkRequest &request)
{
    const QByteArray authorization = request.rawHeader("Authorization").trimmed();
    const QList<QByteArray> parts = authorization.split(' ');
    if (parts.size() == 2 && parts.first().compare("Bearer", Qt::CaseInsensitive) == 0)
        return parts.last();
    return {};
}

} // namespace

struct PushChannel::Subscriber
{
    std::unique_ptr<QWebSocket> socket;
    qint64 userId = 0; // 0 until authenticated
    QTimer deadline; // for the first token, then the token's expiry
    bool awaitingPong = false;
    bool closing = false;
};

PushChannel::PushChannel(store::Store &store, auth::TokenService &tokens, auth::RateLimiter &rateLimiter,
                         PushOptions options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_tokens(tokens)
    , m_rateLimiter(rateLimiter)
    , m_options(options)
{
    m_pollTimer.setInterval(m_options.pollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        const store::ChangeStamp stamp = m_store.changeStamp();
        if (stamp == m_lastStamp)
            return;
        m_lastStamp = stamp;
        deliverNew();
    });
    m_pingTimer.setInterval(m_options.pingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &PushChannel::ping);
    // Other servers' writes, where the database tells of them as they commit (PostgreSQL), are looked at
    // at once rather than at the next poll.
    m_store.database().onOthersCommitted([channel = QPointer<PushChannel>(this)] {
        if (channel)
            channel->notifyChanged();
    });
}

PushChannel::~PushChannel()
{
    // The sockets go with their subscribers; their signals must not reach a half-destroyed channel.
    for (auto &[socket, subscriber] : m_subscribers)
        socket->disconnect(this);
}

void PushChannel::accept(std::unique_ptr<QWebSocket> socket)
{
    if (m_closing) {
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("The server is shutting down."));
        socket.release()->deleteLater();
        return;
    }
    QWebSocket *key = socket.get();
    auto subscriber = std::make_unique<Subscriber>();
    Subscriber *s = subscriber.get();
    s->socket = std::move(socket);
    s->socket->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    s->socket->setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
    s->deadline.setSingleShot(true);
    m_subscribers.emplace(key, std::move(subscriber));

    connect(key, &QWebSocket::textMessageReceived, this,
            [this, s](const QString &text) { onMessage(*s, text); });
    connect(key, &QWebSocket::binaryMessageReceived, this,
            [this, s] { refuse(*s, PushCloseCode::BadMessage, QStringLiteral("Messages are JSON text.")); });
    connect(key, &QWebSocket::pong, this, [s] { s->awaitingPong = false; });
    connect(key, &QWebSocket::disconnected, this, [this, key] { forget(key); });
    connect(&s->deadline, &QTimer::timeout, this, [this, s] {
        refuse(*s, PushCloseCode::NotAuthenticated,
               s->userId ? QStringLiteral("Token is expired.") : QStringLiteral("No token was presented."));
    });

    if (!m_pingTimer.isActive()) {
        m_pingTimer.start();
        m_pollTimer.start();
        m_lastStamp = m_store.changeStamp();
    }
    s->deadline.start(m_options.authTimeoutMs);
    const QByteArray token = bearerToken(key->request());
    if (token.isEmpty())
        return;
    // At the next turn: QWebSocketServer is still finishing the handshake on this socket, and a refusal
    // closing it now would pull the socket from under it.
    QMetaObject::invokeMethod(
        this,
        [this, key, token] {
            if (const auto it = m_subscribers.find(key); it != m_subscribers.end())
                authenticate(*it->second, token);
        },
        Qt::QueuedConnection);
}

void PushChannel::onMessage(Subscriber &subscriber, const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    if (message.value(QLatin1String("type")).toString() == QLatin1String("auth")
        && message.value(QLatin1String("token")).isString()) {
        authenticate(subscriber, message.value(QLatin1String("token")).toString().toUtf8());
        return;
    }
    refuse(subscriber, PushCloseCode::BadMessage,
           QStringLiteral("Expected {\"type\": \"auth\", \"token\": \"…\"}."));
}

void PushChannel::authenticate(Subscriber &subscriber, const QByteArray &token)
{
    auth::TokenService::Failure failure = auth::TokenService::Failure::Invalid;
    const auto grant = m_tokens.grantAccess(token, &failure);
    if (!grant)
        return refuse(subscriber, PushCloseCode::NotAuthenticated,
                      failure == auth::TokenService::Failure::Expired ? QStringLiteral("Token is expired.")
                                                                      : QStringLiteral("Token is invalid."));
    if (subscriber.userId != 0 && subscriber.userId != grant->userId)
        return refuse(subscriber, PushCloseCode::NotAuthenticated,
                      QStringLiteral("The token is another user's."));

    const auto user = m_store.users().byId(grant->userId);
    if (!user || !user->active)
        return refuse(subscriber, PushCloseCode::NotAuthenticated, QStringLiteral("User is inactive."));
    if (user->role != store::Role::Client)
        return refuse(subscriber, PushCloseCode::NotAClient,
                      QStringLiteral("The push channel carries a client's notifications."));
    const auth::RateDecision decision = m_rateLimiter.hit(grant->userId, m_tokens.now().toSecsSinceEpoch());
    if (!decision.allowed)
        return refuse(subscriber, PushCloseCode::Throttled,
                      QStringLiteral("Request was throttled. Expected available in %1 seconds.")
                          .arg(decision.retryAfterSeconds));

    if (subscriber.userId == 0) {
        if (m_byUser.count(grant->userId) >= m_options.maxConnectionsPerUser)
            return refuse(subscriber, PushCloseCode::Throttled,
                          QStringLiteral("Too many push connections for this user."));
        if (m_byUser.isEmpty() || m_lastSeq < 0) {
            // Nobody listened, so nothing was followed: start from now.
            const auto last = m_store.notifications().lastChange();
            if (!last)
                return refuse(subscriber, PushCloseCode::NotAuthenticated,
                              QStringLiteral("The server cannot read notifications now."));
            m_lastSeq = *last;
        }
        subscriber.userId = grant->userId;
        m_byUser.insert(grant->userId, &subscriber);
        qCDebug(lcPush) << "user" << grant->userId << "listens on" << subscriber.socket->peerAddress();
    }
    const qint64 remainingMs = m_tokens.now().msecsTo(grant->expiresAt);
    subscriber.deadline.start(int(qBound(qint64(0), remainingMs, qint64(std::numeric_limits<int>::max()))));
    send(subscriber,
         QJsonObject { { QStringLiteral("type"), QStringLiteral("authenticated") },
                       { QStringLiteral("user_id"), grant->userId },
                       { QStringLiteral("expires_at"), api::formatTimestamp(grant->expiresAt) } });
}

void PushChannel::notifyChanged()
{
    if (m_deliveryQueued || m_byUser.isEmpty())
        return;
    m_deliveryQueued = true;
    // After the answer to the write has been written: the writer hears back first.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_deliveryQueued = false;
            deliverNew();
        },
        Qt::QueuedConnection);
}

void PushChannel::deliverNew()
{
    if (m_byUser.isEmpty()) {
        m_lastSeq = -1; // followed again from the next subscriber on
        return;
    }
    for (;;) {
        const auto batch = m_store.notifications().changedAfter(m_lastSeq, kDeliveryBatch);
        if (!batch) {
            qCWarning(lcPush) << "cannot read new notifications:" << batch.error().message;
            return; // the next poll or write tries again
        }
        m_lastSeq = batch->position;
        for (const auto &[seq, userId, notification] : batch->notifications) {
            // A notification changes only by being read; what is read needs no pushing.
            if (notification.isRead)
                continue;
            const QJsonObject message { { QStringLiteral("type"), QStringLiteral("notification") },
                                        { QStringLiteral("notification"), notification.toJson() } };
            for (Subscriber *subscriber : m_byUser.values(userId))
                send(*subscriber, message);
        }
        if (batch->notifications.size() < kDeliveryBatch)
            return;
    }
}

void PushChannel::ping()
{
    if (m_subscribers.empty()) {
        m_pingTimer.stop();
        m_pollTimer.stop();
        return;
    }
    std::vector<Subscriber *> unanswered;
    for (auto &[socket, subscriber] : m_subscribers) {
        if (subscriber->awaitingPong)
            unanswered.push_back(subscriber.get());
        else if (!subscriber->closing) {
            subscriber->awaitingPong = true;
            socket->ping();
        }
    }
    for (Subscriber *subscriber : unanswered) {
        qCDebug(lcPush) << "no pong from" << subscriber->socket->peerAddress() << "; closing";
        subscriber->socket->abort();
    }
}

void PushChannel::refuse(Subscriber &subscriber, PushCloseCode code, const QString &reason)
{
    if (subscriber.closing)
        return;
    qCDebug(lcPush) << "closing" << subscriber.socket->peerAddress() << "with" << quint16(code) << reason;
    subscriber.closing = true;
    subscriber.deadline.stop();
    if (subscriber.userId != 0)
        m_byUser.remove(subscriber.userId, &subscriber);
    subscriber.socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
}

void PushChannel::send(Subscriber &subscriber, const QJsonObject &message)
{
    if (!subscriber.closing)
        subscriber.socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void PushChannel::forget(QWebSocket *socket)
{
    const auto it = m_subscribers.find(socket);
    if (it == m_subscribers.end())
        return;
    Subscriber *subscriber = it->second.get();
    if (subscriber->userId != 0)
        m_byUser.remove(subscriber->userId, subscriber);
    // Not deleted in its own signal's emission.
    subscriber->socket->disconnect(this);
    subscriber->socket.release()->deleteLater();
    m_subscribers.erase(it);
}

void PushChannel::closeAll()
{
    m_closing = true;
    std::vector<QWebSocket *> sockets;
    for (auto &[socket, subscriber] : m_subscribers)
        sockets.push_back(socket);
    for (QWebSocket *socket : sockets) {
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("The server is shutting down."));
        forget(socket);
    }
    m_pingTimer.stop();
    m_pollTimer.stop();
}

} // namespace portal::server
