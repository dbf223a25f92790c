// portal-server: the Client Portal API served by an embedded Qt HttpServer backend.
//   portal-server import --data DIR FILE.json
//   portal-server serve --data DIR --listen HOST:PORT [--rate-limit 100/1000|off] [--max-upload-size 100M]
//                       [--tls-cert FILE --tls-key FILE]
//   portal-server user add|passwd|disable|enable|list --data DIR ...
//   portal-server webhook add|list|remove|rotate-secret|deliveries|redeliver --data DIR ...
//   portal-server backup --data DIR OUT;  portal-server restore --data DIR BACKUP
//   portal-server migrate-store --from DIR --to postgresql://USER:PASSWORD@HOST:PORT/DATABASE
#include "Commands.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

const char *const kUsage = R"(Usage: portal-server COMMAND [OPTIONS]

The Client Portal API server.

Commands:
  serve          Serve the API until SIGTERM or SIGINT.
  import         Load a fixture (JSON) into a store, all or nothing.
  user           Add users, set passwords, disable or list accounts.
  webhook        Register webhook endpoints; show and redeliver their deliveries.
  backup         Copy a store consistently, even while it is being served.
  restore        Put a backup in place in a new data folder.
  migrate-store  Copy a store from SQLite into an empty PostgreSQL database.

Options:
  -h, --help     Show this help, or a command's help after the command.
  -v, --version  Show the version.

Run "portal-server COMMAND --help" for a command's options.
)";

} // namespace

int main(int argc, char *argv[])
{
    // Qt's own event dispatcher: the server needs nothing of GLib's, whose socket-notifier bookkeeping
    // costs several percent of the throughput.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("portal-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTAL_VERSION));

    QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString command = arguments.isEmpty() ? QString() : arguments.takeFirst();
    QTextStream out(stdout);
    if (command == QLatin1String("-h") || command == QLatin1String("--help")
        || command == QLatin1String("help")) {
        out << kUsage;
        return 0;
    }
    if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
        out << "portal-server " << PORTAL_VERSION << " (Qt " << qVersion() << ")\n";
        return 0;
    }
    if (command == QLatin1String("serve"))
        return portal::cli::serveCommand(arguments);
    if (command == QLatin1String("import"))
        return portal::cli::importCommand(arguments);
    if (command == QLatin1String("user"))
        return portal::cli::userCommand(arguments);
    if (command == QLatin1String("webhook"))
        return portal::cli::webhookCommand(arguments);
    if (command == QLatin1String("backup"))
        return portal::cli::backupCommand(arguments);
    if (command == QLatin1String("restore"))
        return portal::cli::restoreCommand(arguments);
    if (command == QLatin1String("migrate-store"))
        return portal::cli::migrateStoreCommand(arguments);

    QTextStream(stderr) << (command.isEmpty()
                                ? QStringLiteral("portal-server: a command is needed.\n\n")
                                : QStringLiteral("portal-server: unknown command \"%1\".\n\n").arg(command))
                        << kUsage;
    return 2;
}
