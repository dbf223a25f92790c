// Deliveries from an in-process server to a real receiver on 127.0.0.1: the signature verifies, payload and
// headers are exact, subscriptions filter, a 500 is retried under the same UUID with the attempt logged,
// redelivery, rotation signs with both secrets, and a dead or hung receiver does not hold up the API.
#include "Database.h"
#include "Migrations.h"
#include "TestServer.h"
#include "WebhookEndpoints.h"
#include "WebhookReceiver.h"
#include "WebhookSignature.h"
#include "WireTypes.h"

#include <QUuid>
#include <QtTest>

using namespace portal;
using portal::testing::ReceivedRequest;
using portal::testing::TestServer;
using portal::testing::WebhookReceiver;

namespace {

// Fast polls and retries so that a test sees a retry in well under a second.
void quickWebhooks(server::ServerOptions &options)
{
    options.webhooks.pollIntervalMs = 50;
    options.webhooks.retry.baseDelayMs = 200;
    options.webhooks.timeoutMs = 2000;
}

// An event as a write would record it, inside a transaction; gives its id.
qint64 recordEvent(TestServer &server, const QString &type, const QJsonObject &data)
{
    store::EventRecord event;
    event.type = type;
    event.data = data;
    event.clientId = 1;
    event.actorUserId = 5;
    event.notificationType = QStringLiteral("MESSAGE");
    event.notificationTitle = QStringLiteral("New message");
    event.relatedObjectType = QStringLiteral("MessageThread");
    event.relatedObjectId = 1;
    store::Store &store = server.server().store();
    auto id = store.database().inTransaction(store::Database::Access::Write,
                                             [&] { return store.events().record(event); });
    if (!id)
        qFatal("cannot record an event: %s", qPrintable(id.error().message));
    if (auto *dispatcher = server.server().webhooks())
        dispatcher->wake();
    return *id;
}

const QJsonObject kMessageData {
    { "message_id", 3 }, { "thread_id", 1 }, { "sender_id", 5 }, { "case_id", 1 }
};

// t and the v1 values of an X-Portal-Signature header.
struct ParsedSignature
{
    qint64 t = 0;
    QList<QByteArray> v1;
};

ParsedSignature parseSignature(const QByteArray &header)
{
    ParsedSignature parsed;
    for (const QByteArray &part : header.split(',')) {
        if (part.startsWith("t="))
            parsed.t = part.mid(2).toLongLong();
        else if (part.startsWith("v1="))
            parsed.v1.append(part.mid(3));
    }
    return parsed;
}

bool verifies(const ReceivedRequest &request, const QByteArray &secret)
{
    const ParsedSignature signature = parseSignature(request.header("X-Portal-Signature"));
    const QByteArray expected
        = QMessageAuthenticationCode::hash(QByteArray::number(signature.t) + '.' + request.body, secret,
                                           QCryptographicHash::Sha256)
              .toHex();
    return signature.v1.contains(expected);
}

webhooks::DeliveryLog onlyDelivery(TestServer &server)
{
    auto deliveries
        = webhooks::WebhookOutbox(server.server().store().database()).deliveries(std::nullopt, 10);
    if (!deliveries || deliveries->size() != 1)
        return {};
    return deliveries->first();
}

qint64 addEndpoint(TestServer &server, const QString &url, const QString &secret,
                   const QStringList &events = { QStringLiteral("*") })
{
    auto id = webhooks::WebhookEndpoints(server.server().store().database()).add(url, secret, events);
    if (!id)
        qFatal("cannot add an endpoint: %s", qPrintable(id.error().message));
    return *id;
}

} // namespace

class WebhookDeliveryTest : public QObject
{
    Q_OBJECT

private slots:
    void signedPayloadAndHeadersAreExact()
    {
        TestServer server(quickWebhooks);
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        addEndpoint(server, receiver.url(), QStringLiteral("whsec_test"));

        const qint64 eventId = recordEvent(server, QStringLiteral("message.created"), kMessageData);
        QTRY_COMPARE(receiver.requests.size(), 1);
        const ReceivedRequest request = receiver.requests.first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/hook"));
        QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(request.header("X-Portal-Event"), QByteArray("message.created"));
        const QByteArray deliveryId = request.header("X-Portal-Delivery");
        QVERIFY(!QUuid::fromString(QLatin1String(deliveryId)).isNull());

        QVERIFY(verifies(request, "whsec_test"));
        QVERIFY(!verifies(request, "another secret"));
        const ParsedSignature signature = parseSignature(request.header("X-Portal-Signature"));
        QCOMPARE(signature.v1.size(), 1);
        QVERIFY(qAbs(signature.t - QDateTime::currentSecsSinceEpoch()) < 60);

        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.keys(), (QStringList { "data", "event", "timestamp" }));
        QCOMPARE(body["event"].toString(), QStringLiteral("message.created"));
        QCOMPARE(body["data"].toObject(), kMessageData);
        const auto createdAt = server.server().store().database().selectOne<QDateTime>(
            QStringLiteral("SELECT created_at FROM events WHERE id = ?"), { eventId },
            [](const store::SqlRow &row) { return row.timestamp(0); });
        QVERIFY(createdAt);
        QCOMPARE(body["timestamp"].toString(), api::formatTimestamp(*createdAt));

