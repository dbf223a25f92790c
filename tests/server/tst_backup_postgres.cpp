// Backups of PostgreSQL stores (pg_dump in the store's own exported snapshot) and their restore (pg_restore
// in one transaction): a backup taken while a writer adds messages and documents holds exactly the files its
// rows name; a restored store answers as the original did at backup time; the password never reaches a
// command line or a message; a target with data, a newer schema, a damaged document, a damaged dump, a
// backup of the other kind and a migration failing after the restore are each refused with nothing left
// behind; an older schema restores and is brought up to date.
// Needs PostgreSQL: it skips unless PORTAL_TEST_DATABASE is set (scripts/with-postgres).
#include "BackupFolder.h"
#include "Migrations.h"
#include "PgTools.h"
#include "PostgresBackup.h"
#include "StoreBackup.h"
#include "StoreTables.h"
#include "StoreTestSupport.h"
#include "TestServer.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>
#include <atomic>

using namespace portal;
using namespace portal::store;
using namespace portal::store::test;
using portal::testing::HttpResult;
using portal::testing::TestServer;

// QVERIFY_OK for a call: QVERIFY_OK names its argument several times, which would run the call again.
#define QVERIFY_CALL(call)                                                                                   \
    do {                                                                                                     \
        const auto result_ = (call);                                                                         \
        QVERIFY_OK(result_);                                                                                 \
    } while (false)

