// portal-server's HTTP behaviour around the endpoints: 404 and 405 in the envelope, trailing slashes and
// ids, HEAD and OPTIONS, conditional GET, bad and oversized bodies.
#include "TestServer.h"

#include <QtTest>

using namespace portal;
using portal::testing::HttpResult;
using portal::testing::TestServer;

class ServerHttpTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        PORTAL_SKIP_WITHOUT_TEST_DATABASE();
        m_server = std::make_unique<TestServer>([](server::ServerOptions &options) {
            options.limits.maxBodySize = 64 * 1024;
            options.rateLimits.enabled = false;
        });
        QVERIFY2(m_server->isValid(), qPrintable(m_server->errorString()));
        m_token = m_server->clientToken();
    }

    void notFound_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown") << "/api/portal/nothing/";
        QTest::newRow("root") << "/";
        QTest::newRow("no trailing slash") << "/api/portal/cases";
        QTest::newRow("id without trailing slash") << "/api/portal/cases/1";
        QTest::newRow("non-numeric id") << "/api/portal/cases/abc/";
        QTest::newRow("negative id") << "/api/portal/cases/-1/";
        QTest::newRow("zero id") << "/api/portal/cases/0/";
        QTest::newRow("huge id") << "/api/portal/cases/99999999999999999999999/";
        QTest::newRow("double slash") << "/api/portal//cases/";
    }

    void notFound()
    {
        QFETCH(QString, path);
        const HttpResult result = m_server->get(path, m_token);
        QCOMPARE(result.status, 404);
        QCOMPARE(result.errorCode(), QStringLiteral("not_found"));
        QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
    }

    void methodNotAllowed()
    {
        const HttpResult result = m_server->send("DELETE", "/api/portal/cases/1/", {}, m_token);
        QCOMPARE(result.status, 405);
        QCOMPARE(result.errorCode(), QStringLiteral("method_not_allowed"));
        QCOMPARE(result.header("Allow"), QByteArray("GET, HEAD, OPTIONS"));

        const HttpResult put = m_server->send("PUT", "/api/portal/messages/", "{}", m_token);
        QCOMPARE(put.status, 405);
        QCOMPARE(put.header("Allow"), QByteArray("GET, POST, HEAD, OPTIONS"));
        QCOMPARE(m_server->get("/api/token/").status, 405);
    }

    void options()
    {
        const HttpResult result = m_server->send("OPTIONS", "/api/portal/documents/", {}, m_token);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("Allow"), QByteArray("GET, POST, HEAD, OPTIONS"));
    }

    void headOfJson()
    {
        const HttpResult get = m_server->get("/api/portal/cases/", m_token);
        const HttpResult head = m_server->send("HEAD", "/api/portal/cases/", {}, m_token);
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(head.header("Content-Length").toInt(), get.body.size());
        QCOMPARE(head.header("ETag"), get.header("ETag"));
    }

    void conditionalGet()
    {
        const HttpResult first = m_server->get("/api/portal/messages/", m_token);
        const QByteArray etag = first.header("ETag");
        QVERIFY(etag.startsWith('"') && etag.endsWith('"'));
        const HttpResult again
            = m_server->get("/api/portal/messages/", m_token, { { "If-None-Match", etag } });
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(again.header("ETag"), etag);

        // A change to what the caller sees changes the tag.
        QCOMPARE(m_server->post("/api/portal/messages/1/read/", {}, m_token).status, 200);
        const HttpResult changed
            = m_server->get("/api/portal/messages/", m_token, { { "If-None-Match", etag } });
        QCOMPARE(changed.status, 200);
        QVERIFY(changed.header("ETag") != etag);
    }

    void etagsCanBeSwitchedOff()
    {
        m_server->server().features().etags = false;
        const HttpResult result = m_server->get("/api/portal/cases/", m_token, { { "If-None-Match", "*" } });
        m_server->server().features().etags = true;
        QCOMPARE(result.status, 200);
        QVERIFY(result.header("ETag").isEmpty());
    }

    // The server answers repeated reads from memory (AnswerCache); every change must show at once when made
    // through the API, and soon when made by another process on the same data (the command line).
    void repeatedReadsFollowChanges()
    {
        const QJsonArray before = m_server->get("/api/portal/messages/", m_token).array();
        QCOMPARE(m_server->get("/api/portal/messages/", m_token).array(), before); // now from memory
        QCOMPARE(m_server->post("/api/portal/messages/2/", { { "content", "A change" } }, m_token).status,
                 201);
        const QJsonArray after = m_server->get("/api/portal/messages/", m_token).array();
        QVERIFY(after != before);
        QCOMPARE(after.at(0).toObject().value("id").toInt(), 2);
    }

    void changesByAnotherProcessAreSeen()
    {
        TestServer server;
        const QByteArray token = server.clientToken();
        QCOMPARE(server.get("/api/portal/profile/", token).status, 200);
        QCOMPARE(server.get("/api/portal/profile/", token).status, 200);
        {
            // Another connection to the same database, as `portal-server user disable` would open.
            auto other = store::Store::open(server.dataDir(), server.databaseUrl());
            QVERIFY(other.ok());
            const auto user = (*other)->users().byName(QStringLiteral("client_username"));
            QVERIFY(user.ok());
            QVERIFY((*other)->users().setActive(user->id, false).ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(server.get("/api/portal/profile/", token).status, 401, 5000);
    }

    void wrongMediaType()
    {
        const HttpResult result = m_server->send("POST", "/api/portal/messages/1/", "content=hi", m_token,
                                                 { { "Content-Type", "application/x-www-form-urlencoded" } });
        QCOMPARE(result.status, 415);
        QCOMPARE(result.errorCode(), QStringLiteral("unsupported_media_type"));
    }

    void oversizedJsonBody()
    {
        const QByteArray big
            = QByteArray("{\"content\":\"") + QByteArray(100 * 1024, 'a') + QByteArray("\"}");
        const HttpResult result = m_server->send("POST", "/api/portal/messages/1/", big, m_token);
        QCOMPARE(result.status, 413);
        // The server is still fine afterwards.
        QCOMPARE(m_server->get("/api/portal/cases/", m_token).status, 200);
    }

    void deeplyNestedJsonIsRefusedCleanly()
    {
        const QByteArray nested = QByteArray(5000, '[') + QByteArray(5000, ']');
        const HttpResult result = m_server->send("POST", "/api/portal/messages/1/", nested, m_token);
        QCOMPARE(result.status, 400);
    }

    void garbageRequestLine()
    {
        const QByteArray answer = testing::rawExchange(m_server->port(), "\x01\x02 garbage\r\n\r\n", 2000);
        // Either a 400 or a closed connection; never a crash, and the server keeps serving.
        QVERIFY(answer.isEmpty() || answer.startsWith("HTTP/1.1 4"));
        QCOMPARE(m_server->get("/api/portal/cases/", m_token).status, 200);
    }

    void hugeHeaderRefused()
    {
        const QByteArray request = "GET /api/portal/cases/ HTTP/1.1\r\nHost: x\r\nX-Big: "
            + QByteArray(200 * 1024, 'a') + "\r\n\r\n";
        const QByteArray answer = testing::rawExchange(m_server->port(), request);
        QVERIFY2(answer.isEmpty() || answer.startsWith("HTTP/1.1 431"), answer.left(100).constData());
        QCOMPARE(m_server->get("/api/portal/cases/", m_token).status, 200);
    }

    void connectionCloseIsHonoured()
    {
        const QByteArray answer = testing::rawExchange(
            m_server->port(),
            "GET /api/portal/cases/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer "
                + m_token + "\r\n\r\n");
        QVERIFY(answer.startsWith("HTTP/1.1 200"));
    }

private:
    std::unique_ptr<TestServer> m_server;
    QByteArray m_token;
};

QTEST_GUILESS_MAIN(ServerHttpTest)
#include "tst_server_http.moc"
