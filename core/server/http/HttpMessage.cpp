#include "HttpMessage.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace portal::http {

namespace {

const QByteArray kJsonType = QByteArrayLiteral("application/json");

QByteArray findHeader(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

QByteArray Request::header(const QByteArray &lowerCaseName) const
{
    for (const auto &[key, value] : headers) {
        if (key == lowerCaseName)
            return value;
    }
    return {};
}

std::optional<QJsonObject> Request::jsonObject(ApiError *error) const
{
    const QByteArray type = header("content-type");
    // Accept a missing type (curl -d without -H) but refuse forms and other declared media types.
    if (!type.isEmpty() && !type.trimmed().toLower().startsWith(kJsonType)) {
        if (error)
            *error = ApiError::make(ApiError::Kind::UnsupportedMediaType,
                                    QStringLiteral("Unsupported media type \"%1\" in request; expected "
                                                   "application/json.")
                                        .arg(QString::fromLatin1(type)));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = ApiError::make(ApiError::Kind::InvalidRequest,
                                    QStringLiteral("JSON parse error at offset %1: %2.")
                                        .arg(parseError.offset)
                                        .arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error)
            *error = ApiError::make(ApiError::Kind::InvalidRequest,
                                    QStringLiteral("Expected a JSON object in the request body."));
        return std::nullopt;
    }
    return document.object();
}

Response Response::json(const QJsonObject &object, int status)
{
    Response response;
    response.m_status = status;
    response.m_body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", kJsonType);
    return response;
}

Response Response::json(const QJsonArray &array, int status)
{
    Response response;
    response.m_status = status;
    response.m_body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", kJsonType);
    return response;
}

Response Response::error(const ApiError &error)
{
    Response response = json(error.envelope().toJson(), error.status());
    for (const auto &[name, value] : error.headers)
        response.setHeader(name, value);
    return response;
}

Response Response::noContent(int status)
{
    Response response;
    response.m_status = status;
    return response;
}

Response Response::file(const QString &path, qint64 offset, qint64 length, int status)
{
    Response response;
    response.m_status = status;
    response.m_filePath = path;
    response.m_fileOffset = offset;
    response.m_fileLength = length;
    return response;
}

QByteArray Response::header(const QByteArray &name) const
{
    return findHeader(m_headers, name);
}

void Response::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &[key, existing] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            existing = value;
            return;
        }
    }
    m_headers.append({ name, value });
}

} // namespace portal::http
