// Session and sign-in against a real portal-server: tokens, the refresh ahead of expiry, the 401 replay,
// one refresh shared by concurrent requests, and signing out when the refresh is refused.
#include "NetTesting.h"
#include "ReadJobs.h"
#include "Session.h"
#include "TestServer.h"
#include "TokenJobs.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace portal;
using namespace portal::net;
using portal::testing::describe;
using portal::testing::run;
using portal::testing::TestServer;

class SessionTest : public QObject
{
    Q_OBJECT

    static QUrl base(const TestServer &server) { return server.url(QString()); }

    static bool signIn(Session &session, const QString &user = QStringLiteral("client_username"),
                       const QString &password = QStringLiteral("client_password"))
    {
        auto *job = new SignInJob(&session, user, password);
        const bool ok = run(job) && job->result().ok();
        delete job;
        return ok;
    }

private slots:
    void tlsErrorsAreReportedNotIgnored()
    {
        // A server with a self-signed certificate, as a misconfigured or intercepted connection looks.
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is not installed");
        QTemporaryDir dir;
        const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
        const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
        QProcess process;
        process.start(openssl,
                      { "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days",
                        "1", "-keyout", keyPath, "-out", certPath });
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        QFile keyFile(keyPath);
        QFile certFile(certPath);
        QVERIFY(keyFile.open(QIODevice::ReadOnly) && certFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(&certFile));
        tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
        TestServer server([&](portal::server::ServerOptions &options) { options.tls = tls; });
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));

        QUrl url = base(server);
        url.setScheme(QStringLiteral("https"));
        Session session(url);
        auto *job
            = new SignInJob(&session, QStringLiteral("client_username"), QStringLiteral("client_password"));
        QVERIFY(run(job));
        QCOMPARE(job->error().kind, NetError::Kind::Tls);
        QVERIFY2(!job->error().message.isEmpty(), describe(job->error()));
        QVERIFY(session.accessToken().isEmpty());
        delete job;
    }

    void signInKeepsBothTokens()
    {
        TestServer server;
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));
        Session session(base(server));
        QSignalSpy signedIn(&session, &Session::signedIn);
        QSignalSpy refreshChanged(&session, &Session::refreshTokenChanged);
        auto *job
            = new SignInJob(&session, QStringLiteral("client_username"), QStringLiteral("client_password"));
        QVERIFY(run(job));
        QVERIFY2(job->result().ok(), describe(job->error()));
        QCOMPARE(session.state(), Session::State::SignedIn);
        QCOMPARE(session.username(), QStringLiteral("client_username"));
        QVERIFY(!session.accessToken().isEmpty());
        QCOMPARE(signedIn.size(), 1);
        QCOMPARE(refreshChanged.size(), 1);
        QCOMPARE(refreshChanged.at(0).at(1).toString(), job->result().value->refresh);
        delete job;

        auto *profile = new FetchProfileJob(&session);
        QVERIFY(run(profile));
        QVERIFY2(profile->result().ok(), describe(profile->error()));
        QCOMPARE(profile->result().value->user.username, QStringLiteral("client_username"));
        QCOMPARE(profile->attempts(), 1);
        delete profile;
    }

    void wrongPasswordIsUnauthorized()
    {
        TestServer server;
        QVERIFY(server.isValid());
        Session session(base(server));
        auto *job = new SignInJob(&session, QStringLiteral("client_username"), QStringLiteral("nope"));
        QVERIFY(run(job));
        QCOMPARE(job->error().kind, NetError::Kind::Unauthorized);
        QCOMPARE(job->error().code, QStringLiteral("authentication_failed"));
        QVERIFY(!job->error().message.isEmpty());
        QCOMPARE(session.state(), Session::State::SignedOut);
        delete job;
    }

    void unreachablePortIsUnreachable()
    {
        QTcpServer placeholder;
        QVERIFY(placeholder.listen(QHostAddress::LocalHost, 0));
        const quint16 port = placeholder.serverPort();
        placeholder.close(); // nothing listens there now
        Session session(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        session.connectivity()->setProbeIntervals(60000, 60000);
        QSignalSpy policy(session.connectivity(), &ConnectivityMonitor::policyChanged);
        auto *job
            = new SignInJob(&session, QStringLiteral("client_username"), QStringLiteral("client_password"));
        QVERIFY(run(job));
        QCOMPARE(job->error().kind, NetError::Kind::Unreachable);
        QCOMPARE(session.connectivity()->policy(), ConnectivityMonitor::Policy::Unreachable);
        QCOMPARE(policy.size(), 1);
        delete job;
    }

    void requestsWithoutSignInNeedSignIn()
    {
        TestServer server;
        QVERIFY(server.isValid());
        Session session(base(server));
        auto *job = new FetchCasesJob(&session);
        QVERIFY(run(job));
        QCOMPARE(job->error().kind, NetError::Kind::Unauthorized);
        QCOMPARE(job->attempts(), 0); // nothing was sent
        delete job;
    }

    void refreshesAheadOfExpiry()
    {
        TestServer server;
        QVERIFY(server.isValid());
        Session session(base(server));
        QVERIFY(signIn(session));
        const QString firstAccess = session.accessToken();
        QSignalSpy refreshed(&session, &Session::tokensRefreshed);
        QSignalSpy refreshChanged(&session, &Session::refreshTokenChanged);
        // Ten minutes later for the session: its 5-minute access token is past its time, so it refreshes
        // before sending rather than after a 401.
        session.setClock([] { return QDateTime::currentMSecsSinceEpoch() + 10 * 60 * 1000; });
        auto *job = new FetchCasesJob(&session);
        QVERIFY(run(job));
        QVERIFY2(job->result().ok(), describe(job->error()));
        QCOMPARE(job->attempts(), 1);
        QCOMPARE(refreshed.size(), 1);
        QCOMPARE(refreshChanged.size(), 1);
        QVERIFY(session.accessToken() != firstAccess);
        delete job;
    }

    void unauthorizedRefreshesOnceAndReplays()
    {
        // 3 s: tokens expire at whole seconds, so a token of a 1 s lifetime may have milliseconds to live,
        // and the refreshed one must outlive the replay on a busy machine.
        TestServer server([](server::ServerOptions &options) { options.tokenLifetimes.accessSeconds = 3; });
        QVERIFY(server.isValid());
        Session session(base(server));
        // The session's clock runs a minute behind: it believes the token fresh, the server does not.
        session.setClock([] { return QDateTime::currentMSecsSinceEpoch() - 60 * 1000; });
        QVERIFY(signIn(session));
        QTest::qWait(3100); // the access token expires on the server
        QSignalSpy refreshed(&session, &Session::tokensRefreshed);
        auto *job = new FetchThreadsJob(&session);
        QVERIFY(run(job));
        QVERIFY2(job->result().ok(), describe(job->error()));
        QCOMPARE(job->attempts(), 2); // the 401, then the replay
        QCOMPARE(refreshed.size(), 1);
        delete job;
    }

    void concurrentRequestsShareOneRefresh_data()
    {
        QTest::addColumn<bool>("ahead");
        QTest::newRow("ahead of expiry") << true;
        QTest::newRow("after 401") << false;
    }

    void concurrentRequestsShareOneRefresh()
    {
        QFETCH(bool, ahead);
        // 3 s: tokens expire at whole seconds, so a token of a 1 s lifetime may have milliseconds to live,
        // and the refreshed one must outlive the replay on a busy machine.
        TestServer server([](server::ServerOptions &options) { options.tokenLifetimes.accessSeconds = 3; });
        QVERIFY(server.isValid());
        Session session(base(server));
        session.setClock([] { return QDateTime::currentMSecsSinceEpoch() - 60 * 1000; });
        QVERIFY(signIn(session));
        QTest::qWait(3100);
        if (ahead)
            session.setClock([] { return QDateTime::currentMSecsSinceEpoch(); });
        QSignalSpy refreshed(&session, &Session::tokensRefreshed);
        QSignalSpy refreshChanged(&session, &Session::refreshTokenChanged);
        QSignalSpy signedOut(&session, &Session::signedOut);
        QList<ApiJob *> jobs { new FetchCasesJob(&session),         new FetchThreadsJob(&session),
                               new FetchDocumentsJob(&session),     new FetchTasksJob(&session),
                               new FetchNotificationsJob(&session), new FetchProfileJob(&session) };
        for (ApiJob *job : jobs) {
            job->setAutoDelete(false);
            job->start();
        }
        for (ApiJob *job : jobs) {
            QVERIFY(run(job));
            QVERIFY2(!job->error().isError(), describe(job->error()));
        }
        // Each refresh token works once: two refreshes would have signed the session out.
        QCOMPARE(refreshed.size(), 1);
        QCOMPARE(refreshChanged.size(), 1);
        QCOMPARE(signedOut.size(), 0);
        qDeleteAll(jobs);
    }

    void refusedRefreshSignsOut()
    {
        TestServer server;
        QVERIFY(server.isValid());
        Session session(base(server));
        session.restore(QStringLiteral("client_username"), QStringLiteral("not-a-valid-refresh-token"));
        QCOMPARE(session.state(), Session::State::SignedIn);
        QSignalSpy signedOut(&session, &Session::signedOut);
        auto *first = new FetchCasesJob(&session);
        auto *second = new FetchTasksJob(&session);
        first->setAutoDelete(false);
        first->start();
        QVERIFY(run(second));
        QVERIFY(run(first));
        QCOMPARE(first->error().kind, NetError::Kind::Unauthorized);
        QCOMPARE(second->error().kind, NetError::Kind::Unauthorized);
        QCOMPARE(session.state(), Session::State::SignedOut);
        QCOMPARE(signedOut.size(), 1);
        QCOMPARE(signedOut.at(0).at(0).value<Session::SignOutReason>(),
                 Session::SignOutReason::SessionExpired);
        delete first;
        delete second;
    }

    void restoredSessionRefreshesFirst()
    {
        TestServer server;
        QVERIFY(server.isValid());
        QString refresh;
        {
            Session first(base(server));
            QObject::connect(&first, &Session::refreshTokenChanged,
                             [&](const QString &, const QString &token) { refresh = token; });
            QVERIFY(signIn(first));
        }
        Session session(base(server));
        QSignalSpy refreshChanged(&session, &Session::refreshTokenChanged);
        session.restore(QStringLiteral("client_username"), refresh);
        auto *job = new FetchProfileJob(&session);
        QVERIFY(run(job));
        QVERIFY2(job->result().ok(), describe(job->error()));
        QCOMPARE(refreshChanged.size(), 1);
        QVERIFY(refreshChanged.at(0).at(1).toString() != refresh); // rotated: store the new one
        delete job;
    }

    void userSignOut()
    {
        TestServer server;
        QVERIFY(server.isValid());
        Session session(base(server));
        QVERIFY(signIn(session));
        QSignalSpy signedOut(&session, &Session::signedOut);
        session.signOut();
        QCOMPARE(session.state(), Session::State::SignedOut);
        QVERIFY(session.accessToken().isEmpty());
        QCOMPARE(signedOut.size(), 1);
        QCOMPARE(signedOut.at(0).at(0).value<Session::SignOutReason>(), Session::SignOutReason::UserRequest);
    }

    void workingOfflineSendsNothing()
    {
        TestServer server;
        QVERIFY(server.isValid());
        Session session(base(server));
        QVERIFY(signIn(session));
        session.connectivity()->setWorkOffline(true);
        auto *job = new FetchCasesJob(&session);
        QVERIFY(run(job));
        QCOMPARE(job->error().kind, NetError::Kind::Offline);
        QCOMPARE(job->attempts(), 0);
        delete job;
        session.connectivity()->setWorkOffline(false);
        auto *again = new FetchCasesJob(&session);
        QVERIFY(run(again));
        QVERIFY(again->result().ok());
        delete again;
    }
};

QTEST_GUILESS_MAIN(SessionTest)
#include "tst_net_session.moc"
