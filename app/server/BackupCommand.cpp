// portal-server backup --data DIR [--database URL] OUT: a consistent copy of a store, taken while it is being
// served. portal-server restore --data DIR [--database URL] BACKUP: puts a backup in place in a new data
// folder (and, for a PostgreSQL store, an empty database).
#include "CommandLine.h"
#include "Commands.h"
#include "Database.h"
#include "StoreBackup.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QTextStream>

namespace portal::cli {

namespace {

QString describe(const store::BackupSummary &summary)
{
    return QStringLiteral("%1, schema version %2, %3 documents (%4)")
        .arg(summary.kind == store::BackupKind::Postgres ? QStringLiteral("PostgreSQL")
                                                         : QStringLiteral("SQLite"))
        .arg(summary.schemaVersion)
        .arg(summary.documents)
        .arg(QLocale::c().formattedDataSize(summary.documentBytes));
}

// "DIR", or "DIR and postgresql://user@host:port/db" (never the password).
QString storeName(const QString &dataDir, const QUrl &database)
{
    if (database.isEmpty())
        return dataDir;
    return QStringLiteral("%1 and %2").arg(dataDir, store::Database::displayUrl(database));
}

// Every failure comes back here and is printed as the command's one line; the store's own warnings would
// say the same again, with SQL. QT_LOGGING_RULES still turns them on.
void quietStoreWarnings()
{
    QLoggingCategory::setFilterRules(QStringLiteral("portal.store.warning=false"));
}

} // namespace

int backupCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "portal-server backup --data DIR [--database URL] OUT\n\n"
        "Writes a consistent copy of the store in DIR (database, documents, token signing key) into the new\n"
        "folder OUT. Safe while portal-server serves DIR: SQLite's database is copied in one read\n"
        "transaction; PostgreSQL's (--database) by pg_dump (package postgresql-client) in one snapshot,\n"
        "which the documents copied are of too."));
    parser.addOption(dataOption());
    parser.addOption(databaseOption());
    parser.addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("A folder that does not exist yet."));
    if (const int code = parseOrExit(parser, QStringLiteral("backup"), arguments); code >= 0)
        return code;
    const auto database = databaseUrl(parser, QStringLiteral("backup"));
    if (!database)
        return 2;
    const QString dataDir = requiredDataDir(parser, QStringLiteral("backup"));
    if (dataDir.isEmpty())
        return 2;
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("backup: give exactly one folder to write the backup into."), 2);
    const QString out = parser.positionalArguments().first();
    quietStoreWarnings();
    const auto summary = store::backupStore(dataDir, out, *database);
    if (!summary)
        return fail(QStringLiteral("backup: %1").arg(summary.error().message.simplified()));
    QTextStream(stdout) << "Backed up " << storeName(dataDir, *database) << " into " << out << ": "
                        << describe(*summary) << '\n';
    return 0;
}

int restoreCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "portal-server restore --data DIR [--database URL] BACKUP\n\n"
        "Restores a backup made by \"portal-server backup\" into DIR, which must not hold a store yet; a\n"
        "PostgreSQL store's backup also into the database URL, which must hold no data (pg_restore, in one\n"
        "transaction). Every document is checked against its SHA-256 first; an older backup's schema is\n"
        "brought up to date. On failure nothing is left behind. Stop the server, restore into a new folder\n"
        "(and database), then serve that."));
    parser.addOption(dataOption());
    parser.addOption(databaseOption());
    parser.addPositionalArgument(QStringLiteral("BACKUP"), QStringLiteral("The backup's folder."));
    if (const int code = parseOrExit(parser, QStringLiteral("restore"), arguments); code >= 0)
        return code;
    const auto database = databaseUrl(parser, QStringLiteral("restore"));
    if (!database)
        return 2;
    const QString dataDir = requiredDataDir(parser, QStringLiteral("restore"));
    if (dataDir.isEmpty())
        return 2;
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("restore: give exactly one backup folder."), 2);
    const QString backup = parser.positionalArguments().first();
    quietStoreWarnings();
    const auto summary = store::restoreStore(backup, dataDir, *database);
    if (!summary)
        return fail(QStringLiteral("restore: %1").arg(summary.error().message.simplified()));
    QTextStream(stdout) << "Restored " << backup << " into " << storeName(dataDir, *database) << ": "
                        << describe(*summary) << '\n';
    return 0;
}

} // namespace portal::cli
