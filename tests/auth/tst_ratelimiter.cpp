// Per-user request limits: the minute and hour windows, the header values, rollover, "off" and parsing;
// each counted in memory and in the database (store/LimitCounts.h: SQLite here, PostgreSQL in the _pg run),
// where servers sharing it count together.
#include "CountingBackends.h"
#include "RateLimiter.h"

#include <QRegularExpression>
#include <QTest>

using namespace portal::auth;
using portal::store::test::ScratchStore;

namespace {

constexpr qint64 User = 7;
// 2023-11-14 22:14:00 UTC: a minute boundary, 14 minutes into an hour.
constexpr qint64 MinuteStart = 1700000000 - 1700000000 % 60 + 60;
constexpr qint64 HourStart = MinuteStart - MinuteStart % 3600;
static_assert(MinuteStart % 60 == 0 && MinuteStart != HourStart);

} // namespace

class TestRateLimiter : public CountingBackends
{
    Q_OBJECT

    RateLimiter makeLimiter(RateLimits limits = {})
    {
        return RateLimiter(limits, inDatabase() ? &store().requestCounts() : nullptr);
    }

private slots:
    void init() { QVERIFY(store().database().exec(QStringLiteral("DELETE FROM rate_limit_counts")).ok()); }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("perMinute");
        QTest::addColumn<int>("perHour");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("default") << "100/1000" << true << 100 << 1000 << true;
        QTest::newRow("equal") << "5/5" << true << 5 << 5 << true;
        QTest::newRow("spaces around") << " 10/60 " << true << 10 << 60 << true;
        QTest::newRow("off") << "off" << true << 0 << 0 << false;
        QTest::newRow("OFF") << "OFF" << true << 0 << 0 << false;
        QTest::newRow("zero minute") << "0/10" << false << 0 << 0 << false;
        QTest::newRow("zero hour") << "10/0" << false << 0 << 0 << false;
        QTest::newRow("minute above hour") << "100/10" << false << 0 << 0 << false;
        QTest::newRow("negative") << "-1/10" << false << 0 << 0 << false;
        QTest::newRow("plus sign") << "+1/10" << false << 0 << 0 << false;
        QTest::newRow("words") << "abc" << false << 0 << 0 << false;
        QTest::newRow("no hour") << "10/" << false << 0 << 0 << false;
        QTest::newRow("no minute") << "/10" << false << 0 << 0 << false;
        QTest::newRow("one number") << "10" << false << 0 << 0 << false;
        QTest::newRow("three numbers") << "1/2/3" << false << 0 << 0 << false;
        QTest::newRow("space inside") << "10 / 60" << false << 0 << 0 << false;
        QTest::newRow("fraction") << "1.5/10" << false << 0 << 0 << false;
        QTest::newRow("too large") << "1/99999999999" << false << 0 << 0 << false;
        QTest::newRow("empty") << "" << false << 0 << 0 << false;
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const std::optional<RateLimits> limits = RateLimits::parse(text);
        QCOMPARE(limits.has_value(), valid);
        if (!valid)
            return;
        QFETCH(int, perMinute);
        QFETCH(int, perHour);
        QFETCH(bool, enabled);
        QCOMPARE(limits->enabled, enabled);
        if (enabled) {
            QCOMPARE(limits->perMinute, perMinute);
            QCOMPARE(limits->perHour, perHour);
        }
    }

    void hundredPerMinuteExactly()
    {
        RateLimiter limiter = makeLimiter();
        const qint64 now = MinuteStart + 20;
        for (int i = 1; i <= 100; ++i) {
            const RateDecision decision = limiter.hit(User, now);
            QVERIFY2(decision.allowed, qPrintable(QStringLiteral("request %1").arg(i)));
            QCOMPARE(decision.limit, 100);
            QCOMPARE(decision.remaining, 100 - i);
            QCOMPARE(decision.resetEpoch, MinuteStart + 60);
            QCOMPARE(decision.retryAfterSeconds, 0);
        }
        const RateDecision refused = limiter.hit(User, now);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.limit, 100);
        QCOMPARE(refused.remaining, 0);
        QCOMPARE(refused.resetEpoch, MinuteStart + 60);
        QCOMPARE(refused.retryAfterSeconds, 40);
    }

    void retryAfterIsAtLeastOneSecond()
    {
        RateLimiter limiter = makeLimiter(RateLimits { 1, 10, true });
        QVERIFY(limiter.hit(User, MinuteStart + 59).allowed);
        const RateDecision refused = limiter.hit(User, MinuteStart + 59);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 1);
    }

    void firstRequestHeaders()
    {
        RateLimiter limiter = makeLimiter();
        const RateDecision decision = limiter.hit(User, MinuteStart);
        QVERIFY(decision.allowed);
        QCOMPARE(decision.limit, 100);
        QCOMPARE(decision.remaining, 99);
        QCOMPARE(decision.resetEpoch, MinuteStart + 60);
    }

    void nextMinuteStartsAfresh()
    {
        RateLimiter limiter = makeLimiter();
        for (int i = 0; i < 100; ++i)
            QVERIFY(limiter.hit(User, MinuteStart + 59).allowed);
        QVERIFY(!limiter.hit(User, MinuteStart + 59).allowed);

        const RateDecision next = limiter.hit(User, MinuteStart + 60);
        QVERIFY(next.allowed);
        QCOMPARE(next.remaining, 99);
        QCOMPARE(next.resetEpoch, MinuteStart + 120);
    }

    void refusedRequestsAreNotCounted()
    {
        RateLimiter limiter = makeLimiter(RateLimits { 2, 3, true });
        QVERIFY(limiter.hit(User, MinuteStart).allowed);
        QVERIFY(limiter.hit(User, MinuteStart).allowed);
        for (int i = 0; i < 50; ++i)
            QVERIFY(!limiter.hit(User, MinuteStart + 1).allowed);
        // Had the refusals counted, the hour would be spent by now.
        const RateDecision next = limiter.hit(User, MinuteStart + 60);
        QVERIFY(next.allowed);
        QCOMPARE(next.remaining, 0);
    }

    void hourLimitBinds()
    {
        RateLimiter limiter = makeLimiter(RateLimits { 10, 25, true });
        qint64 now = MinuteStart;
        // Two full minutes: 20 of the hour's 25 are used.
        for (int minute = 0; minute < 2; ++minute, now += 60) {
            for (int i = 0; i < 10; ++i)
                QVERIFY(limiter.hit(User, now).allowed);
        }

        // Third minute: the minute has 9 left after this request, the hour 4, so the hour is reported.
        RateDecision decision = limiter.hit(User, now);
        QVERIFY(decision.allowed);
        QCOMPARE(decision.limit, 25);
        QCOMPARE(decision.remaining, 4);
        QCOMPARE(decision.resetEpoch, HourStart + 3600);

        for (int i = 0; i < 4; ++i)
            QVERIFY(limiter.hit(User, now).allowed);
        decision = limiter.hit(User, now + 5);
        QVERIFY(!decision.allowed);
        QCOMPARE(decision.limit, 25);
        QCOMPARE(decision.remaining, 0);
        QCOMPARE(decision.resetEpoch, HourStart + 3600);
        QCOMPARE(decision.retryAfterSeconds, HourStart + 3600 - (now + 5));

        // A new minute does not help; a new hour does.
        QVERIFY(!limiter.hit(User, now + 60).allowed);
        decision = limiter.hit(User, HourStart + 3600);
        QVERIFY(decision.allowed);
        QCOMPARE(decision.limit, 10);
        QCOMPARE(decision.remaining, 9);
        QCOMPARE(decision.resetEpoch, HourStart + 3600 + 60);
    }

    void whenBothAreFullTheHourIsReported()
    {
        RateLimiter limiter = makeLimiter(RateLimits { 5, 5, true });
        for (int i = 0; i < 5; ++i)
            QVERIFY(limiter.hit(User, MinuteStart).allowed);
        const RateDecision refused = limiter.hit(User, MinuteStart + 10);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.limit, 5);
        QCOMPARE(refused.resetEpoch, HourStart + 3600);
        QCOMPARE(refused.retryAfterSeconds, HourStart + 3600 - MinuteStart - 10);
    }

    void windowsAreAlignedToTheClock()
    {
        RateLimiter limiter = makeLimiter(RateLimits { 10, 100, true });
        QCOMPARE(limiter.hit(User, MinuteStart + 59).resetEpoch, MinuteStart + 60);
        QCOMPARE(limiter.hit(User, MinuteStart + 60).resetEpoch, MinuteStart + 120);
    }

    void usersAreCountedApart()
    {
        RateLimiter limiter = makeLimiter(RateLimits { 1, 10, true });
        QVERIFY(limiter.hit(1, MinuteStart).allowed);
        QVERIFY(!limiter.hit(1, MinuteStart).allowed);
        QVERIFY(limiter.hit(2, MinuteStart).allowed);
    }

    void offAllowsEverythingWithoutHeaders()
    {
        RateLimiter limiter = makeLimiter(*RateLimits::parse(QStringLiteral("off")));
        for (int i = 0; i < 10000; ++i) {
            const RateDecision decision = limiter.hit(User, MinuteStart);
            QVERIFY(decision.allowed);
            QCOMPARE(decision.limit, 0); // the caller omits X-RateLimit-* when the limit is 0
        }
        QCOMPARE(limiter.trackedKeyCount(), 0);
    }

    void aLaggingClockCountsIntoTheNewerWindow()
    {
        RateLimiter limiter = makeLimiter(RateLimits { 10, 100, true });
        RateDecision decision = limiter.hit(User, MinuteStart + 60);
        QCOMPARE(decision.remaining, 9);
        // A server whose clock is a second behind: the newer minute goes on, it does not start again.
        decision = limiter.hit(User, MinuteStart + 59);
        QVERIFY(decision.allowed);
        QCOMPARE(decision.remaining, 8);
        QCOMPARE(decision.resetEpoch, MinuteStart + 120);
    }

    void serversShareTheirCounts()
    {
        if (!inDatabase())
            QSKIP("in memory, each server counts its own requests");
        // A second server on the same database: its own connection, its own limiter.
        auto other = scratch().openAnother();
        QVERIFY2(other.ok(), qPrintable(other.ok() ? QString() : other.error().message));
        RateLimiter here = makeLimiter(RateLimits { 5, 100, true });
        RateLimiter there(RateLimits { 5, 100, true }, &(*other)->requestCounts());
        for (int i = 1; i <= 5; ++i) {
            const RateDecision decision = (i % 2 ? here : there).hit(User, MinuteStart);
            QVERIFY(decision.allowed);
            QCOMPARE(decision.remaining, 5 - i);
        }
        QVERIFY(!here.hit(User, MinuteStart + 1).allowed);
        const RateDecision refused = there.hit(User, MinuteStart + 1);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 59);
    }

    void failingSharedCountsFallBackToMemory()
    {
        if (!inDatabase())
            QSKIP("memory does not fail");
        ScratchStore broken;
        QVERIFY2(broken.store(), qPrintable(broken.errorString()));
        QVERIFY(broken.store()->database().execSchema(QStringLiteral("DROP TABLE rate_limit_counts")).ok());
        RateLimiter limiter(RateLimits { 2, 10, true }, &broken.store()->requestCounts());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("SQL error")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot count requests in the database")));
        QVERIFY(limiter.hit(User, MinuteStart).allowed);
        // Warned once for the outage, not per request.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("SQL error")));
        QVERIFY(limiter.hit(User, MinuteStart).allowed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("SQL error")));
        QVERIFY(!limiter.hit(User, MinuteStart).allowed);
        QCOMPARE(limiter.trackedKeyCount(), 1);
    }

    void idleKeysAreForgotten()
    {
        if (inDatabase())
            QSKIP("one row per user in the database, which is as many as there are users");
        RateLimiter limiter = makeLimiter();
        for (qint64 user = 0; user < 1000; ++user)
            limiter.hit(user, MinuteStart);
        QCOMPARE(limiter.trackedKeyCount(), 1000);
        limiter.hit(User, HourStart + 3600);
        QCOMPARE(limiter.trackedKeyCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
