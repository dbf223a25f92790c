// `portal-server webhook ...` as an administrator uses it, and durability: the real server is killed with
// SIGKILL while a delivery is on its way (the receiver holds the request without answering), and the
// restarted server delivers it, under the same UUID.
#include "Database.h"
#include "TestServer.h"
#include "WebhookOutbox.h"
#include "WebhookReceiver.h"

#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace portal;
using portal::testing::TestServer;
using portal::testing::WebhookReceiver;

using portal::testing::runServerCommand;
using portal::testing::serverBinary;
using Run = portal::testing::CommandResult;

namespace {

// Keeps this thread's event loop turning (the receiver lives on it) until `done` or the time is up.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QTest::qWait(10);
    return done();
}

// `portal-server serve` on an OS-chosen port; gives the port it printed, or 0.
quint16 startServer(QProcess &process, const QString &dataDir, const QStringList &options = {})
{
    process.start(serverBinary(),
                  QStringList { "serve", "--data", dataDir, "--listen", "127.0.0.1:0", "--rate-limit", "off" }
                      + options);
    if (!process.waitForStarted())
        return 0;
    static const QRegularExpression served(QStringLiteral("serving http://127\\.0\\.0\\.1:(\\d+)/"));
    QByteArray out;
    for (int i = 0; i < 100 && !out.contains('\n'); ++i) {
        QTest::qWait(100);
        out += process.readAllStandardOutput();
    }
    return quint16(served.match(QString::fromUtf8(out)).captured(1).toUInt());
}

testing::HttpResult request(QNetworkAccessManager &network, const QUrl &url, const QJsonObject &body,
                            const QByteArray &token = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson());
    waitUntil([&] { return reply->isFinished(); }, 30000);
    testing::HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

int countEvents(const QString &dataDir)
{
    auto store = store::Store::open(dataDir);
    if (!store)
        return -1;
    auto count
        = (*store)->database().selectOne<int>(QStringLiteral("SELECT COUNT(*) FROM events"), {},
                                              [](const store::SqlRow &row) { return int(row.integer(0)); });
    return count ? *count : -1;
}

} // namespace

class WebhookCliTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(serverBinary()), "PORTAL_SERVER_BIN must name the built portal-server");
    }

    void manageEndpoints()
    {
        QTemporaryDir dir;
        QCOMPARE(runServerCommand({ "webhook", "--help" }).exitCode, 0);
        QCOMPARE(
            runServerCommand({ "webhook", "add", "--data", dir.path(), "--url", "ftp://x/", "--secret", "s" })
                .exitCode,
            2);
        QCOMPARE(runServerCommand({ "webhook", "add", "--data", dir.path(), "--url", "https://x.example/h",
                                    "--secret", "s", "--events", "bogus.event" })
                     .exitCode,
                 2);
        QCOMPARE(runServerCommand({ "webhook", "add", "--data", dir.path(), "--url", "https://x.example/h" })
                     .exitCode,
                 2);
        const Run added
            = runServerCommand({ "webhook", "add", "--data", dir.path(), "--url", "https://x.example/h",
                                 "--secret-stdin", "--events", "message.created,case.updated" },
                               "from-stdin\n");
        QCOMPARE(added.exitCode, 0);
        QVERIFY(added.out.contains("Added webhook endpoint 1"));

        const Run listed = runServerCommand({ "webhook", "list", "--data", dir.path() });
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains("https://x.example/h\tmessage.created,case.updated\tactive"));
        QVERIFY(!listed.out.contains("from-stdin")); // secrets are never shown

        QCOMPARE(
            runServerCommand({ "webhook", "rotate-secret", "--data", dir.path(), "1" }, "rotated\n").exitCode,
            2);
        QCOMPARE(runServerCommand({ "webhook", "rotate-secret", "--data", dir.path(), "1", "--secret-stdin" },
                                  "rotated\n")
                     .exitCode,
                 0);
        QVERIFY(runServerCommand({ "webhook", "list", "--data", dir.path() })
                    .out.contains("previous secret signs until"));
        QCOMPARE(
            runServerCommand({ "webhook", "redeliver", "--data", dir.path(), "no-such-delivery" }).exitCode,
            1);
        QCOMPARE(runServerCommand({ "webhook", "remove", "--data", dir.path(), "1" }).exitCode, 0);
        QCOMPARE(runServerCommand({ "webhook", "remove", "--data", dir.path(), "1" }).exitCode, 1);
        QVERIFY(runServerCommand({ "webhook", "list", "--data", dir.path() }).out.isEmpty());
    }

    void killedServerDeliversAfterRestart()
    {
        QTemporaryDir dir;
        QCOMPARE(runServerCommand({ "import", "--data", dir.path(), TestServer::fixturePath() }).exitCode, 0);
        WebhookReceiver receiver;
        receiver.answers = false; // the first server's request hangs until the server is killed
        QVERIFY(receiver.listen());
        QCOMPARE(runServerCommand({ "webhook", "add", "--data", dir.path(), "--url", receiver.url(),
                                    "--secret-stdin", "--events", "message.created" },
                                  "durable\n")
                     .exitCode,
                 0);

        // The first server claims the delivery for its timeout and 5 s more (WebhookOutbox.h); after the
        // crash the second server sends it once that claim has run out.
        QProcess first;
        const quint16 port = startServer(first, dir.path(), { "--webhook-timeout", "2" });
        QVERIFY(port != 0);
        QNetworkAccessManager network;
        const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));
        const auto signedIn
            = request(network, base.resolved(QUrl(QStringLiteral("/api/token/"))),
                      { { "username", "client_username" }, { "password", "client_password" } });
        QCOMPARE(signedIn.status, 200);
        const QByteArray token = signedIn.object()["access"].toString().toUtf8();
        const auto posted = request(network, base.resolved(QUrl(QStringLiteral("/api/portal/messages/1/"))),
                                    { { "content", "Please deliver this after a crash" } }, token);
        QVERIFY2(posted.status < 300, posted.body.constData());
        if (countEvents(dir.path()) == 0) {
            // Until the message post records its event, make one as a write would; the server's poll finds
            // it.
            auto store = store::Store::open(dir.path());
            QVERIFY(store);
            store::EventRecord event { QStringLiteral("message.created"),
                                       { { "message_id", 99 }, { "thread_id", 1 }, { "case_id", 1 } },
                                       1,
                                       5,
                                       QStringLiteral("MESSAGE"),
                                       QStringLiteral("New message"),
                                       {},
                                       QStringLiteral("MessageThread"),
                                       1 };
            QVERIFY((*store)->database().inTransaction(store::Database::Access::Write,
                                                       [&] { return (*store)->events().record(event); }));
            qInfo("the message post records no event yet; recorded one directly");
        }

        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 1, 10000); // on its way, unanswered
        first.kill(); // SIGKILL: no shutdown code runs
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        const QByteArray deliveryId = receiver.requests.first().header("X-Portal-Delivery");
        const Run afterCrash = runServerCommand({ "webhook", "deliveries", "--data", dir.path() });
        QVERIFY2(afterCrash.out.startsWith(deliveryId + "\tmessage.created"), afterCrash.out.constData());
        QVERIFY(afterCrash.out.contains("\tpending\tattempts 0"));

        receiver.answers = true;
        QProcess second;
        QVERIFY(startServer(second, dir.path()) != 0);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 2, 20000);
        QCOMPARE(receiver.requests[1].header("X-Portal-Delivery"), deliveryId);
        QCOMPARE(receiver.requests[1].body, receiver.requests[0].body);
        QTRY_VERIFY_WITH_TIMEOUT(
            runServerCommand({ "webhook", "deliveries", "--data", dir.path() }).out.contains("\tdelivered\t"),
            10000);
        const Run log = runServerCommand({ "webhook", "deliveries", "--data", dir.path() });
        QVERIFY2(log.out.contains("\t200\t"), log.out.constData());

        // Redelivery from the command line reaches the running server through its poll.
        QCOMPARE(runServerCommand(
                     { "webhook", "redeliver", "--data", dir.path(), QString::fromLatin1(deliveryId) })
                     .exitCode,
                 0);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 3, 10000);
        QCOMPARE(receiver.requests[2].header("X-Portal-Delivery"), deliveryId);

        second.terminate();
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(WebhookCliTest)
#include "tst_webhook_cli.moc"
