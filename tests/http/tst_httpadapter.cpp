// HttpAdapter over real sockets: raw QTcpSocket/QSslSocket clients for exact control of the bytes, plus
// QNetworkAccessManager and curl as ordinary clients. Covers what QHttpServer 6.4 gets wrong on its own:
// size limits before buffering, 100-continue, Connection: close and HTTP/1.0, idle and header timeouts,
// pipelining behind a streamed file, HEAD, and streaming large files with back-pressure, also over TLS.
#include "ByteRange.h"
#include "FileStreamer.h"
#include "HttpAdapter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

using namespace portal::http;

namespace {

constexpr qint64 kFileSize = 20 * 1024 * 1024;
constexpr qint64 kMaxBody = 1024 * 1024;

struct RawResponse
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value("error").toObject().value("code").toString(); }
};

// A client that writes exactly the bytes it is given and parses what comes back, spinning the event loop
// (the server runs on this thread too).
class RawClient
{
public:
    explicit RawClient(quint16 port, bool readAutomatically = true)
        : socket(std::make_unique<QTcpSocket>())
    {
        connectSignals(readAutomatically);
        socket->connectToHost(QHostAddress::LocalHost, port);
    }

    RawClient(quint16 port, const QSslCertificate &trusted)
        : socket(std::make_unique<QSslSocket>())
    {
        auto *ssl = static_cast<QSslSocket *>(socket.get());
        // Accept this self-signed certificate and nothing else.
        ssl->ignoreSslErrors({ QSslError(QSslError::SelfSignedCertificate, trusted) });
        connectSignals(true);
        ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
    }

    ~RawClient() { socket->disconnect(); } // its last signals must not reach the members destroyed first

    bool waitConnected()
    {
        if (auto *ssl = qobject_cast<QSslSocket *>(socket.get()))
            return QTest::qWaitFor([ssl] { return ssl->isEncrypted(); }, 5000);
        return QTest::qWaitFor([this] { return socket->state() == QAbstractSocket::ConnectedState; }, 5000);
    }

    void send(const QByteArray &bytes) { socket->write(bytes); }

    // One response; `expectBody` false for answers to HEAD.
    std::optional<RawResponse> read(bool expectBody = true, int timeoutMs = 10000)
    {
        if (!QTest::qWaitFor([this] { return buffer.contains("\r\n\r\n") || closed; }, timeoutMs))
            return std::nullopt;
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return std::nullopt;
        RawResponse response;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> statusLine = lines.front().trimmed().split(' ');
        if (statusLine.size() < 2 || !statusLine[0].startsWith("HTTP/1."))
            return std::nullopt;
        response.status = statusLine[1].toInt();
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            response.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const bool hasBody
            = expectBody && response.status >= 200 && response.status != 204 && response.status != 304;
        const qint64 length = hasBody ? response.header("content-length").toLongLong() : 0;
        const qint64 total = headEnd + 4 + length;
        if (!QTest::qWaitFor([&] { return buffer.size() >= total || closed; }, timeoutMs)
            || buffer.size() < total)
            return std::nullopt;
        response.body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, total);
        return response;
    }

    bool waitClosed(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([this] { return closed; }, timeoutMs);
    }

    std::unique_ptr<QTcpSocket> socket;
    QByteArray buffer;
    bool closed = false;

private:
    void connectSignals(bool readAutomatically)
    {
        if (readAutomatically)
            QObject::connect(socket.get(), &QIODevice::readyRead, socket.get(),
                             [this] { buffer += socket->readAll(); });
        QObject::connect(socket.get(), &QAbstractSocket::disconnected, socket.get(),
                         [this] { closed = true; });
    }
};

QByteArray get(const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "\r\n";
}

} // namespace

