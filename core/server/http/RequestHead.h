// A request's head (request line and header fields) as far as the connection guard needs it: the framing
// of its body and how the connection continues. Parsed stricter than QHttpServer 6.4 where the two could
// disagree on where the body ends, so that the guard never loses step with QHttpServer.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace portal::http {

// How the connection continues after the answer to a request.
enum class ConnectionReuse {
    KeepAlive,
    KeepAliveHttp10, // an HTTP/1.0 client asked for keep-alive: the answer must say "Connection: keep-alive"
    Close, // the answer says "Connection: close" and the connection is closed after it
};

// What the guard needs from a request's head: the framing of its body and how the connection continues.
struct RequestHead
{
    QString problem; // non-empty: the head is malformed and gets 400
    bool http10 = false;
    bool connectionClose = false;
    bool connectionKeepAlive = false;
    bool expectContinue = false;
    bool chunked = false;
    bool otherTransferCoding = false;
    qint64 contentLength = 0; // saturates at qint64's maximum
    QByteArray path; // of the request target, without the query
    // "Connection: upgrade" with "Upgrade: websocket": QHttpServer 6.4 hands such a connection to its
    // WebSocket server (before any routing) instead of answering it.
    bool webSocketUpgrade = false;

    ConnectionReuse reuse() const
    {
        if (connectionClose || (http10 && !connectionKeepAlive))
            return ConnectionReuse::Close;
        return http10 ? ConnectionReuse::KeepAliveHttp10 : ConnectionReuse::KeepAlive;
    }
};

// Parses the request line and header fields (without the final empty line). Stricter than QHttpServer 6.4
// where the two could disagree on where the body ends (obsolete line folding, conflicting or non-numeric
// lengths): such heads come back with a problem, which the guard answers with 400.
RequestHead parseHead(QByteArrayView text);

// Whitespace QHttpServer 6.4 skips before a request line; the guard must skip the same to stay in step.
bool isRequestSeparator(char c);

} // namespace portal::http