namespace {

std::unique_ptr<ScratchDatabase> scratchDatabase()
{
    return std::make_unique<ScratchDatabase>(QString(), ScratchDatabase::When::Always);
}

// The tables of the database's current schema; none after a refused or undone restore.
QStringList tablesOf(const QUrl &postgres)
{
    auto database = connectTo(postgres);
    auto tables = readPostgresTables(*database);
    if (!tables)
        return { QStringLiteral("error: ") + tables.error().message };
    QStringList names = tables->keys();
    names.sort();
    return names;
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

void rewriteManifest(const QString &backupDir, const std::function<void(QJsonObject &)> &change)
{
    QFile file(QDir(backupDir).filePath(QStringLiteral("backup.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    change(manifest);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(manifest).toJson());
}

// Adds messages and documents to a store, on a thread and connection of its own (as a serving process
// would), until told to stop.
class Writer : public QThread
{
public:
    Writer(QString dataDir, QUrl database)
        : m_dataDir(std::move(dataDir))
        , m_database(std::move(database))
    { }
    ~Writer() override { stop(); }

    void stop()
    {
        m_stop = true;
        wait();
    }
    int writes() const { return m_writes; }
    int documents() const { return m_documents; }
    QString error() const { return m_error; } // read after stop()

protected:
    void run() override
    {
        auto store = Store::open(m_dataDir, m_database);
        if (!store) {
            m_error = store.error().message;
            return;
        }
        for (int i = 0; !m_stop; ++i) {
            if (auto posted = (*store)->threads().post(kJohn, 1, QStringLiteral("Message %1").arg(i));
                !posted) {
                m_error = posted.error().message;
                return;
            }
            ++m_writes;
            if (i % 2 == 0) {
                NewDocument document;
                document.caseId = 1;
                document.title = QStringLiteral("Upload %1").arg(i);
                document.fileName = QStringLiteral("upload-%1.pdf").arg(i);
                document.incomingPath = QDir((*store)->documents().incomingDir()).filePath(document.fileName);
                QFile file(document.incomingPath);
                const QByteArray bytes = "%PDF-1.4\n" + QByteArray::number(i).repeated(1000 + i);
                if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
                    m_error = QStringLiteral("cannot write %1").arg(document.incomingPath);
                    return;
                }
                file.close();
                if (auto added = (*store)->documents().add(kJohn, document); !added) {
                    m_error = added.error().message;
                    return;
                }
                ++m_documents;
                ++m_writes;
            }
        }
    }

private:
    const QString m_dataDir;
    const QUrl m_database;
    std::atomic<bool> m_stop = false;
    std::atomic<int> m_writes = 0;
    std::atomic<int> m_documents = 0;
    QString m_error;
};

// What the demo's two clients see: every list and detail of the client API.
QMap<QString, QByteArray> answers(const std::function<HttpResult(const QString &, const QByteArray &)> &get,
                                  const QMap<QString, QByteArray> &tokens)
{
    QMap<QString, QByteArray> seen;
    for (auto it = tokens.cbegin(); it != tokens.cend(); ++it) {
        const auto keep = [&](const QString &path) {
            const HttpResult result = get(path, it.value());
            seen.insert(it.key() + QLatin1Char(' ') + path,
                        QByteArray::number(result.status) + ' ' + result.body);
            return result;
        };
        keep(QStringLiteral("/api/portal/profile/"));
        keep(QStringLiteral("/api/portal/notifications/"));
        for (const auto &[list, detail] :
             { std::pair { "/api/portal/cases/", "/api/portal/cases/%1/" },
               std::pair { "/api/portal/messages/", "/api/portal/messages/%1/?mark_read=false" },
               std::pair { "/api/portal/documents/", "/api/portal/documents/%1/" },
               std::pair { "/api/portal/tasks/", "/api/portal/tasks/%1/" } }) {
            for (const QJsonValue &item : keep(QString::fromLatin1(list)).array())
                keep(
                    QString::fromLatin1(detail).arg(item.toObject().value(QStringLiteral("id")).toInteger()));
        }
    }
    return seen;
}

// A server on a restored store, and a plain HTTP client for it.
class RestoredServer
{
public:
    RestoredServer(const QString &dataDir, const QUrl &database)
    {
        server::ServerOptions options;
        options.dataDir = dataDir;
        options.database = database;
        options.webhooks.enabled = false;
        m_server = server::PortalServer::create(options, &m_error);
        if (m_server)
            m_port = m_server->listen(QHostAddress::LocalHost, 0, &m_error);
    }
    bool isValid() const { return m_port != 0; }
    QString errorString() const { return m_error; }

    HttpResult get(const QString &path, const QByteArray &token)
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
        request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = m_network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(30000);
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        reply->deleteLater();
        return result;
    }

private:
    std::unique_ptr<server::PortalServer> m_server;
    quint16 m_port = 0;
    QString m_error;
    QNetworkAccessManager m_network;
};

} // namespace

class PostgresBackupTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_scratch; // a fresh one for each test

    QString scratch(const QString &name) const { return m_scratch->filePath(name); }

    // Restoring `backupDir` into `target` and a new folder is refused with `reason`, and leaves neither a
    // folder nor a table behind.
    void refusedLeavingNothing(const QString &backupDir, const QUrl &target, const QString &reason)
    {
        const QStringList tablesBefore = tablesOf(target);
        const QString folder = scratch(QStringLiteral("refused"));
        const auto restored = restoreStore(backupDir, folder, target);
        QVERIFY2(!restored.ok(), "the restore should have been refused");
        QVERIFY2(restored.error().message.contains(reason), qPrintable(restored.error().message));
        QVERIFY2(!restored.error().message.contains(QLatin1Char('\n')), qPrintable(restored.error().message));
        QVERIFY2(!QFileInfo::exists(folder), qPrintable(folder + " was left behind"));
        QCOMPARE(tablesOf(target), tablesBefore);
    }

private slots:
    void initTestCase()
    {
        if (postgresServerUrl().isEmpty())
            QSKIP("PostgreSQL backups need a PostgreSQL server and PORTAL_TEST_DATABASE is unset: run this "
                  "test "
                  "inside scripts/with-postgres");
        QVERIFY2(onPostgres(), "TestServer must serve PostgreSQL here (PORTAL_TEST_BACKEND=postgresql)");
        QVERIFY2(PgClientProgram::find(QStringLiteral("pg_dump")).ok(), "pg_dump is not installed");
    }

    void init() { m_scratch = std::make_unique<QTemporaryDir>(); }
    void cleanup() { m_scratch.reset(); }

    void backupWhileWritingIsConsistent()
    {
        auto demo = openDemoStore();
        QVERIFY_OK(demo);
        const QString dataDir = (*demo)->dir.path();
        const QUrl url = (*demo)->database.url();
        Writer writer(dataDir, url);
        writer.start();
        QTRY_VERIFY_WITH_TIMEOUT(writer.documents() >= 5 || !writer.isRunning(), 20000);

        const int writesBefore = writer.writes();
        const auto backedUp = backupStore(dataDir, scratch(QStringLiteral("backup")), url);
        const int writesAfter = writer.writes();
        QTRY_VERIFY_WITH_TIMEOUT(writer.writes() > writesAfter + 4 || !writer.isRunning(), 20000);
        writer.stop();
        QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
        QVERIFY_OK(backedUp);
        QVERIFY2(writesAfter > writesBefore, "the writer wrote nothing while the backup ran");
        qInfo("%d writes while the backup ran; %lld documents backed up", writesAfter - writesBefore,
              backedUp->documents);
        QCOMPARE(backedUp->kind, BackupKind::Postgres);
        QCOMPARE(backedUp->schemaVersion, Store::schemaVersion());

        // The backup holds fewer documents than the store has now, and exactly the files its rows name.
        const qint64 documentsNow = rowCount(*(*demo)->store, QStringLiteral("documents"));
        QVERIFY(backedUp->documents < documentsNow);
        auto target = scratchDatabase();
        QVERIFY2(target->errorString().isEmpty(), qPrintable(target->errorString()));
        const QString restoredDir = scratch(QStringLiteral("restored"));
        const auto restored = restoreStore(scratch(QStringLiteral("backup")), restoredDir, target->url());
        QVERIFY_OK(restored);

        auto store = Store::open(restoredDir, target->url());
        QVERIFY_OK(store);
        auto rows = backup::readStoredDocuments((*store)->database());
        QVERIFY_OK(rows);
        QCOMPARE(rows->size(), backedUp->documents);
        QStringList named;
        for (const backup::StoredDocument &document : *rows) {
            const QByteArray bytes
                = fileBytes(QDir(layout::documentsDir(restoredDir)).filePath(document.storageName));
            QCOMPARE(bytes.size(), document.size);
            QCOMPARE(sha256Hex(bytes), document.sha256);
            named.append(document.storageName);
        }
        named.sort();
        QCOMPARE(documentFiles(**store), named); // no file without a row
        QCOMPARE(
            QDir(layout::documentsDir(scratch(QStringLiteral("backup")))).entryList(QDir::Files, QDir::Name),
            named);
        const qint64 messages = rowCount(**store, QStringLiteral("messages"));
        QVERIFY(messages < rowCount(*(*demo)->store, QStringLiteral("messages")));
    }

    void restoredStoreAnswersAsTheOriginalDidAtBackupTime()
    {
        TestServer original;
        QVERIFY2(original.isValid(), qPrintable(original.errorString()));
        const QByteArray john = original.clientToken();
        const QByteArray olivia = original.otherClientToken();
        QVERIFY(!john.isEmpty() && !olivia.isEmpty());
        QCOMPARE(
            original.post("/api/portal/messages/1/", { { "content", "Before the backup" } }, john).status,
            201);
        QCOMPARE(original.post("/api/portal/notifications/1/read/", {}, john).status, 200);
        const QMap<QString, QByteArray> tokens { { "client_username", john }, { "other_client", olivia } };
        const auto get
            = [&](const QString &path, const QByteArray &token) { return original.get(path, token); };
        const auto before = answers(get, tokens);

        // Query items are libpq's parameters for pg_dump and pg_restore too; one with a space needs quoting.
        QUrl url = original.databaseUrl();
        url.setQuery(QStringLiteral("sslmode=disable&application_name=portal%20backup"));
        const auto backedUp = backupStore(original.dataDir(), scratch(QStringLiteral("backup")), url);
        QVERIFY_OK(backedUp);
        QVERIFY(backedUp->documents >= 2);
        QVERIFY(QFileInfo(QDir(scratch(QStringLiteral("backup"))).filePath(kPostgresDumpFile)).size() > 0);
        // What is written after the backup is not in it.
        QCOMPARE(original.post("/api/portal/messages/1/", { { "content", "After the backup" } }, john).status,
                 201);
        QVERIFY(answers(get, tokens) != before);

        auto target = scratchDatabase();
        QVERIFY2(target->errorString().isEmpty(), qPrintable(target->errorString()));
        QUrl targetUrl = target->url();
        targetUrl.setQuery(QStringLiteral("sslmode=disable&application_name=portal%20restore"));
        const QString restoredDir = scratch(QStringLiteral("restored"));
        QVERIFY_CALL(restoreStore(scratch(QStringLiteral("backup")), restoredDir, targetUrl));
        QCOMPARE(fileBytes(QDir(restoredDir).filePath("signing.key")),
                 fileBytes(QDir(original.dataDir()).filePath("signing.key")));
        QCOMPARE(QFile::permissions(QDir(restoredDir).filePath("signing.key"))
                     & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());

        RestoredServer restored(restoredDir, target->url());
        QVERIFY2(restored.isValid(), qPrintable(restored.errorString()));
        const auto after
            = answers([&](const QString &path, const QByteArray &token) { return restored.get(path, token); },
                      tokens); // the same tokens: the same signing key
        QCOMPARE(after.keys(), before.keys());
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            QVERIFY2(it.value().startsWith("200 "), qPrintable(it.key() + ": " + it.value()));
            QCOMPARE(QString::fromUtf8(after.value(it.key())), QString::fromUtf8(it.value()));
        }
        const HttpResult download = restored.get(QStringLiteral("/api/portal/documents/1/download/"), john);
        QCOMPARE(download.status, 200);
        QCOMPARE(download.body, original.get(QStringLiteral("/api/portal/documents/1/download/"), john).body);
    }

