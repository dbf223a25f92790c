// portal: the Client Portal client. For now its command line:
//   portal sync --server URL --user NAME --password-stdin [--remember] [--data-dir DIR] [--verbose]
//   portal search TERM [--data-dir DIR] [--server URL --user NAME]
// The desktop window will start when no command is given.
#include "Commands.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

const char *const kUsage = R"(Usage: portal COMMAND [OPTIONS]

The Client Portal client.

Commands:
  sync      Sign in and bring the account's local cache up to date; prints a summary line.
  search    Search the local cache (offline).

Options:
  -h, --help     Show this help, or a command's help after the command.
  -v, --version  Show the version.
)";

} // namespace

namespace portal::cli {

int fail(const QString &message, int code)
{
    QTextStream(stderr) << "portal: " << message << '\n';
    return code;
}

} // namespace portal::cli

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Client Portal"));
    QCoreApplication::setApplicationName(QStringLiteral("portal"));
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
        out << "portal " << PORTAL_VERSION << " (Qt " << qVersion() << ")\n";
        return 0;
    }
    if (command == QLatin1String("sync"))
        return portal::cli::syncCommand(arguments);
    if (command == QLatin1String("search"))
        return portal::cli::searchCommand(arguments);

    QTextStream(stderr) << (command.isEmpty()
                                ? QStringLiteral("portal: a command is needed.\n\n")
                                : QStringLiteral("portal: unknown command \"%1\".\n\n").arg(command))
                        << kUsage;
    return 2;
}
