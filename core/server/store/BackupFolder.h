// What every backup folder holds, whatever database its store uses, and the steps the SQLite backup
// (StoreBackup.cpp) and the PostgreSQL one (PostgresBackup.cpp) share, so that they exist once:
// `backup.json` (the manifest: kind, schema version, document count and bytes), `documents/` (the files the
// backed-up database refers to: documents are never changed once written, so copying them after the
// database's snapshot is consistent with it), `signing.key`; and a restore's staging folder inside the
// target data folder, where the documents are checked against their size and SHA-256 before anything is put
// in place, and which takes everything out again should the restore fail.
#pragma once

#include "Result.h"
#include "StoreBackup.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace portal::store {

class Database;

namespace backup {

inline const QString kManifestFile = QStringLiteral("backup.json");
inline const QString kSigningKeyFile = QStringLiteral("signing.key");

QString kindName(BackupKind kind); // "sqlite", "postgresql": as backup.json records it

// A document as the database records it: what a backup copies and a restore verifies.
struct StoredDocument
{
    QString storageName; // the file's name in documents/
    qint64 size = 0;
    QByteArray sha256; // hex
};

// Every document row of `database` (inside whatever snapshot its open transaction holds).
Result<QList<StoredDocument>> readStoredDocuments(Database &database);

bool isEmptyOrMissing(const QString &path);

// Copies `from` to `to` (replacing it) and checks the copy's size unless `expectedSize` is negative.
Result<Done> copyFile(const QString &from, const QString &to, qint64 expectedSize);

// A backup folder being written: create() refuses a folder that exists and is not empty and makes
// documents/; unless keep() is called, the folder is removed again when this goes (a failed backup leaves
// nothing behind).
class NewBackupFolder
{
public:
    explicit NewBackupFolder(QString path);
    ~NewBackupFolder();
    NewBackupFolder(const NewBackupFolder &) = delete;
    NewBackupFolder &operator=(const NewBackupFolder &) = delete;

    Result<Done> create();
    QString path() const { return m_path; }
    QString filePath(const QString &name) const;

    // After the database's copy: copies each of its `documents` from the store's `dataDir` (checking their
    // sizes, counting them into `summary`) and the signing key (when there is one: a store that never
    // served has none), writes backup.json last (a backup without it is not one), and keeps the folder.
    Result<Done> complete(const QList<StoredDocument> &documents, const QString &dataDir,
                          BackupSummary &summary);

private:
    Result<Done> copyDocuments(const QList<StoredDocument> &documents, const QString &dataDir,
                               BackupSummary &summary);
    Result<Done> copySigningKey(const QString &dataDir);
    Result<Done> writeManifest(const BackupSummary &summary);

    QString m_path;
    bool m_created = false;
    bool m_keep = false;
};

// backup.json of `backupDir`, as BackupSummary. A backup without "kind" (written before PostgreSQL backups
// existed) is SQLite's.
Result<BackupSummary> readManifest(const QString &backupDir);

// What every restore checks before it touches anything: the backup's schema is not newer than this build's
// and `dataDir` holds no store yet (no database file, no signing key, no documents).
Result<Done> checkRestorable(const BackupSummary &manifest, const QString &dataDir);

// A restore's staging folder, `dataDir/.restoring`: what the restore assembles and checks there is moved
// into `dataDir` by putInPlace(). Unless keep() is called, everything is taken out again when this goes:
// the staging folder, what was put in place (documents/, signing.key, the SQLite database with its -wal and
// -shm, incoming/ unless it was there before), and `dataDir` itself when the restore created it.
class RestoreStaging
{
public:
    explicit RestoreStaging(QString dataDir);
    ~RestoreStaging();
    RestoreStaging(const RestoreStaging &) = delete;
    RestoreStaging &operator=(const RestoreStaging &) = delete;

    Result<Done> create();
    QString path() const { return m_staging; }

    // Copies the backup's documents into the staging folder, each checked against its size and SHA-256;
    // `expectedCount` is backup.json's count, which must agree with the database's rows.
    Result<Done> stageDocuments(const QList<StoredDocument> &documents, const QString &backupDir,
                                qint64 expectedCount);
    // Copies the backup's signing key (mode 0600), when it has one.
    Result<Done> stageSigningKey(const QString &backupDir);
    // Moves documents/ and the signing key into the data folder, then `lastFiles` (names in the staging
    // folder: the SQLite database, so that a store exists only once it is whole).
    Result<Done> putInPlace(const QStringList &lastFiles = {});
    void keep();

private:
    void undo();

    QString m_dataDir;
    QString m_staging;
    bool m_dataDirExisted = false;
    bool m_incomingExisted = false;
    bool m_keep = false;
};

} // namespace backup

} // namespace portal::store
