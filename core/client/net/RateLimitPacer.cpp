#include "RateLimitPacer.h"

#include <QDateTime>
#include <algorithm>

namespace portal::net {

void RateLimitPacer::recordHeaders(const QByteArray &remaining, const QByteArray &reset, qint64 nowMs)
{
    bool remainingOk = false;
    bool resetOk = false;
    const int left = remaining.trimmed().toInt(&remainingOk);
    const qint64 resetSeconds = reset.trimmed().toLongLong(&resetOk);
    if (remainingOk && resetOk && left >= 0 && resetSeconds > 0)
        recordLimits(left, resetSeconds, nowMs);
}

void RateLimitPacer::recordLimits(int remaining, qint64 resetEpochSeconds, qint64 nowMs)
{
    const qint64 resetMs = resetEpochSeconds * 1000;
    if (resetMs <= nowMs) {
        // A window that is already over says nothing about the next one.
        m_known = false;
        return;
    }
    if (m_known && resetMs == m_resetMs) {
        // Answers of one window arrive out of order; the smallest count is the latest truth, and our own
        // reservations may already have counted requests the server has not seen yet.
        m_remaining = std::min(m_remaining, remaining);
    } else {
        m_remaining = remaining;
        m_resetMs = resetMs;
        m_nextSlotMs = 0;
    }
    m_known = true;
}

qint64 RateLimitPacer::parseRetryAfter(const QByteArray &value, qint64 nowMs)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : seconds * 1000;
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
    if (!date.isValid())
        return -1;
    return std::max<qint64>(0, date.toMSecsSinceEpoch() - nowMs);
}

qint64 RateLimitPacer::recordTooManyRequests(const QByteArray &retryAfter, qint64 nowMs)
{
    qint64 wait = parseRetryAfter(retryAfter, nowMs);
    if (wait < 0)
        wait = m_settings.defaultRetryAfterMs;
    wait = std::min(wait, m_settings.maxRetryAfterMs);
    m_blockedUntilMs = std::max(m_blockedUntilMs, nowMs + wait);
    return wait;
}

void RateLimitPacer::forgetIfReset(qint64 nowMs)
{
    if (m_known && nowMs >= m_resetMs)
        m_known = false;
}

qint64 RateLimitPacer::blockedForMs(qint64 nowMs) const
{
    qint64 until = m_blockedUntilMs;
    if (m_known && nowMs < m_resetMs) {
        if (m_remaining <= 0)
            until = std::max(until, m_resetMs + m_settings.resetSlackMs);
        else if (m_remaining < m_settings.spacingThreshold)
            until = std::max(until, m_nextSlotMs);
    }
    return std::min(std::max<qint64>(0, until - nowMs), m_settings.maxWaitMs);
}

qint64 RateLimitPacer::reserve(qint64 nowMs)
{
    forgetIfReset(nowMs);
    qint64 sendAt = std::max(nowMs, m_blockedUntilMs);
    if (m_known) {
        if (m_remaining <= 0) {
            // Nothing left in this window: go just after it starts anew (the next window's count is
            // unknown until its first answer; a burst there is what the server's 429 is for).
            sendAt = std::max(sendAt, m_resetMs + m_settings.resetSlackMs);
        } else if (m_remaining < m_settings.spacingThreshold) {
            // Spread what is left over the rest of the window.
            sendAt = std::max(sendAt, m_nextSlotMs);
            const qint64 interval = std::max<qint64>(0, m_resetMs - sendAt) / m_remaining;
            m_nextSlotMs = sendAt + interval;
            --m_remaining;
        } else {
            --m_remaining;
        }
    }
    return std::min(sendAt - nowMs, m_settings.maxWaitMs);
}

} // namespace portal::net
