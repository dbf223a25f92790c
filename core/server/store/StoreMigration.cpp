#include "StoreMigration.h"

#include "DataDirLayout.h"
#include "Database.h"
#include "Migrations.h"
#include "Store.h"
#include "StoreTables.h"

#include <QFileInfo>
#include <QHash>
#include <algorithm>
#include <optional>

namespace portal::store {

namespace {

// A multi-row INSERT carries at most this many values (rows × columns) and rows: one round trip per
// statement instead of per row, while a statement's text (QPSQL sends the values as literals of an
// EXECUTE) stays a few hundred kilobytes.
constexpr int kMaxValuesPerInsert = 8000;
constexpr int kMaxRowsPerInsert = 1000;

const QString kOnlyIntoEmpty
    = QStringLiteral("migrate-store copies into a database without portal data only");

// What a failed statement's error says, in one line: the first line of the driver's message without
// Database's and PostgreSQL's prefixes. PostgreSQL's further lines (DETAIL, LINE) quote the row's values,
// which may be secrets (password hashes, webhook secrets).
QString reasonOf(const StoreError &error)
{
    QString line = error.message.section(QLatin1Char('\n'), 0, 0).simplified();
    for (const QString prefix : { QStringLiteral("database error:"), QStringLiteral("ERROR:") }) {
        if (line.startsWith(prefix))
            line = line.mid(prefix.size()).trimmed();
    }
    return line;
}

// A version mismatch shows as a table or column of the source that the target lacks.
Result<Done> checkTargetHasEverything(const QList<SqliteTable> &source, const PostgresTables &target)
{
    for (const SqliteTable &table : source) {
        const auto columns = target.constFind(table.name);
        if (columns == target.cend())
            return StoreError::failure(QStringLiteral("the target database has no table %1 (its schema is of "
                                                      "another version than the source's)")
                                           .arg(table.name));
        for (const QString &column : table.columns) {
            if (std::none_of(columns->cbegin(), columns->cend(),
                             [&](const PostgresColumn &c) { return c.name == column; }))
                return StoreError::failure(
                    QStringLiteral("the target database has no column %1.%2 (its schema "
                                   "is of another version than the source's)")
                        .arg(table.name, column));
        }
    }
    return Done {};
}

// Streams a table's rows from the snapshot into the target, many rows per INSERT. Each INSERT runs in a
// savepoint, so that when one fails its rows can be tried one by one to name the row the target refuses.
class TableCopier
{
public:
    TableCopier(Database &sqlite, Database &postgres, const SqliteTable &table)
        : m_sqlite(sqlite)
        , m_postgres(postgres)
        , m_table(table)
        , m_columns(int(table.columns.size()))
        , m_rowsPerInsert(std::clamp(kMaxValuesPerInsert / m_columns, 1, kMaxRowsPerInsert))
        , m_fullInsert(insertOf(m_rowsPerInsert))
    {
        m_values.reserve(m_rowsPerInsert * m_columns);
    }

    Result<qint64> copy()
    {
        const QString select
            = QStringLiteral("SELECT %1 FROM %2").arg(quotedNames(m_table.columns), quotedName(m_table.name));
        auto read = m_sqlite.exec(select, {}, [this](const SqlRow &row) {
            if (m_failure)
                return; // the rest is read only to finish the statement
            for (int i = 0; i < m_columns; ++i) {
                const QVariant value = row.value(i);
                // A NULL of a TEXT column comes as a null QString, which Database would bind as ''.
                m_values.append(value.isNull() ? sqlNull() : value);
            }
            if (++m_pendingRows == m_rowsPerInsert)
                flush();
        });
        if (!read)
            return read.error();
        flush();
        if (m_failure)
            return *m_failure;
        return m_copied;
    }

private:
    QString insertOf(int rows) const
    {
        const QString row = QLatin1Char('(')
            + QStringList(m_columns, QStringLiteral("?")).join(QLatin1String(", ")) + QLatin1Char(')');
        return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
            .arg(quotedName(m_table.name), quotedNames(m_table.columns),
                 QStringList(rows, row).join(QLatin1String(", ")));
    }

    Result<Done> insertInSavepoint(const QString &sql, const QVariantList &values)
    {
        return m_postgres.inTransaction(Database::Access::Write,
                                        [&] { return m_postgres.exec(sql, values); });
    }

    void flush()
    {
        if (m_pendingRows == 0 || m_failure)
            return;
        const QString sql = m_pendingRows == m_rowsPerInsert ? m_fullInsert : insertOf(m_pendingRows);
        if (auto inserted = insertInSavepoint(sql, m_values); inserted)
            m_copied += m_pendingRows;
        else
            m_failure = findRefusedRow(inserted.error());
        m_values.clear();
        m_pendingRows = 0;
    }

    // The rows of the failed INSERT one by one: the first the target refuses is the one to name.
    StoreError findRefusedRow(const StoreError &batchError)
    {
        const QString single = insertOf(1);
        const qsizetype idColumn = m_table.columns.indexOf(QStringLiteral("id"));
        for (int row = 0; row < m_pendingRows; ++row) {
            const QVariantList values = m_values.mid(row * m_columns, m_columns);
            if (auto inserted = insertInSavepoint(single, values); !inserted) {
                const QString which = idColumn >= 0
                    ? QStringLiteral("the row with id %1").arg(values.at(idColumn).toString())
                    : QStringLiteral("row %1").arg(m_copied + row + 1);
                return StoreError::failure(QStringLiteral("the target refused %1 of table %2: %3")
                                               .arg(which, m_table.name, reasonOf(inserted.error())));
            }
        }
        return StoreError::failure(QStringLiteral("the target refused rows %1 to %2 of table %3: %4")
                                       .arg(m_copied + 1)
                                       .arg(m_copied + m_pendingRows)
                                       .arg(m_table.name, reasonOf(batchError)));
    }

