#include "StoreBackup.h"

#include "DataDirLayout.h"
#include "Database.h"
#include "Migrations.h"
#include "SqlRow.h"
#include "Store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace portal::store {

namespace {

const QString kFormat = QStringLiteral("portal-backup/1");
const QString kManifest = QStringLiteral("backup.json");
const QString kSigningKey = QStringLiteral("signing.key");

struct StoredDocument
{
    QString storageName;
    qint64 size = 0;
    QByteArray sha256; // hex
};

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
    auto documents = (*database)->selectAll<StoredDocument>(
        QStringLiteral("SELECT storage_name, file_size, sha256 FROM documents ORDER BY id"), {},
        [](const SqlRow &row) {
            return StoredDocument { row.text(0), row.integer(1), row.text(2).toLatin1() };
        });
    if (!documents)
        return documents.error();
    contents.documents = documents.take();
    return contents;
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

Result<Done> copySigningKey(const QString &fromDir, const QString &toDir)
{
    const QString from = QDir(fromDir).filePath(kSigningKey);
    if (!QFileInfo::exists(from))
        return Done {}; // a store that never served has none; serve makes one
    const QString to = QDir(toDir).filePath(kSigningKey);
    if (auto copied = copyFile(from, to, QFileInfo(from).size()); !copied)
        return copied;
    QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
    return Done {};
}

Result<Done> writeManifest(const QString &backupDir, const BackupSummary &summary)
{
    const QJsonObject manifest { { QStringLiteral("format"), kFormat },
                                 { QStringLiteral("created_at"), api::formatTimestamp(summary.createdAt) },
                                 { QStringLiteral("schema_version"), summary.schemaVersion },
                                 { QStringLiteral("documents"), summary.documents },
                                 { QStringLiteral("document_bytes"), summary.documentBytes } };
    QSaveFile file(QDir(backupDir).filePath(kManifest));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(manifest).toJson()) < 0
        || !file.commit())
        return StoreError::failure(
            QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return Done {};
}

Result<BackupSummary> readManifest(const QString &backupDir)
{
    QFile file(QDir(backupDir).filePath(kManifest));
    if (!file.open(QIODevice::ReadOnly))
        return StoreError::failure(
            QStringLiteral("%1 is not a portal-server backup (no %2)").arg(backupDir, kManifest));
    const QJsonObject manifest = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    if (manifest.value(QStringLiteral("format")).toString() != kFormat)
        return StoreError::failure(QStringLiteral("%1 is not a backup this build reads (format %2 expected)")
                                       .arg(file.fileName(), kFormat));
    BackupSummary summary;
    summary.schemaVersion = manifest.value(QStringLiteral("schema_version")).toInt();
    summary.documents = manifest.value(QStringLiteral("documents")).toInteger();
    summary.documentBytes = manifest.value(QStringLiteral("document_bytes")).toInteger();
    summary.createdAt
        = api::parseTimestamp(manifest.value(QStringLiteral("created_at")).toString()).value_or(QDateTime());
    return summary;
}

// Runs `work`; on failure removes what it made.
template<typename Work> auto undoOnFailure(const std::function<void()> &undo, Work &&work) -> decltype(work())
{
    auto result = work();
    if (!result)
        undo();
    return result;
}

} // namespace

Result<BackupSummary> backupStore(const QString &dataDir, const QString &backupDir)
{
    if (!QFileInfo::exists(layout::databaseFile(dataDir)))
        return StoreError::failure(QStringLiteral("%1 holds no store (no %2)")
                                       .arg(dataDir, QFileInfo(layout::databaseFile(dataDir)).fileName()));
    if (!isEmptyOrMissing(backupDir))
        return StoreError::failure(
            QStringLiteral("%1 exists and is not empty; back up into a new folder").arg(backupDir));
    const QString documentsOut = layout::documentsDir(backupDir);
    if (!QDir().mkpath(documentsOut))
        return StoreError::failure(QStringLiteral("cannot create %1").arg(documentsOut));

    return undoOnFailure(
        [backupDir] { QDir(backupDir).removeRecursively(); },
        [&]() -> Result<BackupSummary> {
            BackupSummary summary;
            summary.createdAt = QDateTime::currentDateTimeUtc();
            const QString snapshot = layout::databaseFile(backupDir);
            {
                auto store = Store::open(dataDir);
                if (!store)
                    return store.error();
                // One read transaction over the whole database: the snapshot is the state of one moment,
                // while the server goes on writing.
                if (auto vacuumed = (*store)->database().exec(QStringLiteral("VACUUM INTO ?"), { snapshot });
                    !vacuumed)
                    return vacuumed.error();
            }
            auto contents = readSnapshot(snapshot);
            if (!contents)
                return contents.error();
            summary.schemaVersion = contents->schemaVersion;
            for (const StoredDocument &document : contents->documents) {
                const QString from = QDir(layout::documentsDir(dataDir)).filePath(document.storageName);
                if (auto copied
                    = copyFile(from, QDir(documentsOut).filePath(document.storageName), document.size);
                    !copied)
                    return copied.error();
                ++summary.documents;
                summary.documentBytes += document.size;
            }
            if (auto key = copySigningKey(dataDir, backupDir); !key)
                return key.error();
            if (auto written = writeManifest(backupDir, summary); !written)
                return written.error();
            return summary;
        });
}

