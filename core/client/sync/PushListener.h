// The push channel (docs/api.md "Push channel (extension)"): a WebSocket to /api/portal/push/ that brings
// the account's notifications the moment they are created. It authenticates with the session's access
// token in the upgrade request, sends the next one ({"type":"auth"}) whenever the session refreshes, and
// reconnects with growing pauses after the connection drops. A server without the channel answers the
// upgrade with 404: then it gives up for the session's lifetime (polling goes on without it).
#pragma once

#include "Session.h"
#include "WireTypes.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocket>

namespace portal::client {

class PushListener : public QObject
{
    Q_OBJECT
public:
    explicit PushListener(net::Session &session, QObject *parent = nullptr);
    ~PushListener() override;

    void start(); // connects (again); no effect after giving up
    void stop(); // closes and stays closed until start()

    bool isConnected() const { return m_authenticated; }
    bool hasGivenUp() const { return m_gaveUp; }

    // Pauses between reconnects: first `minMs`, doubling to `maxMs` (tests shorten them).
    void setReconnectIntervals(int minMs, int maxMs);

    // ws:// or wss:// with the server's path prefix.
    static QUrl pushUrl(const QUrl &serverUrl);

signals:
    void connectedChanged(bool connected);
    void notificationReceived(const portal::api::Notification &notification);
    void gaveUp(const QString &reason);

private:
    void open();
    void onTextMessage(const QString &text);
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void sendAuth();
    void scheduleReconnect();
    void setAuthenticated(bool authenticated);
    void giveUp(const QString &reason);

    net::Session &m_session;
    QWebSocket m_socket;
    QTimer m_reconnect;
    bool m_running = false;
    bool m_authenticated = false;
    bool m_gaveUp = false;
    int m_minIntervalMs = 1000;
    int m_maxIntervalMs = 5 * 60 * 1000;
    int m_nextIntervalMs = 1000;
};

} // namespace portal::client
