// How values go into and come out of the schema's columns, in one place. Timestamps are ISO 8601 UTC text
// with milliseconds ("2023-01-17T10:15:00.000Z") so that they sort as text in every dialect; dates are
// "yyyy-MM-dd"; flags are INTEGER 0/1 (bound as integers: PostgreSQL does not turn a boolean into one).
#pragma once

#include "WireTypes.h"

#include <QDate>
#include <QDateTime>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <optional>

namespace portal::store {

// Typed reads of the current row of a query.
class SqlRow
{
public:
    explicit SqlRow(const QSqlQuery &query)
        : m_query(query)
    { }

    QVariant value(int column) const; // as the driver gives it: for copying values whatever they are
    qint64 integer(int column) const;
    std::optional<qint64> optionalInteger(int column) const; // NULL -> nullopt
    QString text(int column) const; // NULL -> empty
    bool flag(int column) const;
    QDate date(int column) const; // NULL -> invalid
    QDateTime timestamp(int column) const; // NULL -> invalid
    // A person's display name from three columns in a row: first_name, last_name, username.
    QString personName(int firstColumn) const;
    // A case as other objects name it, from two columns in a row: id, title.
    api::CaseRef caseRef(int firstColumn) const;

private:
    const QSqlQuery &m_query;
};

// Bind values.
QVariant sqlNull(); // SQL NULL (a null QString is bound as empty text, see Database::exec())
QVariant sqlTimestamp(const QDateTime &time); // invalid -> NULL
QVariant sqlDate(const QDate &date); // invalid -> NULL
QVariant sqlFlag(bool value);
QVariant sqlOptionalInteger(const std::optional<qint64> &value); // nullopt -> NULL

} // namespace portal::store
