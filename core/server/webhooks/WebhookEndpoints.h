// The webhook endpoints the administrator registers (`portal-server webhook add|list|remove|rotate-secret`):
// where deliveries go, the secret they are signed with, and which event types they want.
#pragma once

#include "Result.h"

#include <QDateTime>
#include <QStringList>
#include <chrono>

namespace portal::store {
class Database;
}

namespace portal::webhooks {

// The event types of the API document. An endpoint subscribes to some of them, or to "*" (all).
const QStringList &knownEventTypes();

struct WebhookEndpoint // as listed: never the secrets
{
    qint64 id = 0;
    QString url;
    QStringList events; // {"*"} for all
    bool active = true;
    QDateTime createdAt;
    QDateTime previousSecretExpiresAt; // valid while a rotated-out secret still signs
};

class WebhookEndpoints
{
public:
    explicit WebhookEndpoints(store::Database &database)
        : m_database(database)
    { }

    // Invalid "url" unless an absolute http or https URL with a host; Invalid "secret" when empty; Invalid
    // "events" for a type outside knownEventTypes() (an empty list means "*"). Gives the new id.
    store::Result<qint64> add(const QString &url, const QString &secret, const QStringList &events);
    store::Result<QList<WebhookEndpoint>> list();
    // Removes the endpoint with its deliveries and their attempts (NotFound when there is none).
    store::Result<store::Done> remove(qint64 id);
    // Signs with `newSecret` from now on; the old secret keeps signing beside it for `overlap`, so that
    // receivers can switch without rejecting a delivery (the signature header carries one v1 per secret).
    store::Result<store::Done> rotateSecret(qint64 id, const QString &newSecret,
                                            std::chrono::seconds overlap = std::chrono::hours(24));

private:
    store::Database &m_database;
};

} // namespace portal::webhooks
