#include "UploadStaging.h"

#include "OutboxLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

namespace portal::client {

CacheResult<StagedFile> stageUpload(const QString &stagingDir, const QString &sourcePath)
{
    const QFileInfo info(sourcePath);
    QFile source(sourcePath);
    if (!info.isFile() || !source.open(QIODevice::ReadOnly)) {
        return CacheError::make(
            CacheError::Kind::CannotOpen,
            QStringLiteral("Cannot read %1: %2")
                .arg(sourcePath, info.isFile() ? source.errorString() : QStringLiteral("not a file")));
    }
    const QString folder = stagingDir + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!QDir().mkpath(folder)) {
        return CacheError::make(CacheError::Kind::CannotOpen,
                                QStringLiteral("Cannot create the folder %1").arg(folder));
    }
    StagedFile staged;
    staged.fileName = info.fileName();
    staged.path = folder + QLatin1Char('/') + staged.fileName;
    QSaveFile copy(staged.path);
    if (!copy.open(QIODevice::WriteOnly)) {
        QDir(folder).removeRecursively();
        return CacheError::make(CacheError::Kind::CannotOpen,
                                QStringLiteral("Cannot write %1: %2").arg(staged.path, copy.errorString()));
    }
    QByteArray chunk;
    while (!source.atEnd()) {
        chunk = source.read(1024 * 1024);
        if (chunk.isEmpty() && source.error() != QFile::NoError)
            break;
        if (copy.write(chunk) != chunk.size()) {
            copy.cancelWriting();
            QDir(folder).removeRecursively();
            return CacheError::make(
                CacheError::Kind::DiskFull,
                QStringLiteral("Cannot copy %1 for upload: %2").arg(sourcePath, copy.errorString()));
        }
        staged.size += chunk.size();
    }
    if (source.error() != QFile::NoError || !copy.commit()) {
        const QString why = source.error() != QFile::NoError ? source.errorString() : copy.errorString();
        QDir(folder).removeRecursively();
        return CacheError::make(CacheError::Kind::DiskFull,
                                QStringLiteral("Cannot copy %1 for upload: %2").arg(sourcePath, why));
    }
    qCDebug(lcOutbox) << "staged an upload of" << staged.size << "bytes";
    return staged;
}

QJsonObject uploadFields(const QString &title, const QString &description, const StagedFile &file)
{
    return { { UploadField::title, title },
             { UploadField::description, description },
             { UploadField::fileName, file.fileName },
             { UploadField::fileSize, file.size },
             { UploadField::staged, true } };
}

void removeStagedCopy(const OutboxItem &item)
{
    if (item.kind != OutboxKind::Upload || !item.payload.value(UploadField::staged).toBool()
        || item.filePath.isEmpty())
        return;
    QFile::remove(item.filePath);
    QDir().rmdir(QFileInfo(item.filePath).absolutePath()); // only when empty
}

} // namespace portal::client
