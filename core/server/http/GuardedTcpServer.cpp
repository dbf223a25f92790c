#include "GuardedTcpServer.h"

#include "ApiError.h"
#include "FileStreamer.h"
#include "RequestHead.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>
#if QT_CONFIG(ssl)
#include <QSslSocket>
#endif

#include <deque>
#include <limits>

namespace portal::http {

namespace {

Q_LOGGING_CATEGORY(lcHttp, "portal.http", QtWarningMsg)

// While an answer is being written, later pipelined requests wait in the socket's read buffer. Beyond this
// much more than a header block the socket stops reading, so the client waits instead of our memory growing.
constexpr qint64 kHoldSlack = 64 * 1024;

const char *reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 404:
        return "Not Found";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

} // namespace

// A request the guard refuses, and where in the connection's byte stream its declared body ends.
struct GuardedTcpServer::Rejection
{
    ApiError error;
    std::optional<qint64> bodyEnd; // none when the body's length is unknown
};

// The guard's view of one connection.
class GuardedTcpServer::Connection
{
public:
    enum class Phase {
        BetweenRequests, // waiting for the first byte of a request
        Head, // receiving a request line and headers
        Body, // receiving a declared body
        Rejected, // a request was refused: QHttpServer is cut off, input is discarded until we close
        Closed, // closing after an answer, or gone
        Upgraded, // handed to the WebSocket server: no longer ours to follow
    };

    // A request whose head the guard accepted and whose answer is not complete yet. QHttpServer answers
    // them in order, so the front one is the one being (or next to be) answered.
    struct Request
    {
        ConnectionReuse reuse = ConnectionReuse::KeepAlive;
        bool expectsContinue = false;
        bool continueSent = false;
        bool bodyComplete = false;
        bool answering = false;
    };

    explicit Connection(QTcpSocket *tcpSocket)
        : socket(tcpSocket)
    {
        for (QTimer *timer : { &idleTimer, &headerTimer, &lingerTimer })
            timer->setSingleShot(true);
    }

    bool answering() const { return !requests.empty() && requests.front().answering; }

    QTcpSocket *const socket;
    bool connected = true;
    bool handedOver = false; // QHttpServer has the socket (and deletes it when it disconnects)
    bool dropped = false; // refused before the hand-over; we delete the socket
    bool busy = false;
    Phase phase = Phase::BetweenRequests;
    QByteArray head;
    qint64 bodyRemaining = 0;
    std::deque<Request> requests;
    ConnectionReuse answerReuse = ConnectionReuse::KeepAlive; // of the answer being written
    std::optional<Rejection> rejection; // a refused request waiting for the answers to those before it
    qint64 received = 0; // bytes of the stream the guard has seen, from the first byte of the connection
    qint64 scannedUnread = 0; // unread bytes at the front of the socket's buffer that scan() has seen
    bool holding = false; // later requests are held back in a read transaction of ours
    qint64 heldBytes = 0;
    qint64 discardBudget = 0; // bytes still to discard before closing, while Rejected
    QTimer idleTimer;
    QTimer headerTimer; // header deadline, and TLS handshake deadline before the hand-over
    QTimer lingerTimer;
};

GuardedTcpServer::GuardedTcpServer(const ConnectionLimits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{ }

// The sockets are our children and die in ~QObject, after it has cut the connections to our slots, so
// nothing calls back into a half-destroyed guard.
GuardedTcpServer::~GuardedTcpServer() = default;

void GuardedTcpServer::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_tls = configuration;
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    QTcpSocket *socket = nullptr;
#if QT_CONFIG(ssl)
    if (m_tls) {
        auto *sslSocket = new QSslSocket(this);
        sslSocket->setSslConfiguration(*m_tls);
        socket = sslSocket;
    }
#endif
    if (!socket)
        socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcHttp) << "cannot take an incoming connection:" << socket->errorString();
        delete socket;
        return;
    }
    Connection &connection = track(socket);
    if (m_tls)
        startTlsHandshake(connection);
    else
        handOver(connection);
}

