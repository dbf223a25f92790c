// What the sub-commands share on the command line: a parser set up with --help/--version, --data and
// --database, and
// the parse step that prints help or errors the same way for every command.
#pragma once

#include <QCommandLineParser>
#include <QUrl>
#include <optional>

namespace portal::cli {

QCommandLineOption dataOption();
// --database URL: the store's database in PostgreSQL instead of SQLite in DIR.
QCommandLineOption databaseOption();

// Parses `arguments` for `command`; returns an exit code when the process should end now (help, version
// or a usage error), or -1 to go on.
int parseOrExit(QCommandLineParser &parser, const QString &command, const QStringList &arguments);

// --data DIR, required: the store's folder. Returns it, or an empty string after printing the error.
QString requiredDataDir(const QCommandLineParser &parser, const QString &command);

// `given` (--database's value, else the environment's PORTAL_DATABASE_URL) as a PostgreSQL URL: an empty
// QUrl for none (SQLite in DIR), nullopt after printing the error when it is not one. `option` names the
// option in that error (migrate-store's is --to).
std::optional<QUrl> databaseUrl(const QString &given, const QString &command,
                                const QString &option = QStringLiteral("--database"));
// The same for a parser that has databaseOption().
std::optional<QUrl> databaseUrl(const QCommandLineParser &parser, const QString &command);

} // namespace portal::cli
