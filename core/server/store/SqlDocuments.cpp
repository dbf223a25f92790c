// Documents on a client's cases: metadata in the database, the bytes in the data folder's documents/ under a
// generated name. An upload arrives as a file in incoming/ (same file system) and becomes a document by a
// rename in the same step as its row is inserted, so that neither exists without the other.
#include "Database.h"
#include "DocumentTypes.h"
#include "EventWording.h"
#include "InputChecks.h"
#include "SqlRepositories.h"
#include "SyncChanges.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace portal::store {

namespace {

constexpr qsizetype kMaxTitleLength = 200;
constexpr qsizetype kMaxDescriptionLength = 2000;

const QString kSelectDocument = QStringLiteral(
    "SELECT d.id, d.title, d.description, d.file_type, d.file_size, d.uploaded_at, c.id, c.title "
    "FROM documents d JOIN cases c ON c.id = d.case_id WHERE c.client_id = ? ");

api::Document readDocument(const SqlRow &row)
{
    return { row.integer(0), row.text(1),      row.text(2),   row.text(3),
             row.integer(4), row.timestamp(5), row.caseRef(6) };
}

api::DocumentDetail withDownloadUrl(api::Document document)
{
    const QString url = QStringLiteral("/api/portal/documents/%1/download/").arg(document.id);
    return { std::move(document), url };
}

std::optional<QByteArray> sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return std::nullopt;
    return hash.result().toHex();
}

} // namespace

Result<QList<api::Document>> SqlDocuments::list(const Caller &caller)
{
    static const QString sql = kSelectDocument + QStringLiteral("ORDER BY d.uploaded_at DESC, d.id DESC");
    return m_database.selectAll<api::Document>(sql, { caller.clientId }, readDocument);
}

Result<api::DocumentDetail> SqlDocuments::detail(const Caller &caller, qint64 documentId)
{
    static const QString sql = kSelectDocument + QStringLiteral("AND d.id = ?");
    auto document = m_database.selectOne<api::Document>(sql, { caller.clientId, documentId }, readDocument);
    if (!document)
        return document.error();
    return withDownloadUrl(document.take());
}

Result<StoredFile> SqlDocuments::file(const Caller &caller, qint64 documentId)
{
    static const QString sql = QStringLiteral(
        "SELECT d.storage_name, d.file_name, d.content_type, d.file_size, d.sha256 "
        "FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id = ? AND c.client_id = ?");
    auto stored
        = m_database.selectOne<StoredFile>(sql, { documentId, caller.clientId }, [&](const SqlRow &row) {
              return StoredFile { QDir(m_documentsDir).filePath(row.text(0)), row.text(1), row.text(2),
                                  row.integer(3), row.text(4).toLatin1() };
          });
    if (stored && !QFileInfo(stored->path).isFile()) {
        qCWarning(lcStore) << "the file of document" << documentId << "is missing:" << stored->path;
        return StoreError::failure(
            QStringLiteral("the file of document %1 is missing: %2").arg(documentId).arg(stored->path));
    }
    return stored;
}

Result<api::DocumentDetail> SqlDocuments::add(const Caller &caller, const NewDocument &document)
{
    // Only a file in our incoming folder is ours to move or remove; anything else is a caller's mistake.
    const QFileInfo incoming(document.incomingPath);
    if (!incoming.isFile() || incoming.absoluteDir() != QDir(m_incomingDir)) {
        return StoreError::failure(
            QStringLiteral("the upload %1 is not a file in %2").arg(document.incomingPath, m_incomingDir));
    }
    const QString storagePath
        = QDir(m_documentsDir).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces));
    auto added = insert(caller, document, storagePath);
    if (!added) {
        // Whichever step failed, the upload goes: still in incoming/, or already renamed when the commit
        // failed after the rename.
        QFile::remove(document.incomingPath);
        QFile::remove(storagePath);
    }
    return added;
}

Result<api::DocumentDetail> SqlDocuments::insert(const Caller &caller, const NewDocument &document,
                                                 const QString &storagePath)
{
    InputChecks checks;
    checks.requireText(QStringLiteral("title"), document.title, kMaxTitleLength);
    checks.limitText(QStringLiteral("description"), document.description, kMaxDescriptionLength);
    if (document.fileName.trimmed().isEmpty())
        checks.add(QStringLiteral("file"), QStringLiteral("No file was submitted."));

    // The size is the file's own; the hash is taken again only when the caller did not compute it while
    // receiving the bytes.
    const qint64 size = QFileInfo(document.incomingPath).size();
    QByteArray sha256 = document.sha256;
    if (sha256.isEmpty()) {
        auto computed = sha256Of(document.incomingPath);
        if (!computed)
            return StoreError::failure(
                QStringLiteral("cannot read the upload %1").arg(document.incomingPath));
        sha256 = *computed;
    }
    const QString fileType
        = document.fileType.isEmpty() ? fileTypeFromName(document.fileName) : document.fileType;
    const QString contentType
        = document.contentType.isEmpty() ? contentTypeFromName(document.fileName) : document.contentType;
    const QDateTime uploadedAt = document.uploadedAt.value_or(QDateTime::currentDateTimeUtc());

    return m_database.inTransaction(Database::Access::Write, [&]() -> Result<api::DocumentDetail> {
        if (auto found = findCallerCase(m_database, caller, document.caseId); !found) {
            if (found.error().kind != StoreError::Kind::NotFound)
                return found.error();
            checks.unknownObject(QStringLiteral("case"), document.caseId);
        }
        if (!checks.passed())
            return checks.error();

        auto id = m_database.insert(
            QStringLiteral("INSERT INTO documents (case_id, title, description, file_type, file_name, "
                           "content_type, storage_name, file_size, sha256, uploaded_at, uploaded_by) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            { document.caseId, document.title, document.description, fileType, document.fileName, contentType,
              QFileInfo(storagePath).fileName(), size, QString::fromLatin1(sha256), sqlTimestamp(uploadedAt),
              caller.userId });
        if (!id)
            return id.error();
        if (auto touched = sync::touchOne(m_database, sync::Kind::Document, *id, caller.clientId); !touched)
            return touched.error();
        auto added = detail(caller, *id);
        if (!added)
            return added.error();
        if (auto recorded = m_events.record(events::documentUploaded(caller.clientId, caller.userId, *id,
                                                                     document.caseId, document.title));
            !recorded)
            return recorded.error();
        // Last, so that only the commit can still fail after the file is in place.
        if (!QFile::rename(document.incomingPath, storagePath)) {
            qCWarning(lcStore) << "cannot move" << document.incomingPath << "to" << storagePath;
            return StoreError::failure(
                QStringLiteral("cannot move the upload %1 to %2").arg(document.incomingPath, storagePath));
        }
        // This transaction may be part of a larger one (an Idempotency-Key's), which can still roll back.
        m_database.onRollback([storagePath] { QFile::remove(storagePath); });
        return added;
    });
}

} // namespace portal::store