GuardedTcpServer::Connection &GuardedTcpServer::track(QTcpSocket *socket)
{
    auto &connection = *m_connections.emplace(socket, std::make_unique<Connection>(socket)).first->second;
    Connection *c = &connection;
    connect(socket, &QObject::destroyed, this, [this, socket] {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end())
            return;
        if (it->second->busy)
            setBusy(*it->second, false);
        m_connections.erase(it);
    });
    connect(socket, &QAbstractSocket::disconnected, this, [this, c] { onDisconnected(*c); });
    const auto progress = [this, c] {
        if (c->phase != Connection::Phase::Rejected)
            c->idleTimer.start(m_limits.idleTimeoutMs);
        updateBusy(*c);
    };
    connect(socket, &QIODevice::bytesWritten, this, progress);
#if QT_CONFIG(ssl)
    if (auto *sslSocket = qobject_cast<QSslSocket *>(socket))
        connect(sslSocket, &QSslSocket::encryptedBytesWritten, this, progress);
#endif
    connect(&c->idleTimer, &QTimer::timeout, this, [this, c] { onIdleTimeout(*c); });
    connect(&c->headerTimer, &QTimer::timeout, this, [this, c] {
        if (!c->handedOver) {
            qCInfo(lcHttp) << "TLS handshake with" << c->socket->peerAddress() << "timed out";
            dropBeforeHandOver(*c);
        } else if (c->holding) {
            c->headerTimer.start(m_limits.headerTimeoutMs); // we are the ones not reading
        } else if (c->phase == Connection::Phase::Head) {
            qCInfo(lcHttp) << "headers from" << c->socket->peerAddress() << "took too long";
            c->socket->abort();
        }
    });
    connect(&c->lingerTimer, &QTimer::timeout, this, [this, c] { endLinger(*c); });
    return connection;
}

GuardedTcpServer::Connection *GuardedTcpServer::find(QTcpSocket *socket) const
{
    const auto it = m_connections.find(socket);
    return it == m_connections.end() ? nullptr : it->second.get();
}

void GuardedTcpServer::startTlsHandshake(Connection &connection)
{
#if QT_CONFIG(ssl)
    auto *sslSocket = static_cast<QSslSocket *>(connection.socket);
    Connection *c = &connection;
    connect(sslSocket, &QSslSocket::encrypted, this, [this, c] {
        c->headerTimer.stop();
        handOver(*c);
    });
    connect(sslSocket, &QAbstractSocket::errorOccurred, this, [this, c] {
        if (!c->handedOver) {
            qCInfo(lcHttp) << "TLS handshake with" << c->socket->peerAddress()
                           << "failed:" << c->socket->errorString();
            dropBeforeHandOver(*c);
        }
    });
    connection.headerTimer.start(m_limits.headerTimeoutMs);
    sslSocket->startServerEncryption();
#else
    Q_UNUSED(connection);
#endif
}

void GuardedTcpServer::handOver(Connection &connection)
{
    Connection *c = &connection;
    // Slots run in connection order: ours first, then QHttpServer's (connected inside
    // addPendingConnection(), which emits pendingConnectionAvailable), then ours again.
    connect(c->socket, &QIODevice::readyRead, this, [this, c] { beforeHttpServerReads(*c); });
    c->handedOver = true;
    addPendingConnection(c->socket);
    connect(c->socket, &QIODevice::readyRead, this, [this, c] { afterHttpServerRead(*c); });
    c->idleTimer.start(m_limits.idleTimeoutMs);
    if (c->socket->bytesAvailable() > 0) // decrypted along with the end of the TLS handshake
        QMetaObject::invokeMethod(c->socket, &QIODevice::readyRead, Qt::QueuedConnection);
}

void GuardedTcpServer::dropBeforeHandOver(Connection &connection)
{
    if (connection.dropped)
        return;
    connection.dropped = true;
    connection.phase = Connection::Phase::Closed;
    connection.headerTimer.stop();
    connection.idleTimer.stop();
    connection.socket->abort();
    connection.socket->deleteLater();
}