Result<BackupSummary> restoreStore(const QString &backupDir, const QString &dataDir)
{
    auto summary = readManifest(backupDir);
    if (!summary)
        return summary.error();
    if (summary->schemaVersion > Store::schemaVersion())
        return StoreError::failure(QStringLiteral("the backup has schema version %1, newer than this build's "
                                                  "newest (%2): restore it with a newer portal-server")
                                       .arg(summary->schemaVersion)
                                       .arg(Store::schemaVersion()));
    for (const QString &existing : { layout::databaseFile(dataDir), QDir(dataDir).filePath(kSigningKey) }) {
        if (QFileInfo::exists(existing))
            return StoreError::failure(
                QStringLiteral("%1 already holds a store (%2); restore into a new folder")
                    .arg(dataDir, existing));
    }
    if (!isEmptyOrMissing(layout::documentsDir(dataDir)))
        return StoreError::failure(
            QStringLiteral("%1 already holds documents; restore into a new folder").arg(dataDir));

    // Everything is checked and assembled in a staging folder beside the target, then renamed into place.
    const QString staging = QDir(dataDir).filePath(QStringLiteral(".restoring"));
    QDir(staging).removeRecursively();
    if (!QDir().mkpath(layout::documentsDir(staging)))
        return StoreError::failure(QStringLiteral("cannot create %1").arg(staging));
    const auto cleanUp = [staging] { QDir(staging).removeRecursively(); };

    auto restored = undoOnFailure(cleanUp, [&]() -> Result<BackupSummary> {
        const QString snapshot = layout::databaseFile(staging);
        if (auto copied = copyFile(layout::databaseFile(backupDir), snapshot, -1); !copied)
            return copied.error();
        auto contents = readSnapshot(snapshot);
        if (!contents)
            return contents.error();
        for (const StoredDocument &document : contents->documents) {
            const QString from = QDir(layout::documentsDir(backupDir)).filePath(document.storageName);
            const QString to = QDir(layout::documentsDir(staging)).filePath(document.storageName);
            if (auto copied = copyFile(from, to, document.size); !copied)
                return copied.error();
            auto hash = sha256Of(to);
            if (!hash)
                return hash.error();
            if (*hash != document.sha256)
                return StoreError::failure(
                    QStringLiteral("%1 does not match its SHA-256 in the backup's database").arg(from));
        }
        if (auto key = copySigningKey(backupDir, staging); !key)
            return key.error();
        return *summary;
    });
    if (!restored)
        return restored;

    // Into place: the documents first, the database last, so a store exists only once it is whole.
    QDir(layout::documentsDir(dataDir)).removeRecursively();
    const bool moved = QDir().rename(layout::documentsDir(staging), layout::documentsDir(dataDir))
        && (!QFileInfo::exists(QDir(staging).filePath(kSigningKey))
            || QFile::rename(QDir(staging).filePath(kSigningKey), QDir(dataDir).filePath(kSigningKey)))
        && QFile::rename(layout::databaseFile(staging), layout::databaseFile(dataDir));
    cleanUp();
    if (!moved)
        return StoreError::failure(QStringLiteral("cannot move the restored store into %1").arg(dataDir));
    auto store = Store::open(dataDir); // brings an older backup's schema up to date
    if (!store)
        return store.error();
    return restored;
}

} // namespace portal::store
