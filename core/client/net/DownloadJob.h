// Downloads a document to a file without holding it in memory: the bytes go to "<target>.part" as they
// arrive (with back-pressure: the reply buffers at most 1 MB), and only a complete file (its size checked
// against Content-Length / Content-Range / the expected size) replaces the target, by an atomic rename.
//
// Cancelling or losing the connection keeps the .part; the next DownloadJob for the same target resumes it
// with "Range: bytes=N-" and "If-Range: <ETag>" (the ETag is kept beside it in "<target>.part.etag"). A 206
// continues the file; a 200 (the document changed, or the server ignores ranges) starts it over.
#pragma once

#include "JsonJob.h"

#include <QFile>

namespace portal::net {

struct DownloadOptions
{
    qint64 expectedSize = -1; // the document's file_size when known: a different total is an error
    int timeoutMs = 0; // without progress; 0: the session's default
};

class DownloadJob : public ApiJob
{
    Q_OBJECT
public:
    // `downloadPath`: the document's download_url ("/api/portal/documents/7/download/").
    DownloadJob(Session *session, const QString &downloadPath, const QString &targetFile,
                DownloadOptions options = {});
    static QString documentPath(qint64 documentId);

    QString targetFile() const { return m_target; }
    QString partFile() const { return m_target + QStringLiteral(".part"); }
    qint64 resumedFrom() const
    {
        return m_resumedFrom;
    } // bytes kept from an earlier attempt (0: from scratch)
    qint64 bytesWritten() const { return m_written; }

protected:
    void decorate(QNetworkRequest &request) override;
    QNetworkReply *send(QNetworkAccessManager &network, const QNetworkRequest &request) override;
    bool streamsBody() const override { return true; }
    void onMetaData(QNetworkReply *reply) override;
    void onReadyRead(QNetworkReply *reply) override;
    NetError onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void onFinished() override;

private:
    bool openPart(bool append);
    void discardPart();
    QString etagFile() const { return partFile() + QStringLiteral(".etag"); }

    QString m_target;
    DownloadOptions m_downloadOptions;
    QFile m_part;
    qint64 m_requestedFrom = 0; // the Range asked for in this attempt
    qint64 m_resumedFrom = 0; // where this attempt's bytes start in the file
    qint64 m_written = 0; // bytes in the .part
    qint64 m_total = -1; // the whole file's size, as the answer announces it
    bool m_metaHandled = false;
};

} // namespace portal::net
