// Reading a fixture's JSON field by field. Every failed read is recorded under its JSON path
// ("users[0].username: expected a string") and gives an empty value, so that reading goes on and a broken
// fixture is reported with all its problems at once. Internal to the fixture import.
#pragma once

#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace portal::store {

// The problems found so far, each under its JSON path.
class FixtureProblems
{
public:
    void add(const QString &path, const QString &problem);
    bool isEmpty() const { return m_lines.isEmpty(); }
    // Invalid; the message lists every problem with its path, the details hold them by path.
    StoreError error() const;

private:
    QStringList m_lines;
    api::FieldErrors m_details;
};

// Typed reads of one JSON object's fields. Absent and null are the same: "required" reads refuse both,
// "optional" reads give an empty value or the fallback.
class FixtureObject
{
public:
    FixtureObject(const QJsonObject &object, const QString &path, FixtureProblems &problems);

    QString pathOf(const QString &key) const; // "cases[2]" + "client" -> "cases[2].client"
    void problem(const QString &key, const QString &text);

    qint64 id(const QString &key); // a positive whole number; 0 after a problem
    std::optional<qint64> optionalId(const QString &key);
    QString string(const QString &key);
    QString nonBlankString(const QString &key);
    QString optionalString(const QString &key);
    bool optionalBool(const QString &key, bool fallback);
    QDate date(const QString &key); // "2023-01-30"
    QDate optionalDate(const QString &key);
    QDateTime timestamp(const QString &key); // ISO 8601, e.g. "2023-01-17T10:15:00Z"
    QDateTime optionalTimestamp(const QString &key);
    QJsonArray optionalArray(const QString &key);
    std::optional<QJsonObject> optionalObject(const QString &key);

    // Reports every field that no read asked for: a misspelt optional field would otherwise be dropped
    // without a word. Call after all reads.
    void rejectUnknownKeys();

    // An id outside an object (an element of an array), with problems recorded under `path`.
    static std::optional<qint64> idValue(const QJsonValue &value, const QString &path,
                                         FixtureProblems &problems);

private:
    QJsonValue value(const QString &key, bool required);
    std::optional<qint64> idField(const QString &key, bool required);
    QString text(const QString &key, bool required);
    QDate dateField(const QString &key, bool required);
    QDateTime timestampField(const QString &key, bool required);

    const QJsonObject m_object;
    const QString m_path;
    FixtureProblems &m_problems;
    QSet<QString> m_read;
};

} // namespace portal::store
