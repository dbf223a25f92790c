#include "CommandLine.h"

#include "Commands.h"
#include "Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

namespace portal::cli {

QCommandLineOption dataOption()
{
    return { QStringLiteral("data"), QStringLiteral("The store's folder (database, documents, signing key)."),
             QStringLiteral("DIR") };
}

QCommandLineOption databaseOption()
{
    return { QStringLiteral("database"),
             QStringLiteral(
                 "PostgreSQL instead of SQLite in DIR: postgresql://USER:PASSWORD@HOST:PORT/DATABASE "
                 "(without a password, libpq's PGPASSWORD or ~/.pgpass); default: the environment's "
                 "PORTAL_DATABASE_URL. DIR then holds only the documents and the signing key."),
             QStringLiteral("URL") };
}

std::optional<QUrl> databaseUrl(const QString &given, const QString &command, const QString &option)
{
    // The environment keeps the password out of the process list, where command lines are visible.
    const QString text = given.isEmpty() ? qEnvironmentVariable("PORTAL_DATABASE_URL") : given;
    if (text.isEmpty())
        return QUrl();
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || !store::Database::isPostgresUrl(url) || url.host().isEmpty()
        || url.path().size() < 2) {
        // Never echo the text: it may hold a password.
        fail(QStringLiteral("%1: %2 wants postgresql://USER:PASSWORD@HOST:PORT/DATABASE.")
                 .arg(command, option),
             2);
        return std::nullopt;
    }
    return url;
}

std::optional<QUrl> databaseUrl(const QCommandLineParser &parser, const QString &command)
{
    return databaseUrl(parser.value(QStringLiteral("database")), command);
}

int parseOrExit(QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("portal-server %1").arg(command));
    if (!parser.parse(withProgram))
        return fail(parser.errorText(), 2);
    if (parser.isSet(help)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(version)) {
        QTextStream(stdout) << "portal-server " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    return -1;
}

QString requiredDataDir(const QCommandLineParser &parser, const QString &command)
{
    const QString dir = parser.value(QStringLiteral("data"));
    if (dir.isEmpty()) {
        fail(QStringLiteral("%1: --data DIR is required.").arg(command), 2);
        return {};
    }
    return QDir(dir).absolutePath();
}

int fail(const QString &message, int code)
{
    QTextStream(stderr) << "portal-server: " << message << '\n';
    return code;
}

} // namespace portal::cli
