#include "RequestHead.h"

#include <QList>
#include <algorithm>
#include <limits>
#include <optional>

namespace portal::http {

namespace {

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

QByteArrayView trimmedSpace(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

} // namespace

bool isRequestSeparator(char c)
{
    return c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\v';
}

RequestHead parseHead(QByteArrayView text)
{
    RequestHead head;
    const auto malformed = [&head](const QString &problem) {
        head.problem = problem;
        return head;
    };
    std::optional<qint64> contentLength;
    bool connectionUpgrade = false;
    bool upgradeToWebSocket = false;
    bool requestLine = true;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        QByteArrayView line = text.sliced(pos, end - pos);
        pos = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);

        if (requestLine) { // method SP request-target SP HTTP-version
            requestLine = false;
            QList<QByteArrayView> parts;
            for (qsizetype from = 0; from < line.size();) {
                qsizetype space = line.indexOf(' ', from);
                if (space < 0)
                    space = line.size();
                if (space > from)
                    parts.append(line.sliced(from, space - from));
                from = space + 1;
            }
            if (parts.size() != 3 || !isToken(parts[0]))
                return malformed(QStringLiteral("The request line is malformed."));
            head.path = parts[1].toByteArray();
            if (const qsizetype query = head.path.indexOf('?'); query >= 0)
                head.path.truncate(query);
            if (parts[2] == "HTTP/1.0")
                head.http10 = true;
            else if (parts[2] != "HTTP/1.1")
                return malformed(QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are supported."));
            continue;
        }
        if (line.isEmpty())
            break;
        if (line.front() == ' ' || line.front() == '\t')
            return malformed(QStringLiteral("Obsolete header line folding is not accepted."));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return malformed(QStringLiteral("A header line is malformed."));
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = trimmedSpace(line.sliced(colon + 1));

        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            if (value.isEmpty()
                || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return malformed(QStringLiteral("The Content-Length header is malformed."));
            qint64 length = 0;
            for (const char c : value) {
                const int digit = c - '0';
                constexpr qint64 max = std::numeric_limits<qint64>::max();
                length = length > (max - digit) / 10 ? max : length * 10 + digit;
            }
            if (contentLength && *contentLength != length)
                return malformed(QStringLiteral("The request has conflicting Content-Length headers."));
            contentLength = length;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            const QByteArray codings = value.toByteArray().toLower();
            if (codings.contains("chunked"))
                head.chunked = true;
            else if (!codings.isEmpty())
                head.otherTransferCoding = true;
        } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            for (const QByteArray &option : value.toByteArray().split(',')) {
                const QByteArray token = option.trimmed().toLower();
                head.connectionClose = head.connectionClose || token == "close";
                head.connectionKeepAlive = head.connectionKeepAlive || token == "keep-alive";
                connectionUpgrade = connectionUpgrade || token == "upgrade";
            }
        } else if (name.compare("upgrade", Qt::CaseInsensitive) == 0) {
            upgradeToWebSocket = value.compare("websocket", Qt::CaseInsensitive) == 0;
        } else if (name.compare("expect", Qt::CaseInsensitive) == 0) {
            head.expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    head.contentLength = contentLength.value_or(0);
    head.webSocketUpgrade = connectionUpgrade && upgradeToWebSocket;
    return head;
}

} // namespace portal::http
