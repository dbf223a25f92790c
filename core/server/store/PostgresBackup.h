// Backups of a store whose database is PostgreSQL (`portal-server backup --database URL`), taken while
// servers go on using it, and their restore into an empty database; StoreBackup.h is the entry point.
//
// Backup: the store's own connection opens a REPEATABLE READ, READ ONLY transaction, exports its snapshot
// (pg_export_snapshot()) and reads the schema version and the document rows in it; while that transaction
// stays open, `pg_dump --snapshot` writes the same snapshot into `portal.dump` (custom format). So the dump
// and the copied documents/ are of one moment: exactly the files the dump's rows name (documents are never
// changed once written; a later upload's file is not copied, as its row is not in the dump).
//
// Restore: the dump's own document rows (read from it with pg_restore, before anything is restored) are
// checked against the backup's files, which are staged in the data folder; the target database must hold no
// data (StoreTables.h's checkHoldsNoData(), as migrate-store's); then `pg_restore --single-transaction`
// (all or nothing), the files put in place, and Store::open() runs the pending migrations. Should anything
// fail after pg_restore has committed, the tables it made are dropped again and the data folder emptied.
#pragma once

#include "BackupFolder.h"
#include "StoreBackup.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace portal::store {

inline const QString kPostgresDumpFile = QStringLiteral("portal.dump");

Result<BackupSummary> backupPostgresStore(const QString &dataDir, const QUrl &database,
                                          const QString &backupDir);

// `manifest` is the backup's backup.json, already checked against the kind and the schema version.
Result<BackupSummary> restorePostgresStore(const QString &backupDir, const BackupSummary &manifest,
                                           const QString &dataDir, const QUrl &database);

// The tables a dump makes, as quoted "schema"."name", from its `pg_restore --list`: what a failed restore
// drops again.
QStringList tablesInDumpList(const QByteArray &listing);

// The documents table's rows in a dump's data as SQL (`pg_restore --data-only --table=documents --file=-`:
// a COPY block in COPY's text format); Failure when it holds none.
Result<QList<backup::StoredDocument>> documentsInDataScript(const QByteArray &script);

} // namespace portal::store
