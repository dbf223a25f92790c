// Decides when the next request of an account may go, from the server's rate-limit headers, so a busy
// client slows down before the server refuses it instead of after. Pure logic: the caller passes the time
// (milliseconds since the epoch), which makes every decision testable.
//
// - X-RateLimit-Remaining / X-RateLimit-Reset: while plenty remain, requests go at once; once fewer than
//   `spacingThreshold` remain, the remaining requests are spread evenly until the reset; with none left,
//   the next request waits for the reset.
// - 429 with Retry-After: nothing goes until then (capped, so a broken header cannot park the client).
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace portal::net {

class RateLimitPacer
{
public:
    struct Settings
    {
        int spacingThreshold = 10; // start spacing requests out when fewer than this remain
        qint64 maxRetryAfterMs = 60 * 1000; // the longest a Retry-After is honoured
        qint64 defaultRetryAfterMs = 5 * 1000; // a 429 without a usable Retry-After
        qint64 resetSlackMs = 250; // waits past a reset add this, for clock differences
        qint64 maxWaitMs = 2 * 60 * 1000; // never schedule further ahead than this
    };

    RateLimitPacer() = default;
    explicit RateLimitPacer(Settings settings)
        : m_settings(settings)
    { }

    // Records an answer's headers (absent or unparsable headers leave the state as it is).
    void recordHeaders(const QByteArray &remaining, const QByteArray &reset, qint64 nowMs);
    void recordLimits(int remaining, qint64 resetEpochSeconds, qint64 nowMs);
    // Records a 429; returns how long the refused request should wait before trying again.
    qint64 recordTooManyRequests(const QByteArray &retryAfter, qint64 nowMs);

    // Reserves the next request's slot and returns how long to wait before sending it (0: at once).
    // Each call counts as one request sent, so callers asking together are spaced out, not bunched.
    qint64 reserve(qint64 nowMs);

    // How long to wait before anything may go, without reserving (for display, tests).
    qint64 blockedForMs(qint64 nowMs) const;

    // A Retry-After value (delta seconds or an HTTP date) in milliseconds, capped; -1 when unusable.
    static qint64 parseRetryAfter(const QByteArray &value, qint64 nowMs);

    const Settings &settings() const { return m_settings; }

private:
    void forgetIfReset(qint64 nowMs);

    Settings m_settings;
    bool m_known = false; // whether remaining/reset describe the present window
    int m_remaining = 0; // requests left in the window, counting down as slots are reserved
    qint64 m_resetMs = 0; // when the window starts anew
    qint64 m_blockedUntilMs = 0; // from a Retry-After
    qint64 m_nextSlotMs = 0; // the earliest time the next spaced-out request may go
};

} // namespace portal::net
