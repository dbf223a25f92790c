// Backups of a store that can be taken while portal-server serves it, and their restore; for both kinds of
// database. This file's own is SQLite's; PostgreSQL's is PostgresBackup.h, and what both write and check
// alike (backup.json, the documents, the signing key, the restore's staging) is BackupFolder.h.
//
// An SQLite backup is a folder: `portal.sqlite3` (a consistent snapshot made by SQLite's VACUUM INTO, inside
// one read transaction, so writers go on meanwhile), `documents/` (the files the snapshot refers to),
// `signing.key` (so signed-in clients stay signed in after a restore) and `backup.json` (what it holds, kind
// "sqlite"). A PostgreSQL backup has `portal.dump` (pg_dump's custom format) instead of the database file.
// Restore verifies every document against the backed-up database's size and SHA-256 before anything is put
// in place, refuses a folder that already holds a store, refuses a backup newer than this build, and
// refuses a backup of the other kind of database, saying what to do instead.
#pragma once

#include "Result.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace portal::store {

enum class BackupKind { Sqlite, Postgres };

struct BackupSummary
{
    BackupKind kind = BackupKind::Sqlite;
    int schemaVersion = 0;
    qint64 documents = 0;
    qint64 documentBytes = 0;
    QDateTime createdAt;
    QString pgDumpVersion; // PostgreSQL: the pg_dump that wrote the dump ("15.18"); pg_restore must read it
};

// Writes a backup of the store in `dataDir` (with its database in PostgreSQL when `database` is given, a
// URL as Store::open() takes it) into `backupDir`, which must not exist or be empty. On failure the partial
// backup folder is removed.
Result<BackupSummary> backupStore(const QString &dataDir, const QString &backupDir,
                                  const QUrl &database = {});

// Restores the backup in `backupDir` into `dataDir` (created; it must not hold a store yet) and, for a
// PostgreSQL backup, into the empty PostgreSQL database `database`; then brings its schema up to this
// build's. Nothing is left in `dataDir` (nor in `database`) on failure.
Result<BackupSummary> restoreStore(const QString &backupDir, const QString &dataDir,
                                   const QUrl &database = {});

} // namespace portal::store
