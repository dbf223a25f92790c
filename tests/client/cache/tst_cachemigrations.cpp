// The cache's schema: a file at every older version, holding data, upgrades to the newest and keeps its data;
// a file newer than the code, a file that is not a database, and a path that cannot be a file are refused
// with typed errors.
//
// When a migration N+1 is added: add a filler for version N to fillers() (data as version N stores it) and
// extend checkData() if the migration moves data.
#include "CacheDatabase.h"
#include "CacheSchema.h"
#include "CacheTestSupport.h"

#include <QFile>
#include <functional>

using namespace portal;
using namespace portal::client;
using namespace portal::client::testing;

namespace {

using Filler = std::function<bool(CacheDatabase &)>;

bool execAll(CacheDatabase &database, const QStringList &statements)
{
    for (const QString &sql : statements) {
        if (auto done = database.execOnce(sql); !done) {
            qWarning().noquote() << sql << "->" << done.error().message;
            return false;
        }
    }
    return true;
}

// Data as each version's schema stores it, written with that version's SQL (not with today's writer).
QMap<int, Filler> fillers()
{
    return {
        { 0, [](CacheDatabase &) { return true; } }, // a new file holds nothing
        { 1,
          [](CacheDatabase &database) {
              return execAll(
                  database,
                  {
                      "INSERT INTO profile (id, json) VALUES (1, '{\"id\":1,\"user\":{\"id\":5,\"username\":"
                      "\"client_username\",\"email\":\"client@example.com\",\"first_name\":\"John\","
                      "\"last_name\":\"Doe\"},\"company_name\":\"Acme Inc.\",\"phone\":\"123-456-7890\","
                      "\"address\":\"123 Main St, Anytown, USA\"}')",
                      "INSERT INTO cases (id, title, case_number, status, open_date, description, case_type, "
                      "attorney_id, attorney_name, attorney_email) VALUES (1, 'Contract Dispute', "
                      "'CD-2023-001', "
                      "'OPEN', '2023-01-15', 'Contract dispute with supplier', 'CIVIL', 3, 'Jane Smith', "
                      "'jsmith@example.com')",
                      "INSERT INTO threads (id, case_id, subject, created_at, updated_at, unread_count) "
                      "VALUES "
                      "(1, 1, 'Contract Review', 1673950500000, 1674051600000, 1)",
                      "INSERT INTO messages (id, thread_id, sender_id, sender_name, content, created_at, "
                      "is_read) "
                      "VALUES (1, 1, 3, 'Jane Smith', 'Please review the attached contract', 1673950500000, "
                      "0)",
                      "INSERT INTO documents (id, case_id, case_title, title, description, file_type, "
                      "file_size, "
                      "uploaded_at) VALUES (1, 1, 'Contract Dispute', 'Contract', 'Service agreement', "
                      "'PDF', "
                      "1250000, 1673879400000)",
                      "INSERT INTO document_files (document_id, local_path, file_size, downloaded_at) VALUES "
                      "(1, '/nowhere/contract.pdf', 1250000, 1673879400000)",
                      "INSERT INTO tasks (id, case_id, case_title, title, description, status, due_date) "
                      "VALUES "
                      "(1, 1, 'Contract Dispute', 'Review Contract', 'Please review', 'PENDING', "
                      "'2023-01-30')",
                      "INSERT INTO notifications (id, notification_type, title, message, created_at, "
                      "is_read, "
                      "related_object_type, related_object_id) VALUES (1, 'MESSAGE', 'New message in: "
                      "Contract "
                      "Review', 'Jane Smith sent a new message', 1674051600000, 0, 'MessageThread', 1)",
                      "INSERT INTO sync_state (key, value) VALUES ('delta_cursor', 'c42')",
                      "INSERT INTO outbox (kind, target_id, payload, idempotency_key, state, attempts, "
                      "created_at) "
                      "VALUES ('new_message', 1, '{\"content\":\"Offline reply\"}', "
                      "'6f1c0a8e-2f4b-4a8e-9d3c-1b2a3c4d5e6f', 'sending', 1, 1674051600000)",
                  });
          } },
    };
}

// What the data of version `from` looks like after the upgrade, read through today's API.
void checkData(ClientCache &cache, int from)
{
    if (from == 0) {
        QVERIFY(cache.cases()->isEmpty());
        return;
    }
    QCOMPARE(cache.profile()->value(), johnDoe());
    QCOMPARE(cache.caseById(1)->value(), (CachedCase { contractDispute(), janeSmith() }));
    QCOMPARE(cache.thread(1)->value().unreadCount, 1);
    QCOMPARE(cache.messages(1)->size(), 1);
    QCOMPARE(cache.documents()->size(), 1);
    QVERIFY(cache.documentFiles().find(1)->has_value());
    QCOMPARE(cache.tasks()->size(), 1);
    QCOMPARE(cache.unreadTotals()->notifications, 1);
    QCOMPARE(cache.syncValue(SyncKeys::deltaCursor)->value(), QStringLiteral("c42"));
    const auto outbox = *cache.outbox().items();
    QCOMPARE(outbox.size(), 1);
    QCOMPARE_NAME(outbox.at(0).state, OutboxState::Pending); // it was left sending
    QCOMPARE(outbox.at(0).idempotencyKey, QStringLiteral("6f1c0a8e-2f4b-4a8e-9d3c-1b2a3c4d5e6f"));
    // The search rows written by that version's triggers are found.
    QCOMPARE(cache.search(QStringLiteral("attached"))->size(), 1);
    QCOMPARE(cache.search(QStringLiteral("supplier"))->size(), 1);
}

} // namespace

