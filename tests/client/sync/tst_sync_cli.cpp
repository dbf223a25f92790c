// The headless `portal` as a process against a TestServer in this process: `portal sync` prints the demo
// data's counts, `portal search` finds a message word offline once the server is gone, and a wrong password
// is exit code 1 with a readable message.
#include "SyncTesting.h"

#include <QProcess>
#include <QtTest>

using namespace portal;
using namespace portal::testing;

namespace {

QString clientBinary()
{
    return QString::fromLocal8Bit(qgetenv("PORTAL_CLIENT_BIN"));
}

// Runs portal to its end while this thread's event loop turns (the server lives on it).
CommandResult runPortal(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(clientBinary(), arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    QDeadlineTimer deadline(120000);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(10);
    CommandResult result;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace

class SyncCliTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(clientBinary()), "PORTAL_CLIENT_BIN must name the built portal");
    }

    void helpVersionUsage()
    {
        QCOMPARE(runPortal({ "--version" }).exitCode, 0);
        QVERIFY(runPortal({ "--version" }).out.startsWith("portal "));
        const CommandResult help = runPortal({ "sync", "--help" });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("unread"));
        QCOMPARE(runPortal({ "frobnicate" }).exitCode, 2); // no command at all is the desktop app
        QCOMPARE(runPortal({ "sync" }).exitCode, 2);
        const CommandResult desktopHelp = runPortal({ "--desktop-help" });
        QCOMPARE(desktopHelp.exitCode, 0);
        QVERIFY(desktopHelp.out.contains("--password-stdin"));
    }

    void syncPrintsTheDemoCountsAndSearchWorksOffline()
    {
        QTemporaryDir dataDir;
        auto server = std::make_unique<TestServer>();
        QVERIFY(server->isValid());
        // The expected figures, from the server itself (nothing here marks anything read).
        const QByteArray token = server->clientToken();
        const QJsonArray threads = server->get("/api/portal/messages/", token).array();
        int messages = 0;
        for (int count : serverMessageCounts(*server, token))
            messages += count;
        int unread = 0;
        for (const QJsonValue &t : threads)
            unread += t["unread_count"].toInt();
        const QJsonArray notifications = server->get("/api/portal/notifications/", token).array();
        for (const QJsonValue &n : notifications)
            unread += n["is_read"].toBool() ? 0 : 1;
        const QByteArray expected
            = QStringLiteral(
                  "cases=%1 threads=%2 messages=%3 documents=%4 tasks=%5 notifications=%6 unread=%7\n")
                  .arg(server->get("/api/portal/cases/", token).array().size())
                  .arg(threads.size())
                  .arg(messages)
                  .arg(server->get("/api/portal/documents/", token).array().size())
                  .arg(server->get("/api/portal/tasks/", token).array().size())
                  .arg(notifications.size())
                  .arg(unread)
                  .toUtf8();

        const QString url = server->url("/").adjusted(QUrl::RemovePath).toString();
        const CommandResult sync = runPortal({ "sync", "--server", url, "--user", "client_username",
                                               "--password-stdin", "--data-dir", dataDir.path() },
                                             "client_password\n");
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QCOMPARE(sync.out, expected);
        // Settings hold the server and the user, nothing secret.
        QFile ini(dataDir.filePath("portal.ini"));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray settings = ini.readAll();
        QVERIFY(settings.contains("client_username"));
        QVERIFY(!settings.contains("client_password"));

        server.reset(); // offline from here on
        const CommandResult search = runPortal({ "search", "clauses", "--data-dir", dataDir.path() });
        QVERIFY2(search.exitCode == 0, search.err.constData());
        QVERIFY2(search.out.startsWith("message\tContract Review\t"), search.out.constData());
        QVERIFY(search.out.contains("[clauses]"));
        QCOMPARE(runPortal({ "search", "zzzznothing", "--data-dir", dataDir.path() }).out, QByteArray());

        // The desktop app opens the saved copy with the server gone, without signing in (offscreen).
        const CommandResult offline
            = runPortal({ "--offline", "--exit-after-first-paint", "--data-dir", dataDir.path() });
        QVERIFY2(offline.exitCode == 0, offline.err.constData());
        QVERIFY2(offline.out.startsWith("first-paint ms="), offline.out.constData());
        QTemporaryDir empty;
        const CommandResult nothingSaved = runPortal({ "--offline", "--data-dir", empty.path() });
        QCOMPARE(nothingSaved.exitCode, 1);
        QVERIFY(nothingSaved.err.contains("--offline needs an account"));
    }

    void wrongPasswordIsExitOneInWords()
    {
        QTemporaryDir dataDir;
        TestServer server;
        const QString url = server.url("/").adjusted(QUrl::RemovePath).toString();
        const CommandResult result = runPortal({ "sync", "--server", url, "--user", "client_username",
                                                 "--password-stdin", "--data-dir", dataDir.path() },
                                               "not the password\n");
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("wrong user name or password"), result.err.constData());
        QVERIFY(result.out.isEmpty());
    }

    void unreachableServerIsExitOne()
    {
        QTemporaryDir dataDir;
        const CommandResult result
            = runPortal({ "sync", "--server", "http://127.0.0.1:1", "--user", "client_username",
                          "--password-stdin", "--data-dir", dataDir.path() },
                        "client_password\n");
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("cannot reach"), result.err.constData());
    }

    void searchWithoutAnAccountSaysSo()
    {
        QTemporaryDir dataDir;
        const CommandResult result = runPortal({ "search", "x", "--data-dir", dataDir.path() });
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("portal sync"));
    }
};

QTEST_GUILESS_MAIN(SyncCliTest)
#include "tst_sync_cli.moc"
