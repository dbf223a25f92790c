// portal-server migrate-store --from DIR --to URL: moves a store's database from SQLite (DIR/portal.sqlite3)
// into an empty PostgreSQL database, all or nothing; the documents and the signing key stay in DIR.
#include "CommandLine.h"
#include "Commands.h"
#include "Database.h"
#include "StoreMigration.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTextStream>

namespace portal::cli {

int migrateStoreCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "portal-server migrate-store --from DIR --to URL\n\n"
        "Copies the store in DIR (SQLite, DIR/portal.sqlite3) into the PostgreSQL database URL, which must\n"
        "hold no portal data: every row of every table with its id. DIR is opened as serve opens it, so its\n"
        "pending migrations run first; the target's schema is made by the same migrations. DIR is read in "
        "one\n"
        "read transaction (a consistent snapshot) and the target written in one transaction (all or "
        "nothing),\n"
        "each table's row count checked before the commit. Stop the server first: what it writes after the\n"
        "snapshot is not copied. The documents and the signing key stay in DIR; serve it afterwards with\n"
        "  portal-server serve --data DIR --database URL"));
    const QCommandLineOption from(
        QStringLiteral("from"),
        QStringLiteral("The data folder of the SQLite store to copy (as serve's --data)."),
        QStringLiteral("DIR"));
    const QCommandLineOption to(
        QStringLiteral("to"),
        QStringLiteral("The PostgreSQL database to copy into: postgresql://USER:PASSWORD@HOST:PORT/DATABASE "
                       "(without a password, libpq's PGPASSWORD or ~/.pgpass); default: the environment's "
                       "PORTAL_DATABASE_URL."),
        QStringLiteral("URL"));
    parser.addOption(from);
    parser.addOption(to);
    if (const int code = parseOrExit(parser, QStringLiteral("migrate-store"), arguments); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("migrate-store: unexpected argument \"%1\".")
                        .arg(parser.positionalArguments().first()),
                    2);
    if (parser.value(from).isEmpty())
        return fail(QStringLiteral("migrate-store: --from DIR is required."), 2);
    const QString dataDir = QDir(parser.value(from)).absolutePath();
    const auto target
        = databaseUrl(parser.value(to), QStringLiteral("migrate-store"), QStringLiteral("--to"));
    if (!target)
        return 2;
    if (target->isEmpty())
        return fail(QStringLiteral("migrate-store: --to URL (or PORTAL_DATABASE_URL) is required."), 2);

    // Every failure comes back here and is printed as the command's one line; the store's own warnings
    // would say the same again, with SQL. QT_LOGGING_RULES still turns them on.
    QLoggingCategory::setFilterRules(QStringLiteral("portal.store.warning=false"));
    const QString shownUrl = store::Database::displayUrl(*target);
    QTextStream out(stdout);
    out << "Copying " << dataDir << " into " << shownUrl << Qt::endl;
    QElapsedTimer clock;
    clock.start();
    const auto summary
        = store::migrateStoreToPostgres(dataDir, *target, [&out](const store::CopiedTable &table) {
              out << "  " << qSetFieldWidth(24) << Qt::left << table.name << qSetFieldWidth(0) << table.rows
                  << (table.rows == 1 ? " row" : " rows") << Qt::endl;
          });
    if (!summary)
        return fail(QStringLiteral("migrate-store: %1").arg(summary.error().message.simplified()));
    out << "Copied " << summary->tables.size() << " tables, " << summary->rows << " rows in "
        << QString::number(double(clock.elapsed()) / 1000.0, 'f', 1) << " s (schema version "
        << summary->schemaVersion << "); every table's row count matched before the commit." << Qt::endl
        << "Next: stop using the SQLite store and serve the PostgreSQL one:" << Qt::endl
        << "  portal-server serve --data " << dataDir << " --database " << shownUrl << Qt::endl;
    if (!target->password().isEmpty())
        out << "  (give it the password through PORTAL_DATABASE_URL, ~/.pgpass or the configuration file)"
            << Qt::endl;
    out << "Commands given no --database (user, webhook, import) would still use " << dataDir
        << "/portal.sqlite3: give them --database or PORTAL_DATABASE_URL, and move that file away once the "
           "PostgreSQL store is checked."
        << Qt::endl;
    return 0;
}

} // namespace portal::cli
