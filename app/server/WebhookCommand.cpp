// portal-server webhook add|list|remove|rotate-secret|deliveries|redeliver: the administrator's tools for
// webhook endpoints and their delivery log. Secrets are best given on standard input (--secret-stdin), out
// of sight of other users' process lists; --secret is there for scripts that have no other way.
#include "CommandLine.h"
#include "Commands.h"
#include "Database.h"
#include "Store.h"
#include "WebhookEndpoints.h"
#include "WebhookOutbox.h"

#include <QTextStream>

namespace portal::cli {

namespace {

const char *const kWebhookUsage
    = R"(portal-server webhook add --data DIR --url URL (--secret S | --secret-stdin) [--events e1,e2]
portal-server webhook list --data DIR
portal-server webhook remove --data DIR ID
portal-server webhook rotate-secret --data DIR ID (--secret S | --secret-stdin)
portal-server webhook deliveries --data DIR [--endpoint ID] [--limit N]
portal-server webhook redeliver --data DIR DELIVERY_UUID

Events: message.created, document.uploaded, task.assigned, case.updated, or * (the default).
A rotated-out secret keeps signing beside the new one for 24 hours.)";

std::optional<QString> secretFrom(const QCommandLineParser &parser, const QString &action)
{
    const bool fromStdin = parser.isSet(QStringLiteral("secret-stdin"));
    if (fromStdin == parser.isSet(QStringLiteral("secret"))) {
        fail(QStringLiteral("webhook %1: give --secret S or --secret-stdin.").arg(action), 2);
        return std::nullopt;
    }
    const QString secret = fromStdin ? QTextStream(stdin).readLine() : parser.value(QStringLiteral("secret"));
    if (secret.isEmpty()) {
        fail(QStringLiteral("webhook %1: the secret may not be empty.").arg(action), 2);
        return std::nullopt;
    }
    return secret;
}

std::optional<qint64> idArgument(const QCommandLineParser &parser, const QString &action)
{
    const QStringList rest = parser.positionalArguments().mid(1);
    bool ok = false;
    const qint64 id = rest.size() == 1 ? rest.first().toLongLong(&ok) : 0;
    if (!ok) {
        fail(QStringLiteral("webhook %1: give exactly one endpoint ID (see webhook list).").arg(action), 2);
        return std::nullopt;
    }
    return id;
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("-");
}

int addEndpoint(webhooks::WebhookEndpoints &endpoints, const QCommandLineParser &parser)
{
    const auto secret = secretFrom(parser, QStringLiteral("add"));
    if (!secret)
        return 2;
    const auto id = endpoints.add(parser.value(QStringLiteral("url")), *secret,
                                  parser.value(QStringLiteral("events")).split(QLatin1Char(',')));
    if (!id)
        return fail(QStringLiteral("webhook add: %1").arg(id.error().message), 2);
    QTextStream(stdout) << "Added webhook endpoint " << *id << '\n';
    return 0;
}

int listEndpoints(webhooks::WebhookEndpoints &endpoints)
{
    const auto listed = endpoints.list();
    if (!listed)
        return fail(QStringLiteral("webhook list: %1").arg(listed.error().message));
    QTextStream out(stdout);
    for (const webhooks::WebhookEndpoint &endpoint : *listed) {
        out << endpoint.id << '\t' << endpoint.url << '\t' << endpoint.events.join(QLatin1Char(',')) << '\t'
            << (endpoint.active ? "active" : "inactive") << '\t' << timeText(endpoint.createdAt);
        if (endpoint.previousSecretExpiresAt.isValid())
            out << "\tprevious secret signs until " << timeText(endpoint.previousSecretExpiresAt);
        out << '\n';
    }
    return 0;
}

int listDeliveries(webhooks::WebhookOutbox &outbox, const QCommandLineParser &parser)
{
    std::optional<qint64> endpoint;
    if (parser.isSet(QStringLiteral("endpoint"))) {
        bool ok = false;
        endpoint = parser.value(QStringLiteral("endpoint")).toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("webhook deliveries: --endpoint wants a number."), 2);
    }
    bool limitOk = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
    if (!limitOk || limit <= 0)
        return fail(QStringLiteral("webhook deliveries: --limit wants a positive number."), 2);
    const auto deliveries = outbox.deliveries(endpoint, limit);
    if (!deliveries)
        return fail(QStringLiteral("webhook deliveries: %1").arg(deliveries.error().message));
    QTextStream out(stdout);
    for (const webhooks::DeliveryLog &delivery : *deliveries) {
        out << delivery.id << '\t' << delivery.eventType << "\tevent " << delivery.eventId << "\tendpoint "
            << delivery.endpointId << '\t' << delivery.state << "\tattempts " << delivery.attempts;
        if (delivery.state == QLatin1String("pending"))
            out << "\tnext " << timeText(delivery.nextAttemptAt);
        else
            out << "\tfinished " << timeText(delivery.finishedAt);
        out << '\n';
        for (const webhooks::DeliveryAttempt &attempt : delivery.attemptLog) {
            out << "  " << timeText(attempt.attemptedAt) << '\t'
                << (attempt.statusCode ? QString::number(*attempt.statusCode) : QStringLiteral("-")) << '\t'
                << attempt.durationMs << " ms\t"
                << (attempt.error.isEmpty() ? QStringLiteral("ok") : attempt.error) << '\n';
        }
    }
    return 0;
}

} // namespace

int webhookCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(kWebhookUsage));
    parser.addOption(dataOption());
    parser.addOption(databaseOption());
    parser.addOptions({
        { QStringLiteral("url"), QStringLiteral("Where deliveries are posted (http or https)."),
          QStringLiteral("URL") },
        { QStringLiteral("secret"),
          QStringLiteral("The signing secret (visible to other users; prefer --secret-stdin)."),
          QStringLiteral("S") },
        { QStringLiteral("secret-stdin"),
          QStringLiteral("Read the signing secret from standard input (one line).") },
        { QStringLiteral("events"), QStringLiteral("Comma-separated event types, or * (default)."),
          QStringLiteral("LIST"), QStringLiteral("*") },
        { QStringLiteral("endpoint"), QStringLiteral("Only this endpoint's deliveries."),
          QStringLiteral("ID") },
        { QStringLiteral("limit"), QStringLiteral("How many deliveries, newest first (default 20)."),
          QStringLiteral("N"), QStringLiteral("20") },
    });
    parser.addPositionalArgument(
        QStringLiteral("ACTION"),
        QStringLiteral("add, list, remove, rotate-secret, deliveries or redeliver."));
    if (const int code = parseOrExit(parser, QStringLiteral("webhook"), arguments); code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(
            QStringLiteral("webhook: an action is needed (add, list, remove, rotate-secret, deliveries, "
                           "redeliver)."),
            2);
    const QString dataDir = requiredDataDir(parser, QStringLiteral("webhook"));
    if (dataDir.isEmpty())
        return 2;
    const auto database = databaseUrl(parser, QStringLiteral("webhook"));
    if (!database)
        return 2;
    auto opened = store::Store::open(dataDir, *database);
    if (!opened)
        return fail(QStringLiteral("webhook: %1").arg(opened.error().message));
    webhooks::WebhookEndpoints endpoints((*opened)->database());
    webhooks::WebhookOutbox outbox((*opened)->database());

    const QString action = positional.first();
    if (action == QLatin1String("add"))
        return addEndpoint(endpoints, parser);
    if (action == QLatin1String("list"))
        return listEndpoints(endpoints);
    if (action == QLatin1String("deliveries"))
        return listDeliveries(outbox, parser);
    if (action == QLatin1String("remove") || action == QLatin1String("rotate-secret")) {
        const auto id = idArgument(parser, action);
        if (!id)
            return 2;
        store::Result<store::Done> done = store::Done {};
        if (action == QLatin1String("remove")) {
            done = endpoints.remove(*id);
        } else {
            const auto secret = secretFrom(parser, action);
            if (!secret)
                return 2;
            done = endpoints.rotateSecret(*id, *secret);
        }
        if (!done)
            return fail(QStringLiteral("webhook %1: %2")
                            .arg(action,
                                 done.error().kind == store::StoreError::Kind::NotFound
                                     ? QStringLiteral("no endpoint %1.").arg(*id)
                                     : done.error().message));
        QTextStream(stdout) << "Done: " << action << " endpoint " << *id << '\n';
        return 0;
    }
    if (action == QLatin1String("redeliver")) {
        const QStringList rest = positional.mid(1);
        if (rest.size() != 1)
            return fail(QStringLiteral("webhook redeliver: give exactly one DELIVERY_UUID."), 2);
        const auto done = outbox.redeliver(rest.first());
        if (!done)
            return fail(QStringLiteral("webhook redeliver: %1")
                            .arg(done.error().kind == store::StoreError::Kind::NotFound
                                     ? QStringLiteral("no delivery %1.").arg(rest.first())
                                     : done.error().message));
        // A running server sees it within its poll interval.
        QTextStream(stdout) << "Queued delivery " << rest.first() << " again\n";
        return 0;
    }
    return fail(QStringLiteral("webhook: unknown action \"%1\".").arg(action), 2);
}

} // namespace portal::cli
