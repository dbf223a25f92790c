#include "WebhookSignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace portal::webhooks {

QByteArray signatureV1(const QByteArray &secret, qint64 unixSeconds, const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret);
    mac.addData(QByteArray::number(unixSeconds));
    mac.addData(".", 1);
    mac.addData(body);
    return mac.result().toHex();
}

QByteArray signatureHeader(qint64 unixSeconds, const QByteArray &body, const QList<QByteArray> &secrets)
{
    QByteArray header = "t=" + QByteArray::number(unixSeconds);
    for (const QByteArray &secret : secrets)
        header += ",v1=" + signatureV1(secret, unixSeconds, body);
    return header;
}

} // namespace portal::webhooks