    void passwordStaysOffCommandLinesAndMessages()
    {
        const QString password = QStringLiteral("Sw0rdf1sh:Distinctive/@Pass");
        QUrl url(QStringLiteral(
            "postgresql://portal@db.example:6543/portal?sslmode=verify-full&connect_timeout=7"));
        url.setPassword(password);
        qputenv("PORTAL_DATABASE_URL", url.toEncoded());
        for (const QString &program : { QStringLiteral("pg_dump"), QStringLiteral("pg_restore") }) {
            auto found = PgClientProgram::find(program);
            QVERIFY_OK(found);
            const PgCommand command = found->command({ QStringLiteral("--format=custom") }, url);
            const QString arguments = command.arguments.join(QLatin1Char(' '));
            QVERIFY2(!arguments.contains(QStringLiteral("Sw0rdf1sh")), qPrintable(arguments));
            QVERIFY2(!arguments.contains(QStringLiteral("Sw0rdf1sh").toUtf8().toPercentEncoding()),
                     qPrintable(arguments));
            QVERIFY2(
                arguments.contains(QStringLiteral("--dbname=host='db.example' port=6543 dbname='portal' "
                                                  "user='portal' sslmode='verify-full' connect_timeout='7'")),
                qPrintable(arguments));
            QVERIFY(command.arguments.contains(QStringLiteral("--no-password")));
            QCOMPARE(command.environment.value(QStringLiteral("PGPASSWORD")), password);
            QVERIFY(!command.environment.contains(QStringLiteral("PORTAL_DATABASE_URL")));
        }
        qunsetenv("PORTAL_DATABASE_URL");
        // A password given as a query item goes the same way.
        QUrl queryPassword(QStringLiteral("postgresql://portal@db.example/portal"));
        queryPassword.setQuery(QStringLiteral("password=Sw0rdf1sh&sslmode=require"));
        auto pgDump = PgClientProgram::find(QStringLiteral("pg_dump"));
        QVERIFY_OK(pgDump);
        const PgCommand command = pgDump->command({}, queryPassword);
        QVERIFY2(!command.arguments.join(QLatin1Char(' ')).contains(QStringLiteral("Sw0rdf1sh")),
                 qPrintable(command.arguments.join(QLatin1Char(' '))));
        QCOMPARE(command.environment.value(QStringLiteral("PGPASSWORD")), QStringLiteral("Sw0rdf1sh"));

        // Against the real server with a wrong, distinctive password: refused in one line that lacks it.
        auto demo = openDemoStore();
        QVERIFY_OK(demo);
        QUrl wrong = (*demo)->database.url();
        wrong.setPassword(password);
        const auto backedUp = backupStore((*demo)->dir.path(), scratch(QStringLiteral("b")), wrong);
        QVERIFY(!backedUp.ok());
        QVERIFY2(!backedUp.error().message.contains(QStringLiteral("Sw0rdf1sh")),
                 qPrintable(backedUp.error().message));
        QVERIFY(!QFileInfo::exists(scratch(QStringLiteral("b"))));
        // A successful backup and restore say nothing of the password either.
        const QUrl right = (*demo)->database.url();
        QVERIFY_CALL(backupStore((*demo)->dir.path(), scratch(QStringLiteral("backup")), right));
        auto target = scratchDatabase();
        QUrl wrongTarget = target->url();
        wrongTarget.setPassword(password);
        const auto restored
            = restoreStore(scratch(QStringLiteral("backup")), scratch(QStringLiteral("r")), wrongTarget);
        QVERIFY(!restored.ok());
        QVERIFY2(!restored.error().message.contains(QStringLiteral("Sw0rdf1sh")),
                 qPrintable(restored.error().message));
        QVERIFY(!QFileInfo::exists(scratch(QStringLiteral("r"))));
    }

