// The one place that knows QHttpServer (a technology preview in Qt 6.4 whose API changes in 6.5).
// Every request reaches QHttpServer's missing handler (no QHttpServer routes are registered), is converted to
// a Request, answered by the RequestHandler and written back: JSON bodies at once, file bodies streamed with
// back-pressure by FileStreamer. HEAD gets the headers without the body; "Connection: close" and HTTP/1.0
// close the connection after the answer. Connections come from a GuardedTcpServer, which enforces the header
// and body size limits and the idle timeout before QHttpServer buffers anything.
#pragma once

#include "HttpMessage.h"

#include <QObject>
#include <QSslConfiguration>
#include <functional>
#include <memory>
#include <optional>

class QHttpServer;
class QWebSocket;

namespace portal::http {

class GuardedTcpServer;

struct ServerLimits
{
    qint64 maxBodySize = 100LL * 1024 * 1024; // bytes; larger declared bodies get 413 before being read
    qint64 maxHeaderSize = 64 * 1024; // bytes of request line plus headers; larger gets 431
    int idleTimeoutMs = 60 * 1000; // a connection with nothing to read or write for this long is closed
};

class HttpAdapter : public QObject
{
    Q_OBJECT
public:
    using RequestHandler = std::function<Response(Request &)>;

    HttpAdapter(RequestHandler handler, ServerLimits limits, QObject *parent = nullptr);
    ~HttpAdapter() override;

    // Listens on address:port (port 0: the OS chooses); with a TLS configuration, HTTPS. Returns the port
    // or 0 with `error` set.
    quint16 listen(const QHostAddress &address, quint16 port,
                   const std::optional<QSslConfiguration> &tls = std::nullopt, QString *error = nullptr);
    // Makes WebSocket upgrades to `path` (and only there) reach `handler`, which owns the socket from then
    // on; call before listen(). Upgrades to other paths are answered 404.
    using WebSocketHandler = std::function<void(std::unique_ptr<QWebSocket>)>;
    void acceptWebSockets(const QByteArray &path, WebSocketHandler handler);
    // Stops accepting connections; requests in flight (bodies being received, files being streamed) go on.
    void stopListening();
    // True while any connection is inside a request or a response.
    bool isBusy() const;

signals:
    void idle(); // emitted when the last busy connection becomes idle

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace portal::http
