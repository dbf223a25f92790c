// portal-server migrate-store: a served SQLite store with activity of every kind moves into PostgreSQL, and a
// server on the moved store answers exactly as the SQLite one did (same tokens, same files, new ids above the
// old); a target with data is refused untouched; a missing source or an unreachable database is one line and
// exit code 1; a row the target refuses in the middle of the copy leaves the target as it was.
// Needs PostgreSQL beside SQLite: it skips unless PORTAL_TEST_DATABASE is set (scripts/with-postgres).
#include "Database.h"
#include "StoreMigration.h"
#include "TestServer.h"
#include "WebhookEndpoints.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>
#include <algorithm>

using namespace portal;
using portal::store::Database;
using portal::store::test::connectTo;
using portal::store::test::ScratchDatabase;
using portal::testing::HttpResult;
using portal::testing::runServerCommand;
using portal::testing::serverBinary;
using portal::testing::TestServer;
using Run = portal::testing::CommandResult;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

// A PostgreSQL database for a target, on every run of this program (its sources are SQLite).
std::unique_ptr<ScratchDatabase> scratchTarget()
{
    return std::make_unique<ScratchDatabase>(QString(), ScratchDatabase::When::Always);
}

std::unique_ptr<Database> openSqlite(const QString &dataDir)
{
    auto database = Database::openSqlite(dataDir + QStringLiteral("/portal.sqlite3"));
    if (!database)
        qFatal("cannot open the SQLite store in %s", qPrintable(dataDir));
    return database.take();
}

QStringList texts(Database &database, const QString &sql, const QVariantList &values = {})
{
    auto rows
        = database.selectAll<QString>(sql, values, [](const store::SqlRow &row) { return row.text(0); });
    return rows ? *rows : QStringList { QStringLiteral("error: ") + rows.error().message };
}

// Every table of a store but the migrations' own records, each as its rows rendered and sorted (NULL apart
// from ''), so that an SQLite and a PostgreSQL store compare equal when they hold the same data.
using Dump = QMap<QString, QStringList>;

Dump dump(Database &database)
{
    const bool sqlite = database.dialect() == Database::Dialect::SQLite;
    const QStringList tables = sqlite
        ? texts(database, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
        : texts(database,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                "AND table_type = 'BASE TABLE'");
    Dump result;
    for (const QString &table : tables) {
        if (table == QLatin1String("schema_migrations"))
            continue;
        const QStringList columns = sqlite
            ? texts(database, "SELECT name FROM pragma_table_info(?) ORDER BY cid", { table })
            : texts(
                database,
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = ? ORDER BY ordinal_position",
                { table });
        QStringList rows;
        auto read = database.exec(QStringLiteral("SELECT %1 FROM %2").arg(columns.join(", "), table), {},
                                  [&](const store::SqlRow &row) {
                                      QStringList values;
                                      for (int i = 0; i < columns.size(); ++i) {
                                          const QVariant value = row.value(i);
                                          values.append(value.isNull() ? QStringLiteral("<NULL>")
                                                                       : QLatin1Char('\'') + value.toString()
                                                                + QLatin1Char('\''));
                                      }
                                      rows.append(values.join(QLatin1Char(',')));
                                  });
        if (!read)
            rows = { QStringLiteral("error: ") + read.error().message };
        std::sort(rows.begin(), rows.end());
        result.insert(table, rows);
    }
    return result;
}

qint64 maxId(Database &database, const QString &table)
{
    auto id = database.selectOne<qint64>(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(table), {},
                                         [](const store::SqlRow &row) { return row.integer(0); });
    return id ? *id : -1;
}

using Get = std::function<HttpResult(const QString &path, const QByteArray &token)>;

QList<qint64> idsOf(const HttpResult &list)
{
    QList<qint64> ids;
    for (const QJsonValue &item : list.array())
        ids.append(item.toObject().value(QStringLiteral("id")).toInteger());
    return ids;
}

// What a user's client sees, by "user path": every list and detail of the client API and a full delta sync
// in pages; with the attorney's staff lists beside them.
QMap<QString, QByteArray> answers(const Get &get, const QMap<QString, QByteArray> &clientTokens,
                                  const QByteArray &attorneyToken)
{
    QMap<QString, QByteArray> seen;
    const auto keep = [&](const QString &user, const QString &path, const QByteArray &token) {
        const HttpResult result = get(path, token);
        seen.insert(user + QLatin1Char(' ') + path, QByteArray::number(result.status) + ' ' + result.body);
        return result;
    };
    for (auto it = clientTokens.cbegin(); it != clientTokens.cend(); ++it) {
        const QString &user = it.key();
        const QByteArray &token = it.value();
        keep(user, "/api/portal/profile/", token);
        keep(user, "/api/portal/notifications/", token);
        for (const auto &[list, detail] :
             { std::pair { "/api/portal/cases/", "/api/portal/cases/%1/" },
               std::pair { "/api/portal/messages/", "/api/portal/messages/%1/?mark_read=false" },
               std::pair { "/api/portal/documents/", "/api/portal/documents/%1/" },
               std::pair { "/api/portal/tasks/", "/api/portal/tasks/%1/" } }) {
            for (const qint64 id : idsOf(keep(user, QString::fromLatin1(list), token)))
                keep(user, QString::fromLatin1(detail).arg(id), token);
        }
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            QString path = QStringLiteral("/api/portal/sync/?limit=7");
            if (!cursor.isEmpty())
                path += QStringLiteral("&since=") + cursor;
            const QJsonObject sync = keep(user, path, token).object();
            cursor = sync.value(QStringLiteral("cursor")).toString();
            if (!sync.value(QStringLiteral("has_more")).toBool())
                break;
        }
    }
    keep("jsmith", "/api/staff/clients/", attorneyToken);
    keep("jsmith", "/api/staff/messages/", attorneyToken);
    keep("jsmith", "/api/staff/tasks/", attorneyToken);
    for (const qint64 id : idsOf(keep("jsmith", "/api/staff/cases/", attorneyToken)))
        keep("jsmith", QStringLiteral("/api/staff/cases/%1/").arg(id), attorneyToken);
    return seen;
}

