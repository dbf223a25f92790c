// Backups of a store's data folder that can be taken while portal-server serves it, and their restore.
//
// A backup is a folder: `portal.sqlite3` (a consistent snapshot made by SQLite's VACUUM INTO, inside one
// read transaction, so writers go on meanwhile), `documents/` (the files the snapshot refers to: document
// files are never changed once written, so copying them after the snapshot is consistent with it),
// `signing.key` (so signed-in clients stay signed in after a restore) and `backup.json` (what it holds).
// Restore verifies every document against the snapshot's size and SHA-256 before anything is put in place,
// refuses a folder that already holds a store, and refuses a snapshot newer than this build.
#pragma once

#include "Result.h"

#include <QDateTime>
#include <QString>

namespace portal::store {

struct BackupSummary
{
    int schemaVersion = 0;
    qint64 documents = 0;
    qint64 documentBytes = 0;
    QDateTime createdAt;
};

// Writes a backup of the store in `dataDir` into `backupDir`, which must not exist or be empty. On failure
// the partial backup folder is removed.
Result<BackupSummary> backupStore(const QString &dataDir, const QString &backupDir);

// Restores the backup in `backupDir` into `dataDir` (created; it must not hold a store yet) and brings its
// schema up to this build's. Nothing is left in `dataDir` on failure.
Result<BackupSummary> restoreStore(const QString &backupDir, const QString &dataDir);

} // namespace portal::store
