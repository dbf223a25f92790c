// portal's sub-commands. Each takes its own arguments (without the program and command names) and returns
// the process exit code; errors are printed to stderr in words, one line each.
#pragma once

#include <QStringList>

namespace portal::cli {

int syncCommand(const QStringList &arguments);
int searchCommand(const QStringList &arguments);

// Prints `message` to stderr prefixed with "portal: " and returns `code`.
int fail(const QString &message, int code = 1);

// The first line of standard input, without its line break (--password-stdin).
QString readPasswordLine();

} // namespace portal::cli
