#include "StoreBackup.h"

#include "BackupFolder.h"
#include "DataDirLayout.h"
#include "Database.h"
#include "Migrations.h"
#include "PostgresBackup.h"
#include "Store.h"

#include <QDir>
#include <QFileInfo>

namespace portal::store {

using namespace backup;

namespace {

// The documents a database refers to, and its schema version.
struct SnapshotContents
{
    int schemaVersion = 0;
    QList<StoredDocument> documents;
};

Result<SnapshotContents> readSnapshot(const QString &databasePath)
{
    auto database = Database::openSqlite(databasePath);
    if (!database)
        return database.error();
    SnapshotContents contents;
    auto version = appliedSchemaVersion(**database);
    if (!version)
        return version.error();
    contents.schemaVersion = *version;
    auto documents = readStoredDocuments(**database);
    if (!documents)
        return documents.error();
    contents.documents = documents.take();
    return contents;
}

Result<BackupSummary> backupSqliteStore(const QString &dataDir, const QString &backupDir)
{
    if (!QFileInfo::exists(layout::databaseFile(dataDir)))
        return StoreError::failure(QStringLiteral("%1 holds no store (no %2; a store in PostgreSQL is backed "
                                                  "up with --database URL)")
                                       .arg(dataDir, QFileInfo(layout::databaseFile(dataDir)).fileName()));
    NewBackupFolder folder(backupDir);
    if (auto created = folder.create(); !created)
        return created.error();
    BackupSummary summary;
    summary.kind = BackupKind::Sqlite;
    summary.createdAt = QDateTime::currentDateTimeUtc();
    const QString snapshot = layout::databaseFile(backupDir);
    {
        auto store = Store::open(dataDir);
        if (!store)
            return store.error();
        // One read transaction over the whole database: the snapshot is the state of one moment, while the
        // server goes on writing.
        if (auto vacuumed = (*store)->database().exec(QStringLiteral("VACUUM INTO ?"), { snapshot });
            !vacuumed)
            return vacuumed.error();
    }
    auto contents = readSnapshot(snapshot);
    if (!contents)
        return contents.error();
    summary.schemaVersion = contents->schemaVersion;
    if (auto completed = folder.complete(contents->documents, dataDir, summary); !completed)
        return completed.error();
    return summary;
}

Result<BackupSummary> restoreSqliteStore(const QString &backupDir, const BackupSummary &manifest,
                                         const QString &dataDir)
{
    // Everything is checked and assembled in a staging folder inside the target, then renamed into place.
    RestoreStaging staging(dataDir);
    if (auto created = staging.create(); !created)
        return created.error();
    const QString databaseName = QFileInfo(layout::databaseFile(dataDir)).fileName();
    const QString snapshot = layout::databaseFile(staging.path());
    if (auto copied = copyFile(layout::databaseFile(backupDir), snapshot, -1); !copied)
        return copied.error();
    auto contents = readSnapshot(snapshot);
    if (!contents)
        return contents.error();
    if (auto staged = staging.stageDocuments(contents->documents, backupDir, manifest.documents); !staged)
        return staged.error();
    if (auto key = staging.stageSigningKey(backupDir); !key)
        return key.error();
    // The documents first, the database last, so a store exists only once it is whole.
    if (auto placed = staging.putInPlace({ databaseName }); !placed)
        return placed.error();
    if (auto store = Store::open(dataDir); !store) // brings an older backup's schema up to date
        return store.error();
    staging.keep();
    return manifest;
}

} // namespace

Result<BackupSummary> backupStore(const QString &dataDir, const QString &backupDir, const QUrl &database)
{
    if (!database.isEmpty())
        return backupPostgresStore(dataDir, database, backupDir);
    return backupSqliteStore(dataDir, backupDir);
}

Result<BackupSummary> restoreStore(const QString &backupDir, const QString &dataDir, const QUrl &database)
{
    auto manifest = readManifest(backupDir);
    if (!manifest)
        return manifest.error();
    // The kinds do not mix: a dump is no SQLite file, and an SQLite file goes into PostgreSQL through
    // migrate-store, which copies row by row.
    if (manifest->kind == BackupKind::Sqlite && !database.isEmpty())
        return StoreError::failure(
            QStringLiteral("%1 is a backup of an SQLite store: restore it without --database (and without "
                           "PORTAL_DATABASE_URL) into a new data folder, then move that into PostgreSQL with "
                           "portal-server migrate-store --from DIR --to URL")
                .arg(backupDir));
    if (manifest->kind == BackupKind::Postgres && database.isEmpty())
        return StoreError::failure(
            QStringLiteral("%1 is a backup of a PostgreSQL store: restore it with "
                           "--database URL (or PORTAL_DATABASE_URL), an empty database")
                .arg(backupDir));
    if (auto restorable = checkRestorable(*manifest, dataDir); !restorable)
        return restorable.error();
    if (manifest->kind == BackupKind::Postgres)
        return restorePostgresStore(backupDir, *manifest, dataDir, database);
    return restoreSqliteStore(backupDir, *manifest, dataDir);
}

} // namespace portal::store
