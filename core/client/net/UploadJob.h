// Uploads a document (POST /api/portal/documents/, multipart/form-data with "file", "title",
// "description", "case"), streaming the file from disk: QHttpMultiPart reads the QFile as the socket takes
// it, so memory stays flat whatever the size. Progress is reported while sending; cancel() aborts. With an
// Idempotency-Key (RequestOptions) the outbox can retry without creating the document twice on a server
// that honours it.
#pragma once

#include "JsonJob.h"
#include "WireTypes.h"

namespace portal::net {

struct UploadRequest
{
    QString filePath; // read when sent (and again if the request is replayed after a 401)
    QString fileName; // as the server shall know it; empty: the file's own name
    QString title;
    QString description;
    qint64 caseId = 0;
};

class UploadJob : public JsonJob<api::DocumentDetail>
{
    Q_OBJECT
public:
    UploadJob(Session *session, UploadRequest upload, RequestOptions options = {});

protected:
    QNetworkReply *send(QNetworkAccessManager &network, const QNetworkRequest &request) override;

private:
    UploadRequest m_upload;
};

} // namespace portal::net
