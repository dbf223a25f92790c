// The cache's one SQLite connection: opening it (WAL, foreign keys, busy timeout), running SQL through a
// cache of prepared statements, and turning every driver error into a typed CacheError logged under
// "portal.cache". Everything above it writes SQL with `?` placeholders and never sees QSqlError.
#pragma once

#include "CacheError.h"

#include <QDate>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

Q_DECLARE_LOGGING_CATEGORY(lcCache)

namespace portal::client {

// Typed reads of the current row of a query. Timestamps are stored as UTC milliseconds since the epoch
// (they sort as integers and cost nothing to compare), dates as "yyyy-MM-dd", flags as 0/1.
class CacheRow
{
public:
    explicit CacheRow(const QSqlQuery &query)
        : m_query(query)
    { }
    qint64 integer(int column) const;
    std::optional<qint64> optionalInteger(int column) const;
    QString text(int column) const; // NULL -> empty
    bool flag(int column) const;
    double real(int column) const;
    QDate date(int column) const; // NULL -> invalid
    QDateTime timestamp(int column) const; // NULL -> invalid
    bool isNull(int column) const;

private:
    const QSqlQuery &m_query;
};

// Bind values.
QVariant sqlNull();
QVariant sqlText(const QString &text); // a null QString binds as empty text, never as NULL
QVariant sqlTimestamp(const QDateTime &time); // invalid -> NULL
QVariant sqlDate(const QDate &date); // invalid -> NULL
QVariant sqlOptionalInteger(const std::optional<qint64> &value);

class CacheDatabase
{
public:
    using RowFunction = std::function<void(const CacheRow &row)>;

    // Opens, creating when missing, the database file in WAL mode with foreign keys on. A file that is not
    // a database comes back as Corrupt.
    static CacheResult<std::unique_ptr<CacheDatabase>> open(const QString &filePath);
    ~CacheDatabase();
    CacheDatabase(const CacheDatabase &) = delete;
    CacheDatabase &operator=(const CacheDatabase &) = delete;

    QString filePath() const { return m_filePath; }

    // Runs `sql` with `values` bound to its placeholders and calls `onRow` for each row. `onRow` must only
    // read: the statement stays busy until all rows are read.
    CacheResult<Done> exec(const QString &sql, const QVariantList &values = {},
                           const RowFunction &onRow = {});
    // Runs a statement that is not worth preparing and keeping (DDL, PRAGMA with a value in the text).
    CacheResult<Done> execOnce(const QString &sql);
    // Rows changed by the last exec() and the rowid it inserted.
    int rowsAffected() const { return m_rowsAffected; }
    qint64 lastInsertId() const { return m_lastInsertId; }

    template<typename T, typename Read>
    CacheResult<QList<T>> selectAll(const QString &sql, const QVariantList &values, Read read)
    {
        QList<T> rows;
        auto done = exec(sql, values, [&](const CacheRow &row) { rows.append(read(row)); });
        if (!done)
            return done.error();
        return rows;
    }
    template<typename T, typename Read>
    CacheResult<std::optional<T>> selectOne(const QString &sql, const QVariantList &values, Read read)
    {
        std::optional<T> value;
        auto done = exec(sql, values, [&](const CacheRow &row) {
            if (!value)
                value = read(row);
        });
        if (!done)
            return done.error();
        return value;
    }

    // BEGIN IMMEDIATE / COMMIT / ROLLBACK; transactions do not nest (apply() is the only one that opens
    // them).
    CacheResult<Done> begin();
    CacheResult<Done> commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

private:
    CacheDatabase() = default;
    CacheError errorOf(const QSqlError &error, const QString &what) const;

    QString m_filePath;
    QString m_connectionName;
    QSqlDatabase m_connection;
    std::unordered_map<QString, QSqlQuery> m_prepared;
    int m_rowsAffected = 0;
    qint64 m_lastInsertId = 0;
    bool m_inTransaction = false;
};

} // namespace portal::client
