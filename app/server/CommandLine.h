// What the sub-commands share on the command line: a parser set up with --help/--version and --data, and
// the parse step that prints help or errors the same way for every command.
#pragma once

#include <QCommandLineParser>

namespace portal::cli {

QCommandLineOption dataOption();

// Parses `arguments` for `command`; returns an exit code when the process should end now (help, version
// or a usage error), or -1 to go on.
int parseOrExit(QCommandLineParser &parser, const QString &command, const QStringList &arguments);

// --data DIR, required: the store's folder. Returns it, or an empty string after printing the error.
QString requiredDataDir(const QCommandLineParser &parser, const QString &command);

} // namespace portal::cli
