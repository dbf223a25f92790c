#include "WebhookEndpoints.h"

#include "Database.h"

#include <QUrl>

namespace portal::webhooks {

const QStringList &knownEventTypes()
{
    static const QStringList types { QStringLiteral("message.created"), QStringLiteral("document.uploaded"),
                                     QStringLiteral("task.assigned"), QStringLiteral("case.updated") };
    return types;
}

namespace {

// The stored form is the one SqlEvents::record() reads: "*" or "a,b,c".
store::Result<QString> storedEventList(const QStringList &events)
{
    QStringList cleaned;
    for (const QString &event : events) {
        const QString type = event.trimmed();
        if (type.isEmpty())
            continue;
        if (type == QLatin1String("*"))
            return QStringLiteral("*");
        if (!knownEventTypes().contains(type))
            return store::StoreError::invalid(QStringLiteral("events"),
                                              QStringLiteral("Unknown event type \"%1\"; known: %2, or *.")
                                                  .arg(type, knownEventTypes().join(QLatin1String(", "))));
        if (!cleaned.contains(type))
            cleaned.append(type);
    }
    return cleaned.isEmpty() ? QStringLiteral("*") : cleaned.join(QLatin1Char(','));
}

} // namespace

store::Result<qint64> WebhookEndpoints::add(const QString &url, const QString &secret,
                                            const QStringList &events)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty()
        || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")))
        return store::StoreError::invalid(QStringLiteral("url"),
                                          QStringLiteral("The URL must be an absolute http or https URL."));
    if (secret.isEmpty())
        return store::StoreError::invalid(QStringLiteral("secret"),
                                          QStringLiteral("The secret may not be empty."));
    const auto stored = storedEventList(events);
    if (!stored)
        return stored.error();
    return m_database.insertRow(
        QStringLiteral("webhook_endpoints"), { "url", "secret", "events", "created_at" },
        { parsed.toString(), secret, *stored, store::sqlTimestamp(QDateTime::currentDateTimeUtc()) });
}

store::Result<QList<WebhookEndpoint>> WebhookEndpoints::list()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return m_database.selectAll<WebhookEndpoint>(
        QStringLiteral("SELECT id, url, events, active, created_at, previous_secret_expires_at "
                       "FROM webhook_endpoints ORDER BY id"),
        {}, [&](const store::SqlRow &row) {
            const QDateTime previousExpires = row.timestamp(5);
            return WebhookEndpoint { row.integer(0),
                                     row.text(1),
                                     row.text(2).split(QLatin1Char(',')),
                                     row.flag(3),
                                     row.timestamp(4),
                                     previousExpires.isValid() && previousExpires > now ? previousExpires
                                                                                        : QDateTime() };
        });
}

store::Result<store::Done> WebhookEndpoints::remove(qint64 id)
{
    return m_database.inTransaction(store::Database::Access::Write, [&]() -> store::Result<store::Done> {
        auto found
            = m_database.exists(QStringLiteral("SELECT 1 FROM webhook_endpoints WHERE id = ?"), { id });
        if (!found)
            return found.error();
        if (!*found)
            return store::StoreError::notFound();
        return m_database.exec(QStringLiteral("DELETE FROM webhook_endpoints WHERE id = ?"), { id });
    });
}

store::Result<store::Done> WebhookEndpoints::rotateSecret(qint64 id, const QString &newSecret,
                                                          std::chrono::seconds overlap)
{
    if (newSecret.isEmpty())
        return store::StoreError::invalid(QStringLiteral("secret"),
                                          QStringLiteral("The secret may not be empty."));
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(overlap.count());
    return m_database.inTransaction(store::Database::Access::Write, [&]() -> store::Result<store::Done> {
        auto found
            = m_database.exists(QStringLiteral("SELECT 1 FROM webhook_endpoints WHERE id = ?"), { id });
        if (!found)
            return found.error();
        if (!*found)
            return store::StoreError::notFound();
        // A second rotation within the overlap drops the oldest secret: two signatures at most.
        return m_database.exec(QStringLiteral("UPDATE webhook_endpoints SET previous_secret = secret, "
                                              "previous_secret_expires_at = ?, secret = ? WHERE id = ?"),
                               { store::sqlTimestamp(expires), newSecret, id });
    });
}

} // namespace portal::webhooks
