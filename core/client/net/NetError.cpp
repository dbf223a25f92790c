#include "NetError.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace portal::net {

NetError NetError::fromHttpAnswer(int status, const QByteArray &body, const QByteArray &reasonPhrase)
{
    NetError error;
    error.httpStatus = status;
    switch (status) {
    case 401:
        error.kind = Kind::Unauthorized;
        break;
    case 429:
        error.kind = Kind::RateLimited;
        break;
    default:
        error.kind = Kind::Http;
        break;
    }
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        if (auto envelope = api::ErrorEnvelope::fromJson(document.object())) {
            error.code = envelope->code;
            error.message = envelope->message;
            error.details = envelope->details;
            return error;
        }
    }
    // Not our envelope (a proxy's HTML page, another server): say what can be said.
    const QString reason = QString::fromLatin1(reasonPhrase).trimmed();
    error.message = reason.isEmpty()
        ? QStringLiteral("The server answered HTTP %1.").arg(status)
        : QStringLiteral("The server answered HTTP %1 (%2).").arg(status).arg(reason);
    return error;
}

QString kindName(NetError::Kind kind)
{
    switch (kind) {
    case NetError::Kind::None:
        return QStringLiteral("None");
    case NetError::Kind::NotModified:
        return QStringLiteral("NotModified");
    case NetError::Kind::Offline:
        return QStringLiteral("Offline");
    case NetError::Kind::Unreachable:
        return QStringLiteral("Unreachable");
    case NetError::Kind::Timeout:
        return QStringLiteral("Timeout");
    case NetError::Kind::Tls:
        return QStringLiteral("Tls");
    case NetError::Kind::Http:
        return QStringLiteral("Http");
    case NetError::Kind::Malformed:
        return QStringLiteral("Malformed");
    case NetError::Kind::Unauthorized:
        return QStringLiteral("Unauthorized");
    case NetError::Kind::RateLimited:
        return QStringLiteral("RateLimited");
    case NetError::Kind::Storage:
        return QStringLiteral("Storage");
    case NetError::Kind::Cancelled:
        return QStringLiteral("Cancelled");
    }
    return QStringLiteral("?");
}

} // namespace portal::net
