// The limits' counts in the database (LimitCounts.h): one upsert per count, so that servers sharing the
// database count together without a transaction or a lock of their own.
#include "Database.h"
#include "SqlRepositories.h"

namespace portal::store {

namespace {

RateWindows readWindows(const SqlRow &row, bool counted)
{
    return RateWindows { row.integer(0), int(row.integer(1)), row.integer(2), int(row.integer(3)), counted };
}

} // namespace

Result<RateWindows> SqlRequestCounts::countIfBelow(qint64 userId, qint64 minuteStart, qint64 hourStart,
                                                   int perMinute, int perHour)
{
    // A window of the row that starts before the request's is over: it counts as empty. The WHERE of the
    // update refuses to count when a current window is full; then nothing is returned.
    static const QString count = QStringLiteral(R"(
INSERT INTO rate_limit_counts AS c (user_id, minute_start, minute_count, hour_start, hour_count)
VALUES (?, ?, 1, ?, 1)
ON CONFLICT (user_id) DO UPDATE SET
    minute_count = CASE WHEN c.minute_start >= excluded.minute_start THEN c.minute_count + 1 ELSE 1 END,
    minute_start = CASE WHEN c.minute_start >= excluded.minute_start THEN c.minute_start
                        ELSE excluded.minute_start END,
    hour_count = CASE WHEN c.hour_start >= excluded.hour_start THEN c.hour_count + 1 ELSE 1 END,
    hour_start = CASE WHEN c.hour_start >= excluded.hour_start THEN c.hour_start ELSE excluded.hour_start END
WHERE (c.minute_start < excluded.minute_start OR c.minute_count < ?)
  AND (c.hour_start < excluded.hour_start OR c.hour_count < ?)
RETURNING minute_start, minute_count, hour_start, hour_count)");
    auto counted
        = m_database.selectOne<RateWindows>(count, { userId, minuteStart, hourStart, perMinute, perHour },
                                            [](const SqlRow &row) { return readWindows(row, true); });
    if (counted || counted.error().kind != StoreError::Kind::NotFound)
        return counted;
    // Refused: a window is full. What it holds now is what the answer's headers report.
    static const QString read = QStringLiteral(
        "SELECT minute_start, minute_count, hour_start, hour_count FROM rate_limit_counts WHERE user_id = ?");
    return m_database.selectOne<RateWindows>(read, { userId },
                                             [](const SqlRow &row) { return readWindows(row, false); });
}

Result<QHash<QString, FailureWindow>> SqlLoginFailures::windows(const QStringList &subjects)
{
    QHash<QString, FailureWindow> found;
    if (subjects.isEmpty())
        return found;
    const QStringList placeholders(subjects.size(), QStringLiteral("?"));
    const QString sql
        = QStringLiteral("SELECT subject, window_start, failures FROM login_failures WHERE subject IN (%1)")
              .arg(placeholders.join(QLatin1String(", ")));
    auto read
        = m_database.exec(sql, QVariantList(subjects.cbegin(), subjects.cend()), [&](const SqlRow &row) {
              found.insert(row.text(0), FailureWindow { row.integer(1), int(row.integer(2)) });
          });
    if (!read)
        return read.error();
    return found;
}

Result<Done> SqlLoginFailures::count(const QStringList &subjects, qint64 now, int windowSeconds)
{
    // The window starts at the first failure; one that is over starts anew with this failure.
    static const QString sql = QStringLiteral(R"(
INSERT INTO login_failures AS f (subject, window_start, failures) VALUES (?, ?, 1)
ON CONFLICT (subject) DO UPDATE SET
    failures = CASE WHEN f.window_start + ? <= excluded.window_start THEN 1 ELSE f.failures + 1 END,
    window_start = CASE WHEN f.window_start + ? <= excluded.window_start THEN excluded.window_start
                        ELSE f.window_start END)");
    for (const QString &subject : subjects) {
        if (auto counted = m_database.exec(sql, { subject, now, windowSeconds, windowSeconds }); !counted)
            return counted;
    }
    return Done {};
}

Result<Done> SqlLoginFailures::clear(const QString &subject)
{
    return m_database.exec(QStringLiteral("DELETE FROM login_failures WHERE subject = ?"), { subject });
}

Result<Done> SqlLoginFailures::purgeExpired(qint64 now, int windowSeconds)
{
    return m_database.exec(QStringLiteral("DELETE FROM login_failures WHERE window_start <= ?"),
                           { now - windowSeconds });
}

} // namespace portal::store
