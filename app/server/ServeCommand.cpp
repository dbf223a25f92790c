// portal-server serve: serves the API until SIGTERM/SIGINT, then stops accepting connections, lets the
// requests in flight finish (at most 30 s) and exits 0.
#include "CommandLine.h"
#include "Commands.h"
#include "Database.h"
#include "PortalServer.h"
#include "ServeSettings.h"
#include "TerminationSignals.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTextStream>
#include <QTimer>

namespace portal::cli {

namespace {

constexpr int kDrainTimeoutMs = 30 * 1000;

// "127.0.0.1:8000", "[::1]:8000", "0.0.0.0:0".
bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint value = text.mid(colon + 1).toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    *port = static_cast<quint16>(value);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    return address->setAddress(host);
}

// "104857600", "100M", "100MB", "1G", "512K" (binary units).
std::optional<qint64> parseSize(QString text)
{
    text = text.trimmed().toUpper();
    if (text.endsWith(QLatin1Char('B')) && text.size() > 1 && !text.at(text.size() - 2).isDigit())
        text.chop(1);
    qint64 unit = 1;
    if (text.endsWith(QLatin1Char('K')))
        unit = 1024;
    else if (text.endsWith(QLatin1Char('M')))
        unit = 1024 * 1024;
    else if (text.endsWith(QLatin1Char('G')))
        unit = 1024LL * 1024 * 1024;
    if (unit != 1)
        text.chop(1);
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value <= 0 || value > (1LL << 40) / unit)
        return std::nullopt;
    return value * unit;
}

