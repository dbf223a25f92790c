// The push channel (/api/portal/push/) of a real portal-server: each notification reaches the connected
// client it belongs to and no other; tokens in the upgrade header or a first message; missing, invalid,
// expired and staff tokens refused; renewal; writes of another process; upgrades elsewhere refused; the
// connection guard's idle timeout leaves WebSockets alone; shutdown closes them without holding the drain.
#include "PushClient.h"
#include "StaffRepositories.h"
#include "TestServer.h"

#include <QSignalSpy>
#include <QWebSocket>
#include <QtTest>

using namespace portal;
using portal::testing::PushClient;
using portal::testing::TestServer;

namespace {

constexpr int kWaitMs = 10000; // generous: CI machines are slow, and nothing here should take it

} // namespace

class ServerPushTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    void startServer(const std::function<void(server::ServerOptions &)> &configure = {})
    {
        m_server = std::make_unique<TestServer>([&](server::ServerOptions &options) {
            options.push.pollIntervalMs = 50;
            if (configure)
                configure(options);
        });
        QVERIFY2(m_server->isValid(), qPrintable(m_server->errorString()));
    }
    void staffReply(qint64 threadId, const QString &content)
    {
        const auto answer = m_server->post(QStringLiteral("/api/staff/messages/%1/").arg(threadId),
                                           { { "content", content } }, m_server->attorneyToken());
        QCOMPARE(answer.status, 201);
    }

