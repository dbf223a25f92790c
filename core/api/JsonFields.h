// Field-level reading and writing of JSON objects for the wire types (internal to portal_api).
// FieldReader keeps every fromJson() a flat list of "read this key as that type" lines: it records one
// message per bad field, under the field's path ("case.title", "documents[0].id"), and remembers whether
// any read failed, so a decoder reports all problems of an object at once instead of the first one.
#pragma once

#include "WireTypes.h"

#include <QJsonValue>
#include <QLatin1StringView>

namespace portal::api::json {

// Writers for the scalar shapes that may be null on the wire.
QJsonValue dateValue(const QDate &date); // invalid -> null
QJsonValue timestampValue(const QDateTime &timestamp); // invalid -> null
QJsonValue integerOrNull(const std::optional<qint64> &value);
QJsonValue stringOrNull(const QString &text); // empty -> null

// A JSON number that is a whole number within qint64; JSON has only doubles, so 1.0 counts and 1.5 or
// "1" do not.
std::optional<qint64> integralValue(const QJsonValue &value);

// "case" + "title" -> "case.title"; "documents" + "[0].id" -> "documents[0].id".
QString joinPath(const QString &parent, const QString &child);

// Appends `source`'s messages to `*target` under `prefix`; does nothing when target is null.
void mergeErrors(FieldErrors *target, const QString &prefix, const FieldErrors &source);

class FieldReader
{
public:
    // `prefix` names the object itself in error keys (e.g. "error" for the envelope's inner object).
    explicit FieldReader(const QJsonObject &json, FieldErrors *errors, const QString &prefix = {});

    // "Required" keys must be present and not null; "nullable" keys must be present but may be null;
    // "optional" keys may also be absent. A failed read returns an empty value and records the failure.
    QString requiredString(QLatin1StringView key);
    QString optionalString(QLatin1StringView key); // absent or null -> empty
    QString nullableString(QLatin1StringView key); // null -> empty
    qint64 requiredInteger(QLatin1StringView key);
    int requiredInt(QLatin1StringView key); // as requiredInteger, within int's range
    std::optional<qint64> nullableInteger(QLatin1StringView key);
    bool requiredBool(QLatin1StringView key);
    QDate requiredDate(QLatin1StringView key);
    QDate nullableDate(QLatin1StringView key); // null -> invalid QDate
    QDateTime requiredTimestamp(QLatin1StringView key);
    QJsonObject requiredObject(QLatin1StringView key);
    QJsonObject optionalObject(QLatin1StringView key); // absent or null -> empty

    // An object decoded by T::fromJson; its errors are reported under "key.".
    template<typename T> T nested(QLatin1StringView key)
    {
        const auto object = objectAt(key);
        if (!object)
            return T {};
        return decode<T>(*object, path(key)).value_or(T {});
    }

    template<typename T> std::optional<T> nullableNested(QLatin1StringView key)
    {
        if (m_json.value(key).isNull())
            return std::nullopt;
        const auto object = objectAt(key);
        if (!object)
            return std::nullopt;
        return decode<T>(*object, path(key));
    }

    // A type whose keys sit in this same object: CaseDetail holds a Case's keys next to its own.
    template<typename T> T flattened() { return decode<T>(m_json, m_prefix).value_or(T {}); }

    // An array of objects decoded by listFromJson<T>; its errors are reported under "key[i].".
    template<typename T> QList<T> list(QLatin1StringView key)
    {
        const auto array = valueOfType(key, QJsonValue::Array, QStringLiteral("Expected a list."));
        if (!array)
            return {};
        FieldErrors itemErrors;
        auto items = listFromJson<T>(array->toArray(), m_errors ? &itemErrors : nullptr);
        if (!items) {
            m_ok = false;
            mergeErrors(m_errors, path(key), itemErrors);
            return {};
        }
        return *items;
    }

    // Records a failure the caller found itself, e.g. inside a value the reader has no method for.
    void fail(const QString &key, const QString &message);

    bool ok() const { return m_ok; }

    // The decoded value when every read succeeded.
    template<typename T> std::optional<T> result(T value) const
    {
        if (!m_ok)
            return std::nullopt;
        return value;
    }

private:
    QString path(const QString &key) const { return joinPath(m_prefix, key); }
    // The value at `key` when present and of `type`; otherwise records "required" or `expected`.
    std::optional<QJsonValue> valueOfType(QLatin1StringView key, QJsonValue::Type type,
                                          const QString &expected);
    std::optional<QJsonObject> objectAt(QLatin1StringView key);

    template<typename T> std::optional<T> decode(const QJsonObject &object, const QString &errorPrefix)
    {
        FieldErrors nestedErrors;
        auto decoded = T::fromJson(object, m_errors ? &nestedErrors : nullptr);
        if (!decoded) {
            m_ok = false;
            mergeErrors(m_errors, errorPrefix, nestedErrors);
        }
        return decoded;
    }

    QJsonObject m_json; // by value: callers often pass a temporary (json.value(k).toObject())
    FieldErrors *m_errors;
    QString m_prefix;
    bool m_ok = true;
};

} // namespace portal::api::json
