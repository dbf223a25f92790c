// When a failed delivery is tried again, and when it is given up: exponential backoff with jitter (so that
// the deliveries of a receiver that was down do not all come back in the same second), inside a retry
// window counted from the delivery's creation.
#pragma once

#include <QDateTime>
#include <optional>

namespace portal::webhooks {

struct RetryPolicy
{
    qint64 baseDelayMs = 10 * 1000; // after the first failure
    qint64 maxDelayMs = 6LL * 60 * 60 * 1000; // the doubling stops here
    qint64 windowMs = 3LL * 24 * 60 * 60 * 1000; // given up once created_at + window has passed
};

// The delay after the `attempts`-th failed attempt (1 for the first): base * 2^(attempts-1), capped, then
// reduced by up to 20% at random.
qint64 retryDelayMs(const RetryPolicy &policy, int attempts);

// The next attempt's time after a failure at `now`, or nullopt when the delivery is to be given up
// (the window has passed). A delivery queued again by hand after its window gets exactly one attempt.
std::optional<QDateTime> nextAttemptAfterFailure(const RetryPolicy &policy, const QDateTime &createdAt,
                                                 int attempts, const QDateTime &now);

} // namespace portal::webhooks
