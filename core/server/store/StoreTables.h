// The tables of a store's database as the database itself describes them: SQLite's catalog (sqlite_master,
// PRAGMA table_info, PRAGMA foreign_key_list) and PostgreSQL's information_schema. For code that handles
// every table without a list of them (migrate-store, StoreMigration.h; the PostgreSQL restore,
// PostgresBackup.h), so that the tables of later migrations need no change there.
#pragma once

#include "Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace portal::store {

class Database;

// Each database's own record of its migrations (Migrations.cpp): not data, and different on each side.
inline const QString kSchemaVersionTable = QStringLiteral("schema_migrations");

struct SqliteTable
{
    QString name; // lower case, as PostgreSQL folds it
    QStringList columns; // lower case, in the order of the table
    QStringList parents; // the tables its foreign keys refer to, lower case
};

// The store's tables of an SQLite database (not SQLite's own, not kSchemaVersionTable) in the order they
// were created. Names must be plain identifiers (letters, digits, _), which mean the same in PostgreSQL.
Result<QList<SqliteTable>> readSqliteTables(Database &sqlite);

// `tables` with every table after the tables it refers to, otherwise in their order; Failure when foreign
// keys form a circle. A table that refers to itself stays (its rows keep SQLite's order); a foreign key to
// a table that is not there (SQLite allows it) is ignored.
Result<QList<SqliteTable>> parentsFirst(QList<SqliteTable> tables);

struct PostgresColumn
{
    QString name;
    bool identity = false; // GENERATED ... AS IDENTITY: its sequence must follow explicit ids
};
using PostgresTables = QHash<QString, QList<PostgresColumn>>; // by table name

// The base tables of the connection's current schema, with their columns in order.
Result<PostgresTables> readPostgresTables(Database &postgres);

// A name quoted for SQL ("name", inner quotes doubled), and a list of them joined by ", ".
QString quotedName(const QString &name);
QString quotedNames(const QStringList &names);

// SELECT COUNT(*) of `table`.
Result<qint64> countRows(Database &database, const QString &table);

// How many rows each table of a freshly migrated database holds (the one-row counters the migrations
// insert), from the migrations run on a scratch SQLite file: what a later migration seeds counts as empty
// too.
Result<QHash<QString, qint64>> rowsOfAFreshSchema();

// The row count of each of `tables` (kSchemaVersionTable left out), or Conflict naming the first table (by
// name) that holds more rows than `fresh` says a fresh schema does: for the commands that fill a database
// which must hold no data yet (migrate-store, restore), so that two stores are never merged. `refusal` ends
// the Conflict's message, saying what the command does instead.
Result<QHash<QString, qint64>> checkHoldsNoData(Database &database, const QStringList &tables,
                                                const QHash<QString, qint64> &fresh, const QString &refusal);

} // namespace portal::store