void GuardedTcpServer::beforeHttpServerReads(Connection &connection)
{
    Connection &c = connection;
    if (c.phase == Connection::Phase::Closed) {
        discardInput(c); // nothing more is answered on a closing connection
        return;
    }
    c.idleTimer.start(m_limits.idleTimeoutMs);
    if (c.answering() && !c.holding)
        startHold(c);
    if (c.holding) {
        // Read inside our transaction: the bytes stay in the socket for later, but QHttpServer, which
        // reads from the transaction's position, does not see them now.
        const QByteArray fresh = c.socket->read(c.socket->bytesAvailable());
        c.heldBytes += fresh.size();
        c.received += fresh.size();
        scan(c, fresh);
    } else {
        const qint64 available = c.socket->bytesAvailable();
        const qint64 fresh = available - c.scannedUnread;
        if (fresh > 0) {
            c.received += fresh;
            // Body bytes only need counting: the common case, an upload, costs no copy.
            const qint64 body
                = c.phase == Connection::Phase::Body && !c.rejection ? qMin(c.bodyRemaining, fresh) : 0;
            countBody(c, body);
            if (fresh > body) {
                const QByteArray unread = c.socket->peek(available);
                scan(c,
                     QByteArrayView(unread).sliced(qMin<qsizetype>(c.scannedUnread + body, unread.size())));
            }
            c.scannedUnread = available;
        }
    }
    updateBusy(c);
}

void GuardedTcpServer::afterHttpServerRead(Connection &connection)
{
    if (connection.phase == Connection::Phase::Rejected || connection.phase == Connection::Phase::Closed)
        return;
    if (!connection.holding)
        connection.scannedUnread = connection.socket->bytesAvailable(); // QHttpServer read the rest
    proceed(connection);
    updateBusy(connection);
}

// Follows the request stream through `bytes`, the bytes of the connection that `received` just counted.
void GuardedTcpServer::scan(Connection &c, QByteArrayView bytes)
{
    using Phase = Connection::Phase;
    const qint64 chunkOffset = c.received - bytes.size();
    qsizetype i = 0;
    while (i < bytes.size() && !c.rejection
           && (c.phase == Phase::BetweenRequests || c.phase == Phase::Head || c.phase == Phase::Body)) {
        switch (c.phase) {
        case Phase::BetweenRequests:
            if (isRequestSeparator(bytes[i])) {
                ++i;
                break;
            }
            c.phase = Phase::Head;
            c.head.clear();
            c.headerTimer.start(m_limits.headerTimeoutMs);
            break;
        case Phase::Head: {
            const qsizetype lineFeed = bytes.indexOf('\n', i);
            const qsizetype end = lineFeed < 0 ? bytes.size() : lineFeed + 1;
            const qsizetype room = qsizetype(m_limits.maxHeaderSize) + 1 - c.head.size();
            c.head.append(bytes.sliced(i, qMin(end - i, room)));
            i = end;
            if (c.head.size() > m_limits.maxHeaderSize) {
                reject(c,
                       ApiError::make(ApiError::Kind::HeadersTooLarge,
                                      QStringLiteral("The request line and headers exceed %1 bytes.")
                                          .arg(m_limits.maxHeaderSize)));
            } else if (lineFeed >= 0 && (c.head.endsWith("\n\n") || c.head.endsWith("\n\r\n"))) {
                headComplete(c, chunkOffset + i);
            }
            break;
        }
        case Phase::Body: {
            const qint64 taken = qMin<qint64>(c.bodyRemaining, bytes.size() - i);
            countBody(c, taken);
            i += taken;
            break;
        }
        case Phase::Rejected:
        case Phase::Closed:
        case Phase::Upgraded:
            break;
        }
    }
}

void GuardedTcpServer::countBody(Connection &c, qint64 bytes)
{
    if (bytes <= 0)
        return;
    c.bodyRemaining -= bytes;
    if (c.bodyRemaining == 0) {
        c.requests.back().bodyComplete = true;
        c.phase = Connection::Phase::BetweenRequests;
    }
}

