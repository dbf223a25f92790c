// Opening a store: the schema a fresh folder gets, reopening, refusing a database from a newer build,
// applying migrations in order and atomically, and several stores in one process.
#include "Migrations.h"
#include "StoreTestSupport.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace portal::store;
using namespace portal::store::test;

namespace {

// A plain connection of the test's own to a store's database file, to look at it from outside the store.
class RawConnection
{
public:
    explicit RawConnection(const QString &dataDir)
        : m_name(QStringLiteral("raw-%1").arg(quintptr(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(layout::databaseFile(dataDir));
        if (!db.open())
            qFatal("cannot open the database of %s", qPrintable(dataDir));
    }
    ~RawConnection() { QSqlDatabase::removeDatabase(m_name); }

    QStringList tables() const { return QSqlDatabase::database(m_name).tables(); }
    QVariant value(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        return query.exec(sql);
    }

private:
    QString m_name;
};

bool hasTable(Database &database, const QString &table)
{
    // sqlite_master is SQLite's own; this test looks at an SQLite file.
    auto found = database.exists(
        QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"), { table });
    return found && *found;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void migrationVersionsIncrease();
    void freshOpenCreatesTheSchema();
    void reopeningIsIdempotent();
    void newerSchemaIsRefused();
    void foreignKeysAreEnforced();
    void failedMigrationIsRolledBack();
    void pendingMigrationsApplyInOrder();
    void severalStoresInOneProcess();
};

void TestMigrations::migrationVersionsIncrease()
{
    const QList<Migration> &migrations = schemaMigrations();
    QVERIFY(!migrations.isEmpty());
    for (qsizetype i = 0; i < migrations.size(); ++i)
        QCOMPARE(migrations.at(i).version, int(i + 1));
    QCOMPARE(Store::schemaVersion(), migrations.constLast().version);
}

void TestMigrations::freshOpenCreatesTheSchema()
{
    QTemporaryDir dir;
    {
        auto store = Store::open(dir.filePath(QStringLiteral("data")));
        QVERIFY_OK(store);
        QStringList tables = dataTables();
        tables.sort();
        QCOMPARE(rowCounts(**store).keys(), tables);
        for (qint64 count : rowCounts(**store))
            QCOMPARE(count, 0);
        QVERIFY(QFileInfo(layout::documentsDir((*store)->dataDir())).isDir());
        QVERIFY(QFileInfo(layout::incomingDir((*store)->dataDir())).isDir());
    }
    RawConnection raw(dir.filePath(QStringLiteral("data")));
    QStringList expected = dataTables();
    expected << QStringLiteral("schema_migrations")
             << QStringLiteral("sync_counter"); // one row from the start
    QStringList tables = raw.tables();
    tables.removeAll(QStringLiteral("sqlite_sequence")); // SQLite's bookkeeping of AUTOINCREMENT
    tables.sort();
    expected.sort();
    QCOMPARE(tables, expected);
    QCOMPARE(raw.value(QStringLiteral("SELECT MAX(version) FROM schema_migrations")).toInt(),
             Store::schemaVersion());
    QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")).toInt(),
             schemaMigrations().size());
    QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void TestMigrations::reopeningIsIdempotent()
{
    QTemporaryDir dir;
    {
        auto store = Store::open(dir.path());
        QVERIFY_OK(store);
        QVERIFY_OK(importFixture(**store, demoFixturePath(), plainHash));
    }
    auto store = Store::open(dir.path());
    QVERIFY_OK(store);
    auto version = appliedSchemaVersion((*store)->database());
    QVERIFY_OK(version);
    QCOMPARE(*version, Store::schemaVersion());
    auto migrations
        = (*store)->database().selectOne<qint64>(QStringLiteral("SELECT COUNT(*) FROM schema_migrations"), {},
                                                 [](const SqlRow &row) { return row.integer(0); });
    QVERIFY_OK(migrations);
    QCOMPARE(*migrations, schemaMigrations().size());
    auto cases = (*store)->cases().list({ 5, 1 });
    QVERIFY_OK(cases);
    QCOMPARE(cases->size(), 2);
}

void TestMigrations::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    QVERIFY_OK(Store::open(dir.path()));
    const int newer = Store::schemaVersion() + 1;
    {
        RawConnection raw(dir.path());
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) "
                                        "VALUES (%1, '2030-01-01T00:00:00.000Z')")
                             .arg(newer)));
    }
    auto store = Store::open(dir.path());
    QVERIFY_ERROR(store, Failure);
    QVERIFY2(store.error().message.contains(QStringLiteral("schema version %1").arg(newer)),
             qPrintable(store.error().message));
    QVERIFY2(store.error().message.contains(QStringLiteral("newer")), qPrintable(store.error().message));
}