    void pgDumpOlderThanTheServerIsRefusedInOneLine()
    {
        QCOMPARE(parsePgClientVersion("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n"),
                 std::make_pair(QStringLiteral("15.18"), 15));
        QCOMPARE(parsePgClientVersion("pg_restore (PostgreSQL) 16.2\n"),
                 std::make_pair(QStringLiteral("16.2"), 16));
        QCOMPARE(parsePgClientVersion("something else").second, 0);
        QVERIFY_OK(checkPgDumpReadsServer(QStringLiteral("15.18"), 15, 150018, QStringLiteral("15.18")));
        QVERIFY_OK(checkPgDumpReadsServer(QStringLiteral("15.18"), 15, 130012, QStringLiteral("13.12")));
        QVERIFY_OK(checkPgDumpReadsServer(QStringLiteral("15.18"), 15, 90624, QStringLiteral("9.6.24")));
        const auto refused
            = checkPgDumpReadsServer(QStringLiteral("15.18"), 15, 160002, QStringLiteral("16.2"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().message,
                 QStringLiteral(
                     "pg_dump 15.18 cannot dump PostgreSQL 16.2, a newer server: install "
                     "postgresql-client-16 (apt.postgresql.org) and back up with /usr/lib/postgresql/16/bin "
                     "first in PATH"));
    }

    void dumpContentsAreRead()
    {
        const QByteArray script
            = "SET x = 1;\n"
              "COPY public.documents (id, storage_name, file_size, sha256, note) FROM stdin;\n"
              "1\ta\\tb.pdf\t5\tabc\t\\N\n"
              "2\t\\101\\x42c\t7\tdef\tx\\\\y\n"
              "\\.\n";
        auto documents = documentsInDataScript(script);
        QVERIFY_OK(documents);
        QCOMPARE(documents->size(), 2);
        QCOMPARE(documents->at(0).storageName, QStringLiteral("a\tb.pdf"));
        QCOMPARE(documents->at(0).size, 5);
        QCOMPARE(documents->at(0).sha256, QByteArray("abc"));
        QCOMPARE(documents->at(1).storageName, QStringLiteral("ABc"));
        auto empty = documentsInDataScript(
            "COPY public.documents (storage_name, file_size, sha256) FROM stdin;\n\\.\n");
        QVERIFY_OK(empty);
        QVERIFY(empty->isEmpty());
        QVERIFY(!documentsInDataScript("SET x = 1;\n").ok());
        QVERIFY(!documentsInDataScript(
                     "COPY public.documents (storage_name, file_size, sha256) FROM stdin;\na\t1\tb\n")
                     .ok()); // cut short

        QCOMPARE(tablesInDumpList(";\n; Archive created at 2026-12-03\n"
                                  "217; 1259 16399 TABLE public counts portal\n"
                                  "214; 1259 16386 SEQUENCE public documents_id_seq portal\n"
                                  "3354; 0 16399 TABLE DATA public counts portal\n"
                                  "215; 1259 16387 TABLE public documents portal\n"),
                 QStringList({ "\"public\".\"counts\"", "\"public\".\"documents\"" }));
    }

    void targetWithDataIsRefused()
    {
        auto demo = openDemoStore();
        QVERIFY_OK(demo);
        QVERIFY_CALL(
            backupStore((*demo)->dir.path(), scratch(QStringLiteral("backup")), (*demo)->database.url()));
        // The original's own database, and one of another application's.
        const auto before = rowCounts(*(*demo)->store);
        refusedLeavingNothing(scratch(QStringLiteral("backup")), (*demo)->database.url(),
                              QStringLiteral("not empty"));
        QCOMPARE(rowCounts(*(*demo)->store), before);
        auto foreign = scratchDatabase();
        {
            auto database = connectTo(foreign->url());
            QVERIFY_CALL(database->execSchema(QStringLiteral("CREATE TABLE ledger (entry TEXT)")));
            QVERIFY_CALL(database->execSchema(QStringLiteral("INSERT INTO ledger VALUES ('x')")));
        }
        refusedLeavingNothing(scratch(QStringLiteral("backup")), foreign->url(),
                              QStringLiteral("table ledger holds 1 row"));
    }

    void targetWithAnEmptySchemaIsTaken()
    {
        // A server started on the database once: the schema is there, with nothing but the counters' rows.
        auto demo = openDemoStore();
        QVERIFY_OK(demo);
        QVERIFY_CALL(
            backupStore((*demo)->dir.path(), scratch(QStringLiteral("backup")), (*demo)->database.url()));
        auto target = scratchDatabase();
        QTemporaryDir elsewhere;
        QVERIFY_CALL(Store::open(elsewhere.path(), target->url()));
        QVERIFY_CALL(restoreStore(scratch(QStringLiteral("backup")), scratch(QStringLiteral("restored")),
                                  target->url()));
        auto store = Store::open(scratch(QStringLiteral("restored")), target->url());
        QVERIFY_OK(store);
        QCOMPARE(rowCounts(**store), rowCounts(*(*demo)->store));
    }

    void damagedOrMismatchedBackupsAreRefused()
    {
        auto demo = openDemoStore();
        QVERIFY_OK(demo);
        const QString good = scratch(QStringLiteral("good"));
        QVERIFY_CALL(backupStore((*demo)->dir.path(), good, (*demo)->database.url()));
        auto target = scratchDatabase();
        QVERIFY2(target->errorString().isEmpty(), qPrintable(target->errorString()));
        const auto copyOf = [&](const QString &name) {
            const QString copy = scratch(name);
            QDir().mkpath(layout::documentsDir(copy));
            for (const QString &file : QDir(good).entryList(QDir::Files))
                QFile::copy(QDir(good).filePath(file), QDir(copy).filePath(file));
            for (const QString &file : QDir(layout::documentsDir(good)).entryList(QDir::Files))
                QFile::copy(QDir(layout::documentsDir(good)).filePath(file),
                            QDir(layout::documentsDir(copy)).filePath(file));
            return copy;
        };

        // A newer schema (backup.json says so): refused before anything is read.
        const QString newer = copyOf(QStringLiteral("newer"));
        rewriteManifest(newer, [](QJsonObject &manifest) {
            manifest.insert(QStringLiteral("schema_version"), Store::schemaVersion() + 1);
        });
        refusedLeavingNothing(newer, target->url(), QStringLiteral("newer"));

        // A document whose bytes changed, its size the same.
        const QString tampered = copyOf(QStringLiteral("tampered"));
        const QString documents = layout::documentsDir(tampered);
        const QString victim = QDir(documents).filePath(QDir(documents).entryList(QDir::Files).last());
        QByteArray bytes = fileBytes(victim);
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x20);
        QFile file(victim);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        refusedLeavingNothing(tampered, target->url(), QStringLiteral("SHA-256"));

        // A dump cut short: pg_restore fails in its one transaction.
        const QString cut = copyOf(QStringLiteral("cut"));
        const QString dump = QDir(cut).filePath(kPostgresDumpFile);
        QVERIFY(QFile::resize(dump, QFileInfo(dump).size() * 2 / 3));
        refusedLeavingNothing(cut, target->url(), QStringLiteral("pg_restore failed"));

        // The other kind: this PostgreSQL backup without a database, an SQLite backup into one.
        {
            const QString folder = scratch(QStringLiteral("no-database"));
            const auto restored = restoreStore(good, folder);
            QVERIFY(!restored.ok());
            QVERIFY2(restored.error().message.contains(QStringLiteral("--database URL")),
                     qPrintable(restored.error().message));
            QVERIFY(!QFileInfo::exists(folder));
        }
        QTemporaryDir sqliteDir;
        QVERIFY_CALL(Store::open(sqliteDir.path()));
        QVERIFY_CALL(backupStore(sqliteDir.path(), scratch(QStringLiteral("sqlite"))));
        refusedLeavingNothing(scratch(QStringLiteral("sqlite")), target->url(),
                              QStringLiteral("migrate-store"));

        // After all of that the good backup restores into the same database.
        QVERIFY_CALL(restoreStore(good, scratch(QStringLiteral("restored")), target->url()));
    }

