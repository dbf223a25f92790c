#include "StoreTables.h"

#include "Database.h"
#include "Migrations.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <algorithm>

namespace portal::store {

namespace {

Result<QStringList> texts(Database &database, const QString &sql, const QVariantList &values = {})
{
    return database.selectAll<QString>(sql, values, [](const SqlRow &row) { return row.text(0); });
}

// SQLite keeps a name as it was written; PostgreSQL folds unquoted names to lower case. Plain identifiers,
// quoted in lower case, name the same table or column in both.
Result<QString> plainName(const QString &name, const QString &what)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!plain.match(name).hasMatch())
        return StoreError::failure(
            QStringLiteral("the %1 \"%2\" is not a plain SQL name; it cannot be matched "
                           "with a PostgreSQL one")
                .arg(what, name));
    return name.toLower();
}

} // namespace

Result<QList<SqliteTable>> readSqliteTables(Database &sqlite)
{
    auto names = texts(sqlite,
                       QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                                      "NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"));
    if (!names)
        return names.error();
    QList<SqliteTable> tables;
    for (const QString &sqliteName : std::as_const(*names)) {
        if (sqliteName.compare(kSchemaVersionTable, Qt::CaseInsensitive) == 0)
            continue;
        auto name = plainName(sqliteName, QStringLiteral("table"));
        if (!name)
            return name.error();
        SqliteTable table { *name, {}, {} };
        auto columns = texts(sqlite, QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"),
                             { sqliteName });
        if (!columns)
            return columns.error();
        for (const QString &column : std::as_const(*columns)) {
            auto columnName = plainName(column, QStringLiteral("column of table %1").arg(*name));
            if (!columnName)
                return columnName.error();
            table.columns.append(*columnName);
        }
        auto parents
            = texts(sqlite, QStringLiteral("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)"),
                    { sqliteName });
        if (!parents)
            return parents.error();
        for (const QString &parent : std::as_const(*parents))
            table.parents.append(parent.toLower());
        tables.append(table);
    }
    return tables;
}

Result<QList<SqliteTable>> parentsFirst(QList<SqliteTable> tables)
{
    QSet<QString> names;
    for (const SqliteTable &table : std::as_const(tables))
        names.insert(table.name);
    QSet<QString> placed;
    QList<SqliteTable> ordered;
    while (!tables.isEmpty()) {
        const auto ready = std::find_if(tables.begin(), tables.end(), [&](const SqliteTable &table) {
            return std::all_of(table.parents.cbegin(), table.parents.cend(), [&](const QString &parent) {
                return parent == table.name || placed.contains(parent) || !names.contains(parent);
            });
        });
        if (ready == tables.end()) {
            QStringList circle;
            for (const SqliteTable &table : std::as_const(tables))
                circle.append(table.name);
            return StoreError::failure(QStringLiteral("the foreign keys of the tables %1 refer to each other "
                                                      "in a circle; no order copies parents first")
                                           .arg(circle.join(QLatin1String(", "))));
        }
        placed.insert(ready->name);
        ordered.append(*ready);
        tables.erase(ready);
    }
    return ordered;
}

Result<PostgresTables> readPostgresTables(Database &postgres)
{
    PostgresTables tables;
    auto read = postgres.exec(
        QStringLiteral(
            "SELECT c.table_name, c.column_name, c.is_identity = 'YES' FROM information_schema.columns "
            "c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = "
            "c.table_name WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
            "ORDER BY c.table_name, c.ordinal_position"),
        {}, [&](const SqlRow &row) {
            tables[row.text(0)].append({ row.text(1), row.flag(2) });
        });
    if (!read)
        return read.error();
    return tables;
}

QString quotedName(const QString &name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QLatin1String("\"\""))
        + QLatin1Char('"');
}

QString quotedNames(const QStringList &names)
{
    QStringList list;
    for (const QString &name : names)
        list.append(quotedName(name));
    return list.join(QLatin1String(", "));
}

Result<qint64> countRows(Database &database, const QString &table)
{
    return database.selectOne<qint64>(QStringLiteral("SELECT COUNT(*) FROM %1").arg(quotedName(table)), {},
                                      [](const SqlRow &row) { return row.integer(0); });
}

Result<QHash<QString, qint64>> rowsOfAFreshSchema()
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return StoreError::failure(
            QStringLiteral("cannot create a temporary folder: %1").arg(dir.errorString()));
    auto scratch = Database::openSqlite(dir.filePath(QStringLiteral("fresh.sqlite3")));
    if (!scratch)
        return scratch.error();
    if (auto migrated = migrate(**scratch); !migrated)
        return migrated.error();
    auto tables = readSqliteTables(**scratch);
    if (!tables)
        return tables.error();
    QHash<QString, qint64> rows;
    for (const SqliteTable &table : std::as_const(*tables)) {
        auto count = countRows(**scratch, table.name);
        if (!count)
            return count.error();
        rows.insert(table.name, *count);
    }
    return rows;
}

Result<QHash<QString, qint64>> checkHoldsNoData(Database &database, const QStringList &tables,
                                                const QHash<QString, qint64> &fresh, const QString &refusal)
{
    QStringList sorted = tables; // the first table named in the refusal is the same on every run
    sorted.sort();
    QHash<QString, qint64> counts;
    for (const QString &table : std::as_const(sorted)) {
        if (table == kSchemaVersionTable)
            continue;
        auto rows = countRows(database, table);
        if (!rows)
            return rows.error();
        if (*rows > fresh.value(table, 0))
            return StoreError::conflict(
                QStringLiteral("the target database is not empty (table %1 holds %2 %3); %4")
                    .arg(table)
                    .arg(*rows)
                    .arg(*rows == 1 ? QStringLiteral("row") : QStringLiteral("rows"), refusal));
        counts.insert(table, *rows);
    }
    return counts;
}

} // namespace portal::store
