// Records of downloaded document files, so a document downloaded once opens offline. The bytes live in the
// account's files/ folder (AccountPaths), never in the database; a record is trusted only while the file is
// there with the recorded size. A record goes with its document (the schema cascades).
#pragma once

#include "CacheError.h"

#include <QDateTime>
#include <QString>
#include <functional>
#include <optional>

namespace portal::client {

class CacheDatabase;

struct DocumentFile
{
    qint64 documentId = 0;
    QString localPath;
    qint64 size = 0;
    QString etag; // empty when unknown
    QString sha256; // hex, empty when unknown
    QDateTime downloadedAt;
    bool operator==(const DocumentFile &) const = default;
};

class DocumentFiles
{
public:
    DocumentFiles(CacheDatabase &database, std::function<void()> changed)
        : m_database(database)
        , m_changed(std::move(changed))
    { }

    // Records a finished download (downloadedAt defaults to now). The document must be in the cache
    // (Constraint otherwise).
    CacheResult<Done> record(const DocumentFile &file);
    CacheResult<std::optional<DocumentFile>> find(qint64 documentId);
    // The local path when the file is there with the recorded size; nullopt when it was never downloaded,
    // was removed or changed size (then the caller downloads it again).
    CacheResult<std::optional<QString>> localFile(qint64 documentId);
    CacheResult<Done> forget(qint64 documentId); // the record only; the caller removes the file

private:
    CacheDatabase &m_database;
    std::function<void()> m_changed;
};

} // namespace portal::client