class TestHttpAdapter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void jsonAnswerIsCompactWithContentLength();
    void networkAccessManagerPostsJson();
    void headHasHeadersWithoutBody();
    void bodyTooLargeIsRefusedFromContentLength();
    void bodyTooLargeIsRefusedWhileTheClientSendsIt();
    void bodyTooLargeWithExpectGetsNoContinue();
    void chunkedBodyIsRefused();
    void malformedRequestsAreRefused_data();
    void malformedRequestsAreRefused();
    void oversizedHeaderIsRefused();
    void expectContinueGetsContinueThenAnswer();
    void curlDoesNotWaitForContinue();
    void keepAliveServesSeveralRequests();
    void bodyInPiecesThenNextRequest();
    void connectionCloseClosesAfterAnswer();
    void http10ClosesUnlessKeepAlive();
    void pipelinedRequestsAreAnsweredInOrder();
    void pipelinedRequestWaitsForStreamedFile();
    void requestSentDuringStreamWaitsForIt();
    void pipelinedRefusalComesAfterEarlierAnswer();
    void idleConnectionIsClosed();
    void slowHeadersAreCutOff();
    void fileStreamsIntact();
    void rangeRequestsGetTheRightBytes();
    void slowReaderDoesNotBufferTheFile();
    void busyAndIdleAroundAStream();
    void stopListeningLetsRequestsFinish();
    void clientLeavingMidStreamIsCleanedUp();
    void handlerExceptionIsServerError();
    void garbageDoesNotCrash();
    void httpsRequest();

private:
    quint16 start(ServerLimits limits = testLimits(),
                  const std::optional<QSslConfiguration> &tls = std::nullopt);
    static ServerLimits testLimits();
    Response handle(Request &request);
    QList<QTcpSocket *> serverSockets() const;

    QTemporaryDir m_dir;
    QString m_filePath;
    QByteArray m_fileContent;
    std::unique_ptr<HttpAdapter> m_adapter;
    int m_handled = 0;
};

void TestHttpAdapter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_fileContent.resize(kFileSize);
    QRandomGenerator generator(2023);
    generator.fillRange(reinterpret_cast<quint32 *>(m_fileContent.data()), kFileSize / 4);
    m_filePath = m_dir.filePath(QStringLiteral("document.bin"));
    QFile file(m_filePath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(m_fileContent), kFileSize);
}

void TestHttpAdapter::init()
{
    // The guard and QHttpServer must never disagree on where a request ends.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("did not see complete")));
}

void TestHttpAdapter::cleanup()
{
    m_adapter.reset();
    m_handled = 0;
}

ServerLimits TestHttpAdapter::testLimits()
{
    ServerLimits limits;
    limits.maxBodySize = kMaxBody;
    limits.idleTimeoutMs = 10 * 1000;
    return limits;
}

quint16 TestHttpAdapter::start(ServerLimits limits, const std::optional<QSslConfiguration> &tls)
{
    m_adapter = std::make_unique<HttpAdapter>([this](Request &request) { return handle(request); }, limits);
    QString error;
    const quint16 port = m_adapter->listen(QHostAddress::LocalHost, 0, tls, &error);
    if (port == 0)
        qWarning() << "listen failed:" << error;
    return port;
}

Response TestHttpAdapter::handle(Request &request)
{
    ++m_handled;
    if (request.path == "/echo") {
        QJsonObject headers;
        for (const auto &[name, value] : request.headers)
            headers.insert(QString::fromLatin1(name), QString::fromLatin1(value));
        return Response::json(QJsonObject { { "method", QString::fromLatin1(request.method) },
                                            { "path", request.path },
                                            { "query", request.query.toString() },
                                            { "headers", headers },
                                            { "body", QString::fromUtf8(request.body) } });
    }
    if (request.path == "/file") {
        const ByteRange range = parseByteRange(request.header("range"), kFileSize);
        Response response;
        switch (range.kind) {
        case ByteRange::Kind::Whole:
            response = Response::file(m_filePath, 0, kFileSize);
            break;
        case ByteRange::Kind::Partial:
            response = Response::file(m_filePath, range.offset, range.length, 206);
            response.setHeader("Content-Range", range.contentRange(kFileSize));
            break;
        case ByteRange::Kind::Unsatisfiable:
            response = Response::error(ApiError::make(ApiError::Kind::RangeNotSatisfiable));
            response.setHeader("Content-Range", ByteRange::unsatisfiedContentRange(kFileSize));
            return response;
        }
        response.setHeader("Content-Type", "application/octet-stream");
        response.setHeader("Accept-Ranges", "bytes");
        return response;
    }
    if (request.path == "/missing-file")
        return Response::file(m_dir.filePath(QStringLiteral("nope")), 0, 10);
    if (request.path == "/empty")
        return Response::noContent();
    if (request.path == "/throw")
        throw std::runtime_error("handler bug");
    return Response::error(ApiError::notFound());
}

