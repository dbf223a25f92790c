// The limits' counts in this process's memory: what one server counts with when nobody shares its database
// (SQLite), and what a server falls back to while the shared counts cannot be reached. The same rules as the
// database's versions (store/LimitCounts.h, SqlLimitCounts.cpp).
#pragma once

#include "LimitCounts.h"

#include <QHash>

namespace portal::auth {

class MemoryRequestCounts final : public store::RequestCounts
{
public:
    store::Result<store::RateWindows> countIfBelow(qint64 userId, qint64 minuteStart, qint64 hourStart,
                                                   int perMinute, int perHour) override;
    // Forgets users whose hour window started before `hourStart`: they hold nothing that still counts.
    void pruneBefore(qint64 hourStart);
    qsizetype size() const { return m_windows.size(); }

private:
    QHash<qint64, store::RateWindows> m_windows;
};

class MemoryLoginFailures final : public store::LoginFailures
{
public:
    store::Result<QHash<QString, store::FailureWindow>> windows(const QStringList &subjects) override;
    store::Result<store::Done> count(const QStringList &subjects, qint64 now, int windowSeconds) override;
    store::Result<store::Done> clear(const QString &subject) override;
    store::Result<store::Done> purgeExpired(qint64 now, int windowSeconds) override;
    qsizetype size() const { return m_windows.size(); }

private:
    QHash<QString, store::FailureWindow> m_windows;
};

} // namespace portal::auth