std::optional<QSslConfiguration> loadTls(const QString &certPath, const QString &keyPath, QString *error)
{
    QFile certFile(certPath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the TLS certificate or key: %1")
                     .arg(certFile.isOpen() ? keyFile.errorString() : certFile.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyBytes = keyFile.readAll();
    QSslKey key(keyBytes, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyBytes, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || key.isNull()) {
        *error = QStringLiteral("the TLS certificate or key is not valid PEM");
        return std::nullopt;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    return tls;
}

} // namespace

int serveCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "portal-server serve --data DIR --listen HOST:PORT [options]\n\n"
        "Serves the Client Portal API until SIGTERM or SIGINT. Every option may also be set in\n"
        "the configuration file as \"name = value\" (e.g. \"listen = 0.0.0.0:8000\");\n"
        "the command line wins."));
    const QCommandLineOption data = dataOption();
    const QCommandLineOption database = databaseOption();
    const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("Configuration file (default %1, when it exists).").arg(ServeSettings::kDefaultConfig),
        QStringLiteral("FILE"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port (default 127.0.0.1:8000)."),
                                    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8000"));
    const QCommandLineOption rateLimit(
        QStringLiteral("rate-limit"),
        QStringLiteral("Requests per user: PER_MIN/PER_HOUR, or off (default 100/1000)."),
        QStringLiteral("LIMITS"), QStringLiteral("100/1000"));
    const QCommandLineOption maxUpload(QStringLiteral("max-upload-size"),
                                       QStringLiteral("Largest request body, e.g. 100M (default 100M)."),
                                       QStringLiteral("SIZE"), QStringLiteral("100M"));
    const QCommandLineOption idleTimeout(
        QStringLiteral("idle-timeout"),
        QStringLiteral("Seconds before an idle connection is closed (default 60)."),
        QStringLiteral("SECONDS"), QStringLiteral("60"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     QStringLiteral("PEM certificate (chain) for HTTPS."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM private key for HTTPS."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption webhookTimeout(
        QStringLiteral("webhook-timeout"),
        QStringLiteral("Seconds a webhook receiver has to answer before the attempt counts as failed "
                       "(default 10)."),
        QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption webhookConcurrency(
        QStringLiteral("webhook-concurrency"),
        QStringLiteral("Webhook deliveries in flight at once, over all endpoints (default 8)."),
        QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption noWebhooks(
        QStringLiteral("no-webhooks"),
        QStringLiteral("Send no webhooks from this process (deliveries wait in the outbox)."));
    const QCommandLineOption trustedProxy(
        QStringLiteral("trusted-proxy"),
        QStringLiteral("Addresses of reverse proxies whose X-Forwarded-For gives the client's address "
                       "(comma-separated, e.g. 127.0.0.1)."),
        QStringLiteral("ADDRESSES"));
    const QCommandLineOption noPush(QStringLiteral("no-push"),
                                    QStringLiteral("Offer no push channel (clients poll instead)."));
    const QList<QCommandLineOption> settable { data,           database,           listen,     rateLimit,
                                               maxUpload,      idleTimeout,        tlsCert,    tlsKey,
                                               webhookTimeout, webhookConcurrency, noWebhooks, noPush,
                                               trustedProxy };
    parser.addOptions(settable);
    parser.addOption(config);
    if (const int code = parseOrExit(parser, QStringLiteral("serve"), arguments); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return fail(
            QStringLiteral("serve: unexpected argument \"%1\".").arg(parser.positionalArguments().first()),
            2);

    QString settingsError;
    const auto settings = ServeSettings::load(parser, config, settable, &settingsError);
    if (!settings)
        return fail(QStringLiteral("serve: %1.").arg(settingsError), 2);

    server::ServerOptions options;
    if (settings->value(data).isEmpty())
        return fail(QStringLiteral("serve: --data DIR is required (or \"data = DIR\" in the configuration)."),
                    2);
    options.dataDir = QDir(settings->value(data)).absolutePath();
    const auto databaseLocation = databaseUrl(settings->value(database), QStringLiteral("serve"));
    if (!databaseLocation)
        return 2;
    options.database = *databaseLocation;
    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(settings->value(listen), &address, &port))
        return fail(QStringLiteral("serve: --listen wants HOST:PORT, e.g. 127.0.0.1:8000."), 2);
    const auto limits = auth::RateLimits::parse(settings->value(rateLimit));
    if (!limits)
        return fail(QStringLiteral("serve: --rate-limit wants PER_MIN/PER_HOUR (e.g. 100/1000) or off."), 2);
    options.rateLimits = *limits;
    const auto uploadSize = parseSize(settings->value(maxUpload));
    if (!uploadSize)
        return fail(QStringLiteral("serve: --max-upload-size wants a size such as 100M or 1G."), 2);
    options.limits.maxBodySize = *uploadSize;
    bool idleOk = false;
    const int idleSeconds = settings->value(idleTimeout).toInt(&idleOk);
    if (!idleOk || idleSeconds <= 0)
        return fail(QStringLiteral("serve: --idle-timeout wants a number of seconds."), 2);
    options.limits.idleTimeoutMs = idleSeconds * 1000;
    bool webhookTimeoutOk = false;
    const int webhookSeconds = settings->value(webhookTimeout).toInt(&webhookTimeoutOk);
    if (!webhookTimeoutOk || webhookSeconds <= 0 || webhookSeconds > 300)
        return fail(QStringLiteral("serve: --webhook-timeout wants 1 to 300 seconds."), 2);
    options.webhooks.timeoutMs = webhookSeconds * 1000;
    bool concurrencyOk = false;
    const int concurrency = settings->value(webhookConcurrency).toInt(&concurrencyOk);
    if (!concurrencyOk || concurrency <= 0 || concurrency > 256)
        return fail(QStringLiteral("serve: --webhook-concurrency wants 1 to 256."), 2);
    options.webhooks.maxInFlight = concurrency;
    const auto withoutWebhooks = settings->flag(noWebhooks, &settingsError);
    const auto withoutPush = settings->flag(noPush, &settingsError);
    if (!withoutWebhooks || !withoutPush)
        return fail(QStringLiteral("serve: %1.").arg(settingsError), 2);
    for (const QString &text : settings->value(trustedProxy).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QHostAddress proxy;
        if (!proxy.setAddress(text.trimmed()))
            return fail(QStringLiteral("serve: --trusted-proxy wants IP addresses, not \"%1\".").arg(text),
                        2);
        options.trustedProxies.append(proxy);
    }
    options.webhooks.enabled = !*withoutWebhooks;
    options.features.push = !*withoutPush;
    if (settings->isSet(tlsCert) != settings->isSet(tlsKey))
        return fail(QStringLiteral("serve: --tls-cert and --tls-key go together."), 2);
    if (settings->isSet(tlsCert)) {
        QString error;
        options.tls = loadTls(settings->value(tlsCert), settings->value(tlsKey), &error);
        if (!options.tls)
            return fail(QStringLiteral("serve: %1.").arg(error));
    }

    // Before anything is announced: whoever reads the banner may signal at once.
    TerminationSignals termination;
    QString error;
    auto server = server::PortalServer::create(options, &error);
    if (!server)
        return fail(QStringLiteral("serve: %1").arg(error));
    const quint16 boundPort = server->listen(address, port, &error);
    if (boundPort == 0)
        return fail(QStringLiteral("serve: cannot listen on %1: %2").arg(settings->value(listen), error));

    const QString scheme = options.tls ? QStringLiteral("https") : QStringLiteral("http");
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(address.toString())
        : address.toString();
    QTextStream(stdout)
        << "portal-server " << QCoreApplication::applicationVersion() << " serving " << scheme << "://"
        << host << ':' << boundPort << "/ from " << options.dataDir
        << (options.database.isEmpty()
                ? QString()
                : QStringLiteral(" with the database %1").arg(store::Database::displayUrl(options.database)))
        << Qt::endl;

    QObject::connect(&termination, &TerminationSignals::received, server.get(), [&server] {
        QTextStream(stdout) << "portal-server: shutting down, finishing requests in flight" << Qt::endl;
        server->shutdown();
        QTimer::singleShot(kDrainTimeoutMs, qApp, [] { QCoreApplication::exit(0); });
    });
    QObject::connect(server.get(), &server::PortalServer::drained, qApp, [] { QCoreApplication::exit(0); });
    return QCoreApplication::exec();
}

} // namespace portal::cli