// The server side of the open connections (not the plain sockets inside QSslSockets).
QList<QTcpSocket *> TestHttpAdapter::serverSockets() const
{
    QList<QTcpSocket *> sockets = m_adapter->findChildren<QTcpSocket *>();
    sockets.removeIf([](const QTcpSocket *socket) { return !qobject_cast<QTcpServer *>(socket->parent()); });
    return sockets;
}

void TestHttpAdapter::jsonAnswerIsCompactWithContentLength()
{
    const quint16 port = start();
    RawClient client(port);
    client.send(get("/echo?case=7&q=a%20b"));
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("content-type"), QByteArray("application/json"));
    QCOMPARE(response->header("content-length").toLongLong(), response->body.size());
    QVERIFY(!response->body.contains('\n')); // compact, unlike responder.write(QJsonDocument)
    const QJsonObject json = response->json();
    QCOMPARE(json.value("method").toString(), QStringLiteral("GET"));
    QCOMPARE(json.value("path").toString(), QStringLiteral("/echo"));
    QCOMPARE(json.value("query").toString(), QStringLiteral("case=7&q=a b"));
    QCOMPARE(json.value("headers").toObject().value("host").toString(), QStringLiteral("localhost"));

    client.send(get("/nowhere"));
    const auto notFound = client.read();
    QVERIFY(notFound);
    QCOMPARE(notFound->status, 404);
    QCOMPARE(notFound->errorCode(), QStringLiteral("not_found"));

    client.send(get("/empty"));
    const auto empty = client.read();
    QVERIFY(empty);
    QCOMPARE(empty->status, 204);
    QVERIFY(!empty->headers.contains("content-length"));
}

void TestHttpAdapter::networkAccessManagerPostsJson()
{
    const quint16 port = start();
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/echo").arg(port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    std::unique_ptr<QNetworkReply> reply(manager.post(request, R"({"subject":"Lease"})"));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QByteArray body = reply->readAll();
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), body.size());
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    QCOMPARE(json.value("method").toString(), QStringLiteral("POST"));
    QCOMPARE(json.value("body").toString(), QStringLiteral(R"({"subject":"Lease"})"));
}

void TestHttpAdapter::headHasHeadersWithoutBody()
{
    const quint16 port = start();
    RawClient client(port);
    client.send("HEAD /echo HTTP/1.1\r\nHost: localhost\r\n\r\n");
    const auto head = client.read(false);
    QVERIFY(head);
    QCOMPARE(head->status, 200);
    QVERIFY(head->header("content-length").toLongLong() > 0);

    client.send("HEAD /file HTTP/1.1\r\nHost: localhost\r\n\r\n");
    const auto fileHead = client.read(false);
    QVERIFY(fileHead);
    QCOMPARE(fileHead->header("content-length").toLongLong(), kFileSize);
    QTest::qWait(200);
    QVERIFY(client.buffer.isEmpty()); // no body bytes followed either answer

    client.send(get("/echo")); // and the connection is still in step
    const auto next = client.read();
    QVERIFY(next);
    QCOMPARE(next->json().value("method").toString(), QStringLiteral("GET"));
}

void TestHttpAdapter::bodyTooLargeIsRefusedFromContentLength()
{
    const quint16 port = start();
    RawClient client(port);
    client.send(
        "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        "Content-Length: 200000000\r\n\r\n"); // the headers only: the refusal must not wait for the body
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QCOMPARE(response->errorCode(), QStringLiteral("payload_too_large"));
    QCOMPARE(response->header("connection"), QByteArray("close"));
    QCOMPARE(m_handled, 0);
}

void TestHttpAdapter::bodyTooLargeIsRefusedWhileTheClientSendsIt()
{
    // A client that sends its body without waiting (no Expect) still reads the 413: the guard reads and
    // discards the body instead of closing on it, which would reset the connection.
    const quint16 port = start();
    RawClient client(port);
    const QByteArray body(3 * kMaxBody, 'b');
    client.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + QByteArray::number(body.size())
                + "\r\n\r\n" + body);
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QCOMPARE(m_handled, 0);
    QVERIFY(client.waitClosed(5000)); // the server closes once the declared body was discarded
    QTRY_COMPARE(serverSockets().size(), 0); // QHttpServer still deletes the socket it no longer reads
}

