// The Idempotency-Key extension of POSTs: a repeat replays the first answer and creates nothing, the same
// key with another request is 422, keys are per user, failures are not kept, uploads and the staff API are
// covered, expired keys go, and without the header (or with the switch off) nothing changes.
#include "Database.h"
#include "TestServer.h"

#include <QtTest>

using namespace portal;
using portal::testing::HttpResult;
using portal::testing::TestServer;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

Headers keyed(const QByteArray &key)
{
    return { { "Idempotency-Key", key } };
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray uploadBody(const QByteArray &boundary)
{
    return "--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nReceipt\r\n"
          "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\"case\"\r\n\r\n1\r\n"
          "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"receipt.txt\"\r\n"
          "Content-Type: text/plain\r\n\r\npaid in full\r\n--"
        + boundary + "--\r\n";
}

} // namespace

class ServerIdempotencyTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QByteArray m_client;

    int messageCount(qint64 threadId)
    {
        return m_server
            ->get(QStringLiteral("/api/portal/messages/%1/?mark_read=false").arg(threadId), m_client)
            .object()
            .value("messages")
            .toArray()
            .size();
    }

    HttpResult postMessage(const QByteArray &content, const Headers &headers, const QByteArray &token = {})
    {
        return m_server->send("POST", "/api/portal/messages/1/",
                              json({ { "content", QString::fromUtf8(content) } }),
                              token.isEmpty() ? m_client : token, headers);
    }

