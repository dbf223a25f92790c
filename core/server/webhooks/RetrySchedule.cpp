#include "RetrySchedule.h"

#include <QRandomGenerator>
#include <algorithm>

namespace portal::webhooks {

qint64 retryDelayMs(const RetryPolicy &policy, int attempts)
{
    // Doubling stops well before qint64 overflows: 2^40 times any sane base is past every cap.
    const int doublings = std::clamp(attempts - 1, 0, 40);
    const qint64 uncapped = policy.baseDelayMs > (policy.maxDelayMs >> doublings)
        ? policy.maxDelayMs
        : policy.baseDelayMs << doublings;
    const qint64 delay = std::min(uncapped, policy.maxDelayMs);
    const qint64 jitter = delay / 5 > 0 ? QRandomGenerator::global()->bounded(delay / 5) : 0;
    return std::max<qint64>(delay - jitter, 1);
}

std::optional<QDateTime> nextAttemptAfterFailure(const RetryPolicy &policy, const QDateTime &createdAt,
                                                 int attempts, const QDateTime &now)
{
    if (now >= createdAt.addMSecs(policy.windowMs))
        return std::nullopt;
    return now.addMSecs(retryDelayMs(policy, attempts));
}

} // namespace portal::webhooks
