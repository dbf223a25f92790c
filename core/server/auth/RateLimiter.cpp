#include "RateLimiter.h"

#include "AuthLog.h"

#include <QRegularExpression>
#include <algorithm>
#include <utility>

namespace portal::auth {

namespace {

constexpr qint64 Minute = 60;
constexpr qint64 Hour = 60 * 60;

// Windows are aligned to the clock (12:34:00, 13:00:00), so every key's reset time is predictable.
qint64 windowStart(qint64 now, qint64 length)
{
    return now - ((now % length) + length) % length; // floor, also for times before 1970
}

} // namespace

std::optional<RateLimits> RateLimits::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0)
        return RateLimits { 0, 0, false };
    // Digits only (no sign, no spaces inside), at most nine of them so that they fit an int.
    static const QRegularExpression pattern(QStringLiteral(R"(^(\d{1,9})/(\d{1,9})$)"));
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (!match.hasMatch())
        return std::nullopt;
    const int perMinute = match.captured(1).toInt();
    const int perHour = match.captured(2).toInt();
    // A zero limit would refuse everything; "off" says what is meant. A minute limit above the hour limit
    // is a typo, never a policy.
    if (perMinute <= 0 || perHour <= 0 || perMinute > perHour)
        return std::nullopt;
    return RateLimits { perMinute, perHour, true };
}

RateLimiter::RateLimiter(RateLimits limits, store::RequestCounts *shared)
    : m_limits(limits)
    , m_shared(shared)
{ }

RateDecision RateLimiter::hit(qint64 key, qint64 nowEpochSeconds)
{
    if (!m_limits.enabled)
        return {}; // allowed, limit 0: the caller sends no X-RateLimit headers
    const qint64 currentHour = windowStart(nowEpochSeconds, Hour);
    if (nowEpochSeconds >= m_nextPrune) {
        // Once per hour is enough: a key whose hour window is over holds nothing that still counts. This
        // keeps memory proportional to the users active in the last hour.
        m_memory.pruneBefore(currentHour);
        m_nextPrune = currentHour + Hour;
    }
    const store::RateWindows windows = count(key, windowStart(nowEpochSeconds, Minute), currentHour);

    // Refused requests are not counted: a client that keeps knocking is not locked out any longer for it.
    const int minuteRemaining = m_limits.perMinute - windows.minuteCount;
    const int hourRemaining = m_limits.perHour - windows.hourCount;
    // The headers describe the window that stops the client. When the hour has no more requests left than
    // the minute, the minute's reset would give the client nothing: the hour binds, and is reported.
    const bool hourBinds = hourRemaining <= minuteRemaining;

    RateDecision decision;
    decision.allowed = windows.counted;
    decision.limit = hourBinds ? m_limits.perHour : m_limits.perMinute;
    decision.remaining = std::max(0, std::min(minuteRemaining, hourRemaining));
    decision.resetEpoch = hourBinds ? windows.hourStart + Hour : windows.minuteStart + Minute;
    if (!decision.allowed)
        decision.retryAfterSeconds = int(std::max<qint64>(1, decision.resetEpoch - nowEpochSeconds));
    return decision;
}

store::RateWindows RateLimiter::count(qint64 key, qint64 minuteStart, qint64 hourStart)
{
    if (m_shared) {
        auto shared
            = m_shared->countIfBelow(key, minuteStart, hourStart, m_limits.perMinute, m_limits.perHour);
        if (shared) {
            if (std::exchange(m_sharedFailing, false))
                qCInfo(lcAuth) << "the shared rate-limit counts work again";
            return *shared;
        }
        if (!std::exchange(m_sharedFailing, true))
            qCWarning(lcAuth).noquote()
                << "cannot count requests in the database, counting in memory meanwhile:"
                << shared.error().message;
    }
    return *m_memory.countIfBelow(key, minuteStart, hourStart, m_limits.perMinute, m_limits.perHour);
}

} // namespace portal::auth