    Database &m_sqlite;
    Database &m_postgres;
    const SqliteTable &m_table;
    const int m_columns;
    const int m_rowsPerInsert;
    const QString m_fullInsert;
    QVariantList m_values; // of the rows not inserted yet, row after row
    int m_pendingRows = 0;
    qint64 m_copied = 0;
    std::optional<StoreError> m_failure;
};

// Inside the target's transaction: everything copied and checked, ready to commit.
Result<StoreMigrationSummary> copyAll(Database &sqlite, Database &postgres, const QList<SqliteTable> &tables,
                                      const PostgresTables &target, const QHash<QString, qint64> &fresh,
                                      const TableCopied &onTableCopied)
{
    // No other writer meanwhile (readers go on); then the emptiness seen before is checked again under it.
    QStringList locked;
    for (auto it = target.cbegin(); it != target.cend(); ++it) {
        if (it.key() != kSchemaVersionTable)
            locked.append(quotedName(it.key()));
    }
    if (!locked.isEmpty()) {
        if (auto done = postgres.exec(
                QStringLiteral("LOCK TABLE %1 IN EXCLUSIVE MODE").arg(locked.join(QLatin1String(", "))));
            !done)
            return done.error();
    }
    auto counts = checkHoldsNoData(postgres, target.keys(), fresh, kOnlyIntoEmpty);
    if (!counts)
        return counts.error();
    // What the migrations put there (the one-row counters) makes way for the source's own rows.
    for (auto table = tables.crbegin(); table != tables.crend(); ++table) {
        if (counts->value(table->name) == 0)
            continue;
        if (auto done = postgres.exec(QStringLiteral("DELETE FROM %1").arg(quotedName(table->name))); !done)
            return done.error();
    }

    StoreMigrationSummary summary;
    QStringList withIdentity;
    for (const SqliteTable &table : tables) {
        auto rows = countRows(sqlite, table.name); // in the snapshot, as every read of it
        if (!rows)
            return rows.error();
        auto copied = TableCopier(sqlite, postgres, table).copy();
        if (!copied)
            return copied.error();
        auto inTarget = countRows(postgres, table.name);
        if (!inTarget)
            return inTarget.error();
        if (*copied != *rows || *inTarget != *rows)
            return StoreError::failure(
                QStringLiteral("table %1 has %2 rows in the source, but %3 were copied "
                               "and the target counts %4")
                    .arg(table.name)
                    .arg(*rows)
                    .arg(*copied)
                    .arg(*inTarget));
        summary.tables.append({ table.name, *rows });
        summary.rows += *rows;
        if (onTableCopied)
            onTableCopied(summary.tables.constLast());
        const QList<PostgresColumn> &columns = target.value(table.name);
        if (std::any_of(columns.cbegin(), columns.cend(),
                        [](const PostgresColumn &c) { return c.name == QLatin1String("id") && c.identity; }))
            withIdentity.append(table.name);
    }
    // Last, just before the commit: setval() is not undone by a rollback (a sequence left higher than
    // needed would be harmless, but there is no reason to risk it for a failure of the steps above).
    if (auto continued = postgres.continueIdsAfterExplicitInserts(withIdentity); !continued)
        return continued.error();
    return summary;
}

} // namespace

Result<StoreMigrationSummary> migrateStoreToPostgres(const QString &dataDir, const QUrl &targetUrl,
                                                     const TableCopied &onTableCopied)
{
    const QString databaseFile = layout::databaseFile(dataDir);
    if (!QFileInfo(databaseFile).isFile())
        return StoreError::failure(
            QStringLiteral("%1 holds no store (no %2)").arg(dataDir, QFileInfo(databaseFile).fileName()));
    auto source = Store::open(dataDir); // its pending migrations run first, as serve runs them
    if (!source)
        return source.error();
    auto target = Database::openPostgres(targetUrl);
    if (!target)
        return target.error();
    Database &sqlite = (*source)->database();
    Database &postgres = **target;

    // Refused before the migrations touch the target: a store is never merged into another.
    auto fresh = rowsOfAFreshSchema();
    if (!fresh)
        return fresh.error();
    auto before = readPostgresTables(postgres);
    if (!before)
        return before.error();
    if (auto empty = checkHoldsNoData(postgres, before->keys(), *fresh, kOnlyIntoEmpty); !empty)
        return empty.error();
    if (auto migrated = migrate(postgres); !migrated)
        return migrated.error();
    auto targetTables = readPostgresTables(postgres);
    if (!targetTables)
        return targetTables.error();
    auto version = appliedSchemaVersion(postgres);
    if (!version)
        return version.error();

    // One read transaction: every table is read from the same snapshot, which starts with the first read.
    auto snapshot = sqlite.begin(Database::Access::Read);
    if (!snapshot)
        return snapshot.error();
    auto sourceTables = readSqliteTables(sqlite);
    if (!sourceTables)
        return sourceTables.error();
    auto ordered = parentsFirst(sourceTables.take());
    if (!ordered)
        return ordered.error();
    if (auto fits = checkTargetHasEverything(*ordered, *targetTables); !fits)
        return fits.error();

    auto copied = postgres.inTransaction(Database::Access::Write, [&] {
        return copyAll(sqlite, postgres, *ordered, *targetTables, *fresh, onTableCopied);
    });
    if (!copied)
        return StoreError { copied.error().kind,
                            copied.error().message + QStringLiteral("; rolled back, nothing was copied"),
                            {} };
    (void)snapshot->commit(); // it only read
    copied->schemaVersion = *version;
    return copied;
}

} // namespace portal::store