class TestCacheMigrations : public QObject
{
    Q_OBJECT

private slots:
    void migrationsAreNumberedWithoutGaps()
    {
        const auto &migrations = cacheMigrations();
        QVERIFY(!migrations.isEmpty());
        for (qsizetype i = 0; i < migrations.size(); ++i) {
            QCOMPARE(migrations.at(i).version, int(i + 1));
            QVERIFY(!migrations.at(i).statements.isEmpty());
        }
        QCOMPARE(latestCacheVersion(), int(migrations.size()));
    }

    void upgradesFromEveryVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int version = 0; version <= latestCacheVersion(); ++version)
            QTest::addRow("from %d", version) << version;
    }
    void upgradesFromEveryVersion()
    {
        QFETCH(int, from);
        const auto allFillers = fillers();
        if (!allFillers.contains(from))
            QFAIL(qPrintable(QStringLiteral("no filler writes data of version %1").arg(from)));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            auto database = CacheDatabase::open(path);
            QVERIFY(database);
            QVERIFY(upgradeSchema(**database, from));
            QCOMPARE(*schemaVersion(**database), from);
            QVERIFY(allFillers.value(from)(**database));
        }
        {
            auto cache = openCache(path);
            QVERIFY(cache);
            checkData(*cache, from);
        }
        auto database = CacheDatabase::open(path);
        QVERIFY(database);
        QCOMPARE(*schemaVersion(**database), latestCacheVersion());
    }

    void reopeningChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            auto cache = openCache(path);
            QVERIFY(cache);
            QVERIFY(fillExample(*cache));
        }
        auto cache = openCache(path);
        QVERIFY(cache);
        QCOMPARE(cache->profile()->value(), johnDoe());
        QCOMPARE(cache->threads()->size(), 2);
    }

    void refusesANewerFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            auto database = CacheDatabase::open(path);
            QVERIFY(database);
            QVERIFY((*database)->execOnce(
                QStringLiteral("PRAGMA user_version = %1").arg(latestCacheVersion() + 1)));
        }
        auto cache = ClientCache::open(path);
        QVERIFY(!cache);
        QCOMPARE_NAME(cache.error().kind, CacheError::Kind::TooNew);
        QVERIFY(cache.error().message.contains(QString::number(latestCacheVersion() + 1)));
    }

    void refusesAFileThatIsNotADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        auto cache = ClientCache::open(path);
        QVERIFY(!cache);
        QCOMPARE_NAME(cache.error().kind, CacheError::Kind::Corrupt);
    }

    void refusesADamagedDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            auto cache = openCache(path);
            QVERIFY(cache);
            QVERIFY(fillExample(*cache));
            QVERIFY(cache->apply([](CacheWriter &) {})); // nothing; the WAL is checkpointed at close
        }
        // Overwrite everything after the header page: the schema pages are garbage now.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 4096);
        file.seek(100);
        file.write(QByteArray(int(file.size() - 100), '\xA5'));
        file.close();
        auto cache = ClientCache::open(path);
        if (cache) {
            // SQLite may open it; then the first real read must fail with a typed error, not crash.
            auto cases = (*cache)->cases();
            QVERIFY(!cases);
            QCOMPARE_NAME(cases.error().kind, CacheError::Kind::Corrupt);
        } else {
            QCOMPARE_NAME(cache.error().kind, CacheError::Kind::Corrupt);
        }
    }

    void refusesAPathThatCannotBeAFile()
    {
        QTemporaryDir dir;
        auto cache = ClientCache::open(dir.path());
        QVERIFY(!cache);
        QCOMPARE_NAME(cache.error().kind, CacheError::Kind::CannotOpen);
        auto empty = ClientCache::open(QString());
        QVERIFY(!empty);
        QCOMPARE_NAME(empty.error().kind, CacheError::Kind::CannotOpen);
    }

    void createsTheFolder()
    {
        QTemporaryDir dir;
        auto cache = openCache(dir.filePath(QStringLiteral("a/b/cache.sqlite")));
        QVERIFY(cache);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("a/b/cache.sqlite"))));
    }
};

QTEST_GUILESS_MAIN(TestCacheMigrations)
#include "tst_cachemigrations.moc"
