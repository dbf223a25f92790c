// An account's document files: downloads into the account's files/ folder, recorded in the cache so a
// document once fetched opens offline, and uploads that go through the outbox (so they survive being
// offline and a restart). One download per document at a time; a file already there with the document's
// size is not fetched again. A cancelled or broken download keeps its .part and resumes next time.
#pragma once

#include "AccountPaths.h"
#include "ClientCache.h"
#include "Session.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <optional>

namespace portal::net {
class DownloadJob;
}

namespace portal::client {

class DocumentTransfers : public QObject
{
    Q_OBJECT
public:
    DocumentTransfers(net::Session &session, ClientCache &cache, AccountPaths paths,
                      QObject *parent = nullptr);
    ~DocumentTransfers() override;

    // Starts fetching the document (it must be in the cache); finishes with downloadFinished or
    // downloadFailed, at once (from the event loop) when the file is already here. False when the document
    // is unknown to the cache (downloadFailed says so too).
    bool download(qint64 documentId);
    void cancelDownload(qint64 documentId); // keeps the .part; downloadCancelled follows
    bool isDownloading(qint64 documentId) const { return m_downloads.contains(documentId); }

    // The downloaded file, when it is there whole (for opening offline); nullopt otherwise.
    std::optional<QString> localFile(qint64 documentId);

    // Copies the file into the account's folder (see UploadStaging.h) and enqueues its upload; the
    // OutboxSender sends it. CannotOpen/DiskFull when the copy fails; nothing is enqueued then.
    CacheResult<OutboxItem> upload(qint64 caseId, const QString &filePath, const QString &title,
                                   const QString &description = {});

    QString stagingDir() const; // accountDir/outgoing

signals:
    void downloadProgress(qint64 documentId, qint64 received, qint64 total);
    void downloadFinished(qint64 documentId, const QString &localPath);
    void downloadFailed(qint64 documentId, const QString &message);
    void downloadCancelled(qint64 documentId);

private:
    void finished(qint64 documentId, net::DownloadJob *job, qint64 expectedSize);

    net::Session &m_session;
    ClientCache &m_cache;
    AccountPaths m_paths;
    QHash<qint64, QPointer<net::DownloadJob>> m_downloads;
};

// The name a downloaded document's file gets: its title, with the extension of its file type.
QString documentFileName(const api::Document &document);

} // namespace portal::client