private slots:
    void initTestCase() { PORTAL_SKIP_WITHOUT_TEST_DATABASE(); }
    void init() { startServer(); }
    void cleanup() { m_server.reset(); }

    void notificationReachesItsClientOnly()
    {
        PushClient mine(m_server->port(), m_server->clientToken());
        PushClient other(m_server->port(), m_server->otherClientToken());
        QTRY_COMPARE_WITH_TIMEOUT(mine.count("authenticated"), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(other.count("authenticated"), 1, kWaitMs);
        QCOMPARE(mine.messages.first().value("user_id").toInteger(), 5);

        staffReply(1, QStringLiteral("Your contract is ready."));
        QTRY_COMPARE_WITH_TIMEOUT(mine.notifications().size(), 1, kWaitMs);
        const QJsonObject notification = mine.notifications().first();
        const auto decoded = api::Notification::fromJson(notification);
        QVERIFY(decoded);
        QCOMPARE(decoded->notificationType, QStringLiteral("MESSAGE"));
        QCOMPARE(decoded->relatedObjectType, QStringLiteral("MessageThread"));
        QCOMPARE(decoded->relatedObjectId, 1);
        QVERIFY(!decoded->isRead);
        // The same notification the list endpoint answers.
        const auto list = m_server->get("/api/portal/notifications/", m_server->clientToken()).array();
        QVERIFY(list.contains(notification));

        staffReply(3, QStringLiteral("For the other client."));
        QTRY_COMPARE_WITH_TIMEOUT(other.notifications().size(), 1, kWaitMs);
        QCOMPARE(other.notifications().first().value("related_object_id").toInteger(), 3);
        QCOMPARE(mine.notifications().size(), 1); // nothing of the other client's
        QVERIFY(!mine.closed && !other.closed);
    }

    void ownActionsNotifyNobody()
    {
        PushClient mine(m_server->port(), m_server->clientToken());
        QTRY_COMPARE_WITH_TIMEOUT(mine.count("authenticated"), 1, kWaitMs);
        QCOMPARE(
            m_server->post("/api/portal/messages/1/", { { "content", "From me" } }, m_server->clientToken())
                .status,
            201);
        staffReply(1, QStringLiteral("After yours.")); // arrives, and proves the first one did not
        // Delivered in order, so had the client's own message raised one, it would be here first.
        QTRY_COMPARE_WITH_TIMEOUT(mine.notifications().size(), 1, kWaitMs);
        QTest::qWait(200);
        QCOMPARE(mine.notifications().size(), 1);
    }

    void everyConnectionOfTheUserHears()
    {
        PushClient first(m_server->port(), m_server->clientToken());
        PushClient second(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(second.socket.state() == QAbstractSocket::ConnectedState, kWaitMs);
        second.sendAuth(m_server->clientToken()); // the token as a first message instead of a header
        QTRY_COMPARE_WITH_TIMEOUT(first.count("authenticated"), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(second.count("authenticated"), 1, kWaitMs);
        staffReply(2, QStringLiteral("Both of you."));
        QTRY_COMPARE_WITH_TIMEOUT(first.notifications().size(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(second.notifications().size(), 1, kWaitMs);
    }

    void writesOfAnotherProcessArrive()
    {
        PushClient mine(m_server->port(), m_server->clientToken());
        QTRY_COMPARE_WITH_TIMEOUT(mine.count("authenticated"), 1, kWaitMs);
        // A second connection to the same database, as another portal-server process would have.
        auto other = store::Store::open(m_server->dataDir(), m_server->databaseUrl());
        QVERIFY(other);
        const auto posted = (*other)->staffThreads().post(store::StaffScope { 3, false }, 1,
                                                          QStringLiteral("Written elsewhere."));
        QVERIFY2(posted, qPrintable(posted ? QString() : posted.error().message));
        QTRY_COMPARE_WITH_TIMEOUT(mine.notifications().size(), 1, kWaitMs);
    }

    void missingTokenIsRefused()
    {
        m_server.reset();
        startServer([](server::ServerOptions &options) { options.push.authTimeoutMs = 300; });
        PushClient anonymous(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(anonymous.closed, kWaitMs);
        QCOMPARE(anonymous.closeCode, int(server::PushCloseCode::NotAuthenticated));
        QCOMPARE(anonymous.count("authenticated"), 0);
    }

    void invalidTokensAreRefused()
    {
        PushClient forged(m_server->port(), "not.a.token");
        QTRY_VERIFY_WITH_TIMEOUT(forged.closed, kWaitMs);
        QCOMPARE(forged.closeCode, int(server::PushCloseCode::NotAuthenticated));

        PushClient staff(m_server->port(), m_server->attorneyToken());
        QTRY_VERIFY_WITH_TIMEOUT(staff.closed, kWaitMs);
        QCOMPARE(staff.closeCode, int(server::PushCloseCode::NotAClient));

        PushClient junk(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(junk.socket.state() == QAbstractSocket::ConnectedState, kWaitMs);
        junk.socket.sendTextMessage(QStringLiteral("{\"type\": \"subscribe\"}"));
        QTRY_VERIFY_WITH_TIMEOUT(junk.closed, kWaitMs);
        QCOMPARE(junk.closeCode, int(server::PushCloseCode::BadMessage));
    }

    void expiredTokenClosesUnlessRenewed()
    {
        m_server.reset();
        startServer([](server::ServerOptions &options) { options.tokenLifetimes.accessSeconds = 4; });
        const QByteArray first = m_server->clientToken();
        PushClient lapsing(m_server->port(), first);
        PushClient renewing(m_server->port(), first);
        QTRY_COMPARE_WITH_TIMEOUT(lapsing.count("authenticated"), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(renewing.count("authenticated"), 1, kWaitMs);
        // A fresh token that outlives the first by 2 s or more, as a client has after refreshing.
        QTest::qWait(2000);
        renewing.sendAuth(m_server->clientToken());
        QTRY_COMPARE_WITH_TIMEOUT(renewing.count("authenticated"), 2, kWaitMs);

        QTRY_VERIFY_WITH_TIMEOUT(lapsing.closed, kWaitMs);
        QCOMPARE(lapsing.closeCode, int(server::PushCloseCode::NotAuthenticated));
        QVERIFY(!renewing.closed);
        renewing.sendAuth(m_server->otherClientToken()); // another user's token is not a renewal
        QTRY_VERIFY_WITH_TIMEOUT(renewing.closed, kWaitMs);
        QCOMPARE(renewing.closeCode, int(server::PushCloseCode::NotAuthenticated));
    }

    void upgradesElsewhereAreNotFound()
    {
        const QByteArray answer = testing::rawExchange(
            m_server->port(),
            "GET /api/portal/cases/ HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 404"), answer.constData());
        QVERIFY(answer.contains("\"not_found\""));
        // The push path without an upgrade is an ordinary unknown resource.
        QCOMPARE(m_server->get("/api/portal/push/", m_server->clientToken()).status, 404);
    }

    void switchedOffMeansNotFound()
    {
        m_server.reset();
        startServer([](server::ServerOptions &options) { options.features.push = false; });
        QVERIFY(!m_server->server().push());
        const QByteArray answer = testing::rawExchange(
            m_server->port(),
            "GET /api/portal/push/ HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 404"), answer.constData());
    }

    void idleTimeoutLeavesPushConnectionsAlone()
    {
        m_server.reset();
        startServer([](server::ServerOptions &options) { options.limits.idleTimeoutMs = 300; });
        PushClient mine(m_server->port(), m_server->clientToken());
        QTRY_COMPARE_WITH_TIMEOUT(mine.count("authenticated"), 1, kWaitMs);
        QTest::qWait(1000);
        QVERIFY(!mine.closed);
        staffReply(1, QStringLiteral("Still there?"));
        QTRY_COMPARE_WITH_TIMEOUT(mine.notifications().size(), 1, kWaitMs);
    }

    void shutdownClosesAndDrains()
    {
        PushClient mine(m_server->port(), m_server->clientToken());
        QTRY_COMPARE_WITH_TIMEOUT(mine.count("authenticated"), 1, kWaitMs);
        QSignalSpy drained(&m_server->server(), &server::PortalServer::drained);
        m_server->server().shutdown();
        QTRY_COMPARE_WITH_TIMEOUT(drained.size(), 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(mine.closed, kWaitMs);
        QCOMPARE(mine.closeCode, int(QWebSocketProtocol::CloseCodeGoingAway));
    }
};

QTEST_GUILESS_MAIN(ServerPushTest)
#include "tst_server_push.moc"
