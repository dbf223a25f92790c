// Password hashing with libsodium's Argon2id (crypto_pwhash_str, "interactive" limits): salted, slow, and
// verified in constant time. The hash string carries its own parameters, so limits can rise later.
#pragma once

#include <QByteArray>
#include <QString>

namespace portal::auth {

QByteArray hashPassword(const QString &password);
bool verifyPassword(const QByteArray &hash, const QString &password);
// Spends the time a verification costs, so an unknown user name answers as slowly as a wrong password.
void verifyAgainstDummy(const QString &password);

} // namespace portal::auth
