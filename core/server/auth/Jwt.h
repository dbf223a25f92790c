// JSON Web Tokens signed with HS256, as djangorestframework-simplejwt makes them. Only HS256 is accepted:
// "none", RS256 and every other alg are rejected before any signature check.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <optional>

namespace portal::auth {

class Jwt
{
public:
    explicit Jwt(QByteArray key);

    QByteArray sign(const QJsonObject &claims) const;

    enum class Failure { Malformed, BadAlgorithm, BadSignature, Expired };
    // Checks the form, the header's alg, the signature (constant time) and "exp" against `now`.
    std::optional<QJsonObject> verify(const QByteArray &token, const QDateTime &now,
                                      Failure *failure = nullptr) const;

private:
    QByteArray m_key;
};

// The signing key lives in DIR/signing.key (random, 64 bytes, mode 0600), made at first start.
// Returns an empty array with `error` set when it can neither be read nor made.
QByteArray loadOrCreateSigningKey(const QString &dataDir, QString *error = nullptr);

} // namespace portal::auth