private slots:
    void initTestCase() { PORTAL_SKIP_WITHOUT_TEST_DATABASE(); }
    void init()
    {
        m_server = std::make_unique<TestServer>([](server::ServerOptions &options) {
            options.rateLimits.enabled = false;
            options.webhooks.enabled = false;
        });
        QVERIFY2(m_server->isValid(), qPrintable(m_server->errorString()));
        m_client = m_server->clientToken();
        QVERIFY(!m_client.isEmpty());
    }

    void repeatReplaysTheFirstAnswer()
    {
        const int before = messageCount(1);
        const HttpResult first = postMessage("once only", keyed("key-1"));
        QCOMPARE(first.status, 201);
        QVERIFY(first.header("Idempotent-Replayed").isEmpty());
        const HttpResult again = postMessage("once only", keyed("key-1"));
        QCOMPARE(again.status, 201);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(again.body, first.body);
        QCOMPARE(again.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(again.object().value("id"), first.object().value("id"));
        QCOMPARE(messageCount(1), before + 1);
    }

    void sameKeyOtherRequestIs422()
    {
        QCOMPARE(postMessage("first body", keyed("key-2")).status, 201);
        const int count = messageCount(1);
        const HttpResult other = postMessage("second body", keyed("key-2"));
        QCOMPARE(other.status, 422);
        QCOMPARE(other.errorCode(), QStringLiteral("idempotency_key_reused"));
        // Another path with the same body is another request too.
        const HttpResult elsewhere
            = m_server->send("POST", "/api/portal/messages/2/", json({ { "content", "first body" } }),
                             m_client, keyed("key-2"));
        QCOMPARE(elsewhere.status, 422);
        QCOMPARE(messageCount(1), count);
    }

    void keysArePerUser()
    {
        const QByteArray second = m_server->otherClientToken();
        const HttpResult mine = postMessage("mine", keyed("shared-key"));
        QCOMPARE(mine.status, 201);
        const HttpResult theirs
            = m_server->send("POST", "/api/portal/messages/3/", json({ { "content", "theirs" } }), second,
                             keyed("shared-key"));
        QCOMPARE(theirs.status, 201);
        QVERIFY(theirs.header("Idempotent-Replayed").isEmpty());
        QVERIFY(theirs.object().value("id") != mine.object().value("id"));
    }

    void withoutTheHeaderNothingChanges()
    {
        const int before = messageCount(1);
        const HttpResult a = postMessage("twice", {});
        const HttpResult b = postMessage("twice", {});
        QCOMPARE(a.status, 201);
        QCOMPARE(b.status, 201);
        QVERIFY(a.object().value("id") != b.object().value("id"));
        QVERIFY(b.header("Idempotent-Replayed").isEmpty());
        QCOMPARE(messageCount(1), before + 2);
    }

    void switchedOffTheHeaderIsIgnored()
    {
        m_server->server().features().idempotencyKeys = false;
        const int before = messageCount(1);
        QCOMPARE(postMessage("again and again", keyed("key-off")).status, 201);
        const HttpResult second = postMessage("again and again", keyed("key-off"));
        QCOMPARE(second.status, 201);
        QVERIFY(second.header("Idempotent-Replayed").isEmpty());
        QCOMPARE(messageCount(1), before + 2);
        QCOMPARE(postMessage("bad key ignored", keyed("has space")).status, 201);
    }

    void failuresAreNotKept()
    {
        // A 400 is not recorded: the key may be used again, for a corrected request.
        const HttpResult blank = postMessage("   ", keyed("key-3"));
        QCOMPARE(blank.status, 400);
        QCOMPARE(postMessage("   ", keyed("key-3")).status, 400);
        const HttpResult fixed = postMessage("now with text", keyed("key-3"));
        QCOMPARE(fixed.status, 201);
        QVERIFY(fixed.header("Idempotent-Replayed").isEmpty());
        // A 404 neither.
        const HttpResult missing = m_server->send("POST", "/api/portal/messages/999/",
                                                  json({ { "content", "x" } }), m_client, keyed("key-4"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(postMessage("x", keyed("key-4")).status, 201);
    }

    void malformedKeysAre400_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("space inside") << QByteArray("two words");
        QTest::newRow("too long") << QByteArray(256, 'k');
        QTest::newRow("not ASCII") << QByteArray("cl\xc3\xa9");
    }

    void malformedKeysAre400()
    {
        QFETCH(QByteArray, key);
        const int before = messageCount(1);
        const HttpResult result = postMessage("keyed badly", keyed(key));
        QCOMPARE(result.status, 400);
        QVERIFY(result.object().value("error").toObject().value("details").toObject().contains(
            "Idempotency-Key"));
        QCOMPARE(messageCount(1), before);
        QCOMPARE(postMessage("longest key", keyed(QByteArray(255, 'k'))).status, 201);
    }

    void uploadsReplay()
    {
        const QByteArray boundary = "boundary-for-test";
        const Headers headers { { "Idempotency-Key", "upload-1" },
                                { "Content-Type", "multipart/form-data; boundary=" + boundary } };
        const int before = m_server->get("/api/portal/documents/", m_client).array().size();
        const QDir documents(m_server->dataDir() + QStringLiteral("/documents"));
        const qsizetype filesBefore = documents.entryList(QDir::Files).size();
        const HttpResult first
            = m_server->send("POST", "/api/portal/documents/", uploadBody(boundary), m_client, headers);
        QCOMPARE(first.status, 201);
        const HttpResult again
            = m_server->send("POST", "/api/portal/documents/", uploadBody(boundary), m_client, headers);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(again.object().value("id"), first.object().value("id"));
        QCOMPARE(m_server->get("/api/portal/documents/", m_client).array().size(), before + 1);
        // The stored file is there once: the document downloads, and no upload is left behind.
        const HttpResult download = m_server->get(
            QStringLiteral("/api/portal/documents/%1/download/").arg(first.object().value("id").toInteger()),
            m_client);
        QCOMPARE(download.body, QByteArray("paid in full"));
        QCOMPARE(QDir(m_server->dataDir() + QStringLiteral("/incoming")).entryList(QDir::Files).size(), 0);
        QCOMPARE(documents.entryList(QDir::Files).size(), filesBefore + 1);
    }

    void staffPostsToo()
    {
        const QByteArray attorney = m_server->attorneyToken();
        const QByteArray body = json({ { "case", 1 }, { "title", "Sign the form" } });
        const HttpResult first = m_server->send("POST", "/api/staff/tasks/", body, attorney, keyed("task-1"));
        QCOMPARE(first.status, 201);
        const HttpResult again = m_server->send("POST", "/api/staff/tasks/", body, attorney, keyed("task-1"));
        QCOMPARE(again.status, 201);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(again.object().value("id"), first.object().value("id"));
        int signTasks = 0;
        for (const QJsonValue &task : m_server->get("/api/staff/tasks/", attorney).array())
            signTasks += task.toObject().value("title").toString() == QLatin1String("Sign the form");
        QCOMPARE(signTasks, 1);
    }

    void expiredKeysArePurged()
    {
        QCOMPARE(postMessage("long ago", keyed("old-key")).status, 201);
        store::Database &database = m_server->server().store().database();
        QVERIFY(
            database
                .exec(QStringLiteral("UPDATE idempotency_keys SET created_at = '2000-01-01T00:00:00.000Z' "
                                     "WHERE idempotency_key = 'old-key'"))
                .ok());
        const int before = messageCount(1);
        const HttpResult later = postMessage("long ago", keyed("old-key"));
        QCOMPARE(later.status, 201);
        QVERIFY(later.header("Idempotent-Replayed").isEmpty()); // done again: the day is over
        QCOMPARE(messageCount(1), before + 1);
        auto rows = database.selectOne<qint64>(QStringLiteral("SELECT COUNT(*) FROM idempotency_keys WHERE "
                                                              "created_at < '2001-01-01'"),
                                               {}, [](const store::SqlRow &row) { return row.integer(0); });
        QVERIFY(rows.ok());
        QCOMPARE(*rows, 0);
    }
};

QTEST_MAIN(ServerIdempotencyTest)
#include "tst_server_idempotency.moc"
