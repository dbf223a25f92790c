// Moving a store's database from SQLite to PostgreSQL (`portal-server migrate-store`): every row of every
// table of DIR/portal.sqlite3, ids included, into a PostgreSQL database that holds no portal data yet.
//
// Nothing here knows the tables: they and their columns are read from SQLite (sqlite_master, PRAGMA
// table_info) and ordered by their foreign keys (PRAGMA foreign_key_list), parents first, so whatever the
// migrations create is copied. The source is opened as `serve` opens it (its pending migrations run) and
// read in one read transaction, a consistent snapshot. The target gets its schema from the same migrations
// and the rows in one transaction, in multi-row INSERTs; each table's row count is checked against the
// snapshot's before the commit, so a failure leaves no row behind. Identity sequences then continue above
// the copied ids. Document files and the signing key stay in the data folder, which `serve --database`
// goes on using.
#pragma once

#include "Result.h"

#include <QList>
#include <QString>
#include <QUrl>
#include <functional>

namespace portal::store {

struct CopiedTable
{
    QString name;
    qint64 rows = 0;
};

struct StoreMigrationSummary
{
    int schemaVersion = 0; // of both databases
    QList<CopiedTable> tables; // in the order they were copied: parents before children
    qint64 rows = 0;
};

// Called after each table's rows are in the target's transaction (not committed yet), for progress output.
using TableCopied = std::function<void(const CopiedTable &table)>;

// Copies the store in `dataDir` into the PostgreSQL database `target` (a URL as Database::openPostgres()
// takes it). Refuses, having changed nothing, when `dataDir` holds no SQLite store, or when the target
// holds rows other than those its migrations put there (Conflict). Refuses when the target lacks a table or
// column of the source (a schema of another version). Errors are one line and never quote row values.
Result<StoreMigrationSummary> migrateStoreToPostgres(const QString &dataDir, const QUrl &target,
                                                     const TableCopied &onTableCopied = {});

} // namespace portal::store
