#include "DownloadJob.h"

#include "NetLog.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <filesystem>
#include <system_error>

namespace portal::net {

namespace {

constexpr qint64 kReadBufferSize = 1024 * 1024;

struct ContentRange
{
    qint64 first = -1;
    qint64 total = -1;
};

// "bytes 100-199/1000" (the total may be "*").
std::optional<ContentRange> parseContentRange(const QByteArray &value)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$)"));
    const auto match = pattern.match(QString::fromLatin1(value));
    if (!match.hasMatch())
        return std::nullopt;
    ContentRange range;
    range.first = match.captured(1).toLongLong();
    if (match.captured(3) != QLatin1String("*"))
        range.total = match.captured(3).toLongLong();
    return range;
}

QByteArray readSmallFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(1024).trimmed();
}

} // namespace

DownloadJob::DownloadJob(Session *session, const QString &downloadPath, const QString &targetFile,
                         DownloadOptions options)
    : ApiJob(session, "GET", downloadPath, RequestOptions { {}, {}, options.timeoutMs })
    , m_target(targetFile)
    , m_downloadOptions(options)
{ }

QString DownloadJob::documentPath(qint64 documentId)
{
    return QStringLiteral("/api/portal/documents/%1/download/").arg(documentId);
}

bool DownloadJob::openPart(bool append)
{
    m_part.close();
    m_part.setFileName(partFile());
    const QIODevice::OpenMode mode
        = append ? QIODevice::WriteOnly | QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate;
    if (m_part.open(mode))
        return true;
    fail(NetError::make(NetError::Kind::Storage,
                        QStringLiteral("Cannot write %1: %2").arg(partFile(), m_part.errorString())));
    return false;
}

void DownloadJob::discardPart()
{
    m_part.close();
    QFile::remove(partFile());
    QFile::remove(etagFile());
}

void DownloadJob::decorate(QNetworkRequest &request)
{
    request.setRawHeader("Accept", "*/*");
    // No transparent decompression: Content-Length and ranges must count the file's own bytes.
    request.setRawHeader("Accept-Encoding", "identity");
    m_metaHandled = false;
    m_total = -1;
    m_part.close();
    const QFileInfo part(partFile());
    const QByteArray etag = readSmallFile(etagFile());
    m_requestedFrom = 0;
    // Without the ETag of the bytes we have, a resumed file could splice two versions: start over instead.
    if (part.exists() && part.size() > 0 && !etag.isEmpty()) {
        m_requestedFrom = part.size();
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_requestedFrom) + '-');
        request.setRawHeader("If-Range", etag);
    }
}

QNetworkReply *DownloadJob::send(QNetworkAccessManager &network, const QNetworkRequest &request)
{
    QNetworkReply *reply = ApiJob::send(network, request);
    if (reply)
        reply->setReadBufferSize(kReadBufferSize); // back-pressure: the socket waits while we write
    return reply;
}

void DownloadJob::onMetaData(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_metaHandled || status < 200 || status >= 300)
        return;
    m_metaHandled = true;
    bool resuming = false;
    if (status == 206) {
        const auto range = parseContentRange(reply->rawHeader("Content-Range"));
        if (!range || range->first != m_requestedFrom) {
            discardPart();
            fail(NetError::make(NetError::Kind::Malformed,
                                QStringLiteral("The server answered another range than the one asked for.")));
            return;
        }
        resuming = m_requestedFrom > 0;
        m_total = range->total;
    } else {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        m_total = length.isValid() ? length.toLongLong() : -1;
    }
    // A 200 is the whole file: whatever the .part held is replaced.
    m_resumedFrom = resuming ? m_requestedFrom : 0;
    m_written = m_resumedFrom;
    if (!openPart(resuming))
        return;
    const QByteArray etag = reply->rawHeader("ETag");
    QFile etagOut(etagFile());
    if (!etag.isEmpty() && etagOut.open(QIODevice::WriteOnly | QIODevice::Truncate))
        etagOut.write(etag);
    else if (etag.isEmpty())
        QFile::remove(etagFile());
    if (m_resumedFrom > 0)
        qCDebug(lcNet) << "resuming" << path() << "at" << m_resumedFrom;
}

void DownloadJob::onReadyRead(QNetworkReply *reply)
{
    if (!m_metaHandled)
        onMetaData(reply);
    if (isFinished() || !m_part.isOpen())
        return;
    while (reply->bytesAvailable() > 0) {
        const QByteArray chunk = reply->read(256 * 1024);
        if (chunk.isEmpty())
            break;
        if (m_part.write(chunk) != chunk.size()) {
            fail(NetError::make(NetError::Kind::Storage,
                                QStringLiteral("Cannot write %1: %2").arg(partFile(), m_part.errorString())));
            return;
        }
        m_written += chunk.size();
    }
    reportProgress(m_written, m_total);
}

NetError DownloadJob::onSuccess(QNetworkReply *reply, const QByteArray &)
{
    onReadyRead(reply); // what is left in the buffer
    if (isFinished())
        return error();
    if (!m_part.isOpen() && !openPart(false))
        return error(); // an empty answer: still an (empty) file
    if (!m_part.flush()) {
        return NetError::make(NetError::Kind::Storage,
                              QStringLiteral("Cannot write %1: %2").arg(partFile(), m_part.errorString()));
    }
    m_part.close();
    qint64 expected = m_total;
    if (m_downloadOptions.expectedSize >= 0) {
        if (expected >= 0 && expected != m_downloadOptions.expectedSize) {
            discardPart();
            return NetError::make(NetError::Kind::Malformed,
                                  QStringLiteral("The server sends %1 bytes where %2 were expected.")
                                      .arg(expected)
                                      .arg(m_downloadOptions.expectedSize));
        }
        expected = m_downloadOptions.expectedSize;
    }
    if (expected >= 0 && m_written != expected) {
        discardPart();
        return NetError::make(
            NetError::Kind::Malformed,
            QStringLiteral("The download is incomplete: %1 of %2 bytes.").arg(m_written).arg(expected));
    }
    // rename(2) replaces an existing target atomically, so a reader sees the old file or the new one.
    std::error_code failure;
    std::filesystem::rename(std::filesystem::path(partFile().toStdU16String()),
                            std::filesystem::path(m_target.toStdU16String()), failure);
    if (failure) {
        return NetError::make(NetError::Kind::Storage,
                              QStringLiteral("Cannot move the download to %1: %2")
                                  .arg(m_target, QString::fromStdString(failure.message())));
    }
    QFile::remove(etagFile());
    reportProgress(m_written, m_written);
    return {};
}

void DownloadJob::onFinished()
{
    // Kept on cancel and network errors, for a later resume; a 416 says it no longer fits the file.
    m_part.close();
    if (httpStatus() == 416)
        discardPart();
}

} // namespace portal::net
