// RateLimitPacer's decisions, with the time passed in.
#include "RateLimitPacer.h"

#include <QTest>

using portal::net::RateLimitPacer;

class PacerTest : public QObject
{
    Q_OBJECT

    static constexpr qint64 kNow = 1'700'000'000'000; // ms since the epoch
    static constexpr qint64 kNowSeconds = kNow / 1000;

private slots:
    void unknownLimitsGoAtOnce()
    {
        RateLimitPacer pacer;
        for (int i = 0; i < 50; ++i)
            QCOMPARE(pacer.reserve(kNow), 0);
    }

    void plentyRemainingGoesAtOnce()
    {
        RateLimitPacer pacer;
        pacer.recordHeaders("95", QByteArray::number(kNowSeconds + 60), kNow);
        for (int i = 0; i < 80; ++i)
            QCOMPARE(pacer.reserve(kNow), 0);
    }

    void fewRemainingAreSpreadUntilTheReset()
    {
        RateLimitPacer pacer;
        pacer.recordLimits(5, kNowSeconds + 50, kNow); // 5 left, 50 s to go: one every ~10 s
        QCOMPARE(pacer.reserve(kNow), 0);
        const qint64 second = pacer.reserve(kNow);
        QVERIFY2(second >= 9000 && second <= 11000, qPrintable(QString::number(second)));
        const qint64 third = pacer.reserve(kNow);
        QVERIFY(third > second);
        QVERIFY(third <= 50 * 1000);
    }

    void noneRemainingWaitsForTheReset()
    {
        RateLimitPacer pacer;
        pacer.recordLimits(0, kNowSeconds + 20, kNow);
        const qint64 wait = pacer.reserve(kNow);
        QVERIFY(wait >= 20 * 1000);
        QVERIFY(wait <= 21 * 1000);
        QVERIFY(pacer.blockedForMs(kNow) >= 20 * 1000);
        // After the reset the old window says nothing any more.
        QCOMPARE(pacer.reserve(kNow + 25 * 1000), 0);
    }

    void theSmallestCountOfAWindowWins()
    {
        RateLimitPacer pacer;
        pacer.recordLimits(3, kNowSeconds + 30, kNow);
        pacer.recordLimits(50, kNowSeconds + 30, kNow); // an older answer arriving late
        QCOMPARE(pacer.reserve(kNow), 0);
        QVERIFY(pacer.reserve(kNow) > 0);
    }

    void aNewWindowReplacesTheOld()
    {
        RateLimitPacer pacer;
        pacer.recordLimits(0, kNowSeconds + 10, kNow);
        pacer.recordLimits(99, kNowSeconds + 70, kNow + 11000);
        QCOMPARE(pacer.reserve(kNow + 11000), 0);
    }

    void retryAfterBlocksEverything()
    {
        RateLimitPacer pacer;
        QCOMPARE(pacer.recordTooManyRequests("7", kNow), 7000);
        QCOMPARE(pacer.reserve(kNow), 7000);
        QCOMPARE(pacer.reserve(kNow + 3000), 4000);
        QCOMPARE(pacer.reserve(kNow + 8000), 0);
    }

    void retryAfterIsCapped()
    {
        RateLimitPacer pacer;
        QCOMPARE(pacer.recordTooManyRequests("86400", kNow), pacer.settings().maxRetryAfterMs);
    }

    void retryAfterWithoutAValueUsesTheDefault()
    {
        RateLimitPacer pacer;
        QCOMPARE(pacer.recordTooManyRequests("soon", kNow), pacer.settings().defaultRetryAfterMs);
        QCOMPARE(pacer.recordTooManyRequests("", kNow + 10000), pacer.settings().defaultRetryAfterMs);
    }

    void retryAfterAsAnHttpDate()
    {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(kNow + 30000, Qt::UTC);
        const QByteArray date = at.toString(Qt::RFC2822Date).toLatin1();
        const qint64 wait = RateLimitPacer::parseRetryAfter(date, kNow);
        QVERIFY2(wait >= 29000 && wait <= 31000, date.constData());
        QCOMPARE(RateLimitPacer::parseRetryAfter("-5", kNow), -1);
    }

    void garbageHeadersAreIgnored()
    {
        RateLimitPacer pacer;
        pacer.recordHeaders("lots", "tomorrow", kNow);
        pacer.recordHeaders("", "", kNow);
        pacer.recordHeaders("0", QByteArray::number(kNowSeconds - 5), kNow); // a window already over
        QCOMPARE(pacer.reserve(kNow), 0);
    }

    void waitsNeverExceedTheMaximum()
    {
        RateLimitPacer pacer;
        pacer.recordLimits(0, kNowSeconds + 3600, kNow); // an hour's window
        QCOMPARE(pacer.reserve(kNow), pacer.settings().maxWaitMs);
    }
};

QTEST_GUILESS_MAIN(PacerTest)
#include "tst_net_pacer.moc"
