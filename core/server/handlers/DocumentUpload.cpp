// POST /api/portal/documents/ (changelog v1.1): multipart/form-data with "file", "title", optional
// "description" and "case". The size limit was enforced from Content-Length before QHttpServer buffered the
// body (GuardedTcpServer); here the file is written to the store's incoming folder with QSaveFile, hashed,
// and handed to the store, which moves it into place in the same step as the row is added.
#include "DocumentTransfers.h"
#include "Multipart.h"
#include "Respond.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QUuid>

namespace portal::server {

using http::ApiError;
using http::Response;

namespace {

const QString kRequired = QStringLiteral("This field is required.");

// Keeps only the last path component and drops control characters, so a name like "../../x" or
// "C:\\a\\b.pdf" cannot reach anything but Content-Disposition later.
QString sanitizedFileName(QString name)
{
    name.replace(QLatin1Char('\\'), QLatin1Char('/'));
    name = name.section(QLatin1Char('/'), -1);
    QString clean;
    for (QChar c : name) {
        if (c.unicode() >= 0x20 && c.unicode() != 0x7f)
            clean += c;
    }
    clean = clean.trimmed().left(255);
    if (clean.isEmpty() || clean == QLatin1String(".") || clean == QLatin1String(".."))
        clean = QStringLiteral("document");
    return clean;
}

struct UploadForm
{
    const http::MultipartPart *file = nullptr;
    QString title;
    QString description;
    qint64 caseId = 0;
};

std::optional<UploadForm> readForm(const QList<http::MultipartPart> &parts,
                                   std::optional<qint64> caseFromPath, api::FieldErrors *errors)
{
    UploadForm form;
    form.caseId = caseFromPath.value_or(0);
    bool hasTitle = false;
    bool hasCase = caseFromPath.has_value();
    for (const http::MultipartPart &part : parts) {
        const QString text = QString::fromUtf8(part.data.data(), part.data.size());
        if (part.name == QLatin1String("file")) {
            form.file = &part;
        } else if (part.name == QLatin1String("title")) {
            form.title = text;
            hasTitle = true;
        } else if (part.name == QLatin1String("description")) {
            form.description = text;
        } else if (part.name == QLatin1String("case") && !caseFromPath) {
            hasCase = true;
            bool ok = false;
            form.caseId = text.trimmed().toLongLong(&ok);
            if (!ok || form.caseId <= 0)
                (*errors)[QStringLiteral("case")] << QStringLiteral("A valid integer is required.");
        }
    }
    if (!form.file || !form.file->isFile())
        (*errors)[QStringLiteral("file")] << QStringLiteral("No file was submitted.");
    else if (form.file->data.isEmpty())
        (*errors)[QStringLiteral("file")] << QStringLiteral("The submitted file is empty.");
    if (!hasTitle)
        (*errors)[QStringLiteral("title")] << kRequired;
    if (!hasCase)
        (*errors)[QStringLiteral("case")] << kRequired;
    if (!errors->isEmpty())
        return std::nullopt;
    return form;
}

} // namespace

Response uploadDocument(Services &services, const http::Request &request, std::optional<qint64> caseFromPath,
                        const AddDocument &add)
{
    const QByteArray contentType = request.header("content-type");
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data")) {
        return Response::error(ApiError::make(ApiError::Kind::UnsupportedMediaType,
                                              QStringLiteral("Upload documents as multipart/form-data.")));
    }
    QString parseError;
    const auto parts = http::parseMultipartFormData(contentType, request.body, &parseError);
    if (!parts) {
        return Response::error(ApiError::make(
            ApiError::Kind::InvalidRequest, QStringLiteral("Malformed multipart body: %1").arg(parseError)));
    }
    api::FieldErrors errors;
    const auto form = readForm(*parts, caseFromPath, &errors);
    if (!form)
        return Response::error(ApiError::invalid(errors));

    store::NewDocument document;
    document.caseId = form->caseId;
    document.title = form->title;
    document.description = form->description;
    document.fileName = sanitizedFileName(form->file->fileName);
    document.contentType = QString::fromLatin1(form->file->contentType);
    if (document.contentType == QLatin1String("application/octet-stream"))
        document.contentType.clear(); // let the store guess from the name
    document.size = form->file->data.size();
    document.sha256 = QCryptographicHash::hash(form->file->data, QCryptographicHash::Sha256).toHex();
    document.incomingPath
        = QDir(services.store.documents().incomingDir())
              .filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".upload"));

    QSaveFile file(document.incomingPath);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(form->file->data.data(), form->file->data.size()) != document.size || !file.commit()) {
        // A full disk or a missing folder: the upload is refused, nothing half-written is left behind.
        return Response::error(toApiError(store::StoreError::failure(
            QStringLiteral("cannot write upload %1: %2").arg(document.incomingPath, file.errorString()))));
    }
    auto added = add(document);
    if (!added)
        QFile::remove(document.incomingPath); // the store removes it too; this covers early refusals
    return respond(added, 201);
}

} // namespace portal::server
