#include "DocumentFiles.h"

#include "CacheDatabase.h"

#include <QFileInfo>

namespace portal::client {

CacheResult<Done> DocumentFiles::record(const DocumentFile &file)
{
    const QDateTime downloadedAt
        = file.downloadedAt.isValid() ? file.downloadedAt : QDateTime::currentDateTimeUtc();
    auto done = m_database.exec(
        QStringLiteral(
            "INSERT INTO document_files (document_id, local_path, file_size, etag, sha256, "
            "downloaded_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (document_id) DO UPDATE SET "
            "local_path = excluded.local_path, file_size = excluded.file_size, etag = excluded.etag, "
            "sha256 = excluded.sha256, downloaded_at = excluded.downloaded_at"),
        { file.documentId, sqlText(file.localPath), file.size, sqlText(file.etag), sqlText(file.sha256),
          sqlTimestamp(downloadedAt) });
    if (done && m_changed)
        m_changed();
    return done;
}

CacheResult<std::optional<DocumentFile>> DocumentFiles::find(qint64 documentId)
{
    return m_database.selectOne<DocumentFile>(
        QStringLiteral("SELECT document_id, local_path, file_size, etag, sha256, downloaded_at "
                       "FROM document_files WHERE document_id = ?"),
        { documentId }, [](const CacheRow &row) {
            return DocumentFile { row.integer(0), row.text(1), row.integer(2),
                                  row.text(3),    row.text(4), row.timestamp(5) };
        });
}

CacheResult<std::optional<QString>> DocumentFiles::localFile(qint64 documentId)
{
    auto found = find(documentId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return std::optional<QString>();
    const DocumentFile &file = **found;
    const QFileInfo info(file.localPath);
    if (!info.isFile() || info.size() != file.size)
        return std::optional<QString>();
    return std::optional<QString>(file.localPath);
}

CacheResult<Done> DocumentFiles::forget(qint64 documentId)
{
    auto done
        = m_database.exec(QStringLiteral("DELETE FROM document_files WHERE document_id = ?"), { documentId });
    if (done && m_changed)
        m_changed();
    return done;
}

} // namespace portal::client
