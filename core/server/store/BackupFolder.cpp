#include "BackupFolder.h"

#include "DataDirLayout.h"
#include "Database.h"
#include "SqlRow.h"
#include "Store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace portal::store::backup {

namespace {

const QString kFormat = QStringLiteral("portal-backup/1");
const QString kStagingName = QStringLiteral(".restoring");

Result<QByteArray> sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return StoreError::failure(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return StoreError::failure(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return hash.result().toHex();
}

// The key mints tokens: whoever reads it can sign in as anyone.
Result<Done> copyPrivateFile(const QString &from, const QString &to)
{
    if (auto copied = copyFile(from, to, QFileInfo(from).size()); !copied)
        return copied;
    QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
    return Done {};
}

} // namespace

QString kindName(BackupKind kind)
{
    return kind == BackupKind::Postgres ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

Result<QList<StoredDocument>> readStoredDocuments(Database &database)
{
    return database.selectAll<StoredDocument>(
        QStringLiteral("SELECT storage_name, file_size, sha256 FROM documents ORDER BY id"), {},
        [](const SqlRow &row) {
            return StoredDocument { row.text(0), row.integer(1), row.text(2).toLatin1() };
        });
}

bool isEmptyOrMissing(const QString &path)
{
    const QFileInfo info(path);
    return !info.exists()
        || (info.isDir() && QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
}

Result<Done> copyFile(const QString &from, const QString &to, qint64 expectedSize)
{
    QFile::remove(to);
    QFile source(from);
    if (!source.copy(to))
        return StoreError::failure(
            QStringLiteral("cannot copy %1 to %2: %3").arg(from, to, source.errorString()));
    if (expectedSize >= 0 && QFileInfo(to).size() != expectedSize)
        return StoreError::failure(QStringLiteral("%1 has %2 bytes instead of %3")
                                       .arg(to)
                                       .arg(QFileInfo(to).size())
                                       .arg(expectedSize));
    return Done {};
}

// ---- NewBackupFolder -------------------------------------------------------------------------------------

NewBackupFolder::NewBackupFolder(QString path)
    : m_path(std::move(path))
{ }

NewBackupFolder::~NewBackupFolder()
{
    if (m_created && !m_keep)
        QDir(m_path).removeRecursively();
}

Result<Done> NewBackupFolder::create()
{
    if (!isEmptyOrMissing(m_path))
        return StoreError::failure(
            QStringLiteral("%1 exists and is not empty; back up into a new folder").arg(m_path));
    const QString documents = layout::documentsDir(m_path);
    m_created = true; // from here on a failure removes it, even when mkpath() made only part of it
    if (!QDir().mkpath(documents))
        return StoreError::failure(QStringLiteral("cannot create %1").arg(documents));
    // The database copy holds password hashes and webhook secrets, and the signing key mints tokens: the
    // backup is its owner's alone, whatever the umask.
    if (!QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return StoreError::failure(QStringLiteral("cannot make %1 private to its owner").arg(m_path));
    return Done {};
}

QString NewBackupFolder::filePath(const QString &name) const
{
    return QDir(m_path).filePath(name);
}

Result<Done> NewBackupFolder::complete(const QList<StoredDocument> &documents, const QString &dataDir,
                                       BackupSummary &summary)
{
    if (auto copied = copyDocuments(documents, dataDir, summary); !copied)
        return copied;
    if (auto key = copySigningKey(dataDir); !key)
        return key;
    if (auto written = writeManifest(summary); !written)
        return written;
    m_keep = true;
    return Done {};
}

Result<Done> NewBackupFolder::copyDocuments(const QList<StoredDocument> &documents, const QString &dataDir,
                                            BackupSummary &summary)
{
    const QDir from(layout::documentsDir(dataDir));
    const QDir to(layout::documentsDir(m_path));
    for (const StoredDocument &document : documents) {
        if (auto copied
            = copyFile(from.filePath(document.storageName), to.filePath(document.storageName), document.size);
            !copied)
            return copied;
        ++summary.documents;
        summary.documentBytes += document.size;
    }
    return Done {};
}

Result<Done> NewBackupFolder::copySigningKey(const QString &dataDir)
{
    const QString key = QDir(dataDir).filePath(kSigningKeyFile);
    if (!QFileInfo::exists(key))
        return Done {}; // a store that never served has none; serve makes one
    return copyPrivateFile(key, filePath(kSigningKeyFile));
}

Result<Done> NewBackupFolder::writeManifest(const BackupSummary &summary)
{
    QJsonObject manifest { { QStringLiteral("format"), kFormat },
                           { QStringLiteral("kind"), kindName(summary.kind) },
                           { QStringLiteral("created_at"), api::formatTimestamp(summary.createdAt) },
                           { QStringLiteral("schema_version"), summary.schemaVersion },
                           { QStringLiteral("documents"), summary.documents },
                           { QStringLiteral("document_bytes"), summary.documentBytes } };
    if (!summary.pgDumpVersion.isEmpty())
        manifest.insert(QStringLiteral("pg_dump_version"), summary.pgDumpVersion);
    QSaveFile file(filePath(kManifestFile));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(manifest).toJson()) < 0
        || !file.commit())
        return StoreError::failure(
            QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return Done {};
}

// ---- Reading a backup ------------------------------------------------------------------------------------

Result<BackupSummary> readManifest(const QString &backupDir)
{
    QFile file(QDir(backupDir).filePath(kManifestFile));
    if (!file.open(QIODevice::ReadOnly))
        return StoreError::failure(
            QStringLiteral("%1 is not a portal-server backup (no %2)").arg(backupDir, kManifestFile));
    const QJsonObject manifest = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    if (manifest.value(QStringLiteral("format")).toString() != kFormat)
        return StoreError::failure(QStringLiteral("%1 is not a backup this build reads (format %2 expected)")
                                       .arg(file.fileName(), kFormat));
    BackupSummary summary;
    const QString kind = manifest.value(QStringLiteral("kind")).toString(kindName(BackupKind::Sqlite));
    if (kind == kindName(BackupKind::Postgres))
        summary.kind = BackupKind::Postgres;
    else if (kind != kindName(BackupKind::Sqlite))
        return StoreError::failure(QStringLiteral("%1 is a backup of a kind this build does not know (%2)")
                                       .arg(file.fileName(), kind));
    summary.schemaVersion = manifest.value(QStringLiteral("schema_version")).toInt();
    summary.documents = manifest.value(QStringLiteral("documents")).toInteger();
    summary.documentBytes = manifest.value(QStringLiteral("document_bytes")).toInteger();
    summary.createdAt
        = api::parseTimestamp(manifest.value(QStringLiteral("created_at")).toString()).value_or(QDateTime());
    summary.pgDumpVersion = manifest.value(QStringLiteral("pg_dump_version")).toString();
    return summary;
}

Result<Done> checkRestorable(const BackupSummary &manifest, const QString &dataDir)
{
    if (manifest.schemaVersion > Store::schemaVersion())
        return StoreError::failure(QStringLiteral("the backup has schema version %1, newer than this build's "
                                                  "newest (%2): restore it with a newer portal-server")
                                       .arg(manifest.schemaVersion)
                                       .arg(Store::schemaVersion()));
    for (const QString &existing :
         { layout::databaseFile(dataDir), QDir(dataDir).filePath(kSigningKeyFile) }) {
        if (QFileInfo::exists(existing))
            return StoreError::failure(
                QStringLiteral("%1 already holds a store (%2); restore into a new folder")
                    .arg(dataDir, existing));
    }
    if (!isEmptyOrMissing(layout::documentsDir(dataDir)))
        return StoreError::failure(
            QStringLiteral("%1 already holds documents; restore into a new folder").arg(dataDir));
    return Done {};
}

// ---- RestoreStaging --------------------------------------------------------------------------------------

RestoreStaging::RestoreStaging(QString dataDir)
    : m_dataDir(std::move(dataDir))
    , m_staging(QDir(m_dataDir).filePath(kStagingName))
    , m_dataDirExisted(QFileInfo::exists(m_dataDir))
    , m_incomingExisted(QFileInfo::exists(layout::incomingDir(m_dataDir)))
{ }

RestoreStaging::~RestoreStaging()
{
    if (!m_keep)
        undo();
}

Result<Done> RestoreStaging::create()
{
    QDir(m_staging).removeRecursively(); // what an interrupted restore left
    if (!QDir().mkpath(layout::documentsDir(m_staging)))
        return StoreError::failure(QStringLiteral("cannot create %1").arg(m_staging));
    return Done {};
}

Result<Done> RestoreStaging::stageDocuments(const QList<StoredDocument> &documents, const QString &backupDir,
                                            qint64 expectedCount)
{
    if (documents.size() != expectedCount)
        return StoreError::failure(
            QStringLiteral(
                "the backup's database lists %1 documents, but %2 counts %3: the backup is damaged")
                .arg(documents.size())
                .arg(kManifestFile)
                .arg(expectedCount));
    const QDir from(layout::documentsDir(backupDir));
    const QDir to(layout::documentsDir(m_staging));
    for (const StoredDocument &document : documents) {
        const QString source = from.filePath(document.storageName);
        const QString copy = to.filePath(document.storageName);
        if (auto copied = copyFile(source, copy, document.size); !copied)
            return copied;
        auto hash = sha256Of(copy);
        if (!hash)
            return hash.error();
        if (*hash != document.sha256)
            return StoreError::failure(
                QStringLiteral("%1 does not match its SHA-256 in the backup's database").arg(source));
    }
    return Done {};
}

Result<Done> RestoreStaging::stageSigningKey(const QString &backupDir)
{
    const QString key = QDir(backupDir).filePath(kSigningKeyFile);
    if (!QFileInfo::exists(key))
        return Done {};
    return copyPrivateFile(key, QDir(m_staging).filePath(kSigningKeyFile));
}

Result<Done> RestoreStaging::putInPlace(const QStringList &lastFiles)
{
    QDir(layout::documentsDir(m_dataDir)).removeRecursively(); // empty: checkRestorable() saw to that
    bool moved = QDir().rename(layout::documentsDir(m_staging), layout::documentsDir(m_dataDir));
    const QString key = QDir(m_staging).filePath(kSigningKeyFile);
    if (moved && QFileInfo::exists(key))
        moved = QFile::rename(key, QDir(m_dataDir).filePath(kSigningKeyFile));
    for (const QString &name : lastFiles) {
        if (moved)
            moved = QFile::rename(QDir(m_staging).filePath(name), QDir(m_dataDir).filePath(name));
    }
    QDir(m_staging).removeRecursively();
    if (!moved)
        return StoreError::failure(QStringLiteral("cannot move the restored store into %1").arg(m_dataDir));
    return Done {};
}

void RestoreStaging::keep()
{
    m_keep = true;
    QDir(m_staging).removeRecursively();
}

void RestoreStaging::undo()
{
    if (!m_dataDirExisted) {
        QDir(m_dataDir).removeRecursively();
        return;
    }
    // A folder that was there before may hold other things of its owner: only what the restore made goes.
    QDir(m_staging).removeRecursively();
    QDir(layout::documentsDir(m_dataDir)).removeRecursively(); // empty before, or missing
    if (!m_incomingExisted)
        QDir(layout::incomingDir(m_dataDir)).removeRecursively(); // Store::open() made it
    QFile::remove(QDir(m_dataDir).filePath(kSigningKeyFile));
    const QString database = layout::databaseFile(m_dataDir);
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(database + suffix);
}

} // namespace portal::store::backup
