// What became of a request, in kinds a UI can word ("You are offline", "Sign in again", ...), and the
// typed result every job hands back. The server's error envelope is kept (code, message, details) so a
// form can show the per-field messages next to its fields.
#pragma once

#include "WireTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

class QNetworkReply;

namespace portal::net {

struct NetError
{
    enum class Kind {
        None, // success
        NotModified, // success: the caller's ETag still holds (304), there is no new value
        Offline, // the user chose to work offline: nothing was sent
        Unreachable, // no connection to the server (refused, host not found, dropped mid-answer)
        Timeout, // no progress within the request's timeout
        Tls, // the TLS handshake failed or the certificate was refused (message says why)
        Http, // the server answered an error status (httpStatus, envelope code/message/details)
        Malformed, // the answer is not what the API document says (bad JSON, wrong types, short body)
        Unauthorized, // sign-in needed: wrong credentials, or the session could not be refreshed
        RateLimited, // 429 even after waiting as told (retryAfterSeconds)
        Storage, // a local file could not be read or written (disk full, permissions)
        Cancelled, // the caller cancelled the job
    };

    Kind kind = Kind::None;
    int httpStatus = 0; // when the server answered
    QString code; // the envelope's code (e.g. "invalid_request", "token_not_valid") when there was one
    QString message; // readable, English; the envelope's message when there was one
    api::FieldErrors details; // the envelope's per-field messages, or the decoder's for Malformed
    int retryAfterSeconds = 0; // RateLimited: what the server asked for

    bool isError() const { return kind != Kind::None && kind != Kind::NotModified; }

    static NetError make(Kind kind, QString message, int httpStatus = 0)
    {
        NetError error;
        error.kind = kind;
        error.message = std::move(message);
        error.httpStatus = httpStatus;
        return error;
    }
    // From an HTTP error answer: the envelope when the body is one, a readable message otherwise.
    static NetError fromHttpAnswer(int status, const QByteArray &body, const QByteArray &reasonPhrase = {});
};

QString kindName(NetError::Kind kind); // "Unreachable", ... for logs and test messages

// What a job hands back: a value on success, nothing with NotModified, the error otherwise; and the
// ETag of the answer (to send as If-None-Match next time) when the server gave one.
template<typename T> struct ApiResult
{
    NetError error;
    std::optional<T> value;
    QByteArray etag;

    bool ok() const { return error.kind == NetError::Kind::None; }
    bool notModified() const { return error.kind == NetError::Kind::NotModified; }
};

} // namespace portal::net