void TestHttpAdapter::bodyTooLargeWithExpectGetsNoContinue()
{
    const quint16 port = start();
    RawClient client(port);
    client.send("PUT /echo HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nContent-Length: "
                + QByteArray::number(kMaxBody + 1) + "\r\n\r\n");
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 413); // the final answer, no "100 Continue" before it
}

void TestHttpAdapter::chunkedBodyIsRefused()
{
    const quint16 port = start();
    RawClient client(port);
    client.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n0\r\n\r\n");
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 411);
    QCOMPARE(response->errorCode(), QStringLiteral("length_required"));
    QCOMPARE(m_handled, 0);
}

void TestHttpAdapter::malformedRequestsAreRefused_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("letters in Content-Length")
        << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
    QTest::newRow("negative Content-Length")
        << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n");
    QTest::newRow("conflicting Content-Length") << QByteArray(
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
    QTest::newRow("list in Content-Length")
        << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 5\r\n\r\nhello");
    QTest::newRow("folded header") << QByteArray("GET /echo HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\n\r\n");
    QTest::newRow("header without colon") << QByteArray("GET /echo HTTP/1.1\r\nHost x\r\n\r\n");
    QTest::newRow("space before colon") << QByteArray("GET /echo HTTP/1.1\r\nContent-Length : 5\r\n\r\n");
    QTest::newRow("bad request line") << QByteArray("HELLO\r\n\r\n");
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    QTest::newRow("other transfer coding") << QByteArray(
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nContent-Length: 5\r\n\r\nhello");
}

void TestHttpAdapter::malformedRequestsAreRefused()
{
    QFETCH(QByteArray, request);
    const quint16 port = start();
    RawClient client(port);
    client.send(request);
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QCOMPARE(response->errorCode(), QStringLiteral("invalid_request"));
    QCOMPARE(m_handled, 0);
}

void TestHttpAdapter::oversizedHeaderIsRefused()
{
    const quint16 port = start();
    RawClient client(port);
    client.send(get("/echo", "X-Big: " + QByteArray(100 * 1024, 'h') + "\r\n"));
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 431);
    QCOMPARE(response->errorCode(), QStringLiteral("request_header_fields_too_large"));
    QCOMPARE(m_handled, 0);

    RawClient endless(port); // a header line that never ends is refused as soon as it passes the limit
    endless.send("GET /" + QByteArray(70 * 1024, 'a'));
    const auto refused = endless.read();
    QVERIFY(refused);
    QCOMPARE(refused->status, 431);
}

void TestHttpAdapter::expectContinueGetsContinueThenAnswer()
{
    const quint16 port = start();
    RawClient client(port);
    client.send(
        "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    const auto interim = client.read();
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);
    client.send("hello");
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->json().value("body").toString(), QStringLiteral("hello"));
}

void TestHttpAdapter::curlDoesNotWaitForContinue()
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        QSKIP("curl is not installed");
    const quint16 port = start();
    const QString bodyPath = m_dir.filePath(QStringLiteral("upload.json"));
    QFile bodyFile(bodyPath);
    QVERIFY(bodyFile.open(QIODevice::WriteOnly));
    bodyFile.write("\"" + QByteArray(200 * 1024, 'u') + "\"");
    bodyFile.close();

    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(curl,
                  { "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Expect: 100-continue",
                    "--expect100-timeout", "5", "--data-binary", "@" + bodyPath,
                    QStringLiteral("http://127.0.0.1:%1/echo").arg(port) });
    QVERIFY(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 10000));
    QCOMPARE(process.readAllStandardOutput(), QByteArray("200"));
    // Without our "100 Continue" curl would wait (by default one second, here five) before sending the body.
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
}

