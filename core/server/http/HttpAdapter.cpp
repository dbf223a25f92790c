#include "HttpAdapter.h"

#include "FileStreamer.h"
#include "GuardedTcpServer.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QWebSocket>
#if QT_CONFIG(ssl)
#include <QSslSocket>
#endif

#include <exception>

namespace portal::http {

namespace {

Q_LOGGING_CATEGORY(lcHttp, "portal.http", QtWarningMsg)

constexpr int kMaxHeaderTimeoutMs = 30 * 1000;
constexpr int kLingerTimeoutMs = 10 * 1000;

QByteArray methodName(QHttpServerRequest::Method method)
{
    using Method = QHttpServerRequest::Method;
    switch (method) {
    case Method::Get:
        return "GET";
    case Method::Put:
        return "PUT";
    case Method::Delete:
        return "DELETE";
    case Method::Post:
        return "POST";
    case Method::Head:
        return "HEAD";
    case Method::Options:
        return "OPTIONS";
    case Method::Patch:
        return "PATCH";
    case Method::Connect:
        return "CONNECT";
    case Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN"; // 6.4 does not tell which; the router answers 405 or 404
    }
}

Request toRequest(const QHttpServerRequest &source)
{
    Request request;
    request.method = methodName(source.method());
    request.path = source.url().path();
    request.query = source.query();
    const QList<QPair<QByteArray, QByteArray>> headers = source.headers();
    request.headers.reserve(headers.size());
    for (const auto &[name, value] : headers)
        request.headers.append({ name.toLower(), value });
    request.body = source.body();
    request.remoteAddress = source.remoteAddress();
    return request;
}

// 1xx, 204 and 304 answers have no body, and 204 must not even declare a length (RFC 9110, 8.6).
bool isBodyless(int status)
{
    return status < 200 || status == 204 || status == 304;
}

// Headers that frame the message are the adapter's to write, never a handler's.
bool isFramingHeader(const QByteArray &name)
{
    return name.compare("content-length", Qt::CaseInsensitive) == 0
        || name.compare("transfer-encoding", Qt::CaseInsensitive) == 0
        || name.compare("connection", Qt::CaseInsensitive) == 0;
}

bool isSafeHeader(const QByteArray &name, const QByteArray &value) // no response splitting
{
    const auto hasLineBreak
        = [](const QByteArray &text) { return text.contains('\r') || text.contains('\n'); };
    return !name.isEmpty() && !hasLineBreak(name) && !hasLineBreak(value);
}

// As QHttpServer 6.4 (its HTTP parser) decides it: "Connection: upgrade" and "Upgrade: websocket".
bool isWebSocketUpgrade(const QHttpServerRequest &request)
{
    bool connectionUpgrade = false;
    for (const QByteArray &option : request.value("connection").split(','))
        connectionUpgrade
            = connectionUpgrade || option.trimmed().compare("upgrade", Qt::CaseInsensitive) == 0;
    return connectionUpgrade
        && request.value("upgrade").trimmed().compare("websocket", Qt::CaseInsensitive) == 0;
}

} // namespace

class HttpAdapter::Private
{
public:
    Private(RequestHandler requestHandler, ServerLimits serverLimits)
        : handler(std::move(requestHandler))
        , limits(serverLimits)
    { }

    void answer(const QHttpServerRequest &source, QHttpServerResponder &responder);
    Response handle(Request &request) const;
    std::unique_ptr<QFile> openFile(Response &response) const;