// `bodyOffset`: where the request's body starts in the connection's byte stream.
void GuardedTcpServer::headComplete(Connection &c, qint64 bodyOffset)
{
    c.headerTimer.stop();
    const RequestHead head = parseHead(c.head);
    c.head = QByteArray();
    using Kind = ApiError::Kind;
    if (!head.problem.isEmpty())
        return reject(c, ApiError::make(Kind::InvalidRequest, head.problem));
    if (head.chunked) {
        // QHttpServer 6.4 would buffer a chunked body without limit; without a length we cannot refuse
        // it up front, so it is not accepted at all.
        return reject(c,
                      ApiError::make(Kind::LengthRequired,
                                     QStringLiteral("Chunked request bodies are not accepted; send the "
                                                    "body with a Content-Length header.")));
    }
    if (head.otherTransferCoding)
        return reject(c,
                      ApiError::make(Kind::InvalidRequest, QStringLiteral("Unsupported Transfer-Encoding.")));
    if (head.webSocketUpgrade) {
        if (m_webSocketPath.isEmpty() || head.path != m_webSocketPath)
            return reject(c, ApiError::make(Kind::NotFound, QStringLiteral("No WebSocket endpoint here.")));
        if (!c.requests.empty() || head.contentLength > 0) // the upgrade would skip answers or a body
            return reject(
                c,
                ApiError::make(Kind::InvalidRequest, QStringLiteral("A WebSocket upgrade must come alone.")));
        return releaseUpgraded(c);
    }
    if (head.contentLength > m_limits.maxBodySize) {
        return reject(
            c,
            ApiError::make(Kind::PayloadTooLarge,
                           QStringLiteral("The request body of %1 bytes exceeds the limit of %2 bytes.")
                               .arg(head.contentLength)
                               .arg(m_limits.maxBodySize)),
            bodyOffset + qMin(head.contentLength, std::numeric_limits<qint64>::max() - bodyOffset));
    }

    Connection::Request request;
    request.reuse = head.reuse();
    request.bodyComplete = head.contentLength == 0;
    request.expectsContinue = head.expectContinue && !request.bodyComplete;
    c.requests.push_back(request);
    c.phase = request.bodyComplete ? Connection::Phase::BetweenRequests : Connection::Phase::Body;
    c.bodyRemaining = head.contentLength;
    if (request.expectsContinue && c.requests.size() == 1)
        sendContinue(c); // otherwise when the answers before it are done (proceed())
}

void GuardedTcpServer::sendContinue(Connection &c)
{
    Connection::Request &request = c.requests.front();
    request.continueSent = true;
    c.socket->write("HTTP/1.1 100 Continue\r\n\r\n"); // QHttpServer 6.4 never does, so curl waits 1 s
}

// Lets the connection go on after QHttpServer had its turn or an answer ended.
void GuardedTcpServer::proceed(Connection &c)
{
    if (c.phase == Connection::Phase::Rejected || c.phase == Connection::Phase::Closed)
        return;
    if (c.answering()) {
        // QHttpServer must not start on the next request while this answer (a file stream) is being
        // written, or it would write the next answer into the middle of this one.
        if (!c.holding && c.socket->bytesAvailable() > 0)
            startHold(c);
        return;
    }
    if (c.holding)
        releaseHold(c);
    if (c.rejection && c.requests.empty())
        return rejectNow(c);
    if (c.requests.empty())
        return;
    const Connection::Request &next = c.requests.front();
    if (next.expectsContinue && !next.continueSent && !next.bodyComplete)
        sendContinue(c);
}

void GuardedTcpServer::startHold(Connection &c)
{
    if (c.socket->isTransactionStarted()) {
        qCDebug(lcHttp) << "cannot hold back a pipelined request: QHttpServer is reading one";
        return;
    }
    c.socket->startTransaction();
    c.holding = true;
    // Only what scan() has seen: bytes that just arrived are read (and scanned) by beforeHttpServerReads().
    c.heldBytes = c.socket->read(c.scannedUnread).size();
    c.scannedUnread = 0;
    c.socket->setReadBufferSize(m_limits.maxHeaderSize + kHoldSlack);
}

void GuardedTcpServer::releaseHold(Connection &c)
{
    c.socket->rollbackTransaction(); // the held bytes become readable again
    c.socket->setReadBufferSize(0);
    c.holding = false;
    c.scannedUnread = c.heldBytes;
    c.heldBytes = 0;
    if (c.scannedUnread > 0) // QHttpServer saw them arrive while they were held: tell it again
        QMetaObject::invokeMethod(c.socket, &QIODevice::readyRead, Qt::QueuedConnection);
}