void TestHttpAdapter::keepAliveServesSeveralRequests()
{
    const quint16 port = start();
    RawClient client(port);
    for (int i = 0; i < 3; ++i) {
        client.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n\r\n"
                    + QByteArray::number(i));
        const auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->json().value("body").toString(), QString::number(i));
        QVERIFY(response->header("connection") != "close");
    }
    QTest::qWait(100);
    QVERIFY(!client.closed);
    QCOMPARE(serverSockets().size(), 1);
}

void TestHttpAdapter::bodyInPiecesThenNextRequest()
{
    const quint16 port = start();
    RawClient client(port);
    const QByteArray body = QByteArray(600 * 1024, 'p');
    client.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + QByteArray::number(body.size())
                + "\r\n\r\n" + body.left(1000));
    for (qsizetype sent = 1000; sent < body.size(); sent += 200 * 1024) {
        QTest::qWait(30);
        client.send(body.mid(sent, 200 * 1024));
    }
    client.send(get("/echo?next=1")); // right behind the body, in the same packet as its end
    const auto upload = client.read();
    QVERIFY(upload);
    QCOMPARE(upload->status, 200);
    QCOMPARE(upload->json().value("body").toString().size(), body.size());
    const auto next = client.read();
    QVERIFY(next);
    QCOMPARE(next->json().value("query").toString(), QStringLiteral("next=1"));
}

void TestHttpAdapter::connectionCloseClosesAfterAnswer()
{
    const quint16 port = start();
    RawClient client(port);
    client.send(get("/echo", "Connection: close\r\n"));
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("connection"), QByteArray("close"));
    QVERIFY(client.waitClosed());

    RawClient streamed(port); // also after a streamed file
    streamed.send(get("/file", "Range: bytes=0-999999\r\nConnection: close\r\n"));
    const auto partial = streamed.read();
    QVERIFY(partial);
    QCOMPARE(partial->status, 206);
    QCOMPARE(partial->body, m_fileContent.left(1000000));
    QVERIFY(streamed.waitClosed());
    QTRY_COMPARE(serverSockets().size(), 0); // and the server deleted both sockets
}

void TestHttpAdapter::http10ClosesUnlessKeepAlive()
{
    const quint16 port = start();
    RawClient plain(port);
    plain.send("GET /echo HTTP/1.0\r\n\r\n");
    const auto response = plain.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("connection"), QByteArray("close"));
    QVERIFY(plain.waitClosed());

    RawClient keepAlive(port);
    for (int i = 0; i < 2; ++i) {
        keepAlive.send("GET /echo HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
        const auto answer = keepAlive.read();
        QVERIFY(answer);
        QCOMPARE(answer->header("connection"), QByteArray("keep-alive"));
    }
    QVERIFY(!keepAlive.closed);
}

