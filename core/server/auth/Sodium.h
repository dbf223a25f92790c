// The few libsodium services the authentication layer shares, behind one initialisation. Private to
// portal_auth: libsodium is linked privately, so no public header may include this one.
#pragma once

#include <QByteArray>

namespace portal::auth::sodium {

// Initialises libsodium once (thread-safe). False when it cannot start, e.g. without a random source;
// callers then fail closed.
bool ready();

// `count` bytes from the operating system's cryptographic random source.
QByteArray randomBytes(qsizetype count);

// Compares in time that depends on the sizes only, never on where the first difference is.
bool equalInConstantTime(const QByteArray &a, const QByteArray &b);

} // namespace portal::auth::sodium
