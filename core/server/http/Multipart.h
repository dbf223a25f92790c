// A multipart/form-data parser (RFC 7578) for document uploads: QHttpServer 6.4 has none on the server side
// (QHttpMultiPart only builds requests). QHttpServer buffers the whole request body before the handler runs,
// so the parser works on that buffer and hands out views into it instead of copying file contents.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace portal::http {

struct MultipartPart
{
    QString name; // the form field name (Content-Disposition name=)
    // The client's file name: filename*=UTF-8''... (RFC 5987) when given, else filename=; empty for plain
    // fields. Untrusted text: it may contain path separators and must never be used as a path.
    QString fileName;
    QByteArray contentType; // as sent, e.g. "application/pdf"; empty when absent (RFC 7578: text/plain)
    QByteArrayView data; // points into the body passed to parseMultipartFormData(): keep that body alive

    bool isFile() const { return !fileName.isEmpty(); }
};

struct MultipartLimits
{
    qsizetype maxParts = 100; // more parts than this is an error, not a truncation
    qsizetype maxPartHeaderSize = 8 * 1024; // bytes of one part's header block
};

// The boundary parameter of a multipart/form-data Content-Type value (quoted or not), or nullopt with
// `error` set when the value is not multipart/form-data or has no usable boundary.
std::optional<QByteArray> multipartBoundary(QByteArrayView contentType, QString *error = nullptr);

// Splits `body` into its parts. Returns nullopt with `error` set (a sentence for the API's error message)
// when the body is not well-formed: no opening or closing boundary, a part without Content-Disposition
// form-data and a name, unterminated part headers, or more parts than allowed. Text before the first
// boundary (preamble) and after the last one (epilogue) is ignored; bare LF line endings are accepted.
std::optional<QList<MultipartPart>> parseMultipartFormData(QByteArrayView contentType, QByteArrayView body,
                                                           QString *error = nullptr,
                                                           const MultipartLimits &limits = {});

} // namespace portal::http
