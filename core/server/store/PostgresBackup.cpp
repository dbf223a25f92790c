#include "PostgresBackup.h"

#include "Database.h"
#include "PgTools.h"
#include "Store.h"
#include "StoreTables.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <optional>

namespace portal::store {

using namespace backup;

namespace {

const QString kOnlyIntoEmpty = QStringLiteral("restore puts a backup into an empty database only");

struct ServerVersion
{
    int number = 0; // server_version_num: 150018
    QString text; // "15.18"
};

Result<ServerVersion> serverVersion(Database &database)
{
    return database.selectOne<ServerVersion>(
        QStringLiteral(
            "SELECT current_setting('server_version_num')::integer, current_setting('server_version')"),
        {}, [](const SqlRow &row) {
            // "15.18 (Debian 15.18-0+deb12u1)": the number is enough for a message.
            return ServerVersion { int(row.integer(0)), row.text(1).section(QLatin1Char(' '), 0, 0) };
        });
}

Result<Done> checkHoldsAStore(Database &database, const QUrl &url)
{
    auto found
        = database.exists(QStringLiteral("SELECT 1 FROM information_schema.tables WHERE table_schema = "
                                         "current_schema() AND table_name = ?"),
                          { kSchemaVersionTable });
    if (!found)
        return found.error();
    if (!*found)
        return StoreError::failure(
            QStringLiteral("the database %1 holds no portal-server store (no table %2)")
                .arg(Database::displayUrl(url), kSchemaVersionTable));
    return Done {};
}

// What the snapshot that pg_dump writes holds of the store besides the dump itself.
struct Snapshot
{
    int schemaVersion = 0;
    QList<StoredDocument> documents;
};

// Inside the exporting transaction: pg_dump reads the very snapshot these reads did.
Result<Snapshot> dumpInOneSnapshot(Database &database, const PgClientProgram &pgDump, const QUrl &url,
                                   const QString &dumpFile)
{
    auto transaction = database.begin(Database::Access::Read);
    if (!transaction)
        return transaction.error();
    // REPEATABLE READ: every statement of the transaction, and whoever imports its snapshot, sees the
    // database as of its first query. READ ONLY: a backup writes nothing.
    if (auto isolated
        = database.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
        !isolated)
        return isolated.error();
    auto snapshotId = database.selectOne<QString>(QStringLiteral("SELECT pg_export_snapshot()"), {},
                                                  [](const SqlRow &row) { return row.text(0); });
    if (!snapshotId)
        return snapshotId.error();
    Snapshot snapshot;
    // Not appliedSchemaVersion(): it would create the version table, which a READ ONLY transaction refuses.
    auto version = database.selectOne<int>(
        QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM %1").arg(quotedName(kSchemaVersionTable)), {},
        [](const SqlRow &row) { return int(row.integer(0)); });
    if (!version)
        return version.error();
    snapshot.schemaVersion = *version;
    auto documents = readStoredDocuments(database);
    if (!documents)
        return documents.error();
    snapshot.documents = documents.take();
    // The snapshot lives as long as this transaction: pg_dump must have imported it before the commit.
    if (auto dumped = pgDump.run({ QStringLiteral("--format=custom"), QStringLiteral("--file=") + dumpFile,
                                   QStringLiteral("--snapshot=") + *snapshotId },
                                 url);
        !dumped)
        return dumped.error();
    (void)transaction->commit(); // it only read
    return snapshot;
}

// One field of COPY's text format: backslash escapes (\t, \n, \\, octal, \x hex), \N for NULL.
std::optional<QByteArray> copyField(const QByteArray &field)
{
    if (field == "\\N")
        return std::nullopt;
    QByteArray value;
    value.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        const char c = field.at(i);
        if (c != '\\' || i + 1 == field.size()) {
            value.append(c);
            continue;
        }
        const char escaped = field.at(++i);
        const auto digits = [&](int base, int most) {
            int code = 0;
            for (int n = 0; n < most && i + 1 < field.size(); ++n) {
                const int digit = QByteArray(1, field.at(i + 1)).toInt(nullptr, base);
                if (digit == 0 && field.at(i + 1) != '0')
                    break;
                code = code * base + digit;
                ++i;
            }
            return char(code);
        };
        switch (escaped) {
        case 'b':
            value.append('\b');
            break;
        case 'f':
            value.append('\f');
            break;
        case 'n':
            value.append('\n');
            break;
        case 'r':
            value.append('\r');
            break;
        case 't':
            value.append('\t');
            break;
        case 'v':
            value.append('\v');
            break;
        case 'x':
            value.append(digits(16, 2));
            break;
        default:
            if (escaped >= '0' && escaped <= '7') {
                --i; // the first digit is part of the number
                value.append(digits(8, 3));
            } else {
                value.append(escaped); // \\ and any other character stand for themselves
            }
        }
    }
    return value;
}

Result<Done> dropTables(Database &database, const QStringList &tables)
{
    if (tables.isEmpty())
        return Done {};
    return database.execSchema(
        QStringLiteral("DROP TABLE IF EXISTS %1 CASCADE").arg(tables.join(QLatin1String(", "))));
}

// pg_restore reads the dumps of its own version and older ones.
StoreError unreadableDump(const StoreError &error, const PgClientProgram &pgRestore,
                          const BackupSummary &manifest)
{
    const int dumpMajor = manifest.pgDumpVersion.section(QLatin1Char('.'), 0, 0).toInt();
    if (dumpMajor <= pgRestore.majorVersion())
        return error;
    return StoreError::failure(QStringLiteral("pg_restore %1 cannot read this dump, written by pg_dump %2: "
                                              "install postgresql-client-%3 (apt.postgresql.org) and restore "
                                              "with /usr/lib/postgresql/%3/bin first in PATH")
                                   .arg(pgRestore.version(), manifest.pgDumpVersion)
                                   .arg(dumpMajor));
}

} // namespace

