#include "UploadJob.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>

namespace portal::net {

namespace {

QHttpPart textPart(const QByteArray &name, const QString &value)
{
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArray("form-data; name=\"" + name + '"'));
    part.setBody(value.toUtf8());
    return part;
}

QByteArray quotedFileName(const QString &name)
{
    QByteArray quoted = name.toUtf8();
    quoted.replace('\\', "\\\\").replace('"', "\\\"").replace('\r', ' ').replace('\n', ' ');
    return '"' + quoted + '"';
}

} // namespace

UploadJob::UploadJob(Session *session, UploadRequest upload, RequestOptions options)
    : JsonJob(session, "POST", QStringLiteral("/api/portal/documents/"), std::move(options))
    , m_upload(std::move(upload))
{ }

QNetworkReply *UploadJob::send(QNetworkAccessManager &network, const QNetworkRequest &request)
{
    auto *file = new QFile(m_upload.filePath);
    if (!file->open(QIODevice::ReadOnly)) {
        const QString why = file->errorString();
        delete file;
        fail(NetError::make(NetError::Kind::Storage,
                            QStringLiteral("Cannot read %1: %2").arg(m_upload.filePath, why)));
        return nullptr;
    }
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    // A repeat with the same Idempotency-Key must send the same bytes (the server compares a hash of the
    // body), so the boundary comes from the key instead of Qt's random one. A UUID is as unlikely to occur
    // in the file as Qt's own.
    if (!options().idempotencyKey.isEmpty())
        multipart->setBoundary("portal-upload-" + options().idempotencyKey);
    multipart->append(textPart("title", m_upload.title));
    multipart->append(textPart("description", m_upload.description));
    multipart->append(textPart("case", QString::number(m_upload.caseId)));
    QHttpPart filePart;
    const QString name
        = m_upload.fileName.isEmpty() ? QFileInfo(m_upload.filePath).fileName() : m_upload.fileName;
    filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QByteArray("form-data; name=\"file\"; filename=" + quotedFileName(name)));
    filePart.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    filePart.setBodyDevice(file);
    file->setParent(multipart);
    multipart->append(filePart);

    QNetworkReply *reply = network.post(request, multipart);
    multipart->setParent(reply);
    connect(reply, &QNetworkReply::uploadProgress, this,
            [this](qint64 sent, qint64 total) { reportProgress(sent, total); });
    return reply;
}

} // namespace portal::net