void GuardedTcpServer::reject(Connection &c, const ApiError &error, std::optional<qint64> bodyEnd)
{
    c.headerTimer.stop();
    c.rejection = Rejection { error, bodyEnd };
    if (c.requests.empty())
        rejectNow(c);
    // Otherwise proceed() refuses it once the answers to the requests before it are complete.
}

void GuardedTcpServer::rejectNow(Connection &c)
{
    const Rejection rejection = *std::exchange(c.rejection, std::nullopt);
    c.phase = Connection::Phase::Rejected;
    c.headerTimer.stop();
    c.idleTimer.stop();

    // From now on QHttpServer must not see this connection, or it would buffer the refused body. Its
    // disconnected handler stays connected and still deletes the socket.
    disconnect(c.socket, &QIODevice::readyRead, nullptr, nullptr);
    connect(c.socket, &QIODevice::readyRead, this, [this, socket = c.socket] {
        if (Connection *connection = find(socket))
            discardInput(*connection);
    });
    if (c.holding) {
        c.socket->setReadBufferSize(0);
        c.holding = false;
    }
    if (c.socket->isTransactionStarted())
        c.socket->commitTransaction(); // drops what QHttpServer or a hold of ours had read of it

    const int status = rejection.error.status();
    qCInfo(lcHttp) << "refusing a request from" << c.socket->peerAddress() << "with" << status
                   << rejection.error.message;
    const QByteArray body = QJsonDocument(rejection.error.envelope().toJson()).toJson(QJsonDocument::Compact);
    c.socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);

    // Lingering close: closing now, with the client still sending, would make our kernel answer its data
    // with a reset, which can destroy the error response before the client reads it. So the rest of the
    // declared body is read and thrown away (or, with no length known, as much as we would have accepted)
    // before closing, within the linger time.
    const qint64 readPosition = c.received - c.socket->bytesAvailable();
    c.discardBudget
        = rejection.bodyEnd ? qMax<qint64>(*rejection.bodyEnd - readPosition, 0) : m_limits.maxBodySize;
    c.lingerTimer.start(m_limits.lingerTimeoutMs);
    discardInput(c);
    updateBusy(c);
}

void GuardedTcpServer::discardInput(Connection &c)
{
    if (c.socket->isTransactionStarted())
        c.socket->commitTransaction();
    const qint64 available = c.socket->bytesAvailable();
    if (available > 0)
        c.socket->skip(available);
    if (c.phase == Connection::Phase::Rejected && c.connected) {
        c.discardBudget -= available;
        // The refused body is through: close once the error response has left (the linger timer still
        // bounds the wait for a client that does not read it).
        if (c.discardBudget <= 0 && c.socket->state() == QAbstractSocket::ConnectedState)
            c.socket->disconnectFromHost();
    }
}

void GuardedTcpServer::endLinger(Connection &c)
{
    if (!c.connected)
        return;
    // Close gracefully if the error response has left; a client that did not even read it is cut off.
    if (FileStreamer::unsentBytes(c.socket) == 0)
        c.socket->disconnectFromHost();
    else
        c.socket->abort();
}

ConnectionReuse GuardedTcpServer::beginResponse(QTcpSocket *socket)
{
    Connection *c = find(socket);
    if (!c)
        return ConnectionReuse::Close;
    if (c->phase == Connection::Phase::Rejected || c->phase == Connection::Phase::Closed
        || c->requests.empty() || c->requests.front().answering || !c->requests.front().bodyComplete) {
        // QHttpServer and the guard disagree on where requests begin and end: closing after this answer
        // is the only safe way on.
        qCWarning(lcHttp) << "answering a request the connection guard did not see complete; closing";
        c->answerReuse = ConnectionReuse::Close;
        return ConnectionReuse::Close;
    }
    c->requests.front().answering = true;
    c->answerReuse = m_stopping ? ConnectionReuse::Close : c->requests.front().reuse;
    c->idleTimer.start(m_limits.idleTimeoutMs);
    return c->answerReuse;
}

