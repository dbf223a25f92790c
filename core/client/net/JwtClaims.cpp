#include "JwtClaims.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace portal::net {

namespace {

std::optional<qint64> secondsClaim(const QJsonObject &payload, const QString &name)
{
    const QJsonValue value = payload.value(name);
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    if (seconds <= 0 || seconds > 1e12)
        return std::nullopt;
    return static_cast<qint64>(seconds);
}

} // namespace

JwtTimes readJwtTimes(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return {};
    const QJsonDocument payload = QJsonDocument::fromJson(*decoded);
    if (!payload.isObject())
        return {};
    return { secondsClaim(payload.object(), QStringLiteral("iat")),
             secondsClaim(payload.object(), QStringLiteral("exp")) };
}

} // namespace portal::net
