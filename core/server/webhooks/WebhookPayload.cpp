#include "WebhookPayload.h"

#include "WireTypes.h"

#include <QJsonDocument>

namespace portal::webhooks {

QByteArray webhookPayload(const QString &eventType, const QDateTime &createdAt, const QByteArray &data)
{
    const api::WebhookEvent event { eventType, createdAt, QJsonDocument::fromJson(data).object() };
    return QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
}

} // namespace portal::webhooks
