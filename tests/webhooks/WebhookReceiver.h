// A webhook receiver for tests: a QTcpServer on 127.0.0.1 that records each request exactly as it arrived
// (method, path, headers, raw body) and answers the statuses it is told to, or not at all.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace portal::testing {

struct ReceivedRequest
{
    QByteArray method;
    QByteArray path;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

class WebhookReceiver : public QObject
{
    Q_OBJECT
public:
    explicit WebhookReceiver(QObject *parent = nullptr);

    bool listen(quint16 port = 0); // 127.0.0.1; port 0: the OS chooses
    void close();
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path = QStringLiteral("/hook")) const;

    QList<ReceivedRequest> requests;
    QList<int> statuses; // answered in order, one per request; then `defaultStatus`
    int defaultStatus = 200;
    bool answers = true; // false: read the request, keep the connection open, never answer (a hung receiver)

private:
    void readFrom(QTcpSocket *socket);

    // Declared first so that it outlives m_server, whose sockets report their disconnection as they die.
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QTcpServer m_server;
};

// A port on 127.0.0.1 that nothing listens on (bound, then released).
quint16 closedPort();

} // namespace portal::testing
