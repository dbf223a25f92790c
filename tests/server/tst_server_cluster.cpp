// Two portal-server instances on one PostgreSQL database and one data folder behave as one server: the rate
// limit and the sign-in throttle count requests on both, a refresh token used on one is refused by the
// other, an idempotency key holds across them, each webhook delivery is sent by one of them once, a client
// listening on one hears of a write made through the other at once, and cached answers follow the other's
// writes. PostgreSQL only: SQLite is one server's store (this program skips without PORTAL_TEST_DATABASE).
#include "PushClient.h"
#include "TestServer.h"
#include "WebhookEndpoints.h"
#include "WebhookOutbox.h"
#include "WebhookReceiver.h"

#include <QElapsedTimer>
#include <QSet>
#include <QtTest>

using namespace portal;
using portal::testing::HttpResult;
using portal::testing::PushClient;
using portal::testing::TestServer;
using portal::testing::WebhookReceiver;

namespace {

constexpr int kWaitMs = 10000; // generous for slow machines; nothing here should take it

// The first instance, the second on the same data, and both in a list.
struct Cluster
{
    explicit Cluster(const std::function<void(server::ServerOptions &)> &configure = {})
        : a(configure)
        , b(a.dataDir(), a.databaseUrl(), configure)
    { }
    bool isValid() const { return a.isValid() && b.isValid(); }
    QString errorString() const { return a.errorString() + b.errorString(); }
    TestServer &at(int i) { return i % 2 ? b : a; } // a, b, a, b, ...

    TestServer a;
    TestServer b; // declared after a: gone before a drops the database
};

#define VERIFY_CLUSTER(cluster) QVERIFY2((cluster).isValid(), qPrintable((cluster).errorString()))

} // namespace

class ServerClusterTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!store::test::onPostgres())
            QSKIP("several servers share a PostgreSQL database only (PORTAL_TEST_BACKEND=postgresql)");
        PORTAL_SKIP_WITHOUT_TEST_DATABASE();
    }

    void rateLimitCountsRequestsOnBothServers()
    {
        Cluster cluster([](server::ServerOptions &options) { options.rateLimits = { 6, 100, true }; });
        VERIFY_CLUSTER(cluster);
        const QByteArray token = cluster.a.clientToken();
        for (int i = 0; i < 6; ++i) {
            const HttpResult answer = cluster.at(i).get(QStringLiteral("/api/portal/cases/"), token);
            QCOMPARE(answer.status, 200);
            QCOMPARE(answer.header("X-RateLimit-Remaining"), QByteArray::number(5 - i));
        }
        for (TestServer *server : { &cluster.a, &cluster.b }) {
            const HttpResult refused = server->get(QStringLiteral("/api/portal/cases/"), token);
            QCOMPARE(refused.status, 429);
            QVERIFY(!refused.header("Retry-After").isEmpty());
        }
    }

    void signInThrottleCountsFailuresOnBothServers()
    {
        Cluster cluster([](server::ServerOptions &options) { options.loginThrottle = { 3, 100, 600 }; });
        VERIFY_CLUSTER(cluster);
        const QJsonObject wrong { { "username", "client_username" }, { "password", "guess" } };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(cluster.at(i).post(QStringLiteral("/api/token/"), wrong).status, 401);
        // Even the right password waits now, on either server.
        const QJsonObject right { { "username", "client_username" }, { "password", "client_password" } };
        for (TestServer *server : { &cluster.a, &cluster.b }) {
            const HttpResult refused = server->post(QStringLiteral("/api/token/"), right);
            QCOMPARE(refused.status, 429);
            QVERIFY(refused.header("Retry-After").toInt() > 590);
        }
    }

    void usedRefreshTokenIsRefusedByTheOtherServer()
    {
        Cluster cluster;
        VERIFY_CLUSTER(cluster);
        const HttpResult signedIn
            = cluster.a.post(QStringLiteral("/api/token/"),
                             { { "username", "client_username" }, { "password", "client_password" } });
        QCOMPARE(signedIn.status, 200);
        const QString refresh = signedIn.object().value("refresh").toString();
        const HttpResult rotated
            = cluster.a.post(QStringLiteral("/api/token/refresh/"), { { "refresh", refresh } });
        QCOMPARE(rotated.status, 200);

        const HttpResult reused
            = cluster.b.post(QStringLiteral("/api/token/refresh/"), { { "refresh", refresh } });
        QCOMPARE(reused.status, 401);
        QCOMPARE(reused.errorCode(), QStringLiteral("token_not_valid"));
        // The new one works on either.
        const HttpResult next
            = cluster.b.post(QStringLiteral("/api/token/refresh/"),
                             { { "refresh", rotated.object().value("refresh").toString() } });
        QCOMPARE(next.status, 200);
        const QByteArray access = next.object().value("access").toString().toUtf8();
        QCOMPARE(cluster.a.get(QStringLiteral("/api/portal/profile/"), access).status, 200);
    }

    void idempotencyKeyHoldsAcrossServers()
    {
        Cluster cluster;
        VERIFY_CLUSTER(cluster);
        const QByteArray token = cluster.a.clientToken();
        const QByteArray body = R"({"content": "Sent once, whichever server hears it again"})";
        const QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type", "application/json" },
                                                             { "Idempotency-Key", "cluster-key-1" } };
        const HttpResult first
            = cluster.a.send("POST", QStringLiteral("/api/portal/messages/1/"), body, token, headers);
        QCOMPARE(first.status, 201);
        const HttpResult again
            = cluster.b.send("POST", QStringLiteral("/api/portal/messages/1/"), body, token, headers);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, first.body);
        const HttpResult thread
            = cluster.b.get(QStringLiteral("/api/portal/messages/1/?mark_read=false"), token);
        int copies = 0;
        for (const QJsonValue &message : thread.object().value("messages").toArray())
            copies += message.toObject().value("content").toString().startsWith(QLatin1String("Sent once"));
        QCOMPARE(copies, 1);
    }

    void cachedAnswersFollowTheOtherServersWrites()
    {
        Cluster cluster;
        VERIFY_CLUSTER(cluster);
        const QByteArray token = cluster.a.clientToken();
        const auto messageCount = [&] {
            const HttpResult thread
                = cluster.b.get(QStringLiteral("/api/portal/messages/1/?mark_read=false"), token);
            return thread.object().value("messages").toArray().size();
        };
        const qsizetype before = messageCount();
        QCOMPARE(messageCount(), before); // answered from b's cache now
        QCOMPARE(
            cluster.a.post(QStringLiteral("/api/portal/messages/1/"), { { "content", "Through a" } }, token)
                .status,
            201);
        // b hears of a's commit through the database's notification, which the event loop delivers.
        QTRY_COMPARE_WITH_TIMEOUT(messageCount(), before + 1, kWaitMs);
    }

    void eachWebhookDeliveryIsSentByOneServerOnce()
    {
        Cluster cluster([](server::ServerOptions &options) {
            options.webhooks.pollIntervalMs = 20; // both look all the time: every delivery is contested
            options.webhooks.retry.baseDelayMs = 100;
            options.webhooks.timeoutMs = 2000;
        });
        VERIFY_CLUSTER(cluster);
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.statuses = { 500, 500, 500, 500 }; // the first attempts fail: retries are contested too
        QVERIFY(webhooks::WebhookEndpoints(cluster.a.server().store().database())
                    .add(receiver.url(), QStringLiteral("cluster-secret"),
                         { QStringLiteral("message.created") }));

        const QByteArray token = cluster.a.clientToken();
        constexpr int kMessages = 20;
        for (int i = 0; i < kMessages; ++i) {
            const HttpResult posted
                = cluster.at(i).post(QStringLiteral("/api/portal/messages/1/"),
                                     { { "content", QStringLiteral("Message %1").arg(i) } }, token);
            QCOMPARE(posted.status, 201);
        }
        webhooks::WebhookOutbox outbox(cluster.b.server().store().database());
        const auto allDelivered = [&] {
            const auto deliveries = outbox.deliveries(std::nullopt, 100);
            return deliveries && deliveries->size() == kMessages
                && std::all_of(deliveries->cbegin(), deliveries->cend(),
                               [](const webhooks::DeliveryLog &log) {
                                   return log.state == QLatin1String("delivered");
                               });
        };
        QTRY_VERIFY_WITH_TIMEOUT(allDelivered(), kWaitMs);
        QTest::qWait(300); // time for a second sending, were there one

        QCOMPARE(receiver.requests.size(), kMessages + 4);
        QHash<QByteArray, int> received;
        for (const auto &request : std::as_const(receiver.requests))
            ++received[request.header("X-Portal-Delivery")];
        QCOMPARE(received.size(), kMessages);
        // Every request the receiver saw is one logged attempt, and no delivery was attempted by both
        // servers at once: each got one request per attempt.
        const auto deliveries = outbox.deliveries(std::nullopt, 100);
        QVERIFY(deliveries.ok());
        for (const webhooks::DeliveryLog &log : *deliveries) {
            QCOMPARE(received.value(log.id.toUtf8()), log.attempts);
            QCOMPARE(log.attemptLog.size(), log.attempts);
        }
    }

    void pushReachesAClientOnTheOtherServer()
    {
        Cluster cluster;
        VERIFY_CLUSTER(cluster);
        PushClient client(cluster.b.port(), cluster.b.clientToken());
        QTRY_COMPARE_WITH_TIMEOUT(client.count(QStringLiteral("authenticated")), 1, kWaitMs);

        const QByteArray attorney = cluster.a.attorneyToken();
        QElapsedTimer sinceReply;
        sinceReply.start();
        const HttpResult reply
            = cluster.a.post(QStringLiteral("/api/staff/messages/1/"),
                             { { "content", QStringLiteral("From the other server.") } }, attorney);
        QCOMPARE(reply.status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(client.notifications().size(), 1, kWaitMs);
        qInfo("the notification reached the other server's client %lld ms after the reply was sent",
              sinceReply.elapsed());
        QCOMPARE(client.notifications().first().value("related_object_id").toInt(), 1);
        QCOMPARE(client.notifications().first().value("is_read").toBool(), false);

        // Read on a, it is not pushed again; a new one is.
        const QByteArray token = cluster.a.clientToken();
        const qint64 id = client.notifications().first().value("id").toInteger();
        QCOMPARE(
            cluster.a.post(QStringLiteral("/api/portal/notifications/%1/read/").arg(id), {}, token).status,
            200);
        QCOMPARE(cluster.a
                     .post(QStringLiteral("/api/staff/messages/1/"),
                           { { "content", QStringLiteral("Again.") } }, attorney)
                     .status,
                 201);
        QTRY_COMPARE_WITH_TIMEOUT(client.notifications().size(), 2, kWaitMs);
        QTest::qWait(200);
        QCOMPARE(client.notifications().size(), 2);
        QVERIFY(client.notifications().at(1).value("id").toInteger() != id);
    }
};

QTEST_MAIN(ServerClusterTest)
#include "tst_server_cluster.moc"
