// The signature header against a value computed by hand, the payload's exact bytes, and the retry
// schedule's doubling, cap and window.
#include "RetrySchedule.h"
#include "WebhookPayload.h"
#include "WebhookSignature.h"

#include <QMessageAuthenticationCode>
#include <QtTest>

using namespace portal::webhooks;

class WebhookSignatureTest : public QObject
{
    Q_OBJECT

private slots:
    void signsTimestampDotBody()
    {
        const QByteArray body = R"({"event":"message.created"})";
        const QByteArray expected
            = QMessageAuthenticationCode::hash("1674214200." + body, "whsec", QCryptographicHash::Sha256)
                  .toHex();
        QCOMPARE(signatureV1("whsec", 1674214200, body), expected);
        QCOMPARE(signatureHeader(1674214200, body, { "whsec" }), "t=1674214200,v1=" + expected);
        const QByteArray both = signatureHeader(1674214200, body, { "new", "old" });
        QCOMPARE(both,
                 "t=1674214200,v1=" + signatureV1("new", 1674214200, body)
                     + ",v1=" + signatureV1("old", 1674214200, body));
    }

    void payloadIsTheDocumentsShape()
    {
        const QDateTime at = QDateTime::fromString(QStringLiteral("2023-01-20T11:30:00Z"), Qt::ISODate);
        const QByteArray body = webhookPayload(QStringLiteral("message.created"), at,
                                               R"({"message_id":3,"thread_id":1,"sender_id":5,"case_id":1})");
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        QCOMPARE(json.keys(), (QStringList { "data", "event", "timestamp" }));
        QCOMPARE(json["event"].toString(), QStringLiteral("message.created"));
        QCOMPARE(json["timestamp"].toString(), QStringLiteral("2023-01-20T11:30:00Z"));
        QCOMPARE(
            json["data"].toObject(),
            QJsonObject({ { "message_id", 3 }, { "thread_id", 1 }, { "sender_id", 5 }, { "case_id", 1 } }));
        QVERIFY(!body.contains(' ') && !body.contains('\n')); // compact: the bytes signed are the bytes sent
    }

    void backoffDoublesUpToTheCapWithJitter()
    {
        const RetryPolicy policy;
        for (int attempts = 1; attempts <= 30; ++attempts) {
            const qint64 full
                = std::min<qint64>(policy.baseDelayMs << std::min(attempts - 1, 30), policy.maxDelayMs);
            const qint64 delay = retryDelayMs(policy, attempts);
            QVERIFY2(delay <= full && delay >= full * 8 / 10, qPrintable(QString::number(attempts)));
        }
        QCOMPARE(retryDelayMs(policy, 1000) <= policy.maxDelayMs, true);
    }

    void givesUpAfterTheWindow()
    {
        const RetryPolicy policy;
        const QDateTime created = QDateTime::currentDateTimeUtc();
        QVERIFY(nextAttemptAfterFailure(policy, created, 1, created.addSecs(1)).has_value());
        QVERIFY(!nextAttemptAfterFailure(policy, created, 40, created.addDays(3).addSecs(1)).has_value());
    }
};

QTEST_GUILESS_MAIN(WebhookSignatureTest)
#include "tst_webhook_signature.moc"