QStringList tablesInDumpList(const QByteArray &listing)
{
    // "215; 1259 16387 TABLE public documents portal": id; catalog oid, oid, kind, schema, name, owner; not
    // "3352; 0 16387 TABLE DATA public documents portal", the rows.
    static const QRegularExpression table(QStringLiteral("^\\d+; \\d+ \\d+ TABLE (?!DATA )(\\S+) (\\S+) "));
    QStringList tables;
    for (const QByteArray &line : listing.split('\n')) {
        if (const auto match = table.match(QString::fromUtf8(line)); match.hasMatch())
            tables.append(quotedName(match.captured(1)) + QLatin1Char('.') + quotedName(match.captured(2)));
    }
    return tables;
}

Result<QList<StoredDocument>> documentsInDataScript(const QByteArray &script)
{
    static const QRegularExpression copy(
        QStringLiteral("^COPY (?:\\S+\\.)?\"?documents\"? \\((.*)\\) FROM stdin;$"));
    const QList<QByteArray> lines = script.split('\n');
    qsizetype line = 0;
    QStringList columns;
    for (; line < lines.size() && columns.isEmpty(); ++line) {
        if (const auto match = copy.match(QString::fromUtf8(lines.at(line))); match.hasMatch())
            columns = match.captured(1).remove(QLatin1Char('"')).split(QStringLiteral(", "));
    }
    if (columns.isEmpty())
        return StoreError::failure(QStringLiteral("the dump holds no documents table"));
    const qsizetype name = columns.indexOf(QStringLiteral("storage_name"));
    const qsizetype size = columns.indexOf(QStringLiteral("file_size"));
    const qsizetype sha256 = columns.indexOf(QStringLiteral("sha256"));
    if (name < 0 || size < 0 || sha256 < 0)
        return StoreError::failure(
            QStringLiteral("the dump's documents table lacks storage_name, file_size or "
                           "sha256"));
    QList<StoredDocument> documents;
    for (; line < lines.size() && lines.at(line) != "\\."; ++line) {
        const QList<QByteArray> fields = lines.at(line).split('\t');
        if (fields.size() != columns.size())
            return StoreError::failure(
                QStringLiteral("row %1 of the dump's documents table has %2 fields instead of %3")
                    .arg(documents.size() + 1)
                    .arg(fields.size())
                    .arg(columns.size()));
        const auto storageName = copyField(fields.at(name));
        const auto bytes = copyField(fields.at(size));
        const auto hash = copyField(fields.at(sha256));
        if (!storageName || !bytes || !hash)
            return StoreError::failure(QStringLiteral("row %1 of the dump's documents table lacks its file")
                                           .arg(documents.size() + 1));
        documents.append({ QString::fromUtf8(*storageName), bytes->toLongLong(), *hash });
    }
    if (line == lines.size())
        return StoreError::failure(QStringLiteral("the dump's documents table ends early"));
    return documents;
}

