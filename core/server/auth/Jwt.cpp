#include "Jwt.h"

#include "AuthLog.h"
#include "Sodium.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QSaveFile>

namespace portal::auth {

namespace {

// Far above any token we issue (about 300 bytes), far below what would make parsing an attacker's input
// expensive.
constexpr qsizetype MaxTokenSize = 8 * 1024;

constexpr qsizetype SigningKeySize = 64;

QByteArray toBase64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromBase64Url(const QByteArray &text)
{
    auto result = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    // Only the canonical spelling (URL-safe alphabet, no padding, no stray low bits), so that a signed
    // token has exactly one valid text and cannot be re-spelled into a "different" token that still verifies.
    if (!result || toBase64Url(result.decoded) != text)
        return std::nullopt;
    return result.decoded;
}

std::optional<QJsonObject> jsonObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

const QByteArray &encodedHeader()
{
    static const QByteArray header = toBase64Url(R"({"alg":"HS256","typ":"JWT"})");
    return header;
}

// "exp" must be a number after `now`; "iat", when present, a number.
std::optional<Jwt::Failure> checkTimes(const QJsonObject &claims, const QDateTime &now)
{
    const QJsonValue exp = claims.value(QLatin1String("exp"));
    const QJsonValue iat = claims.value(QLatin1String("iat"));
    if (!exp.isDouble() || (!iat.isUndefined() && !iat.isDouble()))
        return Jwt::Failure::Malformed;
    if (exp.toDouble() * 1000 <= double(now.toMSecsSinceEpoch()))
        return Jwt::Failure::Expired;
    return std::nullopt;
}

} // namespace

Jwt::Jwt(QByteArray key)
    : m_key(std::move(key))
{
    Q_ASSERT_X(!m_key.isEmpty(), "Jwt", "an empty signing key makes every signature forgeable");
}

QByteArray Jwt::sign(const QJsonObject &claims) const
{
    const QByteArray signingInput
        = encodedHeader() + '.' + toBase64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signature
        = QMessageAuthenticationCode::hash(signingInput, m_key, QCryptographicHash::Sha256);
    return signingInput + '.' + toBase64Url(signature);
}

std::optional<QJsonObject> Jwt::verify(const QByteArray &token, const QDateTime &now, Failure *failure) const
{
    const auto fail = [failure](Failure why) -> std::optional<QJsonObject> {
        if (failure)
            *failure = why;
        return std::nullopt;
    };
    if (token.size() > MaxTokenSize)
        return fail(Failure::Malformed);
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return fail(Failure::Malformed);

    const std::optional<QByteArray> headerJson = fromBase64Url(parts[0]);
    const std::optional<QJsonObject> header = headerJson ? jsonObject(*headerJson) : std::nullopt;
    if (!header)
        return fail(Failure::Malformed);
    // Before the signature: a token must not get to choose how it is checked ("none", or RS256 with our
    // secret taken for a public key). Only the exact, case-sensitive name is ours.
    if (header->value(QLatin1String("alg")) != QJsonValue(QLatin1String("HS256")))
        return fail(Failure::BadAlgorithm);

    const std::optional<QByteArray> payloadJson = fromBase64Url(parts[1]);
    const std::optional<QByteArray> signature = fromBase64Url(parts[2]);
    if (!payloadJson || !signature)
        return fail(Failure::Malformed);
    // The signature covers the token's own bytes, not a re-encoding: other encoders order keys differently.
    const QByteArray signingInput = token.first(parts[0].size() + 1 + parts[1].size());
    const QByteArray expected
        = QMessageAuthenticationCode::hash(signingInput, m_key, QCryptographicHash::Sha256);
    if (m_key.isEmpty() || !sodium::equalInConstantTime(*signature, expected))
        return fail(Failure::BadSignature);

    // Parsed only now that it is known to be ours.
    const std::optional<QJsonObject> claims = jsonObject(*payloadJson);
    if (!claims)
        return fail(Failure::Malformed);
    if (const std::optional<Failure> timeFailure = checkTimes(*claims, now))
        return fail(*timeFailure);
    return claims;
}

namespace {

QByteArray readSigningKey(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray key = file.read(SigningKeySize + 1);
    if (key.size() != SigningKeySize) {
        // Never replaced silently: a new key would sign every user out, and a damaged file deserves a look.
        *error = QStringLiteral("%1 holds %2 bytes instead of %3; restore it, or delete it to make a new key "
                                "(which signs every user out)")
                     .arg(path)
                     .arg(key.size())
                     .arg(SigningKeySize);
        return {};
    }
    if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
        qCWarning(lcAuth, "%s is readable by other users; it should be owner-only (chmod 600)",
                  qPrintable(path));
    return key;
}

QByteArray createSigningKey(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("Cannot create %1: %2").arg(path, file.errorString());
        return {};
    }
    // Owner-only before the first byte is written. setPermissions() acts on the open temporary file
    // (fchmod), which on Linux is an unnamed O_TMPFILE until commit(): no other process can open it by
    // name in the meantime, and the rename in commit() keeps the mode. The umask does not apply to chmod.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = QStringLiteral("Cannot make %1 private: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray key = sodium::randomBytes(SigningKeySize);
    if (file.write(key) != key.size() || !file.commit()) {
        *error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    qCInfo(lcAuth, "Created a new token signing key in %s", qPrintable(path));
    return key;
}

} // namespace

QByteArray loadOrCreateSigningKey(const QString &dataDir, QString *error)
{
    QString ignored;
    QString &message = error ? *error : ignored;
    if (!QDir().mkpath(dataDir)) {
        message = QStringLiteral("Cannot create the data folder %1").arg(dataDir);
        return {};
    }
    const QString path = QDir(dataDir).filePath(QStringLiteral("signing.key"));
    return QFile::exists(path) ? readSigningKey(path, &message) : createSigningKey(path, &message);
}

} // namespace portal::auth