void TestHttpAdapter::pipelinedRequestsAreAnsweredInOrder()
{
    const quint16 port = start();
    RawClient client(port);
    client.send(get("/echo?n=1") + "POST /echo?n=2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                + get("/echo?n=3"));
    for (int n = 1; n <= 3; ++n) {
        const auto response = client.read(true, 3000); // QHttpServer 6.4 alone leaves the 2nd one waiting
        QVERIFY2(response, qPrintable(QString::number(n)));
        QCOMPARE(response->json().value("query").toString(), QStringLiteral("n=%1").arg(n));
    }
    QCOMPARE(m_handled, 3);
}

void TestHttpAdapter::pipelinedRequestWaitsForStreamedFile()
{
    const quint16 port = start();
    RawClient client(port);
    client.send(get("/file") + get("/echo?after=file"));
    const auto file = client.read(true, 30000);
    QVERIFY(file);
    QCOMPARE(file->status, 200);
    QCOMPARE(file->body.size(), kFileSize);
    QVERIFY(file->body == m_fileContent); // not interleaved with the next answer
    const auto next = client.read();
    QVERIFY(next);
    QCOMPARE(next->json().value("query").toString(), QStringLiteral("after=file"));
}

void TestHttpAdapter::requestSentDuringStreamWaitsForIt()
{
    const quint16 port = start();
    RawClient client(port);
    client.send(get("/file"));
    QVERIFY(QTest::qWaitFor([&] { return client.buffer.size() > 1024 * 1024; }, 10000));
    client.send(get("/echo?during=file")); // arrives while the file is being written
    const auto file = client.read(true, 30000);
    QVERIFY(file);
    QVERIFY(file->body == m_fileContent);
    const auto next = client.read();
    QVERIFY(next);
    QCOMPARE(next->json().value("query").toString(), QStringLiteral("during=file"));
    QTest::qWait(100);
    QVERIFY(!client.closed);
}

void TestHttpAdapter::pipelinedRefusalComesAfterEarlierAnswer()
{
    const quint16 port = start();
    RawClient client(port);
    client.send(get("/echo?n=1") + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n");
    const auto first = client.read();
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    const auto refused = client.read();
    QVERIFY(refused);
    QCOMPARE(refused->status, 413);
    QCOMPARE(m_handled, 1);

    RawClient behindFile(port);
    behindFile.send(get("/file", "Range: bytes=0-2999999\r\n")
                    + "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
    const auto file = behindFile.read();
    QVERIFY(file);
    QCOMPARE(file->status, 206);
    QCOMPARE(file->body, m_fileContent.left(3000000));
    const auto chunked = behindFile.read();
    QVERIFY(chunked);
    QCOMPARE(chunked->status, 411);
}

void TestHttpAdapter::idleConnectionIsClosed()
{
    ServerLimits limits = testLimits();
    limits.idleTimeoutMs = 300;
    const quint16 port = start(limits);

    RawClient silent(port);
    QVERIFY(silent.waitConnected());
    QVERIFY(silent.waitClosed(3000));

    RawClient afterRequest(port);
    afterRequest.send(get("/echo"));
    QVERIFY(afterRequest.read());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(afterRequest.waitClosed(3000));
    QVERIFY(timer.elapsed() >= 200);
}

void TestHttpAdapter::slowHeadersAreCutOff()
{
    // Header bytes trickling in keep the idle timer from firing, but not the header deadline (which is the
    // idle timeout when that is shorter than 30 s).
    ServerLimits limits = testLimits();
    limits.idleTimeoutMs = 500;
    const quint16 port = start(limits);
    RawClient client(port);
    client.send("GET /echo HTTP/1.1\r\n");
    QElapsedTimer timer;
    timer.start();
    while (!client.closed && timer.elapsed() < 5000) {
        client.send("X-Slow: 1\r\n");
        QTest::qWait(100);
    }
    QVERIFY(client.closed);
    QVERIFY(timer.elapsed() < 2000);
    QCOMPARE(m_handled, 0);
}

void TestHttpAdapter::fileStreamsIntact()
{
    const quint16 port = start();
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(
        manager.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/file").arg(port)))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), kFileSize);
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("application/octet-stream"));
    const QByteArray body = reply->readAll();
    QCOMPARE(body.size(), kFileSize);
    QVERIFY(body == m_fileContent);

    RawClient client(port);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^cannot serve 10 bytes")));
    client.send(get("/missing-file"));
    const auto missing = client.read();
    QVERIFY(missing);
    QCOMPARE(missing->status, 500);
    QCOMPARE(missing->errorCode(), QStringLiteral("server_error"));
}

void TestHttpAdapter::rangeRequestsGetTheRightBytes()
{
    const quint16 port = start();
    RawClient client(port);
    struct Case
    {
        QByteArray range;
        qint64 offset;
        qint64 length;
    };
    const QList<Case> cases { { "bytes=1000-1999", 1000, 1000 },
                              { "bytes=-4096", kFileSize - 4096, 4096 },
                              { "bytes=" + QByteArray::number(kFileSize - 10) + "-", kFileSize - 10, 10 } };
    for (const Case &c : cases) {
        client.send(get("/file", "Range: " + c.range + "\r\n"));
        const auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 206);
        QCOMPARE(response->header("content-range"),
                 "bytes " + QByteArray::number(c.offset) + '-' + QByteArray::number(c.offset + c.length - 1)
                     + '/' + QByteArray::number(kFileSize));
        QCOMPARE(response->body, m_fileContent.mid(c.offset, c.length));
    }
    client.send(get("/file", "Range: bytes=" + QByteArray::number(kFileSize) + "-\r\n"));
    const auto unsatisfiable = client.read();
    QVERIFY(unsatisfiable);
    QCOMPARE(unsatisfiable->status, 416);
    QCOMPARE(unsatisfiable->header("content-range"), "bytes */" + QByteArray::number(kFileSize));
}

void TestHttpAdapter::slowReaderDoesNotBufferTheFile()
{
    const quint16 port = start();
    RawClient client(port, false);
    client.socket->setReadBufferSize(64 * 1024);
    client.send(get("/file"));
    QTRY_COMPARE(serverSockets().size(), 1);
    QTcpSocket *serverSide = serverSockets().front();

    // Read 64 KB every 20 ms (~3 MB/s) for a while, watching what waits in the server's socket.
    QByteArray received;
    qint64 mostUnsent = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 1500) {
        QTest::qWait(20);
        received += client.socket->read(64 * 1024);
        mostUnsent = qMax(mostUnsent, FileStreamer::unsentBytes(serverSide));
    }
    QVERIFY2(mostUnsent <= FileStreamer::kHighWaterMark + FileStreamer::kChunkSize,
             qPrintable(QString::number(mostUnsent)));
    QVERIFY(received.size() < kFileSize / 2); // the reader was slow indeed

    client.socket->setReadBufferSize(0);
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += client.socket->readAll();
            return received.size() >= kFileSize + 100 || client.closed;
        },
        30000));
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    QCOMPARE(received.size() - headEnd - 4, kFileSize);
    QVERIFY(received.mid(headEnd + 4) == m_fileContent);
}

