#include "Multipart.h"

#include <QPair>

namespace portal::http {

namespace {

constexpr qsizetype kMaxBoundaryLength = 70; // RFC 2046, section 5.1.1

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && isSpace(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && (isSpace(text.back()) || text.back() == '\r'))
        text.chop(1);
    return text;
}

// A header value with parameters: `type; name=token; name="quoted string"` (Content-Type,
// Content-Disposition). Parameter names are lower-cased.
struct ParameterizedValue
{
    QByteArray value;
    QList<QPair<QByteArray, QByteArray>> parameters;

    std::optional<QByteArray> parameter(QByteArrayView name) const
    {
        for (const auto &[key, parameterValue] : parameters) {
            if (key == name)
                return parameterValue;
        }
        return std::nullopt;
    }
};

ParameterizedValue parseParameterizedValue(QByteArrayView text)
{
    ParameterizedValue result;
    qsizetype pos = text.indexOf(';');
    result.value = trimmed(pos < 0 ? text : text.first(pos)).toByteArray().toLower();
    if (pos < 0)
        return result;

    while (pos < text.size()) {
        ++pos; // the ';'
        while (pos < text.size() && isSpace(text[pos]))
            ++pos;
        qsizetype nameEnd = pos;
        while (nameEnd < text.size() && text[nameEnd] != '=' && text[nameEnd] != ';')
            ++nameEnd;
        const QByteArray name = trimmed(text.sliced(pos, nameEnd - pos)).toByteArray().toLower();
        pos = nameEnd;
        QByteArray value;
        if (pos < text.size() && text[pos] == '=') {
            ++pos;
            while (pos < text.size() && isSpace(text[pos]))
                ++pos;
            if (pos < text.size() && text[pos] == '"') {
                // quoted-string. Browsers do not escape backslashes in file names (WHATWG HTML), so
                // only \" and \\ are taken as escapes, like Go's mime package does.
                ++pos;
                while (pos < text.size() && text[pos] != '"') {
                    if (text[pos] == '\\' && pos + 1 < text.size()
                        && (text[pos + 1] == '"' || text[pos + 1] == '\\'))
                        ++pos;
                    value.append(text[pos]);
                    ++pos;
                }
                if (pos < text.size())
                    ++pos; // the closing quote; an unterminated string ends with the value
                while (pos < text.size() && text[pos] != ';')
                    ++pos;
            } else {
                qsizetype valueEnd = pos;
                while (valueEnd < text.size() && text[valueEnd] != ';')
                    ++valueEnd;
                value = trimmed(text.sliced(pos, valueEnd - pos)).toByteArray();
                pos = valueEnd;
            }
        }
        if (!name.isEmpty())
            result.parameters.append({ name, value });
    }
    return result;
}

// RFC 5987 ext-value: charset "'" [language] "'" value-chars, e.g. UTF-8''%e2%82%ac%20rates.pdf.
std::optional<QString> decodeExtendedValue(const QByteArray &extValue)
{
    const qsizetype firstQuote = extValue.indexOf('\'');
    const qsizetype secondQuote = firstQuote < 0 ? -1 : extValue.indexOf('\'', firstQuote + 1);
    if (secondQuote < 0)
        return std::nullopt;
    const QByteArray charset = extValue.first(firstQuote).toLower();
    const QByteArray decoded = QByteArray::fromPercentEncoding(extValue.sliced(secondQuote + 1));
    if (charset == "utf-8")
        return QString::fromUtf8(decoded);
    if (charset == "iso-8859-1")
        return QString::fromLatin1(decoded);
    return std::nullopt;
}

struct PartHeaders
{
    QByteArray contentDisposition;
    QByteArray contentType;
};

// Parses the header block starting at `pos` (up to and including its empty line) and moves `pos` past it.
std::optional<PartHeaders> parsePartHeaders(QByteArrayView body, qsizetype &pos, qsizetype maxSize,
                                            QString *error)
{
    PartHeaders headers;
    QByteArray *lastValue = nullptr;
    const qsizetype start = pos;
    while (true) {
        const qsizetype lineEnd = body.indexOf('\n', pos);
        if (lineEnd < 0 || lineEnd - start > maxSize) {
            setError(error,
                     lineEnd < 0 ? QStringLiteral("A part's headers are not terminated by an empty line.")
                                 : QStringLiteral("A part's headers are too large."));
            return std::nullopt;
        }
        QByteArrayView line = body.sliced(pos, lineEnd - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = lineEnd + 1;
        if (line.isEmpty())
            return headers;
        if (isSpace(line.front())) { // obsolete line folding continues the previous header
            if (lastValue)
                lastValue->append(' ').append(trimmed(line));
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            setError(error, QStringLiteral("A part has a malformed header line."));
            return std::nullopt;
        }
        const QByteArrayView name = trimmed(line.first(colon));
        const QByteArray value = trimmed(line.sliced(colon + 1)).toByteArray();
        if (name.compare("content-disposition", Qt::CaseInsensitive) == 0) {
            headers.contentDisposition = value;
            lastValue = &headers.contentDisposition;
        } else if (name.compare("content-type", Qt::CaseInsensitive) == 0) {
            headers.contentType = value;
            lastValue = &headers.contentType;
        } else {
            lastValue = nullptr; // Content-Transfer-Encoding and others are ignored (RFC 7578, 4.7)
        }
    }
}

// Where a delimiter line ends: after "--" (the closing delimiter) or after optional padding and a line
// break. Returns -1 when `at` is followed by neither, i.e. the delimiter text is only a prefix of content.
qsizetype delimiterLineEnd(QByteArrayView body, qsizetype at, bool *closing)
{
    *closing = body.sliced(at).startsWith("--");
    if (*closing)
        return at + 2;
    while (at < body.size() && isSpace(body[at]))
        ++at;
    if (body.sliced(at).startsWith("\r\n"))
        return at + 2;
    if (body.sliced(at).startsWith("\n"))
        return at + 1;
    return -1;
}

// Finds the next delimiter line at or after `from`: "--boundary" at the start of the body or of a line,
// followed by "--" or by a line break. Returns the index of the delimiter text or -1; `lineEnd` receives
// the index after the delimiter line.
qsizetype findDelimiter(QByteArrayView body, QByteArrayView delimiter, qsizetype from, qsizetype *lineEnd,
                        bool *closing)
{
    for (qsizetype at = body.indexOf(delimiter, from); at >= 0; at = body.indexOf(delimiter, at + 1)) {
        if (at > 0 && body[at - 1] != '\n')
            continue;
        *lineEnd = delimiterLineEnd(body, at + delimiter.size(), closing);
        if (*lineEnd >= 0)
            return at;
    }
    return -1;
}

} // namespace

std::optional<QByteArray> multipartBoundary(QByteArrayView contentType, QString *error)
{
    const ParameterizedValue type = parseParameterizedValue(contentType);
    if (type.value != "multipart/form-data") {
        setError(error, QStringLiteral("Expected a multipart/form-data body."));
        return std::nullopt;
    }
    const std::optional<QByteArray> boundary = type.parameter("boundary");
    if (!boundary || boundary->isEmpty() || boundary->size() > kMaxBoundaryLength || boundary->contains('\r')
        || boundary->contains('\n')) {
        setError(error, QStringLiteral("The multipart/form-data Content-Type has no valid boundary."));
        return std::nullopt;
    }
    return boundary;
}

std::optional<QList<MultipartPart>> parseMultipartFormData(QByteArrayView contentType, QByteArrayView body,
                                                           QString *error, const MultipartLimits &limits)
{
    const std::optional<QByteArray> boundary = multipartBoundary(contentType, error);
    if (!boundary)
        return std::nullopt;
    const QByteArray delimiter = "--" + *boundary;

    // Anything before the first delimiter line is preamble.
    qsizetype pos = 0;
    bool closing = false;
    if (findDelimiter(body, delimiter, 0, &pos, &closing) < 0) {
        setError(error, QStringLiteral("The multipart body has no opening boundary."));
        return std::nullopt;
    }

    QList<MultipartPart> parts;
    while (!closing) {
        if (parts.size() >= limits.maxParts) {
            setError(error,
                     QStringLiteral("The multipart body has more than %1 parts.").arg(limits.maxParts));
            return std::nullopt;
        }
        const std::optional<PartHeaders> headers
            = parsePartHeaders(body, pos, limits.maxPartHeaderSize, error);
        if (!headers)
            return std::nullopt;

        // The content runs up to the line break before the next delimiter line. The search starts at the
        // content, so a delimiter right after the empty header line is an empty part.
        const qsizetype dataStart = pos;
        const qsizetype found = findDelimiter(body, delimiter, dataStart, &pos, &closing);
        if (found < 0) {
            setError(error, QStringLiteral("The multipart body ends without its closing boundary."));
            return std::nullopt;
        }
        qsizetype dataEnd = found - 1; // the line feed
        if (dataEnd > dataStart && body[dataEnd - 1] == '\r')
            --dataEnd;
        dataEnd = qMax(dataEnd, dataStart);

        const ParameterizedValue disposition = parseParameterizedValue(headers->contentDisposition);
        const std::optional<QByteArray> name = disposition.parameter("name");
        if (disposition.value != "form-data" || !name) {
            setError(error, QStringLiteral("A part has no Content-Disposition form-data with a name."));
            return std::nullopt;
        }
        MultipartPart part;
        part.name = QString::fromUtf8(*name);
        std::optional<QString> fileName;
        if (const std::optional<QByteArray> extended = disposition.parameter("filename*"))
            fileName = decodeExtendedValue(*extended);
        if (!fileName) {
            if (const std::optional<QByteArray> plain = disposition.parameter("filename"))
                fileName = QString::fromUtf8(*plain);
        }
        part.fileName = fileName.value_or(QString());
        part.contentType = headers->contentType;
        part.data = body.sliced(dataStart, dataEnd - dataStart);
        parts.append(part);
    }
    return parts; // anything after the closing delimiter is epilogue
}

} // namespace portal::http
