// The listening socket handed to QHttpServer::bind(). It follows every connection's byte stream one step
// ahead of QHttpServer 6.4 and steps in where 6.4 falls short:
//  - 6.4 buffers whole request bodies without limit and accepts headers of any size: the guard answers
//    413 from Content-Length before a byte of the body is read, 411 for chunked bodies (no length to check),
//    400 for a malformed length and 431 for an oversized header block, then stops QHttpServer from seeing
//    the connection and reads and discards what the client still sends for a while ("lingering close"),
//    so that the client reads the error instead of a connection reset;
//  - 6.4 ignores "Expect: 100-continue": the guard sends "100 Continue" for acceptable requests;
//  - 6.4 has no timeouts: the guard closes connections idle for too long and those whose headers take too
//    long to arrive (slowloris);
//  - 6.4 ignores "Connection: close" and HTTP/1.0: the guard remembers them per request for the adapter;
//  - 6.4 hands every WebSocket upgrade, whatever its path, to its WebSocket server and cuts the socket's
//    signals: the guard lets through upgrades to the one path that has a WebSocket endpoint and stops
//    following those connections (their timers and busy state are the WebSocket side's business from then
//    on); upgrades elsewhere get 404;
//  - 6.4 would answer a pipelined request while a file is still being streamed for the previous one,
//    writing the second answer into the first: the guard holds later requests back until the answer is
//    complete.
// The guard never consumes bytes of acceptable requests: it peek()s from a readyRead slot connected before
// QHttpServer's and takes the measure of what QHttpServer read from a slot connected after it; to hold a
// request back it reads inside a read transaction of its own, rolled back when QHttpServer may go on.
// With a TLS configuration, connections are QSslSockets handed to QHttpServer once encrypted.
#pragma once

#include "RequestHead.h"

#include <QByteArrayView>
#include <QSslConfiguration>
#include <QTcpServer>
#include <memory>
#include <optional>
#include <unordered_map>

class QTcpSocket;

namespace portal::http {

struct ApiError;

struct ConnectionLimits
{
    qint64 maxHeaderSize = 64 * 1024; // request line and headers, in bytes; larger gets 431
    qint64 maxBodySize = 100LL * 1024 * 1024; // declared Content-Length above this gets 413
    int idleTimeoutMs = 60 * 1000; // nothing received or sent for this long: the connection is closed
    int headerTimeoutMs = 30 * 1000; // first byte of a request to the end of its headers; TLS handshakes
    int lingerTimeoutMs = 10 * 1000; // how long a refused request's body is read and discarded
};

class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(const ConnectionLimits &limits, QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    // Makes the server accept HTTPS only; call before listen().
    void setTlsConfiguration(const QSslConfiguration &configuration);
    // The path whose WebSocket upgrades go through to QHttpServer's WebSocket server; none by default.
    void setWebSocketPath(const QByteArray &path) { m_webSocketPath = path; }

    // The adapter brackets each answer it writes on a connection handed out by this server:
    // beginResponse() when QHttpServer hands it the request (the returned reuse decides the Connection
    // header), endResponse() once the last byte of the answer was given to the socket. endResponse() closes
    // the connection when the reuse was Close, or lets QHttpServer go on with the next request.
    ConnectionReuse beginResponse(QTcpSocket *socket);
    void endResponse(QTcpSocket *socket);

    // For graceful shutdown: stops listening, closes idle connections and those still in their TLS
    // handshake, and makes every further answer close its connection. Requests in flight go on.
    void stopAccepting();

    // True while any connection is between the first byte of a request and the last byte of its answer
    // leaving the socket.
    bool isBusy() const { return m_busyConnections > 0; }
    int connectionCount() const { return int(m_connections.size()); }

signals:
    // The last busy connection became idle. Emitted from the event loop, so a receiver may delete us.
    void idle();

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    class Connection;
    struct Rejection;

    Connection &track(QTcpSocket *socket);
    Connection *find(QTcpSocket *socket) const;
    void startTlsHandshake(Connection &connection);
    void handOver(Connection &connection);
    void dropBeforeHandOver(Connection &connection);

    void beforeHttpServerReads(Connection &connection);
    void afterHttpServerRead(Connection &connection);
    void scan(Connection &connection, QByteArrayView bytes);
    void countBody(Connection &connection, qint64 bytes);
    void headComplete(Connection &connection, qint64 bodyOffset);
    void proceed(Connection &connection);
    void sendContinue(Connection &connection);

    void startHold(Connection &connection);
    void releaseHold(Connection &connection);

    void reject(Connection &connection, const ApiError &error, std::optional<qint64> bodyEnd = std::nullopt);
    void rejectNow(Connection &connection);
    void discardInput(Connection &connection);

    void releaseUpgraded(Connection &connection);
    void onIdleTimeout(Connection &connection);
    void onDisconnected(Connection &connection);
    void closeConnection(Connection &connection);
    void endLinger(Connection &connection);
    void updateBusy(Connection &connection);
    void setBusy(Connection &connection, bool busy);

    ConnectionLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    QByteArray m_webSocketPath;
    std::unordered_map<QTcpSocket *, std::unique_ptr<Connection>> m_connections;
    int m_busyConnections = 0;
    bool m_stopping = false;
    bool m_idleQueued = false;
};

} // namespace portal::http
