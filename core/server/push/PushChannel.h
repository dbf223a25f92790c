// The push channel (an extension, see docs/api.md): a WebSocket at /api/portal/push/ on which a signed-in
// client's user receives its own notifications as they are created, so that clients need not poll.
// Clients of other servers poll instead, so nothing may depend on it.
//
// A connection authenticates with the access token, in the upgrade request's "Authorization: Bearer" header
// or in a first message {"type": "auth", "token": "…"}; it may send a fresh token the same way at any time,
// and is closed when its token expires without one. New notifications are found by following the change
// log (Notifications::changedAfter(), in commit order): at once after a write of this server
// (notifyChanged()) and after another server's commit on a shared PostgreSQL database (which the database
// announces), and within a poll interval after a write of another process on SQLite (the store's change
// stamp).
#pragma once

#include "Result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>
#include <unordered_map>

class QWebSocket;

namespace portal::store {
class Store;
}
namespace portal::auth {
class TokenService;
class RateLimiter;
} // namespace portal::auth

namespace portal::server {

struct PushOptions
{
    int authTimeoutMs = 10 * 1000; // to present a token after connecting
    int pingIntervalMs = 30 * 1000; // a ping unanswered by the next one closes the connection
    int pollIntervalMs = 250; // how often writes of other processes are looked for
    int maxConnectionsPerUser = 8;
};

// Close codes beyond the standard ones, in the 4000 range RFC 6455 leaves to applications; they mirror
// the HTTP statuses a request would get.
enum class PushCloseCode : quint16 {
    BadMessage = 4400,
    NotAuthenticated = 4401, // no token in time, an invalid one, or it expired
    NotAClient = 4403, // attorneys and admins have no notifications
    Throttled = 4429, // over the rate limit, or too many connections of one user
};

class PushChannel : public QObject
{
    Q_OBJECT
public:
    PushChannel(store::Store &store, auth::TokenService &tokens, auth::RateLimiter &rateLimiter,
                PushOptions options = {}, QObject *parent = nullptr);
    ~PushChannel() override;

    // Takes a connection the HTTP layer upgraded at the channel's path.
    void accept(std::unique_ptr<QWebSocket> socket);
    // A write of this process may have created notifications: look now instead of at the next poll.
    void notifyChanged();
    // For shutdown: closes every connection with 1001 (going away) and takes no more.
    void closeAll();

    int connectionCount() const { return int(m_subscribers.size()); }

private:
    struct Subscriber;

    void onMessage(Subscriber &subscriber, const QString &text);
    void authenticate(Subscriber &subscriber, const QByteArray &token);
    void deliverNew();
    void ping();
    void refuse(Subscriber &subscriber, PushCloseCode code, const QString &reason);
    void send(Subscriber &subscriber, const QJsonObject &message);
    void forget(QWebSocket *socket);

    store::Store &m_store;
    auth::TokenService &m_tokens;
    auth::RateLimiter &m_rateLimiter;
    PushOptions m_options;
    std::unordered_map<QWebSocket *, std::unique_ptr<Subscriber>> m_subscribers;
    QMultiHash<qint64, Subscriber *> m_byUser; // authenticated ones
    qint64 m_lastSeq = -1; // of the change log, followed; -1: to be read before the next delivery
    QTimer m_pollTimer;
    QTimer m_pingTimer;
    bool m_deliveryQueued = false;
    bool m_closing = false;
    store::ChangeStamp m_lastStamp;
};

} // namespace portal::server
