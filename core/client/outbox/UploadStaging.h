// The copy of a file the person chose to upload, kept in the account's folder until the upload has gone
// out. The outbox may send it minutes or days later (offline, a restart, a retry); by then the original may
// be deleted, moved or half-way through being edited, and a retry must send the same bytes (the server
// compares an Idempotency-Key's repeat byte for byte). So the file is copied at once, through QSaveFile (a
// crash or a full disk leaves no half copy), and the copy is what the upload reads and what goes away
// after it was sent or discarded.
#pragma once

#include "CacheError.h"
#include "Outbox.h"

#include <QString>

namespace portal::client {

struct StagedFile
{
    QString path; // the copy
    QString fileName; // the original's name, as the server shall know it
    qint64 size = 0;
};

// Copies `sourcePath` into `stagingDir`/<uuid>/<name>. CannotOpen when the source cannot be read or is not
// a file, DiskFull when the copy cannot be written whole.
CacheResult<StagedFile> stageUpload(const QString &stagingDir, const QString &sourcePath);

// The upload item's form fields as the outbox keeps them (title, description, the file's name and size).
QJsonObject uploadFields(const QString &title, const QString &description, const StagedFile &file);

// Removes an upload item's copy (and its folder once empty) when the item made one; other files are the
// person's and stay.
void removeStagedCopy(const OutboxItem &item);

namespace UploadField {
inline const QString title = QStringLiteral("title");
inline const QString description = QStringLiteral("description");
inline const QString fileName = QStringLiteral("file_name");
inline const QString fileSize = QStringLiteral("file_size");
inline const QString staged = QStringLiteral("staged"); // true: filePath is our copy
} // namespace UploadField

} // namespace portal::client
