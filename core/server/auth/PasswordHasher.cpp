#include "PasswordHasher.h"

#include "AuthLog.h"
#include "Sodium.h"

#include <sodium.h>

namespace portal::auth {

QByteArray hashPassword(const QString &password)
{
    if (!sodium::ready())
        return {};
    const QByteArray utf8 = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    // Argon2id named explicitly rather than through crypto_pwhash_str's default, so that a libsodium
    // whose default changes cannot silently change what new hashes are.
    if (crypto_pwhash_str_alg(hash, utf8.constData(), quint64(utf8.size()),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        qCWarning(lcAuth, "Password hashing failed (out of memory?)");
        return {};
    }
    return QByteArray(hash); // the hash is NUL-terminated text: "$argon2id$v=19$m=...,t=...,p=1$salt$hash"
}

bool verifyPassword(const QByteArray &hash, const QString &password)
{
    // crypto_pwhash_str_verify reads a NUL-terminated string of at most STRBYTES - 1 characters; anything
    // longer is not one of ours (constData() is always NUL-terminated).
    if (hash.isEmpty() || hash.size() >= crypto_pwhash_STRBYTES || !sodium::ready())
        return false;
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(hash.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

void verifyAgainstDummy(const QString &password)
{
    // Hashed once, on first use, from random bytes no one knows: with the same parameters as real hashes,
    // a check against it costs what a real check costs, and can never succeed.
    static const QByteArray dummyHash = hashPassword(QString::fromLatin1(sodium::randomBytes(32).toHex()));
    (void)verifyPassword(dummyHash, password);
}

} // namespace portal::auth
