// The body of a delivery, the API document's webhook payload: {"event", "timestamp", "data"} encoded by the
// shared wire type api::WebhookEvent, so the receiver's view and the document cannot drift apart.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace portal::webhooks {

// `data` is the event row's data column (compact JSON of an object); `createdAt` becomes "timestamp".
// The result is compact JSON, the exact bytes that are signed and sent.
QByteArray webhookPayload(const QString &eventType, const QDateTime &createdAt, const QByteArray &data);

} // namespace portal::webhooks