    RequestHandler handler;
    ServerLimits limits;
    QByteArray webSocketPath;
    WebSocketHandler webSocketHandler;
    QHttpServer *server = nullptr; // our child
    GuardedTcpServer *tcpServer = nullptr; // the server's child once bound
};

void HttpAdapter::Private::answer(const QHttpServerRequest &source, QHttpServerResponder &responder)
{
    QTcpSocket *socket = responder.socket();
    const ConnectionReuse reuse = tcpServer->beginResponse(socket);
    Request request = toRequest(source);
    Response response = handle(request);
    const bool isHead = request.method == "HEAD";

    std::unique_ptr<QFile> file;
    if (response.isFile())
        file = openFile(response);
    if (response.status() < 100 || response.status() > 599) {
        qCWarning(lcHttp) << "handler for" << request.method << request.path << "answered status"
                          << response.status();
        response = Response::error(ApiError::make(ApiError::Kind::ServerError));
        file.reset();
    }

    const int status = response.status();
    const bool bodyless = isBodyless(status);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
    for (const auto &[name, value] : response.headers()) {
        if (isFramingHeader(name))
            continue;
        if (!isSafeHeader(name, value)) {
            qCWarning(lcHttp) << "dropping header" << name << "with a line break from the answer to"
                              << request.path;
            continue;
        }
        responder.writeHeader(name, value);
    }
    if (!bodyless) {
        if (response.bodyLength() > 0 && response.header("content-type").isEmpty())
            responder.writeHeader("Content-Type", "application/octet-stream");
        // Also for HEAD: the length of the body a GET would get.
        responder.writeHeader("Content-Length", QByteArray::number(response.bodyLength()));
    }
    if (reuse == ConnectionReuse::Close)
        responder.writeHeader("Connection", "close");
    else if (reuse == ConnectionReuse::KeepAliveHttp10)
        responder.writeHeader("Connection", "keep-alive");

    if (bodyless || isHead || response.bodyLength() == 0) {
        responder.writeBody(QByteArray()); // only ends the header block
        tcpServer->endResponse(socket);
        return;
    }
    if (!file) {
        responder.writeBody(response.body());
        tcpServer->endResponse(socket);
        return;
    }
    responder.writeBody(QByteArray());
    auto *streamer = new FileStreamer(std::move(file), response.fileOffset(), response.bodyLength(), socket);
    // Connected to the guard: when it is destroyed the connection is cut before the streamers die.
    GuardedTcpServer *guard = tcpServer;
    QObject::connect(streamer, &FileStreamer::finished, guard,
                     [guard, socket] { guard->endResponse(socket); });
    streamer->start();
}

Response HttpAdapter::Private::handle(Request &request) const
{
    try {
        return handler(request);
    } catch (const std::exception &exception) {
        qCWarning(lcHttp) << "handler for" << request.method << request.path << "threw:" << exception.what();
    }
    return Response::error(ApiError::make(ApiError::Kind::ServerError));
}

// Opens a file answer's file, or turns the answer into a 500 when the range cannot be served from it.
std::unique_ptr<QFile> HttpAdapter::Private::openFile(Response &response) const
{
    auto file = std::make_unique<QFile>(response.filePath());
    const qint64 offset = response.fileOffset();
    const qint64 length = response.bodyLength();
    if (file->open(QIODevice::ReadOnly) && offset >= 0 && length >= 0 && offset <= file->size() - length)
        return file;
    qCWarning(lcHttp) << "cannot serve" << length << "bytes at" << offset << "of" << response.filePath()
                      << ":" << (file->isOpen() ? QStringLiteral("file too short") : file->errorString());
    response = Response::error(ApiError::make(ApiError::Kind::ServerError));
    return nullptr;
}

HttpAdapter::HttpAdapter(RequestHandler handler, ServerLimits limits, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(std::move(handler), limits))
{
    // No routes: every request lands here, so that routing, errors and headers are ours (Router).
    Private *p = d.get();
    d->server = new QHttpServer(this);
    d->server->setMissingHandler([p](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        p->answer(request, responder);
    });
}

HttpAdapter::~HttpAdapter()
{
    delete d->server; // with its connections, while the handler its missing handler calls still exists
}

quint16 HttpAdapter::listen(const QHostAddress &address, quint16 port,
                            const std::optional<QSslConfiguration> &tls, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return quint16(0);
    };
    if (d->tcpServer)
        return fail(QStringLiteral("The server is already listening."));
#if QT_CONFIG(ssl)
    if (tls && !QSslSocket::supportsSsl())
        return fail(QStringLiteral("TLS is not available: %1").arg(QSslSocket::sslLibraryVersionString()));
#else
    if (tls)
        return fail(QStringLiteral("This build has no TLS support."));
#endif

    ConnectionLimits limits;
    limits.maxHeaderSize = d->limits.maxHeaderSize;
    limits.maxBodySize = d->limits.maxBodySize;
    limits.idleTimeoutMs = d->limits.idleTimeoutMs;
    limits.headerTimeoutMs = qMin(kMaxHeaderTimeoutMs, d->limits.idleTimeoutMs);
    limits.lingerTimeoutMs = kLingerTimeoutMs;
    auto tcpServer = std::make_unique<GuardedTcpServer>(limits);
    if (tls)
        tcpServer->setTlsConfiguration(*tls);
    if (d->webSocketHandler)
        tcpServer->setWebSocketPath(d->webSocketPath);
    if (!tcpServer->listen(address, port))
        return fail(tcpServer->errorString());

    d->tcpServer = tcpServer.release();
    d->server->bind(d->tcpServer); // takes ownership
    connect(d->tcpServer, &GuardedTcpServer::idle, this, &HttpAdapter::idle);
    qCDebug(lcHttp) << "listening on" << address << d->tcpServer->serverPort() << (tls ? "with TLS" : "");
    return d->tcpServer->serverPort();
}

void HttpAdapter::acceptWebSockets(const QByteArray &path, WebSocketHandler handler)
{
    Q_ASSERT(!d->tcpServer);
    const bool first = !d->webSocketHandler;
    d->webSocketPath = path;
    d->webSocketHandler = std::move(handler);
    if (!first)
        return;
    // QHttpServer 6.4 upgrades a connection only while this signal has a receiver and a route took the
    // upgrade request; every other request still goes to the missing handler. The guard lets upgrades
    // through to this path only, but an ordinary request to it must be answered like any other.
    Private *p = d.get();
    connect(d->server, &QHttpServer::newWebSocketConnection, this, [p] {
        while (p->server->hasPendingWebSocketConnections())
            p->webSocketHandler(p->server->nextPendingWebSocketConnection());
    });
    d->server->route(QString::fromLatin1(path),
                     [p](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                         if (!isWebSocketUpgrade(request)) {
                             p->answer(request, responder);
                             return;
                         }
                         // Taking the responder and letting it go here, before QHttpServer disconnects
                         // the socket's signals, keeps it from reattaching the socket to the HTTP
                         // stream after the hand-over.
                         QHttpServerResponder released(std::move(responder));
                     });
}

void HttpAdapter::stopListening()
{
    if (d->tcpServer)
        d->tcpServer->stopAccepting();
}

bool HttpAdapter::isBusy() const
{
    return d->tcpServer && d->tcpServer->isBusy();
}

} // namespace portal::http