QHttpPart formPart(const QByteArray &name, const QByteArray &value)
{
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader, "form-data; name=\"" + name + "\"");
    part.setBody(value);
    return part;
}

QHttpMultiPart *upload(const QByteArray &bytes)
{
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    multipart->append(formPart("title", "Witness statement"));
    multipart->append(formPart("case", "1"));
    QHttpPart file;
    file.setHeader(QNetworkRequest::ContentDispositionHeader,
                   "form-data; name=\"file\"; filename=\"statement.pdf\"");
    file.setHeader(QNetworkRequest::ContentTypeHeader, "application/pdf");
    file.setBody(bytes);
    multipart->append(file);
    return multipart;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Whether `text` is exactly one line (what the command promises for its errors).
bool isOneLine(const QByteArray &text)
{
    return text.endsWith('\n') && text.count('\n') == 1;
}

} // namespace

class MigrateStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (store::test::postgresServerUrl().isEmpty())
            QSKIP("migrate-store copies into PostgreSQL and PORTAL_TEST_DATABASE is unset: "
                  "run this test inside scripts/with-postgres");
        QVERIFY2(!store::test::onPostgres(), "the sources are SQLite stores: this program has no _pg run");
        QVERIFY2(QFile::exists(serverBinary()), "PORTAL_SERVER_BIN must name the built portal-server");
    }

    void cleanup() { qunsetenv("PORTAL_DATABASE_URL"); }

    void movedStoreAnswersAsBefore()
    {
        TestServer source([](server::ServerOptions &options) {
            options.webhooks.pollIntervalMs = 50;
            options.webhooks.timeoutMs = 2000;
        });
        QVERIFY2(source.isValid(), qPrintable(source.errorString()));

        // Activity of every kind on the SQLite store.
        const HttpResult pair = source.post(
            "/api/token/", { { "username", "client_username" }, { "password", "client_password" } });
        const QByteArray client = pair.object().value("access").toString().toUtf8();
        const QString usedRefresh = pair.object().value("refresh").toString();
        const HttpResult rotated = source.post("/api/token/refresh/", { { "refresh", usedRefresh } });
        QCOMPARE(rotated.status, 200); // the used refresh token is blacklisted now
        const QString freshRefresh = rotated.object().value("refresh").toString();
        const QByteArray other = source.otherClientToken();
        const QByteArray attorney = source.attorneyToken();
        QVERIFY(!client.isEmpty() && !other.isEmpty() && !attorney.isEmpty());

        QVERIFY(webhooks::WebhookEndpoints(source.server().store().database())
                    .add("http://127.0.0.1:1/hook", "hook-secret", { "*" }));
        QSignalSpy attempted(source.server().webhooks(), &webhooks::WebhookDispatcher::attempted);

        const QByteArray messageBody = json({ { "content", "Please see the statement." } });
        const Headers keyed { { "Idempotency-Key", "move-1" } };
        const HttpResult posted = source.send("POST", "/api/portal/messages/1/", messageBody, client, keyed);
        QCOMPARE(posted.status, 201);
        QCOMPARE(source
                     .post("/api/portal/messages/",
                           { { "subject", "Moving offices" }, { "case", 1 }, { "message", "From May on." } },
                           client)
                     .status,
                 201);
        const QByteArray fileBytes = QByteArray("%PDF-1.4\n") + QByteArray(70000, 'w') + "\n%%EOF\n";
        const HttpResult uploaded = source.postMultipart("/api/portal/documents/", upload(fileBytes), client);
        QCOMPARE(uploaded.status, 201);
        const qint64 documentId = uploaded.object().value("id").toInteger();
        QCOMPARE(
            source.post("/api/staff/messages/1/", { { "content", "Received, thank you." } }, attorney).status,
            201);
        QCOMPARE(source.post("/api/portal/messages/2/read/", {}, client).status, 200);
        QCOMPARE(source.post("/api/portal/notifications/1/read/", {}, client).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!attempted.isEmpty(), 10000); // a failed delivery attempt is on record
        source.server().webhooks()->stop(); // nothing writes while the store is copied

        const QMap<QString, QByteArray> tokens { { "client_username", client }, { "other_client", other } };
        const auto before
            = answers([&](const QString &path, const QByteArray &token) { return source.get(path, token); },
                      tokens, attorney);
        auto sqlite = openSqlite(source.dataDir());
        const Dump sqliteRows = dump(*sqlite);
        for (const QString &table : { "messages", "message_reads", "documents", "notifications",
                                      "token_blacklist", "idempotency_keys", "webhook_endpoints",
                                      "webhook_deliveries", "webhook_attempts", "events", "sync_changes" })
            QVERIFY2(!sqliteRows.value(table).isEmpty(), qPrintable(table + " has no rows to copy"));

        // The move, as an operator runs it.
        auto target = scratchTarget();
        QVERIFY2(target->errorString().isEmpty(), qPrintable(target->errorString()));
        const Run moved = runServerCommand({ "migrate-store", "--from", source.dataDir(), "--to",
                                             QString::fromUtf8(target->url().toEncoded()) });
        QVERIFY2(moved.exitCode == 0, moved.err.constData());
        QVERIFY2(moved.err.isEmpty(), moved.err.constData());
        QVERIFY2(moved.out.contains("messages"), moved.out.constData());
        QVERIFY2(QRegularExpression("Copied \\d+ tables, \\d+ rows in [0-9.]+ s").match(moved.out).hasMatch(),
                 moved.out.constData());
        QVERIFY2(moved.out.contains("portal-server serve --data " + source.dataDir().toUtf8() + " --database "
                                    + Database::displayUrl(target->url()).toUtf8()),
                 moved.out.constData());
        QVERIFY2(!moved.out.contains(target->url().password().toUtf8()), "the password was printed");

        // Every row, NULLs included, is in PostgreSQL.
        auto postgres = connectTo(target->url());
        QCOMPARE(dump(*postgres), sqliteRows);

        // A server on the moved store, with the same data folder (documents, signing key).
        TestServer after(source.dataDir(), target->url());
        QVERIFY2(after.isValid(), qPrintable(after.errorString()));
        const auto afterAnswers = answers(
            [&](const QString &path, const QByteArray &token) { return after.get(path, token); }, tokens,
            attorney); // the old access tokens: the same signing key
        QCOMPARE(afterAnswers.keys(), before.keys());
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            QVERIFY2(it.value().startsWith("200 "), qPrintable(it.key() + ": " + it.value()));
            QCOMPARE(QString::fromUtf8(afterAnswers.value(it.key())), QString::fromUtf8(it.value()));
        }

        const HttpResult download
            = after.get(QStringLiteral("/api/portal/documents/%1/download/").arg(documentId), client);
        QCOMPARE(download.status, 200);
        QCOMPARE(download.body, fileBytes);
        // The blacklist came along: the used refresh token stays used; the rotated one works.
        QCOMPARE(after.send("POST", "/api/token/refresh/", json({ { "refresh", usedRefresh } }), {}).status,
                 401);
        QCOMPARE(after.send("POST", "/api/token/refresh/", json({ { "refresh", freshRefresh } }), {}).status,
                 200);
        // So did the idempotency keys: the same keyed POST is replayed, not done again.
        const HttpResult replayed = after.send("POST", "/api/portal/messages/1/", messageBody, client, keyed);
        QCOMPARE(replayed.status, posted.status);
        QCOMPARE(replayed.body, posted.body);

        // New rows get new ids, above the copied ones.
        const HttpResult newMessage = after.send("POST", "/api/portal/messages/1/",
                                                 json({ { "content", "After the move." } }), client);
        QCOMPARE(newMessage.status, 201);
        QVERIFY(newMessage.object().value("id").toInteger() > maxId(*sqlite, "messages"));
        const HttpResult newThread = after.send(
            "POST", "/api/portal/messages/",
            json({ { "subject", "New home" }, { "case", 1 }, { "message", "On PostgreSQL." } }), client);
        QCOMPARE(newThread.status, 201);
        QVERIFY(newThread.object().value("id").toInteger() > maxId(*sqlite, "threads"));
        QCOMPARE(
            after.send("POST", "/api/staff/messages/1/", json({ { "content", "Noted." } }), attorney).status,
            201);
        for (const QString &table : { "messages", "threads", "notifications", "events" })
            QVERIFY2(maxId(*postgres, table) > maxId(*sqlite, table), qPrintable(table));
        QVERIFY(webhooks::WebhookEndpoints(*postgres).add("http://127.0.0.1:1/other", "s", { "*" }).ok());
    }

    void targetWithDataIsRefusedUntouched()
    {
        TestServer source;
        QVERIFY2(source.isValid(), qPrintable(source.errorString()));
        const auto refusedUntouched = [&](const QUrl &url, const QByteArray &reason) {
            auto database = connectTo(url);
            const Dump before = dump(*database);
            const QStringList migrations = texts(*database,
                                                 "SELECT table_name FROM information_schema.tables "
                                                 "WHERE table_name = 'schema_migrations'");
            // The URL from the environment, as the other commands take their --database.
            qputenv("PORTAL_DATABASE_URL", url.toEncoded());
            const Run refused = runServerCommand({ "migrate-store", "--from", source.dataDir() });
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(isOneLine(refused.err), refused.err.constData());
            QVERIFY2(refused.err.contains(reason), refused.err.constData());
            QVERIFY2(!refused.err.contains(url.password().toUtf8()), "the password was printed");
            QCOMPARE(dump(*database), before);
            QCOMPARE(texts(*database,
                           "SELECT table_name FROM information_schema.tables "
                           "WHERE table_name = 'schema_migrations'"),
                     migrations);
        };

        // A portal store with one client.
        auto portalData = scratchTarget();
        QTemporaryDir elsewhere;
        {
            auto store = store::Store::open(elsewhere.path(), portalData->url());
            QVERIFY(store);
            QVERIFY((*store)->users().addClient({ 0, "Already here Ltd.", "", "" }));
        }
        refusedUntouched(portalData->url(), "table clients holds 1 row");

        // Another application's table: not even the schema is created beside it.
        auto foreign = scratchTarget();
        {
            auto database = connectTo(foreign->url());
            QVERIFY(database->execSchema("CREATE TABLE ledger (entry TEXT)"));
            QVERIFY(database->execSchema("INSERT INTO ledger VALUES ('x')"));
        }
        refusedUntouched(foreign->url(), "table ledger holds 1 row");
    }

    void commandLineErrors()
    {
        QTemporaryDir scratch;
        const QUrl server = store::test::postgresServerUrl();
        const QString url = QString::fromUtf8(server.toEncoded());

        const Run help = runServerCommand({ "migrate-store", "--help" });
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains("--from") && help.out.contains("--to")
                     && help.out.contains("Stop the server"),
                 help.out.constData());
        QVERIFY(runServerCommand({ "--help" }).out.contains("migrate-store"));
        QCOMPARE(runServerCommand({ "migrate-store", "--to", url }).exitCode, 2); // no --from
        QCOMPARE(runServerCommand({ "migrate-store", "--from", scratch.path() }).exitCode, 2); // no --to
        const Run notPostgres = runServerCommand(
            { "migrate-store", "--from", scratch.path(), "--to", "mysql://portal:pw@127.0.0.1/portal" });
        QCOMPARE(notPostgres.exitCode, 2);
        QVERIFY2(notPostgres.err.contains("--to wants postgresql://"), notPostgres.err.constData());

        const Run missing
            = runServerCommand({ "migrate-store", "--from", scratch.filePath("nowhere"), "--to", url });
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(isOneLine(missing.err), missing.err.constData());
        QVERIFY2(missing.err.contains("holds no store"), missing.err.constData());
        QVERIFY(!QFile::exists(scratch.filePath("nowhere"))); // not created on the way

        TestServer source;
        QVERIFY2(source.isValid(), qPrintable(source.errorString()));
        QUrl unreachable = server;
        unreachable.setPort(1);
        QUrl wrongPassword = server;
        wrongPassword.setPassword("not-the-password");
        for (const QUrl &target : { unreachable, wrongPassword }) {
            const Run refused = runServerCommand({ "migrate-store", "--from", source.dataDir(), "--to",
                                                   QString::fromUtf8(target.toEncoded()) });
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(isOneLine(refused.err), refused.err.constData());
            QVERIFY2(refused.err.contains("cannot connect to the database"), refused.err.constData());
            QVERIFY2(!refused.err.contains(target.password().toUtf8()), refused.err.constData());
        }
    }

    void failureInTheMiddleRollsBack()
    {
        TestServer source;
        QVERIFY2(source.isValid(), qPrintable(source.errorString()));
        auto target = scratchTarget();
        QTemporaryDir elsewhere;
        QVERIFY(
            store::Store::open(elsewhere.path(), target->url())); // the schema, as a first attempt left it
        auto postgres = connectTo(target->url());
        // A column the copy does not fill, on a table copied after others.
        QVERIFY(postgres->execSchema("ALTER TABLE notifications ADD COLUMN reviewed_by TEXT NOT NULL"));
        const Dump empty = dump(*postgres);

        QStringList copied;
        const auto failed = store::migrateStoreToPostgres(
            source.dataDir(), target->url(),
            [&](const store::CopiedTable &table) { copied.append(table.name); });
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains("notifications")
                     && failed.error().message.contains("reviewed_by")
                     && !failed.error().message.contains('\n'),
                 qPrintable(failed.error().message));
        QVERIFY2(copied.contains("clients") && copied.contains("messages"), qPrintable(copied.join(' ')));
        QVERIFY(!copied.contains("notifications"));
        QCOMPARE(dump(*postgres), empty); // nothing of the tables copied before stays
        QVERIFY(postgres->execSchema("ALTER TABLE notifications DROP COLUMN reviewed_by"));

        // A value the target's type refuses (SQLite stores text in an integer column without complaint).
        auto sqlite = openSqlite(source.dataDir());
        QVERIFY(sqlite->exec("UPDATE documents SET file_size = 'large' WHERE id = 2"));
        const Run refused = runServerCommand({ "migrate-store", "--from", source.dataDir(), "--to",
                                               QString::fromUtf8(target->url().toEncoded()) });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(isOneLine(refused.err), refused.err.constData());
        QVERIFY2(refused.err.contains("the row with id 2 of table documents")
                     && refused.err.contains("rolled back, nothing was copied"),
                 refused.err.constData());
        QCOMPARE(dump(*postgres), empty);

        // Mended, the same target takes the store; ids were not used up by the failed attempts.
        QVERIFY(sqlite->exec("UPDATE documents SET file_size = 1024 WHERE id = 2"));
        const auto done = store::migrateStoreToPostgres(source.dataDir(), target->url());
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(dump(*postgres), dump(*sqlite));
        QCOMPARE(maxId(*postgres, "clients"), maxId(*sqlite, "clients"));
        auto id = postgres->insertRow("clients", { "company_name" }, { "Next Ltd." });
        QVERIFY(id);
        QCOMPARE(*id, maxId(*sqlite, "clients") + 1);
    }
};

QTEST_GUILESS_MAIN(MigrateStoreTest)
#include "tst_migrate_store.moc"
