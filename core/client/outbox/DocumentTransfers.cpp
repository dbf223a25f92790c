#include "DocumentTransfers.h"

#include "DownloadJob.h"
#include "OutboxLog.h"
#include "UploadStaging.h"

#include <QFileInfo>

namespace portal::client {

QString documentFileName(const api::Document &document)
{
    QString name = document.title.trimmed();
    if (name.isEmpty())
        name = QStringLiteral("document-%1").arg(document.id);
    const QString extension = document.fileType.trimmed().toLower();
    if (!extension.isEmpty() && !name.endsWith(QLatin1Char('.') + extension, Qt::CaseInsensitive))
        name += QLatin1Char('.') + extension;
    return name;
}

DocumentTransfers::DocumentTransfers(net::Session &session, ClientCache &cache, AccountPaths paths,
                                     QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(cache)
    , m_paths(std::move(paths))
{ }

DocumentTransfers::~DocumentTransfers()
{
    for (const QPointer<net::DownloadJob> &job : std::as_const(m_downloads)) {
        if (job) {
            job->disconnect(this);
            job->cancel();
        }
    }
}

QString DocumentTransfers::stagingDir() const
{
    return m_paths.accountDir() + QStringLiteral("/outgoing");
}

std::optional<QString> DocumentTransfers::localFile(qint64 documentId)
{
    auto local = m_cache.documentFiles().localFile(documentId);
    return local ? *local : std::nullopt;
}

bool DocumentTransfers::download(qint64 documentId)
{
    if (m_downloads.contains(documentId))
        return true;
    auto document = m_cache.document(documentId);
    if (!document || !document->has_value()) {
        const QString message
            = document ? QStringLiteral("The document is not known here.") : document.error().message;
        QMetaObject::invokeMethod(
            this, [this, documentId, message] { emit downloadFailed(documentId, message); },
            Qt::QueuedConnection);
        return false;
    }
    const api::DocumentDetail detail = **document;
    const qint64 expectedSize = detail.document.fileSize;

    // Already here whole: no request.
    if (auto recorded = m_cache.documentFiles().find(documentId); recorded && recorded->has_value()) {
        const QString path = (*recorded)->localPath;
        if (localFile(documentId) && (expectedSize <= 0 || (*recorded)->size == expectedSize)) {
            QMetaObject::invokeMethod(
                this, [this, documentId, path] { emit downloadFinished(documentId, path); },
                Qt::QueuedConnection);
            return true;
        }
    }

    if (auto created = m_paths.create(); !created) {
        const QString message = created.error().message;
        QMetaObject::invokeMethod(
            this, [this, documentId, message] { emit downloadFailed(documentId, message); },
            Qt::QueuedConnection);
        return false;
    }
    const QString target = m_paths.documentFilePath(documentId, documentFileName(detail.document));
    const QString path
        = detail.downloadUrl.isEmpty() ? net::DownloadJob::documentPath(documentId) : detail.downloadUrl;
    net::DownloadOptions options;
    options.expectedSize = expectedSize > 0 ? expectedSize : -1;
    auto *job = new net::DownloadJob(&m_session, path, target, options);
    m_downloads.insert(documentId, job);
    connect(job, &net::ApiJob::progress, this, [this, documentId](qint64 received, qint64 total) {
        emit downloadProgress(documentId, received, total);
    });
    connect(job, &net::ApiJob::finished, this,
            [this, documentId, job, expectedSize] { finished(documentId, job, expectedSize); });
    qCDebug(lcOutbox) << "downloading document" << documentId;
    job->start();
    return true;
}

void DocumentTransfers::cancelDownload(qint64 documentId)
{
    if (const QPointer<net::DownloadJob> job = m_downloads.value(documentId))
        job->cancel();
}

void DocumentTransfers::finished(qint64 documentId, net::DownloadJob *job, qint64 expectedSize)
{
    m_downloads.remove(documentId);
    const net::NetError error = job->error();
    if (error.kind == net::NetError::Kind::Cancelled) {
        emit downloadCancelled(documentId);
        return;
    }
    if (error.isError()) {
        emit downloadFailed(documentId, error.message);
        return;
    }
    DocumentFile file;
    file.documentId = documentId;
    file.localPath = job->targetFile();
    file.size = QFileInfo(file.localPath).size();
    file.etag = QString::fromLatin1(job->etag());
    if (expectedSize > 0 && file.size != expectedSize) {
        emit downloadFailed(documentId,
                            QStringLiteral("The downloaded file has %1 bytes where %2 were expected.")
                                .arg(file.size)
                                .arg(expectedSize));
        return;
    }
    if (auto recorded = m_cache.documentFiles().record(file); !recorded) {
        emit downloadFailed(documentId, recorded.error().message);
        return;
    }
    emit downloadFinished(documentId, file.localPath);
}

CacheResult<OutboxItem> DocumentTransfers::upload(qint64 caseId, const QString &filePath,
                                                  const QString &title, const QString &description)
{
    auto staged = stageUpload(stagingDir(), filePath);
    if (!staged)
        return staged.error();
    auto item = m_cache.outbox().enqueue(
        OutboxRequest::upload(caseId, uploadFields(title, description, *staged), staged->path));
    if (!item) {
        OutboxItem copy;
        copy.kind = OutboxKind::Upload;
        copy.filePath = staged->path;
        copy.payload = uploadFields(title, description, *staged);
        removeStagedCopy(copy);
    }
    return item;
}

} // namespace portal::client
