#include "MemoryLimitCounts.h"

namespace portal::auth {

store::Result<store::RateWindows> MemoryRequestCounts::countIfBelow(qint64 userId, qint64 minuteStart,
                                                                    qint64 hourStart, int perMinute,
                                                                    int perHour)
{
    store::RateWindows &windows = m_windows[userId];
    // A window that started before the request's is over; one that started after it (a clock that went
    // back) stays.
    if (windows.minuteStart < minuteStart) {
        windows.minuteStart = minuteStart;
        windows.minuteCount = 0;
    }
    if (windows.hourStart < hourStart) {
        windows.hourStart = hourStart;
        windows.hourCount = 0;
    }
    windows.counted = windows.minuteCount < perMinute && windows.hourCount < perHour;
    if (windows.counted) {
        ++windows.minuteCount;
        ++windows.hourCount;
    }
    return windows;
}

void MemoryRequestCounts::pruneBefore(qint64 hourStart)
{
    m_windows.removeIf(
        [hourStart](QHash<qint64, store::RateWindows>::iterator it) { return it->hourStart < hourStart; });
}

store::Result<QHash<QString, store::FailureWindow>> MemoryLoginFailures::windows(const QStringList &subjects)
{
    QHash<QString, store::FailureWindow> found;
    for (const QString &subject : subjects) {
        if (const auto it = m_windows.constFind(subject); it != m_windows.cend())
            found.insert(subject, *it);
    }
    return found;
}

store::Result<store::Done> MemoryLoginFailures::count(const QStringList &subjects, qint64 now,
                                                      int windowSeconds)
{
    for (const QString &subject : subjects) {
        store::FailureWindow &window = m_windows[subject];
        if (window.failures == 0 || window.start + windowSeconds <= now)
            window = { now, 0 };
        ++window.failures;
    }
    return store::Done {};
}

store::Result<store::Done> MemoryLoginFailures::clear(const QString &subject)
{
    m_windows.remove(subject);
    return store::Done {};
}

store::Result<store::Done> MemoryLoginFailures::purgeExpired(qint64 now, int windowSeconds)
{
    m_windows.removeIf([now, windowSeconds](QHash<QString, store::FailureWindow>::iterator it) {
        return it->start + windowSeconds <= now;
    });
    return store::Done {};
}

} // namespace portal::auth