void TestHttpAdapter::busyAndIdleAroundAStream()
{
    const quint16 port = start();
    QSignalSpy idle(m_adapter.get(), &HttpAdapter::idle);
    QVERIFY(!m_adapter->isBusy());

    RawClient client(port, false);
    client.socket->setReadBufferSize(64 * 1024);
    client.send(get("/file"));
    QTRY_VERIFY(m_adapter->isBusy());
    QTest::qWait(300);
    QVERIFY(m_adapter->isBusy()); // the reader is stalled, the file is not through
    QCOMPARE(idle.size(), 0);

    client.socket->setReadBufferSize(0);
    qint64 received = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += client.socket->readAll().size();
            return !m_adapter->isBusy();
        },
        30000));
    QTRY_COMPARE(idle.size(), 1);
    QVERIFY(!client.closed); // idle, not closed: keep-alive
}

void TestHttpAdapter::stopListeningLetsRequestsFinish()
{
    const quint16 port = start();
    QSignalSpy idle(m_adapter.get(), &HttpAdapter::idle);
    RawClient idleClient(port);
    RawClient streaming(port, false);
    streaming.socket->setReadBufferSize(64 * 1024);
    streaming.send(get("/file"));
    QVERIFY(idleClient.waitConnected());
    QTRY_VERIFY(m_adapter->isBusy());

    m_adapter->stopListening();
    QVERIFY(idleClient.waitClosed()); // idle keep-alive connections are closed at once
    QTcpSocket refused;
    refused.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(QTest::qWaitFor([&] { return refused.state() == QAbstractSocket::UnconnectedState; }, 5000));
    QVERIFY(m_adapter->isBusy());

    streaming.socket->setReadBufferSize(0);
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += streaming.socket->readAll();
            return streaming.closed;
        },
        30000));
    received += streaming.socket->readAll();
    QVERIFY(received.endsWith(m_fileContent.right(1000)));
    QVERIFY(received.size() > kFileSize);
    QTRY_VERIFY(idle.size() >= 1);
    QVERIFY(!m_adapter->isBusy());
}

