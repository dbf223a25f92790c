#include "Sodium.h"

#include "AuthLog.h"

#include <sodium.h>

namespace portal::auth::sodium {

bool ready()
{
    // A function-local static: C++ guarantees one initialisation even when threads race to it.
    static const bool initialised = [] {
        if (sodium_init() >= 0)
            return true;
        qCCritical(lcAuth, "libsodium could not be initialised; passwords and tokens cannot be checked");
        return false;
    }();
    return initialised;
}

QByteArray randomBytes(qsizetype count)
{
    if (!ready())
        qFatal("portal.auth: no cryptographic random source"); // never hand out predictable keys or ids
    QByteArray bytes(count, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return bytes;
}

bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    // The sizes are public (an HMAC-SHA256 is always 32 bytes), so leaking them costs nothing.
    if (a.size() != b.size() || !ready())
        return false;
    return sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace portal::auth::sodium