        QTRY_COMPARE(onlyDelivery(server).state, QStringLiteral("delivered"));
        const webhooks::DeliveryLog delivery = onlyDelivery(server);
        QCOMPARE(delivery.id.toLatin1(), deliveryId);
        QCOMPARE(delivery.attempts, 1);
        QCOMPARE(delivery.attemptLog.size(), 1);
        QCOMPARE(delivery.attemptLog.first().statusCode, std::optional<int>(200));
        QCOMPARE(delivery.attemptLog.first().error, QString());
    }

    void subscriptionsFilterEvents()
    {
        TestServer server(quickWebhooks);
        QVERIFY(server.isValid());
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        addEndpoint(server, receiver.url(QStringLiteral("/documents")), QStringLiteral("a"),
                    { QStringLiteral("document.uploaded") });
        addEndpoint(server, receiver.url(QStringLiteral("/all")), QStringLiteral("b"));

        recordEvent(server, QStringLiteral("message.created"), kMessageData);
        QTRY_COMPARE(receiver.requests.size(), 1);
        QCOMPARE(receiver.requests.first().path, QByteArray("/all"));
        recordEvent(server, QStringLiteral("document.uploaded"), { { "document_id", 4 }, { "case_id", 1 } });
        QTRY_COMPARE(receiver.requests.size(), 3);
        QTest::qWait(200); // nothing more comes
        QCOMPARE(receiver.requests.size(), 3);
        QStringList paths;
        for (const ReceivedRequest &request : receiver.requests.mid(1))
            paths.append(QString::fromLatin1(request.path));
        paths.sort();
        QCOMPARE(paths, (QStringList { "/all", "/documents" }));
    }

    void retriesAfterAServerErrorWithTheSameDelivery()
    {
        TestServer server(quickWebhooks);
        QVERIFY(server.isValid());
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.statuses = { 500 };
        addEndpoint(server, receiver.url(), QStringLiteral("s"));

        recordEvent(server, QStringLiteral("message.created"), kMessageData);
        QTRY_COMPARE(receiver.requests.size(), 2);
        QCOMPARE(receiver.requests[1].header("X-Portal-Delivery"),
                 receiver.requests[0].header("X-Portal-Delivery"));
        QCOMPARE(receiver.requests[1].body, receiver.requests[0].body);
        QVERIFY(verifies(receiver.requests[1], "s"));

        QTRY_COMPARE(onlyDelivery(server).state, QStringLiteral("delivered"));
        const webhooks::DeliveryLog delivery = onlyDelivery(server);
        QCOMPARE(delivery.attempts, 2);
        QCOMPARE(delivery.attemptLog.size(), 2);
        QCOMPARE(delivery.attemptLog[0].statusCode, std::optional<int>(500));
        QCOMPARE(delivery.attemptLog[0].error, QStringLiteral("HTTP 500"));
        QCOMPARE(delivery.attemptLog[1].statusCode, std::optional<int>(200));
    }

    void redeliverSendsTheSameDeliveryAgain()
    {
        TestServer server(quickWebhooks);
        QVERIFY(server.isValid());
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        addEndpoint(server, receiver.url(), QStringLiteral("s"));
        recordEvent(server, QStringLiteral("case.updated"), { { "case_id", 1 } });
        QTRY_COMPARE(onlyDelivery(server).state, QStringLiteral("delivered"));

        const QString id = onlyDelivery(server).id;
        QVERIFY(webhooks::WebhookOutbox(server.server().store().database()).redeliver(id));
        QVERIFY(
            !webhooks::WebhookOutbox(server.server().store().database()).redeliver(QStringLiteral("nope")));
        QTRY_COMPARE(receiver.requests.size(), 2); // the poll finds it; no wake() needed
        QCOMPARE(receiver.requests[1].header("X-Portal-Delivery"), id.toLatin1());
        QTRY_COMPARE(onlyDelivery(server).attempts, 2);
        QCOMPARE(onlyDelivery(server).state, QStringLiteral("delivered"));
    }

    void rotationSignsWithBothSecrets()
    {
        TestServer server(quickWebhooks);
        QVERIFY(server.isValid());
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        const qint64 endpoint = addEndpoint(server, receiver.url(), QStringLiteral("old"));
        webhooks::WebhookEndpoints endpoints(server.server().store().database());
        QVERIFY(endpoints.rotateSecret(endpoint, QStringLiteral("new")));
        QVERIFY(endpoints.list()->first().previousSecretExpiresAt
                > QDateTime::currentDateTimeUtc().addSecs(23 * 3600));

        recordEvent(server, QStringLiteral("task.assigned"), { { "task_id", 2 }, { "case_id", 1 } });
        QTRY_COMPARE(receiver.requests.size(), 1);
        QCOMPARE(parseSignature(receiver.requests.first().header("X-Portal-Signature")).v1.size(), 2);
        QVERIFY(verifies(receiver.requests.first(), "new"));
        QVERIFY(verifies(receiver.requests.first(), "old"));

        // Once the overlap is over, only the new secret signs.
        QVERIFY(endpoints.rotateSecret(endpoint, QStringLiteral("newer"), std::chrono::seconds(0)));
        recordEvent(server, QStringLiteral("task.assigned"), { { "task_id", 2 }, { "case_id", 1 } });
        QTRY_COMPARE(receiver.requests.size(), 2);
        QCOMPARE(parseSignature(receiver.requests[1].header("X-Portal-Signature")).v1.size(), 1);
        QVERIFY(verifies(receiver.requests[1], "newer"));
    }

    void endpointValidation()
    {
        TestServer server;
        QVERIFY(server.isValid());
        webhooks::WebhookEndpoints endpoints(server.server().store().database());
        QVERIFY(!endpoints.add(QStringLiteral("ftp://example.com/"), QStringLiteral("s"), {}));
        QVERIFY(!endpoints.add(QStringLiteral("not a url"), QStringLiteral("s"), {}));
        QVERIFY(!endpoints.add(QStringLiteral("https://example.com/"), QString(), {}));
        QVERIFY(!endpoints.add(QStringLiteral("https://example.com/"), QStringLiteral("s"),
                               { "message.deleted" }));
        const auto id = endpoints.add(QStringLiteral("https://example.com/h"), QStringLiteral("s"),
                                      { "message.created", " case.updated" });
        QVERIFY(id);
        QCOMPARE(endpoints.list()->first().events, (QStringList { "message.created", "case.updated" }));
        QVERIFY(endpoints.remove(*id));
        QCOMPARE(endpoints.remove(*id).error().kind, store::StoreError::Kind::NotFound);
        QVERIFY(endpoints.list()->isEmpty());
    }

    void deadOrHungReceiversDoNotHoldUpTheApi()
    {
        TestServer server([](server::ServerOptions &options) {
            quickWebhooks(options);
            options.webhooks.timeoutMs = 1000;
        });
        QVERIFY(server.isValid());
        WebhookReceiver hung;
        hung.answers = false;
        QVERIFY(hung.listen());
        addEndpoint(server, hung.url(), QStringLiteral("s"));
        addEndpoint(server, QStringLiteral("http://127.0.0.1:%1/hook").arg(testing::closedPort()),
                    QStringLiteral("s"));
        for (int i = 0; i < 10; ++i)
            recordEvent(server, QStringLiteral("message.created"), kMessageData);

        // The hung receiver holds requests open; the cap keeps the rest waiting in the outbox.
        QTRY_COMPARE(server.server().webhooks()->inFlight(), 8);
        const QByteArray token = server.clientToken();
        QVERIFY(!token.isEmpty());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(server.get(QStringLiteral("/api/portal/cases/"), token).status, 200);
        const auto posted = server.post(QStringLiteral("/api/portal/messages/1/"),
                                        QJsonObject { { "content", "Still answering" } }, token);
        QVERIFY2(posted.status < 300, posted.body.constData());

        // Both kinds of failure are logged as attempts and retried later.
        webhooks::WebhookOutbox outbox(server.server().store().database());
        auto failedAttempts = [&](const QString &needle) {
            int count = 0;
            // Kept in a variable: a range-for over `*temporary()` would read a destroyed Result.
            const auto deliveries = outbox.deliveries(std::nullopt, 100);
            for (const webhooks::DeliveryLog &delivery : *deliveries)
                for (const webhooks::DeliveryAttempt &attempt : delivery.attemptLog)
                    count += !attempt.statusCode && attempt.error.contains(needle);
            return count;
        };
        QTRY_VERIFY(failedAttempts(QStringLiteral("timed out")) > 0);
        QTRY_VERIFY(failedAttempts(QStringLiteral("refused")) > 0);
        const auto deliveries = outbox.deliveries(std::nullopt, 100);
        for (const webhooks::DeliveryLog &delivery : *deliveries)
            QCOMPARE(delivery.state, QStringLiteral("pending"));
    }

    void claimedDeliveriesAreLeftAloneUntilTheClaimEnds()
    {
        TestServer server([](server::ServerOptions &options) { options.webhooks.enabled = false; });
        QVERIFY(server.isValid());
        addEndpoint(server, QStringLiteral("http://127.0.0.1:%1/hook").arg(testing::closedPort()),
                    QStringLiteral("s"));
        recordEvent(server, QStringLiteral("message.created"), kMessageData);
        // Another server's outbox on the same store.
        auto other = store::Store::open(server.dataDir(), server.databaseUrl());
        QVERIFY(other.ok());
        webhooks::WebhookOutbox mine(server.server().store().database());
        webhooks::WebhookOutbox theirs((*other)->database());

        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto claimed = mine.claimDue(now, 10, now.addSecs(15));
        QVERIFY(claimed.ok());
        QCOMPARE(claimed->size(), 1);
        QCOMPARE(theirs.claimDue(now, 10, now.addSecs(15))->size(), 0);
        // A claim that ran out (its server died) is taken over.
        const auto takenOver = theirs.claimDue(now.addSecs(16), 10, now.addSecs(31));
        QVERIFY(takenOver.ok());
        QCOMPARE(takenOver->size(), 1);
        QCOMPARE(takenOver->first().id, claimed->first().id);
        // Given up (a dispatcher that stops), it is due again at once.
        QVERIFY(theirs.release({ claimed->first().id }).ok());
        QCOMPARE(mine.claimDue(now, 10, now.addSecs(15))->size(), 1);
        // An attempt recorded ends the claim.
        QVERIFY(mine.recordAttempt(claimed->first().id, { now, 500, 3, QStringLiteral("HTTP 500") },
                                   webhooks::DeliveryState::Pending, now)
                    .ok());
        QCOMPARE(theirs.claimDue(now, 10, now.addSecs(15))->size(), 1);
    }

    void deliveriesPendingBeforeClaimsExistedAreSent()
    {
        // A store at schema version 4 (before claimed_until) with a pending delivery, brought up to date.
        QTemporaryDir dir;
        {
            auto opened = store::Database::openSqlite(dir.filePath(QStringLiteral("portal.sqlite3")));
            QVERIFY(opened.ok());
            store::Database &db = **opened;
            QVERIFY(store::migrate(db, store::schemaMigrations().mid(0, 4)).ok());
            for (const char *sql : {
                     "INSERT INTO clients (id, company_name) VALUES (1, 'Acme')",
                     "INSERT INTO events (id, type, data, client_id, created_at) VALUES (1, "
                     "'message.created', "
                     "'{}', 1, '2026-12-01T00:00:00.000Z')",
                     "INSERT INTO webhook_endpoints (id, url, secret, created_at) VALUES (1, "
                     "'http://127.0.0.1:9/hook', 's', '2026-12-01T00:00:00.000Z')",
                     "INSERT INTO webhook_deliveries (id, endpoint_id, event_id, next_attempt_at, "
                     "created_at) "
                     "VALUES ('d-1', 1, 1, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')",
                 })
                QVERIFY2(db.exec(QString::fromLatin1(sql)).ok(), sql);
        }
        auto store = store::Store::open(dir.path());
        QVERIFY(store.ok());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto due = webhooks::WebhookOutbox((*store)->database()).claimDue(now, 10, now.addSecs(15));
        QVERIFY(due.ok());
        QCOMPARE(due->size(), 1);
        QCOMPARE(due->first().id, QStringLiteral("d-1"));
    }
};

QTEST_GUILESS_MAIN(WebhookDeliveryTest)
#include "tst_webhook_delivery.moc"
