// portal-server backup --data DIR OUT: a consistent copy of a store, taken while it is being served.
// portal-server restore --data DIR BACKUP: puts a backup in place in a new data folder.
#include "CommandLine.h"
#include "Commands.h"
#include "StoreBackup.h"

#include <QLocale>
#include <QTextStream>

namespace portal::cli {

namespace {

QString describe(const store::BackupSummary &summary)
{
    return QStringLiteral("schema version %1, %2 documents (%3)")
        .arg(summary.schemaVersion)
        .arg(summary.documents)
        .arg(QLocale::c().formattedDataSize(summary.documentBytes));
}

} // namespace

int backupCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "portal-server backup --data DIR OUT\n\n"
        "Writes a consistent copy of the store in DIR (database, documents, token signing key) into the new\n"
        "folder OUT. Safe while portal-server serves DIR: the database is copied in one read transaction."));
    parser.addOption(dataOption());
    parser.addOption(databaseOption());
    parser.addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("A folder that does not exist yet."));
    if (const int code = parseOrExit(parser, QStringLiteral("backup"), arguments); code >= 0)
        return code;
    const auto database = databaseUrl(parser, QStringLiteral("backup"));
    if (!database)
        return 2;
    if (!database->isEmpty())
        return fail(QStringLiteral(
                        "backup: the database is PostgreSQL: use pg_dump for it (and copy DIR's documents/ "
                        "and signing key alongside); backup covers SQLite stores only."),
                    2);
    const QString dataDir = requiredDataDir(parser, QStringLiteral("backup"));
    if (dataDir.isEmpty())
        return 2;
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("backup: give exactly one folder to write the backup into."), 2);
    const QString out = parser.positionalArguments().first();
    const auto summary = store::backupStore(dataDir, out);
    if (!summary)
        return fail(QStringLiteral("backup: %1").arg(summary.error().message));
    QTextStream(stdout) << "Backed up " << dataDir << " into " << out << ": " << describe(*summary) << '\n';
    return 0;
}

int restoreCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "portal-server restore --data DIR BACKUP\n\n"
        "Restores a backup made by \"portal-server backup\" into DIR, which must not hold a store yet.\n"
        "Every document is checked against its SHA-256 first; an older backup's schema is brought up to\n"
        "date. Stop the server, restore into a new folder, then serve that folder."));
    parser.addOption(dataOption());
    parser.addOption(databaseOption());
    parser.addPositionalArgument(QStringLiteral("BACKUP"), QStringLiteral("The backup's folder."));
    if (const int code = parseOrExit(parser, QStringLiteral("restore"), arguments); code >= 0)
        return code;
    const auto database = databaseUrl(parser, QStringLiteral("restore"));
    if (!database)
        return 2;
    if (!database->isEmpty())
        return fail(
            QStringLiteral(
                "restore: the database is PostgreSQL: use pg_restore for it (and copy DIR's documents/ "
                "and signing key alongside); restore covers SQLite stores only."),
            2);
    const QString dataDir = requiredDataDir(parser, QStringLiteral("restore"));
    if (dataDir.isEmpty())
        return 2;
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("restore: give exactly one backup folder."), 2);
    const QString backup = parser.positionalArguments().first();
    const auto summary = store::restoreStore(backup, dataDir);
    if (!summary)
        return fail(QStringLiteral("restore: %1").arg(summary.error().message));
    QTextStream(stdout) << "Restored " << backup << " into " << dataDir << ": " << describe(*summary) << '\n';
    return 0;
}

} // namespace portal::cli
