#include "CommandLine.h"

#include "Commands.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

namespace portal::cli {

QCommandLineOption dataOption()
{
    return { QStringLiteral("data"), QStringLiteral("The store's folder (database, documents, signing key)."),
             QStringLiteral("DIR") };
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