    void olderSchemaIsUpgradedAndAFailedUpgradeUndone()
    {
        // A store of the schema before the newest migration, with a client.
        const int older = Store::schemaVersion() - 1;
        const QList<Migration> olderMigrations = schemaMigrations().mid(0, older);
        auto makeOlderStore = [&](ScratchDatabase &database, const QStringList &dropped) {
            auto connection = connectTo(database.url());
            QVERIFY_CALL(migrate(*connection, olderMigrations));
            QVERIFY_CALL(
                connection->exec(QStringLiteral("INSERT INTO clients (company_name) VALUES ('Old Ltd.')")));
            for (const QString &table : dropped)
                QVERIFY_CALL(connection->execSchema(QStringLiteral("DROP TABLE %1 CASCADE").arg(table)));
        };
        QTemporaryDir dataDir;
        auto source = scratchDatabase();
        makeOlderStore(*source, {});
        const auto backedUp = backupStore(dataDir.path(), scratch(QStringLiteral("older")), source->url());
        QVERIFY_OK(backedUp);
        QCOMPARE(backedUp->schemaVersion, older);

        auto target = scratchDatabase();
        QVERIFY_CALL(restoreStore(scratch(QStringLiteral("older")), scratch(QStringLiteral("restored")),
                                  target->url()));
        auto upgraded = connectTo(target->url());
        auto version = appliedSchemaVersion(*upgraded);
        QVERIFY_OK(version);
        QCOMPARE(*version, Store::schemaVersion());
        QCOMPARE(countRows(*upgraded, QStringLiteral("clients")).take(), 1);

        // The same with a table the newest migration alters gone: the migration fails after pg_restore has
        // committed, and the restore takes the restored tables out again.
        auto broken = scratchDatabase();
        makeOlderStore(*broken, { QStringLiteral("webhook_attempts"), QStringLiteral("webhook_deliveries") });
        QVERIFY_CALL(backupStore(dataDir.path(), scratch(QStringLiteral("broken")), broken->url()));
        auto empty = scratchDatabase();
        refusedLeavingNothing(scratch(QStringLiteral("broken")), empty->url(),
                              QStringLiteral("dropped again"));
        QCOMPARE(tablesOf(empty->url()), QStringList());
    }
};

QTEST_GUILESS_MAIN(PostgresBackupTest)
#include "tst_backup_postgres.moc"