void TestMigrations::foreignKeysAreEnforced()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    QVERIFY_OK(store);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("SQL error: FOREIGN KEY constraint failed")));
    auto orphan = (*store)->database().exec(
        QStringLiteral("INSERT INTO cases (client_id, title, case_number, status, open_date, updated_at) "
                       "VALUES (999, 'Orphan', 'X-1', 'OPEN', '2023-01-01', '2023-01-01T00:00:00.000Z')"));
    QVERIFY_ERROR(orphan, Failure);
}

void TestMigrations::failedMigrationIsRolledBack()
{
    QTemporaryDir dir;
    auto database = Database::openSqlite(dir.filePath(QStringLiteral("test.sqlite3")));
    QVERIFY_OK(database);
    Database &db = **database;
    const Migration first { 1, QStringLiteral("a"), { QStringLiteral("CREATE TABLE a (id {id_column})") } };
    const Migration broken { 2,
                             QStringLiteral("b, broken"),
                             { QStringLiteral("CREATE TABLE b (id {id_column})"),
                               QStringLiteral("THIS IS NOT SQL") } };
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("SQL error: .*syntax error.* in: THIS IS NOT SQL")));
    auto migrated = migrate(db, { first, broken });
    QVERIFY_ERROR(migrated, Failure);
    QVERIFY2(migrated.error().message.contains(QStringLiteral("migration 2 (b, broken)")),
             qPrintable(migrated.error().message));
    auto version = appliedSchemaVersion(db);
    QVERIFY_OK(version);
    QCOMPARE(*version, 1);
    QVERIFY(hasTable(db, QStringLiteral("a")));
    QVERIFY(!hasTable(db, QStringLiteral("b"))); // its first statement went with the rollback

    const Migration fixed { 2, QStringLiteral("b"), { QStringLiteral("CREATE TABLE b (id {id_column})") } };
    QVERIFY_OK(migrate(db, { first, fixed }));
    version = appliedSchemaVersion(db);
    QVERIFY_OK(version);
    QCOMPARE(*version, 2);
    QVERIFY(hasTable(db, QStringLiteral("b")));
}

void TestMigrations::pendingMigrationsApplyInOrder()
{
    // A database at version 1 catches up with 2 and 3, where 3 needs what 2 made.
    QTemporaryDir dir;
    auto database = Database::openSqlite(dir.filePath(QStringLiteral("test.sqlite3")));
    QVERIFY_OK(database);
    Database &db = **database;
    const Migration one { 1,
                          QStringLiteral("one"),
                          { QStringLiteral("CREATE TABLE log (id {id_column}, what TEXT)") } };
    const Migration two { 2,
                          QStringLiteral("two"),
                          { QStringLiteral("ALTER TABLE log ADD COLUMN step INTEGER") } };
    const Migration three { 3,
                            QStringLiteral("three"),
                            { QStringLiteral("INSERT INTO log (what, step) VALUES ('three', 3)") } };
    QVERIFY_OK(migrate(db, { one }));
    QVERIFY_OK(migrate(db, { one, two, three }));
    auto steps = db.selectAll<qint64>(QStringLiteral("SELECT step FROM log"), {},
                                      [](const SqlRow &row) { return row.integer(0); });
    QVERIFY_OK(steps);
    QCOMPARE(*steps, QList<qint64> { 3 });
    // Nothing is applied twice.
    QVERIFY_OK(migrate(db, { one, two, three }));
    auto rows = db.selectOne<qint64>(QStringLiteral("SELECT COUNT(*) FROM log"), {},
                                     [](const SqlRow &row) { return row.integer(0); });
    QVERIFY_OK(rows);
    QCOMPARE(*rows, 1);
    // And a build that only knows version 2 refuses this database.
    QVERIFY_ERROR(migrate(db, { one, two }), Failure);
}

void TestMigrations::severalStoresInOneProcess()
{
    QTemporaryDir first;
    QTemporaryDir second;
    auto a = Store::open(first.path());
    QVERIFY_OK(a);
    auto b = Store::open(second.path());
    QVERIFY_OK(b);
    QVERIFY_OK(importFixture(**a, demoFixturePath(), plainHash));
    QCOMPARE(rowCounts(**a).value(QStringLiteral("cases")), 3);
    QCOMPARE(rowCounts(**b).value(QStringLiteral("cases")), 0);

    // Two stores on one folder (two connections to one file, as with a command-line import next to the
    // server): each sees the other's commits.
    auto sameAsA = Store::open(first.path());
    QVERIFY_OK(sameAsA);
    QVERIFY_OK(
        (*sameAsA)->tokenBlacklist().add(QStringLiteral("jti"), QDateTime::currentDateTimeUtc().addDays(1)));
    auto seen = (*a)->tokenBlacklist().contains(QStringLiteral("jti"));
    QVERIFY_OK(seen);
    QVERIFY(*seen);
    QVERIFY_ERROR((*a)->tokenBlacklist().add(QStringLiteral("jti"), QDateTime::currentDateTimeUtc()),
                  Conflict);

    a->reset(); // closing one leaves the others working
    QVERIFY_OK((*sameAsA)->cases().list({ 5, 1 }));
    QVERIFY_OK((*b)->cases().list({ 5, 1 }));
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
