// portal: the Client Portal client.
//   portal [--server URL --user NAME [--password-stdin]] [--data-dir DIR]     the desktop app
//   portal sync --server URL --user NAME --password-stdin [--remember] [--data-dir DIR] [--verbose]
//   portal search TERM [--data-dir DIR] [--server URL --user NAME]
#include "Commands.h"
#include "DesktopApp.h"

#include <QApplication>
#include <QTextStream>
#include <memory>

namespace {

const char *const kUsage = R"(Usage: portal [COMMAND] [OPTIONS]

The Client Portal client. Without a command, the desktop app (portal --desktop-help for its options).

Commands:
  sync      Sign in and bring the account's local cache up to date; prints a summary line.
  search    Search the local cache (offline).

Options:
  -h, --help     Show this help, or a command's help after the command.
  -v, --version  Show the version.
)";

} // namespace

int main(int argc, char *argv[])
{
    // The desktop app needs a QApplication (and a display); the commands run headless.
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const QString command = arguments.isEmpty() ? QString() : arguments.first();
    const bool desktop = command.isEmpty()
        || (command.startsWith(QLatin1String("--")) && command != QLatin1String("--help")
            && command != QLatin1String("--version"));
    std::unique_ptr<QCoreApplication> app = desktop ? std::make_unique<QApplication>(argc, argv)
                                                    : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Client Portal"));
    QCoreApplication::setApplicationName(QStringLiteral("portal"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTAL_VERSION));
    if (desktop) {
        if (command == QLatin1String("--desktop-help"))
            arguments = { QStringLiteral("--help") };
        return portal::app::runDesktop(arguments);
    }

    arguments.removeFirst();
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

    QTextStream(stderr) << QStringLiteral("portal: unknown command \"%1\".\n\n").arg(command) << kUsage;
    return 2;
}
