// Failed sign-ins: limits per user name and per address, the window, and success clearing the count.
#include "LoginThrottle.h"

#include <QTest>

using namespace portal::auth;

namespace {

constexpr qint64 T0 = 1700000000;
const QHostAddress Home(QStringLiteral("192.0.2.1"));
const QHostAddress Office(QStringLiteral("198.51.100.7"));

LoginThrottleLimits limits()
{
    return { 3, 5, 600 }; // 3 per user name, 5 per address, 10 minutes
}

} // namespace

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private slots:
    void firstAttemptsAreFree()
    {
        LoginThrottle throttle(limits());
        QCOMPARE(throttle.retryAfter(QStringLiteral("alice"), Home, T0), 0);
        throttle.recordFailure(QStringLiteral("alice"), Home, T0);
        throttle.recordFailure(QStringLiteral("alice"), Home, T0 + 1);
        QCOMPARE(throttle.retryAfter(QStringLiteral("alice"), Home, T0 + 2), 0);
    }

    void limitPerUsername()
    {
        LoginThrottle throttle(limits());
        // From three addresses, so only the user name's count can be what stops the fourth attempt.
        throttle.recordFailure(QStringLiteral("alice"), Home, T0);
        throttle.recordFailure(QStringLiteral("alice"), Office, T0 + 10);
        throttle.recordFailure(QStringLiteral("alice"), QHostAddress(QStringLiteral("203.0.113.9")), T0 + 20);
        QCOMPARE(throttle.retryAfter(QStringLiteral("alice"), QHostAddress(QStringLiteral("203.0.113.50")),
                                     T0 + 30),
                 570); // the window started at the first failure
        QCOMPARE(throttle.retryAfter(QStringLiteral("bob"), Home, T0 + 30), 0);
    }

    void usernamesIgnoreCase()
    {
        LoginThrottle throttle(limits());
        throttle.recordFailure(QStringLiteral("Alice"), Home, T0);
        throttle.recordFailure(QStringLiteral("ALICE"), Office, T0);
        throttle.recordFailure(QStringLiteral("alice"), Home, T0);
        QVERIFY(throttle.retryAfter(QStringLiteral("aLiCe"), Office, T0) > 0);
    }

    void limitPerAddress()
    {
        LoginThrottle throttle(limits());
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(QStringLiteral("user%1").arg(i), Home, T0 + i);
        QCOMPARE(throttle.retryAfter(QStringLiteral("someone-new"), Home, T0 + 100), 500);
        QCOMPARE(throttle.retryAfter(QStringLiteral("someone-new"), Office, T0 + 100), 0);
    }

    void mappedIpv4IsTheSameAddress()
    {
        LoginThrottle throttle(limits());
        const QHostAddress mapped(QStringLiteral("::ffff:192.0.2.1"));
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(QStringLiteral("user%1").arg(i), i % 2 ? Home : mapped, T0);
        QVERIFY(throttle.retryAfter(QStringLiteral("x"), Home, T0) > 0);
        QVERIFY(throttle.retryAfter(QStringLiteral("x"), mapped, T0) > 0);
    }

    void windowExpires()
    {
        LoginThrottle throttle(limits());
        for (int i = 0; i < 3; ++i)
            throttle.recordFailure(QStringLiteral("alice"), Home, T0 + i);
        QCOMPARE(throttle.retryAfter(QStringLiteral("alice"), Home, T0 + 599), 1);
        QCOMPARE(throttle.retryAfter(QStringLiteral("alice"), Home, T0 + 600), 0);

        // A failure after the window starts a new one, counted from one.
        throttle.recordFailure(QStringLiteral("alice"), Home, T0 + 700);
        QCOMPARE(throttle.retryAfter(QStringLiteral("alice"), Home, T0 + 701), 0);
        throttle.recordFailure(QStringLiteral("alice"), Home, T0 + 710);
        throttle.recordFailure(QStringLiteral("alice"), Home, T0 + 720);
        QCOMPARE(throttle.retryAfter(QStringLiteral("alice"), Home, T0 + 730), 570);
    }

    void successClearsTheUsername()
    {
        LoginThrottle throttle(limits());
        throttle.recordFailure(QStringLiteral("alice"), Home, T0);
        throttle.recordFailure(QStringLiteral("alice"), Home, T0);
        throttle.recordSuccess(QStringLiteral("Alice"));
        throttle.recordFailure(QStringLiteral("alice"), Home, T0 + 1);
        throttle.recordFailure(QStringLiteral("alice"), Home, T0 + 2);
        QCOMPARE(throttle.retryAfter(QStringLiteral("alice"), Office, T0 + 3), 0);
    }

    void successLeavesTheAddressCount()
    {
        LoginThrottle throttle(limits());
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(QStringLiteral("user%1").arg(i), Home, T0);
        throttle.recordSuccess(QStringLiteral("user0"));
        QVERIFY(throttle.retryAfter(QStringLiteral("user0"), Home, T0 + 1) > 0);
    }

    void defaultsAreFivePerUserAndTwentyPerAddressIn15Minutes()
    {
        LoginThrottle throttle;
        for (int i = 0; i < 4; ++i)
            throttle.recordFailure(QStringLiteral("alice"), Home, T0);
        QCOMPARE(throttle.retryAfter(QStringLiteral("alice"), Home, T0), 0);
        throttle.recordFailure(QStringLiteral("alice"), Home, T0);
        QCOMPARE(throttle.retryAfter(QStringLiteral("alice"), Home, T0), 15 * 60);
        for (int i = 0; i < 15; ++i)
            throttle.recordFailure(QStringLiteral("u%1").arg(i), Office, T0);
        QCOMPARE(throttle.retryAfter(QStringLiteral("bob"), Office, T0), 0);
        for (int i = 15; i < 20; ++i)
            throttle.recordFailure(QStringLiteral("u%1").arg(i), Office, T0);
        QCOMPARE(throttle.retryAfter(QStringLiteral("bob"), Office, T0), 15 * 60);
    }

    void expiredEntriesAreForgotten()
    {
        LoginThrottle throttle(limits());
        for (int i = 0; i < 100; ++i)
            throttle.recordFailure(QStringLiteral("made-up-%1").arg(i), Home, T0);
        QCOMPARE(throttle.trackedEntryCount(), 101); // 100 user names, 1 address
        throttle.recordFailure(QStringLiteral("alice"), Office, T0 + 600);
        QCOMPARE(throttle.trackedEntryCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
