// portal-server's sub-commands. Each takes its own arguments (without the program and command names) and
// returns the process exit code; errors are printed to stderr in one line each.
#pragma once

#include <QStringList>

namespace portal::cli {

int serveCommand(const QStringList &arguments);
int importCommand(const QStringList &arguments);
int userCommand(const QStringList &arguments);
int webhookCommand(const QStringList &arguments);
int backupCommand(const QStringList &arguments);
int restoreCommand(const QStringList &arguments);
int migrateStoreCommand(const QStringList &arguments);

// Prints `message` to stderr prefixed with "portal-server: " and returns exit code 1 (or `code`).
int fail(const QString &message, int code = 1);

} // namespace portal::cli