void TestHttpAdapter::clientLeavingMidStreamIsCleanedUp()
{
    const quint16 port = start();
    QSignalSpy idle(m_adapter.get(), &HttpAdapter::idle);
    {
        RawClient client(port);
        client.send(get("/file"));
        QVERIFY(QTest::qWaitFor([&] { return client.buffer.size() > 1024 * 1024; }, 10000));
        QVERIFY(m_adapter->isBusy());
    } // the client goes away in the middle of the file
    QTRY_COMPARE(serverSockets().size(), 0);
    QCOMPARE(m_adapter->findChildren<FileStreamer *>().size(), 0);
    QVERIFY(!m_adapter->isBusy());
    QTRY_COMPARE(idle.size(), 1);

    // And the server itself may go away in the middle of streams and of requests.
    RawClient streaming(port);
    streaming.send(get("/file"));
    RawClient uploading(port);
    uploading.send("POST /echo HTTP/1.1\r\nContent-Length: 1000\r\n\r\nabc");
    QVERIFY(QTest::qWaitFor([&] { return streaming.buffer.size() > 1024 * 1024; }, 10000));
    m_adapter.reset();
    QVERIFY(streaming.waitClosed());
    QVERIFY(uploading.waitClosed());
}

void TestHttpAdapter::handlerExceptionIsServerError()
{
    const quint16 port = start();
    RawClient client(port);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("threw: handler bug")));
    client.send(get("/throw"));
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 500);
    QCOMPARE(response->errorCode(), QStringLiteral("server_error"));
}

void TestHttpAdapter::garbageDoesNotCrash()
{
    const quint16 port = start();
    QRandomGenerator generator(99);
    const QList<QByteArray> pieces { "GET ",
                                     "POST ",
                                     "/echo",
                                     " HTTP/1.1",
                                     " HTTP/1.0",
                                     "\r\n",
                                     "\n",
                                     "\r\n\r\n",
                                     "Content-Length: 3\r\n",
                                     "Content-Length: 99999999999999999999\r\n",
                                     "Transfer-Encoding: chunked\r\n",
                                     "Expect: 100-continue\r\n",
                                     "Connection: close\r\n",
                                     "abc",
                                     ":",
                                     " ",
                                     "\0",
                                     "\xff\xfe" };
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 40; ++i) {
        auto client = std::make_unique<RawClient>(port);
        QByteArray bytes;
        for (int n = generator.bounded(30); n >= 0; --n)
            bytes += pieces[generator.bounded(pieces.size())];
        client->send(bytes);
        clients.push_back(std::move(client));
    }
    QTest::qWait(500);
    clients.clear();
    RawClient healthy(port);
    healthy.send(get("/echo"));
    const auto response = healthy.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
}

void TestHttpAdapter::httpsRequest()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is not installed");
    const QString keyPath = m_dir.filePath(QStringLiteral("key.pem"));
    const QString certPath = m_dir.filePath(QStringLiteral("cert.pem"));
    QProcess process;
    process.start(openssl,
                  { "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1",
                    "-keyout", keyPath, "-out", certPath });
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QFile keyFile(keyPath);
    QFile certFile(certPath);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    const QSslKey key(&keyFile, QSsl::Rsa);
    const QSslCertificate certificate(&certFile);
    QVERIFY(!key.isNull());
    QVERIFY(!certificate.isNull());

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(key);
    const quint16 port = start(testLimits(), tls);
    QVERIFY(port != 0);

    RawClient client(port, certificate);
    QVERIFY(client.waitConnected());
    client.send(get("/echo?tls=1"));
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->json().value("query").toString(), QStringLiteral("tls=1"));

    // The streamer's back-pressure also works on encrypted sockets.
    client.send(get("/file", "Range: bytes=0-4999999\r\n"));
    const auto file = client.read(true, 30000);
    QVERIFY(file);
    QCOMPARE(file->status, 206);
    QVERIFY(file->body == m_fileContent.left(5000000));

    // A plain-text client on the TLS port is dropped without reaching QHttpServer.
    RawClient plain(port);
    plain.send(get("/echo"));
    QVERIFY(plain.waitClosed());
    QCOMPARE(m_handled, 2);
    QTRY_COMPARE(serverSockets().size(), 1); // and its socket is deleted
}

QTEST_GUILESS_MAIN(TestHttpAdapter)
#include "tst_httpadapter.moc"
