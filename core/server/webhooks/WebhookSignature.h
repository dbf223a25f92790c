// The X-Portal-Signature header, Stripe's scheme: "t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
// "<t>.<raw body>")>". The timestamp is signed with the body so that receivers can reject replays (an old
// t); during a secret rotation there is one v1 per active secret, and a receiver accepts any that matches.
#pragma once

#include <QByteArray>
#include <QList>

namespace portal::webhooks {

// Hex HMAC-SHA256 of "<t>.<body>" under `secret`.
QByteArray signatureV1(const QByteArray &secret, qint64 unixSeconds, const QByteArray &body);

// "t=1674214200,v1=ab12...,v1=cd34..." with one v1 per secret, in the order given.
QByteArray signatureHeader(qint64 unixSeconds, const QByteArray &body, const QList<QByteArray> &secrets);

} // namespace portal::webhooks
