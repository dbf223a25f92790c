// The request and response as the handlers see them: plain values, independent of QHttpServer, whose API
// changes after 6.4. HttpAdapter converts from and to QHttpServer's types.
#pragma once

#include "ApiError.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>
#include <memory>
#include <optional>

class QIODevice;

namespace portal::http {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct Request
{
    QByteArray method; // upper case: GET, HEAD, POST, ...
    QString path; // decoded path, e.g. /api/portal/cases/1/
    QUrlQuery query;
    HeaderList headers; // names lower-cased
    QByteArray body;
    QHostAddress remoteAddress;
    QList<qint64> pathIds; // the {id} parts of the matched route, in order

    QByteArray header(const QByteArray &lowerCaseName) const; // empty when absent
    // The body as a JSON object, or an ApiError (400) saying why it is not one.
    std::optional<QJsonObject> jsonObject(ApiError *error) const;
};

// A response: a status, headers and either an in-memory body or a file range streamed from disk.
class Response
{
public:
    Response() = default;
    static Response json(const QJsonObject &object, int status = 200);
    static Response json(const QJsonArray &array, int status = 200);
    static Response error(const ApiError &error);
    static Response noContent(int status = 204);
    // Streams [offset, offset + length) of the file at `path` (opened when written), e.g. for 200/206.
    static Response file(const QString &path, qint64 offset, qint64 length, int status = 200);

    int status() const { return m_status; }
    const HeaderList &headers() const { return m_headers; }
    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    void setHeader(const QByteArray &name, const QByteArray &value); // replaces a header of the same name
    const QByteArray &body() const { return m_body; }
    void setBody(const QByteArray &body) { m_body = body; }
    void setStatus(int status) { m_status = status; }

    bool isFile() const { return !m_filePath.isEmpty(); }
    QString filePath() const { return m_filePath; }
    qint64 fileOffset() const { return m_fileOffset; }
    qint64 bodyLength() const { return isFile() ? m_fileLength : m_body.size(); }

private:
    int m_status = 200;
    HeaderList m_headers;
    QByteArray m_body;
    QString m_filePath;
    qint64 m_fileOffset = 0;
    qint64 m_fileLength = 0;
};

} // namespace portal::http
