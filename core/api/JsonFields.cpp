#include "JsonFields.h"

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace portal::api::json {

namespace {

// The messages follow Django REST Framework's where one exists, so a client shows the same text whichever
// side found the problem.
QString requiredMessage()
{
    return u"This field is required."_s;
}
QString notNullMessage()
{
    return u"This field may not be null."_s;
}
QString expectedString()
{
    return u"Expected a string."_s;
}
QString expectedInteger()
{
    return u"Expected an integer."_s;
}
QString expectedDate()
{
    return u"Expected a date (YYYY-MM-DD)."_s;
}
QString expectedTimestamp()
{
    return u"Expected a date-time (ISO 8601)."_s;
}

} // namespace

QJsonValue dateValue(const QDate &date)
{
    return date.isValid() ? QJsonValue(formatDate(date)) : QJsonValue(QJsonValue::Null);
}

QJsonValue timestampValue(const QDateTime &timestamp)
{
    return timestamp.isValid() ? QJsonValue(formatTimestamp(timestamp)) : QJsonValue(QJsonValue::Null);
}

QJsonValue integerOrNull(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

std::optional<qint64> integralValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    // qint64 holds [-2^63, 2^63); both bounds are exact doubles. The comparison also rejects NaN.
    constexpr double bound = 9223372036854775808.0;
    if (!(number >= -bound && number < bound) || std::trunc(number) != number)
        return std::nullopt;
    // toInteger() rather than the double: Qt keeps integer literals as qint64, exact beyond 2^53.
    return value.toInteger(static_cast<qint64>(number));
}

QString joinPath(const QString &parent, const QString &child)
{
    if (parent.isEmpty())
        return child;
    if (child.startsWith(u'['))
        return parent + child;
    return parent + u'.' + child;
}

void mergeErrors(FieldErrors *target, const QString &prefix, const FieldErrors &source)
{
    if (!target)
        return;
    for (auto it = source.cbegin(); it != source.cend(); ++it)
        (*target)[joinPath(prefix, it.key())] += it.value();
}

FieldReader::FieldReader(const QJsonObject &json, FieldErrors *errors, const QString &prefix)
    : m_json(json)
    , m_errors(errors)
    , m_prefix(prefix)
{ }

void FieldReader::fail(const QString &key, const QString &message)
{
    m_ok = false;
    if (m_errors)
        (*m_errors)[path(key)].append(message);
}

std::optional<QJsonValue> FieldReader::valueOfType(QLatin1StringView key, QJsonValue::Type type,
                                                   const QString &expected)
{
    const QJsonValue value = m_json.value(key);
    if (value.type() == type)
        return value;
    if (value.isUndefined())
        fail(key, requiredMessage());
    else if (value.isNull())
        fail(key, notNullMessage());
    else
        fail(key, expected);
    return std::nullopt;
}

std::optional<QJsonObject> FieldReader::objectAt(QLatin1StringView key)
{
    const auto value = valueOfType(key, QJsonValue::Object, u"Expected an object."_s);
    return value ? std::optional(value->toObject()) : std::nullopt;
}

QString FieldReader::requiredString(QLatin1StringView key)
{
    return valueOfType(key, QJsonValue::String, expectedString()).value_or(QJsonValue()).toString();
}

QString FieldReader::optionalString(QLatin1StringView key)
{
    const QJsonValue value = m_json.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    return requiredString(key);
}

QString FieldReader::nullableString(QLatin1StringView key)
{
    return m_json.value(key).isNull() ? QString() : requiredString(key);
}

qint64 FieldReader::requiredInteger(QLatin1StringView key)
{
    const auto value = valueOfType(key, QJsonValue::Double, expectedInteger());
    if (!value)
        return 0;
    const auto integer = integralValue(*value);
    if (!integer)
        fail(key, expectedInteger());
    return integer.value_or(0);
}

int FieldReader::requiredInt(QLatin1StringView key)
{
    const qint64 integer = requiredInteger(key);
    if (integer < std::numeric_limits<int>::min() || integer > std::numeric_limits<int>::max()) {
        fail(key, u"Expected a 32-bit integer."_s);
        return 0;
    }
    return int(integer);
}

std::optional<qint64> FieldReader::nullableInteger(QLatin1StringView key)
{
    if (m_json.value(key).isNull())
        return std::nullopt;
    return requiredInteger(key);
}

bool FieldReader::requiredBool(QLatin1StringView key)
{
    return valueOfType(key, QJsonValue::Bool, u"Expected a boolean."_s).value_or(QJsonValue()).toBool();
}

QDate FieldReader::requiredDate(QLatin1StringView key)
{
    const auto text = valueOfType(key, QJsonValue::String, expectedDate());
    if (!text)
        return {};
    const auto date = parseDate(text->toString());
    if (!date)
        fail(key, expectedDate());
    return date.value_or(QDate());
}

QDate FieldReader::nullableDate(QLatin1StringView key)
{
    return m_json.value(key).isNull() ? QDate() : requiredDate(key);
}

QDateTime FieldReader::requiredTimestamp(QLatin1StringView key)
{
    const auto text = valueOfType(key, QJsonValue::String, expectedTimestamp());
    if (!text)
        return {};
    const auto timestamp = parseTimestamp(text->toString());
    if (!timestamp)
        fail(key, expectedTimestamp());
    return timestamp.value_or(QDateTime());
}

QJsonObject FieldReader::requiredObject(QLatin1StringView key)
{
    return objectAt(key).value_or(QJsonObject());
}

QJsonObject FieldReader::optionalObject(QLatin1StringView key)
{
    const QJsonValue value = m_json.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    return requiredObject(key);
}

} // namespace portal::api::json
