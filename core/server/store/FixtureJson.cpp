#include "FixtureJson.h"

#include <cmath>

namespace portal::store {

namespace {

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

} // namespace

void FixtureProblems::add(const QString &path, const QString &problem)
{
    m_details[path].append(problem);
    m_lines.append(QStringLiteral("%1: %2").arg(path, problem));
}

StoreError FixtureProblems::error() const
{
    return { StoreError::Kind::Invalid, m_lines.join(QLatin1String("; ")), m_details };
}

FixtureObject::FixtureObject(const QJsonObject &object, const QString &path, FixtureProblems &problems)
    : m_object(object)
    , m_path(path)
    , m_problems(problems)
{ }

QString FixtureObject::pathOf(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

void FixtureObject::problem(const QString &key, const QString &text)
{
    m_problems.add(pathOf(key), text);
}

qint64 FixtureObject::id(const QString &key)
{
    return idField(key, true).value_or(0);
}

std::optional<qint64> FixtureObject::optionalId(const QString &key)
{
    return idField(key, false);
}

QString FixtureObject::string(const QString &key)
{
    return text(key, true);
}

QString FixtureObject::nonBlankString(const QString &key)
{
    const QString s = text(key, true);
    if (m_object.value(key).isString() && s.trimmed().isEmpty())
        problem(key, QStringLiteral("may not be blank"));
    return s;
}

QString FixtureObject::optionalString(const QString &key)
{
    return text(key, false);
}

bool FixtureObject::optionalBool(const QString &key, bool fallback)
{
    const QJsonValue v = value(key, false);
    if (isAbsent(v))
        return fallback;
    if (!v.isBool())
        problem(key, QStringLiteral("expected true or false"));
    return v.toBool(fallback);
}

QDate FixtureObject::date(const QString &key)
{
    return dateField(key, true);
}

QDate FixtureObject::optionalDate(const QString &key)
{
    return dateField(key, false);
}

QDateTime FixtureObject::timestamp(const QString &key)
{
    return timestampField(key, true);
}

QDateTime FixtureObject::optionalTimestamp(const QString &key)
{
    return timestampField(key, false);
}

QJsonArray FixtureObject::optionalArray(const QString &key)
{
    const QJsonValue v = value(key, false);
    if (isAbsent(v))
        return {};
    if (!v.isArray())
        problem(key, QStringLiteral("expected an array"));
    return v.toArray();
}

std::optional<QJsonObject> FixtureObject::optionalObject(const QString &key)
{
    const QJsonValue v = value(key, false);
    if (isAbsent(v))
        return std::nullopt;
    if (!v.isObject()) {
        problem(key, QStringLiteral("expected an object"));
        return std::nullopt;
    }
    return v.toObject();
}

void FixtureObject::rejectUnknownKeys()
{
    for (const QString &key : m_object.keys()) {
        if (!m_read.contains(key))
            problem(key, QStringLiteral("unknown field"));
    }
}

std::optional<qint64> FixtureObject::idValue(const QJsonValue &value, const QString &path,
                                             FixtureProblems &problems)
{
    // JSON numbers are doubles: a whole number within the range where doubles are exact.
    const double number = value.toDouble();
    if (!value.isDouble() || number != std::floor(number) || number < 1 || number > 9007199254740992.0) {
        problems.add(path, QStringLiteral("expected a positive whole number"));
        return std::nullopt;
    }
    return qint64(number);
}

QJsonValue FixtureObject::value(const QString &key, bool required)
{
    m_read.insert(key);
    const QJsonValue v = m_object.value(key);
    if (required && isAbsent(v))
        problem(key, QStringLiteral("is required"));
    return v;
}

std::optional<qint64> FixtureObject::idField(const QString &key, bool required)
{
    const QJsonValue v = value(key, required);
    if (isAbsent(v))
        return std::nullopt;
    return idValue(v, pathOf(key), m_problems);
}

QString FixtureObject::text(const QString &key, bool required)
{
    const QJsonValue v = value(key, required);
    if (isAbsent(v))
        return {};
    if (!v.isString()) {
        problem(key, QStringLiteral("expected a string"));
        return {};
    }
    return v.toString();
}

QDate FixtureObject::dateField(const QString &key, bool required)
{
    const QString s = text(key, required);
    if (s.isEmpty())
        return {};
    const auto parsed = api::parseDate(s);
    if (!parsed)
        problem(key, QStringLiteral("expected a date like 2023-01-30"));
    return parsed.value_or(QDate());
}

QDateTime FixtureObject::timestampField(const QString &key, bool required)
{
    const QString s = text(key, required);
    if (s.isEmpty())
        return {};
    const auto parsed = api::parseTimestamp(s);
    if (!parsed)
        problem(key, QStringLiteral("expected a timestamp like 2023-01-17T10:15:00Z"));
    return parsed.value_or(QDateTime());
}

} // namespace portal::store
