// Failed sign-ins: limits per user name and per address, the window, and success clearing the count; each
// counted in memory and in the database (store/LimitCounts.h: SQLite here, PostgreSQL in the _pg run), where
// servers sharing it count together.
#include "CountingBackends.h"
#include "LoginThrottle.h"
#include "SqlRow.h"

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

class TestLoginThrottle : public CountingBackends
{
    Q_OBJECT

    LoginThrottle makeThrottle(LoginThrottleLimits limits)
    {
        return LoginThrottle(limits, inDatabase() ? &store().loginFailures() : nullptr);
    }
    // User names and addresses with counts, wherever they are kept.
    qint64 entries(const LoginThrottle &throttle)
    {
        if (!inDatabase())
            return throttle.trackedEntryCount();
        auto rows = store().database().selectOne<qint64>(
            QStringLiteral("SELECT COUNT(*) FROM login_failures"), {},
            [](const portal::store::SqlRow &row) { return row.integer(0); });
        return rows ? *rows : -1;
    }

private slots:
    void init() { QVERIFY(store().database().exec(QStringLiteral("DELETE FROM login_failures")).ok()); }

    void firstAttemptsAreFree()
    {
        LoginThrottle throttle = makeThrottle(limits());
        QCOMPARE(throttle.retryAfter(QStringLiteral("alice"), Home, T0), 0);
        throttle.recordFailure(QStringLiteral("alice"), Home, T0);
        throttle.recordFailure(QStringLiteral("alice"), Home, T0 + 1);
        QCOMPARE(throttle.retryAfter(QStringLiteral("alice"), Home, T0 + 2), 0);
    }

    void limitPerUsername()
    {
        LoginThrottle throttle = makeThrottle(limits());
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
        LoginThrottle throttle = makeThrottle(limits());
        throttle.recordFailure(QStringLiteral("Alice"), Home, T0);
        throttle.recordFailure(QStringLiteral("ALICE"), Office, T0);
        throttle.recordFailure(QStringLiteral("alice"), Home, T0);
        QVERIFY(throttle.retryAfter(QStringLiteral("aLiCe"), Office, T0) > 0);
    }

    void limitPerAddress()
    {
        LoginThrottle throttle = makeThrottle(limits());
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(QStringLiteral("user%1").arg(i), Home, T0 + i);
        QCOMPARE(throttle.retryAfter(QStringLiteral("someone-new"), Home, T0 + 100), 500);
        QCOMPARE(throttle.retryAfter(QStringLiteral("someone-new"), Office, T0 + 100), 0);
    }

    void mappedIpv4IsTheSameAddress()
    {
        LoginThrottle throttle = makeThrottle(limits());
        const QHostAddress mapped(QStringLiteral("::ffff:192.0.2.1"));
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(QStringLiteral("user%1").arg(i), i % 2 ? Home : mapped, T0);
        QVERIFY(throttle.retryAfter(QStringLiteral("x"), Home, T0) > 0);
        QVERIFY(throttle.retryAfter(QStringLiteral("x"), mapped, T0) > 0);
    }

    void windowExpires()
    {
        LoginThrottle throttle = makeThrottle(limits());
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
        LoginThrottle throttle = makeThrottle(limits());
        throttle.recordFailure(QStringLiteral("alice"), Home, T0);
        throttle.recordFailure(QStringLiteral("alice"), Home, T0);
        throttle.recordSuccess(QStringLiteral("Alice"));
        throttle.recordFailure(QStringLiteral("alice"), Home, T0 + 1);
        throttle.recordFailure(QStringLiteral("alice"), Home, T0 + 2);
        QCOMPARE(throttle.retryAfter(QStringLiteral("alice"), Office, T0 + 3), 0);
    }

    void successLeavesTheAddressCount()
    {
        LoginThrottle throttle = makeThrottle(limits());
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(QStringLiteral("user%1").arg(i), Home, T0);
        throttle.recordSuccess(QStringLiteral("user0"));
        QVERIFY(throttle.retryAfter(QStringLiteral("user0"), Home, T0 + 1) > 0);
    }

    void defaultsAreFivePerUserAndTwentyPerAddressIn15Minutes()
    {
        LoginThrottle throttle = makeThrottle({});
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
        LoginThrottle throttle = makeThrottle(limits());
        for (int i = 0; i < 100; ++i)
            throttle.recordFailure(QStringLiteral("made-up-%1").arg(i), Home, T0);
        QCOMPARE(entries(throttle), 101); // 100 user names, 1 address
        throttle.recordFailure(QStringLiteral("alice"), Office, T0 + 600);
        QCOMPARE(entries(throttle), 2);
    }

    void serversShareTheirCounts()
    {
        if (!inDatabase())
            QSKIP("in memory, each server counts its own failures");
        auto other = scratch().openAnother();
        QVERIFY2(other.ok(), qPrintable(other.ok() ? QString() : other.error().message));
        LoginThrottle here = makeThrottle(limits());
        LoginThrottle there(limits(), &(*other)->loginFailures());
        // A guesser going round the servers behind a load balancer.
        here.recordFailure(QStringLiteral("alice"), Home, T0);
        there.recordFailure(QStringLiteral("alice"), Office, T0 + 1);
        QCOMPARE(here.retryAfter(QStringLiteral("alice"), Home, T0 + 2), 0);
        here.recordFailure(QStringLiteral("alice"), Home, T0 + 2);
        QCOMPARE(there.retryAfter(QStringLiteral("alice"), Office, T0 + 3), 597);
        QCOMPARE(here.retryAfter(QStringLiteral("alice"), Home, T0 + 3), 597);
        there.recordSuccess(QStringLiteral("alice"));
        QCOMPARE(here.retryAfter(QStringLiteral("alice"), Home, T0 + 4), 0);
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