Result<BackupSummary> backupPostgresStore(const QString &dataDir, const QUrl &url, const QString &backupDir)
{
    if (!QFileInfo(dataDir).isDir())
        return StoreError::failure(
            QStringLiteral("%1 is not a folder (the data folder with the documents and the signing key)")
                .arg(dataDir));
    auto pgDump = PgClientProgram::find(QStringLiteral("pg_dump"));
    if (!pgDump)
        return pgDump.error();
    auto database = Database::openPostgres(url);
    if (!database)
        return database.error();
    if (auto holds = checkHoldsAStore(**database, url); !holds)
        return holds.error();
    // pg_dump would refuse too, in two lines; this says what to do.
    auto server = serverVersion(**database);
    if (!server)
        return server.error();
    if (auto reads
        = checkPgDumpReadsServer(pgDump->version(), pgDump->majorVersion(), server->number, server->text);
        !reads)
        return reads.error();

    NewBackupFolder folder(backupDir);
    if (auto created = folder.create(); !created)
        return created.error();
    BackupSummary summary;
    summary.kind = BackupKind::Postgres;
    summary.createdAt = QDateTime::currentDateTimeUtc();
    summary.pgDumpVersion = pgDump->version();
    auto snapshot = dumpInOneSnapshot(**database, *pgDump, url, folder.filePath(kPostgresDumpFile));
    if (!snapshot)
        return snapshot.error();
    summary.schemaVersion = snapshot->schemaVersion;
    if (auto completed = folder.complete(snapshot->documents, dataDir, summary); !completed)
        return completed.error();
    return summary;
}

Result<BackupSummary> restorePostgresStore(const QString &backupDir, const BackupSummary &manifest,
                                           const QString &dataDir, const QUrl &url)
{
    const QString dump = QDir(backupDir).filePath(kPostgresDumpFile);
    if (!QFileInfo(dump).isFile())
        return StoreError::failure(
            QStringLiteral("%1 has no %2: the backup is incomplete").arg(backupDir, kPostgresDumpFile));
    auto pgRestore = PgClientProgram::find(QStringLiteral("pg_restore"));
    if (!pgRestore)
        return pgRestore.error();

    // What the dump holds, read from it before anything is restored.
    auto script = pgRestore->run({ QStringLiteral("--data-only"), QStringLiteral("--table=documents"),
                                   QStringLiteral("--file=-"), dump });
    if (!script)
        return unreadableDump(script.error(), *pgRestore, manifest);
    auto documents = documentsInDataScript(*script);
    if (!documents)
        return StoreError::failure(QStringLiteral("%1: %2").arg(dump, documents.error().message));
    auto listing = pgRestore->run({ QStringLiteral("--list"), dump });
    if (!listing)
        return listing.error();
    const QStringList tables = tablesInDumpList(*listing);

    // A store is never merged into another (nor into another application's data).
    auto target = Database::openPostgres(url);
    if (!target)
        return target.error();
    auto fresh = rowsOfAFreshSchema();
    if (!fresh)
        return fresh.error();
    auto present = readPostgresTables(**target);
    if (!present)
        return present.error();
    if (auto empty = checkHoldsNoData(**target, present->keys(), *fresh, kOnlyIntoEmpty); !empty)
        return empty.error();

    RestoreStaging staging(dataDir);
    if (auto created = staging.create(); !created)
        return created.error();
    if (auto staged = staging.stageDocuments(*documents, backupDir, manifest.documents); !staged)
        return staged.error();
    if (auto key = staging.stageSigningKey(backupDir); !key)
        return key.error();

    // One transaction: a failure leaves the database as it was. --clean drops the empty tables of a schema
    // that a server already made there (the counters' rows are all they hold), which the dump then makes
    // again; --no-owner and --no-privileges make the restoring role the owner of everything.
    if (auto restored = pgRestore->run({ QStringLiteral("--single-transaction"), QStringLiteral("--clean"),
                                         QStringLiteral("--if-exists"), QStringLiteral("--no-owner"),
                                         QStringLiteral("--no-privileges"), dump },
                                       url);
        !restored)
        return StoreError::failure(restored.error().message
                                   + QStringLiteral("; rolled back, the database is as it was"));

    // Committed: from here a failure must take the restored tables out again.
    const auto undone = [&](const StoreError &error) {
        auto dropped = dropTables(**target, tables);
        return StoreError::failure(error.message
                                   + (dropped ? QStringLiteral("; the restored tables were dropped again")
                                              : QStringLiteral("; dropping the restored tables failed too: ")
                                              + dropped.error().message));
    };
    if (auto placed = staging.putInPlace(); !placed)
        return undone(placed.error());
    if (auto store = Store::open(dataDir, url); !store) // brings an older backup's schema up to date
        return undone(store.error());
    staging.keep();
    return manifest;
}

} // namespace portal::store