void GuardedTcpServer::endResponse(QTcpSocket *socket)
{
    Connection *c = find(socket);
    if (!c)
        return;
    if (c->answering())
        c->requests.pop_front();
    if (c->connected && c->phase != Connection::Phase::Rejected && c->phase != Connection::Phase::Closed) {
        c->idleTimer.start(m_limits.idleTimeoutMs);
        if (c->answerReuse == ConnectionReuse::Close)
            closeConnection(*c);
        else
            proceed(*c);
    }
    updateBusy(*c);
}

void GuardedTcpServer::stopAccepting()
{
    m_stopping = true;
    close(); // the listening socket only; connections are not affected
    std::vector<Connection *> connections;
    for (const auto &entry : m_connections)
        connections.push_back(entry.second.get());
    for (Connection *c : connections) {
        if (!c->handedOver)
            dropBeforeHandOver(*c);
        else if (!c->busy && c->phase == Connection::Phase::BetweenRequests)
            closeConnection(*c);
    }
}

// QHttpServer is about to give the socket to its WebSocket server and disconnect every signal of it, ours
// included: the guard lets go of it now. The record goes at the next turn of the event loop, since the
// callers up the stack still hold it.
void GuardedTcpServer::releaseUpgraded(Connection &c)
{
    c.phase = Connection::Phase::Upgraded;
    c.idleTimer.stop();
    c.headerTimer.stop();
    c.lingerTimer.stop();
    disconnect(c.socket, nullptr, this, nullptr);
    if (c.busy)
        setBusy(c, false);
    QMetaObject::invokeMethod(
        this,
        [this, socket = c.socket] {
            const auto it = m_connections.find(socket);
            if (it != m_connections.end() && it->second->phase == Connection::Phase::Upgraded)
                m_connections.erase(it);
        },
        Qt::QueuedConnection);
}

void GuardedTcpServer::onIdleTimeout(Connection &c)
{
    switch (c.phase) {
    case Connection::Phase::Rejected:
    case Connection::Phase::Upgraded:
        return; // the linger timer decides, or the WebSocket server
    case Connection::Phase::Closed:
        c.socket->abort(); // the last answer did not leave in a whole idle period
        return;
    default:
        break;
    }
    if (c.busy) {
        // Nothing moved in either direction for a whole idle period, with a request or answer under way:
        // a client that stopped reading or sending. Waiting longer would hold a streamer open forever.
        qCInfo(lcHttp) << "connection from" << c.socket->peerAddress() << "stalled; aborting";
        c.socket->abort();
    } else {
        qCDebug(lcHttp) << "closing idle connection from" << c.socket->peerAddress();
        closeConnection(c);
    }
}

void GuardedTcpServer::onDisconnected(Connection &c)
{
    c.connected = false;
    c.phase = Connection::Phase::Closed;
    c.idleTimer.stop();
    c.headerTimer.stop();
    c.lingerTimer.stop();
    c.requests.clear();
    c.rejection.reset();
    c.holding = false;
    updateBusy(c);
    if (!c.handedOver)
        dropBeforeHandOver(c); // QHttpServer never saw this socket, so nobody else deletes it
}

void GuardedTcpServer::closeConnection(Connection &c)
{
    c.phase = Connection::Phase::Closed;
    c.headerTimer.stop();
    c.requests.clear();
    c.rejection.reset();
    c.socket->disconnectFromHost(); // after the answer has been written
}

void GuardedTcpServer::updateBusy(Connection &c)
{
    const bool busy = c.connected
        && (c.phase == Connection::Phase::Head || c.phase == Connection::Phase::Body || !c.requests.empty()
            || c.rejection.has_value() || FileStreamer::unsentBytes(c.socket) > 0);
    if (busy == c.busy)
        return;
    setBusy(c, busy);
    if (!busy && m_stopping && c.phase == Connection::Phase::BetweenRequests)
        closeConnection(c);
}

void GuardedTcpServer::setBusy(Connection &c, bool busy)
{
    c.busy = busy;
    m_busyConnections += busy ? 1 : -1;
    if (busy || m_busyConnections > 0 || m_idleQueued)
        return;
    m_idleQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_idleQueued = false;
            if (m_busyConnections == 0)
                emit idle();
        },
        Qt::QueuedConnection);
}

} // namespace portal::http
