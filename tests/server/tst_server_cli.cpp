// The portal-server command line as an administrator uses it: help and version, import (all or nothing,
// errors naming the JSON path), user management with passwords from stdin, and serve with a graceful exit
// on SIGTERM, backup while serving and restore (on PostgreSQL runs with pg_dump and pg_restore).
#include "TestServer.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>
#include <csignal>

using portal::testing::runServerCommand;
using portal::testing::serverBinary;
using portal::testing::TestServer;
using Run = portal::testing::CommandResult;
using portal::store::test::ScratchDatabase;

namespace {

QByteArray fixtureWith(const std::function<void(QJsonObject &)> &change)
{
    QFile file(TestServer::fixturePath());
    file.open(QIODevice::ReadOnly);
    QJsonObject fixture = QJsonDocument::fromJson(file.readAll()).object();
    change(fixture);
    return QJsonDocument(fixture).toJson();
}

} // namespace

class ServerCliTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        PORTAL_SKIP_WITHOUT_TEST_DATABASE();
        QVERIFY2(QFile::exists(serverBinary()), "PORTAL_SERVER_BIN must name the built portal-server");
    }

    // On PostgreSQL runs every command of a test function reaches the function's own database through
    // PORTAL_DATABASE_URL (the commands' default for --database), which the started commands inherit.
    void init()
    {
        m_database = std::make_unique<ScratchDatabase>();
        QVERIFY2(m_database->errorString().isEmpty(), qPrintable(m_database->errorString()));
        if (!m_database->url().isEmpty())
            qputenv("PORTAL_DATABASE_URL", m_database->url().toEncoded());
    }

    void cleanup()
    {
        qunsetenv("PORTAL_DATABASE_URL");
        m_database.reset();
    }

    void helpAndVersion()
    {
        for (const QStringList &arguments :
             { QStringList { "--help" }, QStringList { "serve", "--help" },
               QStringList { "import", "--help" }, QStringList { "user", "--help" } }) {
            const Run result = runServerCommand(arguments);
            QCOMPARE(result.exitCode, 0);
            QVERIFY2(result.out.contains("portal-server"), result.out.constData());
        }
        const Run version = runServerCommand({ "--version" });
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("portal-server "));
        QVERIFY(runServerCommand({ "frobnicate" }).exitCode != 0);
        QVERIFY(runServerCommand({ "serve", "--no-such-option" }).exitCode != 0);
    }

    void importIsAllOrNothing()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath("data");
        // A fixture whose last section is broken: nothing of the earlier sections may stay.
        QTemporaryDir fixtureDir;
        QDir().mkpath(fixtureDir.filePath("files"));
        for (const QString &name : QDir(TestServer::sharedDir() + "/fixtures/files").entryList(QDir::Files))
            QFile::copy(TestServer::sharedDir() + "/fixtures/files/" + name,
                        fixtureDir.filePath("files/" + name));
        const QString bad = fixtureDir.filePath("bad.json");
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write(fixtureWith([](QJsonObject &fixture) {
            QJsonArray notifications = fixture.value("notifications").toArray();
            QJsonObject last = notifications.last().toObject();
            last.insert("user", 77);
            notifications.replace(notifications.size() - 1, last);
            fixture.insert("notifications", notifications);
        }));
        badFile.close();

        const Run refused = runServerCommand({ "import", "--data", data, bad });
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains("notifications[2].user"), refused.err.constData());

        // The store holds nothing of it: the good fixture imports afterwards without conflicts.
        const Run good = runServerCommand({ "import", "--data", data, TestServer::fixturePath() });
        QVERIFY2(good.exitCode == 0, good.err.constData());
        const Run list = runServerCommand({ "user", "list", "--data", data });
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.out.count('\n'), 3);
        // Importing the same ids twice is refused, not merged.
        QVERIFY(runServerCommand({ "import", "--data", data, TestServer::fixturePath() }).exitCode != 0);
        QVERIFY(runServerCommand({ "import", "--data", data, dir.filePath("missing.json") }).exitCode != 0);
        QVERIFY(runServerCommand({ "import", TestServer::fixturePath() }).exitCode
                != 0); // --data is required
    }

    void userManagementAndServe()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath("data");
        QCOMPARE(runServerCommand({ "user", "add", "--data", data, "alice", "--role", "client", "--company",
                                    "Alice GmbH", "--first-name", "Alice", "--last-name", "Liddell" },
                                  "wonderland-123\n")
                     .exitCode,
                 0);
        QVERIFY(
            runServerCommand({ "user", "add", "--data", data, "alice", "--role", "client", "--client", "1" },
                             "another-pass\n")
                .exitCode
            != 0);
        QVERIFY(runServerCommand({ "user", "add", "--data", data, "shorty", "--role", "attorney" }, "short\n")
                    .exitCode
                != 0);
        QCOMPARE(runServerCommand({ "user", "add", "--data", data, "atticus", "--role", "attorney" },
                                  "mockingbird\n")
                     .exitCode,
                 0);

        QProcess serve;
        serve.start(serverBinary(), { "serve", "--data", data, "--listen", "127.0.0.1:0" });
        QVERIFY(serve.waitForReadyRead(20000));
        const QString banner = QString::fromUtf8(serve.readLine());
        const QRegularExpressionMatch match = QRegularExpression(":(\\d+)/").match(banner);
        QVERIFY2(match.hasMatch(), qPrintable(banner));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(match.captured(1));

        QNetworkAccessManager network;
        const auto signIn = [&](const QString &user, const QString &password) {
            QNetworkRequest request(QUrl(base + "/api/token/"));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            QNetworkReply *reply = network.post(
                request,
                QJsonDocument(QJsonObject { { "username", user }, { "password", password } }).toJson());
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(20000);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->deleteLater();
            return status;
        };
        QCOMPARE(signIn("alice", "wonderland-123"), 200);

        QCOMPARE(runServerCommand({ "user", "passwd", "--data", data, "alice" }, "looking-glass\n").exitCode,
                 0);
        QCOMPARE(signIn("alice", "wonderland-123"), 401);
        QCOMPARE(signIn("alice", "looking-glass"), 200);
        QCOMPARE(runServerCommand({ "user", "disable", "--data", data, "alice" }).exitCode, 0);
        QCOMPARE(signIn("alice", "looking-glass"), 401);

        ::kill(static_cast<pid_t>(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(35000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
    }

    void serveReadsItsConfiguration()
    {
        // On PostgreSQL, --database on the command line and "database =" in the file, not the environment.
        qunsetenv("PORTAL_DATABASE_URL");
        const QByteArray database = m_database->url().toEncoded();
        QStringList databaseArguments;
        if (!database.isEmpty())
            databaseArguments = QStringList { "--database", QString::fromUtf8(database) };
        QTemporaryDir scratch;
        const QString data = scratch.filePath("store");
        QCOMPARE(runServerCommand(QStringList { "import", "--data", data, TestServer::fixturePath() }
                                  + databaseArguments)
                     .exitCode,
                 0);
        const QString config = scratch.filePath("portal-server.conf");
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# portal-server settings\n"
                   "data = "
                   + data.toUtf8() + "\n"
                   + (database.isEmpty() ? QByteArray() : "database = " + database + "\n")
                   + "listen = 127.0.0.1:1\n" // overridden on the command line below
                     "rate-limit = off\n"
                     "trusted-proxy = 127.0.0.1, ::1\n"
                     "no-push = true\n");
        file.close();

        QProcess serve;
        serve.start(serverBinary(), { "serve", "--config", config, "--listen", "127.0.0.1:0" });
        QVERIFY(serve.waitForReadyRead(20000));
        const QString banner = QString::fromUtf8(serve.readLine());
        QVERIFY2(banner.contains(" from " + QDir(data).absolutePath()), qPrintable(banner));
        QVERIFY2(!banner.contains(":1/"), qPrintable(banner));
        QVERIFY2(banner.startsWith("portal-server "), qPrintable(banner)); // nothing printed before it
        if (!database.isEmpty()) {
            QVERIFY2(banner.contains(" with the database postgresql://"), qPrintable(banner));
            QVERIFY2(!banner.contains(m_database->url().password()), "the banner shows the password");
            const QString base
                = QRegularExpression(":(\\d+)/").match(banner).captured(1).prepend("http://127.0.0.1:");
            QNetworkAccessManager network;
            QNetworkRequest request(QUrl(base + "/api/token/"));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            QNetworkReply *reply
                = network.post(request, R"({"username": "client_username", "password": "client_password"} )");
            QSignalSpy finished(reply, &QNetworkReply::finished);
            QVERIFY(finished.wait(20000));
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            delete reply;
        }
        ::kill(static_cast<pid_t>(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(35000));
        QCOMPARE(serve.exitCode(), 0);

        const auto refusedWith = [&](const QByteArray &text) {
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(text);
            file.close();
            const Run result = runServerCommand({ "serve", "--config", config });
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(result.err.contains("portal-server.conf"), result.err.constData());
        };
        refusedWith("data = " + data.toUtf8() + "\nlisten_address = 127.0.0.1:0\n"); // a typo
        refusedWith("data = " + data.toUtf8() + "\nno-push = perhaps\n");
        refusedWith("just words\n");
        QCOMPARE(runServerCommand({ "serve", "--config", scratch.filePath("missing.conf") }).exitCode, 2);
    }

    void backupWhileServingAndRestore()
    {
        if (!m_database->url().isEmpty()) {
            backupWhileServingAndRestoreOnPostgres();
            return;
        }
        TestServer server; // serving the store while it is backed up
        QVERIFY(server.isValid());
        const QByteArray token = server.clientToken();
        QCOMPARE(server.post("/api/portal/messages/1/", { { "content", "Before the backup" } }, token).status,
                 201);
        QTemporaryDir scratch;
        const QString backup = scratch.filePath("backup");
        const Run backedUp = runServerCommand({ "backup", "--data", server.dataDir(), backup });
        QVERIFY2(backedUp.exitCode == 0, backedUp.err.constData());
        QVERIFY(backedUp.out.contains("documents"));

        const QString restored = scratch.filePath("restored");
        const Run put = runServerCommand({ "restore", "--data", restored, backup });
        QVERIFY2(put.exitCode == 0, put.err.constData());
        const Run users = runServerCommand({ "user", "list", "--data", restored });
        QCOMPARE(users.exitCode, 0);
        QVERIFY(users.out.contains("client_username"));
        // A second restore into the same folder is refused in words.
        const Run again = runServerCommand({ "restore", "--data", restored, backup });
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("already holds a store"));
        // An SQLite backup does not go into PostgreSQL (refused before any connection is tried).
        const Run intoPostgres
            = runServerCommand({ "restore", "--data", scratch.filePath("elsewhere"), "--database",
                                 "postgresql://portal@127.0.0.1:1/none", backup });
        QCOMPARE(intoPostgres.exitCode, 1);
        QVERIFY2(intoPostgres.err.contains("migrate-store"), intoPostgres.err.constData());
        QVERIFY(!QFileInfo::exists(scratch.filePath("elsewhere")));
    }

    void serveRefusesBadOptions()
    {
        QTemporaryDir dir;
        for (const QStringList &options :
             { QStringList { "--listen", "nowhere" }, QStringList { "--rate-limit", "lots" },
               QStringList { "--max-upload-size", "-5" }, QStringList { "--tls-cert", "x.pem" },
               QStringList { "--webhook-timeout", "0" }, QStringList { "--webhook-concurrency", "many" } }) {
            const Run result = runServerCommand(QStringList { "serve", "--data", dir.path() } + options);
            QVERIFY2(result.exitCode == 2, qPrintable(options.join(' ')));
            QVERIFY(!result.err.isEmpty());
        }
    }

private:
    // PostgreSQL runs: the served store's database is backed up with pg_dump and restored into this test
    // function's empty database (PORTAL_DATABASE_URL, as an operator would give it).
    void backupWhileServingAndRestoreOnPostgres()
    {
        TestServer server;
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));
        const QByteArray token = server.clientToken();
        QCOMPARE(server.post("/api/portal/messages/1/", { { "content", "Before the backup" } }, token).status,
                 201);
        QTemporaryDir scratch;
        const QString backup = scratch.filePath("backup");
        const QUrl served = server.databaseUrl();
        const Run backedUp = runServerCommand({ "backup", "--data", server.dataDir(), "--database",
                                                QString::fromUtf8(served.toEncoded()), backup });
        QVERIFY2(backedUp.exitCode == 0, backedUp.err.constData());
        QVERIFY2(backedUp.out.contains("PostgreSQL") && backedUp.out.contains("documents"),
                 backedUp.out.constData());
        QVERIFY2(!backedUp.out.contains(served.password().toUtf8()), "the password was printed");
        QVERIFY(QFileInfo(backup + "/portal.dump").size() > 0);

        const QString restored = scratch.filePath("restored");
        const Run put = runServerCommand({ "restore", "--data", restored, backup });
        QVERIFY2(put.exitCode == 0, put.err.constData());
        QVERIFY2(!put.out.contains(m_database->url().password().toUtf8()), "the password was printed");
        const Run users = runServerCommand({ "user", "list", "--data", restored });
        QCOMPARE(users.exitCode, 0);
        QVERIFY(users.out.contains("client_username"));

        // Into the same database again (it holds the restored store now): refused in one line, no folder.
        const Run again = runServerCommand({ "restore", "--data", scratch.filePath("again"), backup });
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("not empty") && again.err.count('\n') == 1, again.err.constData());
        QVERIFY(!QFileInfo::exists(scratch.filePath("again")));
        // Without a database it would become an SQLite store, which it is not.
        qunsetenv("PORTAL_DATABASE_URL");
        const Run withoutDatabase
            = runServerCommand({ "restore", "--data", scratch.filePath("sqlite"), backup });
        qputenv("PORTAL_DATABASE_URL", m_database->url().toEncoded());
        QCOMPARE(withoutDatabase.exitCode, 1);
        QVERIFY2(withoutDatabase.err.contains("backup of a PostgreSQL store"),
                 withoutDatabase.err.constData());
        QVERIFY(!QFileInfo::exists(scratch.filePath("sqlite")));
    }

    std::unique_ptr<ScratchDatabase> m_database; // empty on SQLite runs
};

QTEST_GUILESS_MAIN(ServerCliTest)
#include "tst_server_cli.moc"
