// portal-server's authentication over HTTP: tokens, refresh rotation, the gate (401/403), the login
// throttle and the per-user rate limits with their headers.
#include "Jwt.h"
#include "TestServer.h"

#include <QtTest>

using namespace portal;
using portal::testing::HttpResult;
using portal::testing::TestServer;

namespace {

// A sign-in with a wrong password, as if forwarded for `forwardedFor` by a proxy; the answer's status.
int failedSignIn(TestServer &server, const QByteArray &forwardedFor, const QString &username)
{
    return server
        .send("POST", QStringLiteral("/api/token/"),
              QJsonDocument(QJsonObject { { "username", username }, { "password", "wrong-wrong" } }).toJson(),
              {}, { { "Content-Type", "application/json" }, { "X-Forwarded-For", forwardedFor } })
        .status;
}

} // namespace

class ServerAuthTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        PORTAL_SKIP_WITHOUT_TEST_DATABASE();
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->errorString()));
    }

    void obtainPair()
    {
        const HttpResult result
            = m_server->post(QStringLiteral("/api/token/"),
                             { { "username", "client_username" }, { "password", "client_password" } });
        QCOMPARE(result.status, 200);
        const QJsonObject body = result.object();
        QCOMPARE(body.keys(), QStringList({ "access", "refresh" }));
        QVERIFY(body.value("access").toString().count(QLatin1Char('.')) == 2);
        // simplejwt's claims.
        const QByteArray payload = QByteArray::fromBase64(
            body.value("access").toString().section('.', 1, 1).toLatin1(), QByteArray::Base64UrlEncoding);
        const QJsonObject claims = QJsonDocument::fromJson(payload).object();
        QCOMPARE(claims.value("token_type").toString(), QStringLiteral("access"));
        QCOMPARE(claims.value("user_id").toInteger(), 5);
        QVERIFY(claims.contains("jti"));
        QCOMPARE(claims.value("exp").toInteger() - claims.value("iat").toInteger(), 300);
    }

    void wrongCredentials_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password") << "client_username"
                                        << "nope-nope";
        QTest::newRow("unknown user") << "nobody_here"
                                      << "client_password";
    }

    void wrongCredentials()
    {
        QFETCH(QString, username);
        QFETCH(QString, password);
        const HttpResult result = m_server->post(QStringLiteral("/api/token/"),
                                                 { { "username", username }, { "password", password } });
        QCOMPARE(result.status, 401);
        QCOMPARE(result.errorCode(), QStringLiteral("authentication_failed"));
        QVERIFY(!result.object().value("error").toObject().value("message").toString().isEmpty());
    }

    void badTokenRequests_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("missing password") << QByteArray(R"({"username":"client_username"})") << "password";
        QTest::newRow("missing username") << QByteArray(R"({"password":"x"})") << "username";
        QTest::newRow("number as username") << QByteArray(R"({"username":5,"password":"x"})") << "username";
        QTest::newRow("blank username") << QByteArray(R"({"username":"  ","password":"x"})") << "username";
        QTest::newRow("malformed json") << QByteArray(R"({"username":)") << QString();
        QTest::newRow("array body") << QByteArray(R"([1,2])") << QString();
        QTest::newRow("empty body") << QByteArray() << QString();
    }

    void badTokenRequests()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult result = m_server->send("POST", QStringLiteral("/api/token/"), body, {},
                                                 { { "Content-Type", "application/json" } });
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorCode(), QStringLiteral("invalid_request"));
        if (!field.isEmpty()) {
            const QJsonObject details = result.object().value("error").toObject().value("details").toObject();
            QVERIFY2(details.value(field).isArray(), result.body.constData());
        }
    }

    void refreshRotates()
    {
        const HttpResult first
            = m_server->post(QStringLiteral("/api/token/"),
                             { { "username", "client_username" }, { "password", "client_password" } });
        const QString refresh = first.object().value("refresh").toString();
        const HttpResult rotated
            = m_server->post(QStringLiteral("/api/token/refresh/"), { { "refresh", refresh } });
        QCOMPARE(rotated.status, 200);
        QVERIFY(!rotated.object().value("access").toString().isEmpty());
        QVERIFY(!rotated.object().value("refresh").toString().isEmpty());
        QVERIFY(rotated.object().value("refresh").toString() != refresh);
        QCOMPARE(m_server
                     ->get(QStringLiteral("/api/portal/profile/"),
                           rotated.object().value("access").toString().toUtf8())
                     .status,
                 200);

        // The used refresh token is blacklisted.
        const HttpResult reused
            = m_server->post(QStringLiteral("/api/token/refresh/"), { { "refresh", refresh } });
        QCOMPARE(reused.status, 401);
        QCOMPARE(reused.errorCode(), QStringLiteral("token_not_valid"));
        // The new one works once.
        QCOMPARE(m_server
                     ->post(QStringLiteral("/api/token/refresh/"),
                            { { "refresh", rotated.object().value("refresh") } })
                     .status,
                 200);
    }

    void refreshRefusesWrongTokens()
    {
        const QByteArray access = m_server->clientToken();
        QCOMPARE(
            m_server
                ->post(QStringLiteral("/api/token/refresh/"), { { "refresh", QString::fromUtf8(access) } })
                .status,
            401);
        QCOMPARE(m_server->post(QStringLiteral("/api/token/refresh/"), { { "refresh", "garbage" } }).status,
                 401);
        QCOMPARE(m_server->post(QStringLiteral("/api/token/refresh/"), { { "refresh", 12 } }).status, 400);
        QCOMPARE(m_server->post(QStringLiteral("/api/token/refresh/"), {}).status, 400);
    }

    void gateRefuses_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QString>("code");
        QTest::newRow("none") << QByteArray() << "not_authenticated";
        QTest::newRow("basic") << QByteArray("Basic dXNlcjpwYXNz") << "not_authenticated";
        QTest::newRow("bearer alone") << QByteArray("Bearer") << "not_authenticated";
        QTest::newRow("garbage") << QByteArray("Bearer abc.def.ghi") << "token_not_valid";
        // {"alg":"none"} with the claims of user 5: must never pass.
        QTest::newRow("alg none") << QByteArray(
            "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0."
            "eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwidXNlcl9pZCI6NSwiZXhwIjo0MTAyNDQ0ODAwLCJqdGkiOiJ4In0.")
                                  << "token_not_valid";
    }

    void gateRefuses()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(QString, code);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!authorization.isEmpty())
            headers.append({ "Authorization", authorization });
        const HttpResult result = m_server->get(QStringLiteral("/api/portal/cases/"), {}, headers);
        QCOMPARE(result.status, 401);
        QCOMPARE(result.errorCode(), code);
        QVERIFY(result.header("WWW-Authenticate").startsWith("Bearer"));
    }

    void refreshTokenIsNoAccessToken()
    {
        const HttpResult pair
            = m_server->post(QStringLiteral("/api/token/"),
                             { { "username", "client_username" }, { "password", "client_password" } });
        const QByteArray refresh = pair.object().value("refresh").toString().toUtf8();
        QCOMPARE(m_server->get(QStringLiteral("/api/portal/cases/"), refresh).status, 401);
    }

    void forgedSignatureRefused()
    {
        auth::Jwt forger(QByteArray(64, 'x'));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QByteArray token = forger.sign({ { "token_type", "access" },
                                               { "user_id", 5 },
                                               { "jti", "f" },
                                               { "iat", now.toSecsSinceEpoch() },
                                               { "exp", now.toSecsSinceEpoch() + 300 } });
        QCOMPARE(m_server->get(QStringLiteral("/api/portal/cases/"), token).status, 401);
    }

    void attorneyGetsForbidden()
    {
        const QByteArray token = m_server->attorneyToken();
        QVERIFY(!token.isEmpty());
        for (const char *path :
             { "/api/portal/profile/", "/api/portal/cases/", "/api/portal/cases/1/", "/api/portal/messages/",
               "/api/portal/documents/", "/api/portal/documents/1/download/", "/api/portal/tasks/",
               "/api/portal/notifications/" }) {
            const HttpResult result = m_server->get(QString::fromLatin1(path), token);
            QCOMPARE(result.status, 403);
            QCOMPARE(result.errorCode(), QStringLiteral("permission_denied"));
        }
        QCOMPARE(
            m_server->post(QStringLiteral("/api/portal/messages/1/"), { { "content", "hi" } }, token).status,
            403);
    }

    void disabledUserLosesAccess()
    {
        TestServer server;
        const QByteArray token = server.clientToken();
        QCOMPARE(server.get(QStringLiteral("/api/portal/cases/"), token).status, 200);
        auto user = server.server().store().users().byName(QStringLiteral("client_username"));
        QVERIFY(user.ok());
        QVERIFY(server.server().store().users().setActive(user->id, false).ok());
        QCOMPARE(server.get(QStringLiteral("/api/portal/cases/"), token).status, 401);
        QVERIFY(
            server.signIn(QStringLiteral("client_username"), QStringLiteral("client_password")).isEmpty());
    }

    void loginThrottle()
    {
        TestServer server;
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(server
                         .post(QStringLiteral("/api/token/"),
                               { { "username", "other_client" }, { "password", "wrong-wrong" } })
                         .status,
                     401);
        }
        const HttpResult throttled
            = server.post(QStringLiteral("/api/token/"),
                          { { "username", "other_client" }, { "password", "other_password" } });
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.errorCode(), QStringLiteral("throttled"));
        QVERIFY(throttled.header("Retry-After").toInt() > 0);
        // Another user name from the same address is not locked out by it.
        QVERIFY(!server.clientToken().isEmpty());
    }

    void throttleCountsTheAddressBehindATrustedProxy()
    {
        TestServer server([](server::ServerOptions &options) {
            options.loginThrottle.perAddress = 3;
            options.trustedProxies = { QHostAddress(QHostAddress::LocalHost) };
        });
        const auto attempt = [&](const QByteArray &forwardedFor, const QString &username) {
            return failedSignIn(server, forwardedFor, username);
        };
        // Three failures from one client behind the proxy (the client's own claim comes first).
        for (const char *name : { "a1", "a2", "a3" })
            QCOMPARE(attempt("10.9.9.9, 203.0.113.7", QString::fromLatin1(name)), 401);
        QCOMPARE(attempt("203.0.113.7", QStringLiteral("a4")), 429);
        // Another client behind the same proxy is not locked out.
        QCOMPARE(attempt("198.51.100.2", QStringLiteral("b1")), 401);
    }

    void untrustedForwardedForIsIgnored()
    {
        TestServer server([](server::ServerOptions &options) { options.loginThrottle.perAddress = 3; });
        const auto attempt = [&](const QByteArray &forwardedFor, const QString &username) {
            return failedSignIn(server, forwardedFor, username);
        };
        for (const char *name : { "a1", "a2", "a3" })
            QCOMPARE(attempt("203.0.113.7", QString::fromLatin1(name)), 401);
        QCOMPARE(attempt("198.51.100.2", QStringLiteral("b1")), 429); // a claimed address changes nothing
    }

    void rateLimitHeaders()
    {
        const QByteArray token = m_server->otherClientToken();
        const HttpResult first = m_server->get(QStringLiteral("/api/portal/cases/"), token);
        const HttpResult second = m_server->get(QStringLiteral("/api/portal/cases/"), token);
        QCOMPARE(first.header("X-RateLimit-Limit"), QByteArray("100"));
        QCOMPARE(second.header("X-RateLimit-Remaining").toInt(),
                 first.header("X-RateLimit-Remaining").toInt() - 1);
        const qint64 reset = first.header("X-RateLimit-Reset").toLongLong();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVERIFY2(reset > now - 1 && reset <= now + 3600, first.header("X-RateLimit-Reset").constData());
        // Errors of authenticated callers carry them too.
        QVERIFY(!m_server->get(QStringLiteral("/api/portal/cases/999/"), token)
                     .header("X-RateLimit-Remaining")
                     .isEmpty());
    }

    void rateLimitRefuses()
    {
        TestServer server(
            [](server::ServerOptions &options) { options.rateLimits = *auth::RateLimits::parse("3/1000"); });
        const QByteArray token = server.clientToken();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(server.get(QStringLiteral("/api/portal/cases/"), token).status, 200);
        const HttpResult refused = server.get(QStringLiteral("/api/portal/cases/"), token);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.errorCode(), QStringLiteral("throttled"));
        QVERIFY(refused.header("Retry-After").toInt() >= 1);
        QVERIFY(refused.header("Retry-After").toInt() <= 60);
        QCOMPARE(refused.header("X-RateLimit-Remaining"), QByteArray("0"));
        // Per user: another client is not affected.
        QCOMPARE(server.get(QStringLiteral("/api/portal/cases/"), server.otherClientToken()).status, 200);
    }

    void rateLimitOff()
    {
        TestServer server(
            [](server::ServerOptions &options) { options.rateLimits = *auth::RateLimits::parse("off"); });
        const HttpResult result = server.get(QStringLiteral("/api/portal/cases/"), server.clientToken());
        QCOMPARE(result.status, 200);
        QVERIFY(result.header("X-RateLimit-Limit").isEmpty());
    }

private:
    std::unique_ptr<TestServer> m_server;
};

QTEST_GUILESS_MAIN(ServerAuthTest)
#include "tst_server_auth.moc"
