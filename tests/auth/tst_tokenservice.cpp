// Access and refresh tokens: issuing, verifying, rotation with the blacklist, types, and expiry.
#include "Store.h"
#include "TokenService.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace portal;
using namespace portal::auth;

Q_DECLARE_METATYPE(portal::auth::TokenService::Failure)

namespace {

// The store's blacklist, in memory: add() answers Conflict for a jti it already holds, as the store must.
class MemoryBlacklist : public store::TokenBlacklist
{
public:
    QSet<QString> jtis;
    QHash<QString, QDateTime> expiries;
    bool failing = false; // every call fails as a broken database would

    store::Result<store::Done> add(const QString &jti, const QDateTime &expiresAt) override
    {
        if (failing)
            return store::StoreError::failure(QStringLiteral("database is locked"));
        if (jtis.contains(jti))
            return store::StoreError { store::StoreError::Kind::Conflict,
                                       QStringLiteral("Already used."),
                                       {} };
        jtis.insert(jti);
        expiries.insert(jti, expiresAt);
        return store::Done {};
    }
    store::Result<bool> contains(const QString &jti) override { return jtis.contains(jti); }
    store::Result<store::Done> purgeExpired(const QDateTime &) override { return store::Done {}; }
};

const QByteArray Key = QByteArray(64, 'k');
const QDateTime Start = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);

// Valid access-token claims at Start, for tests that change one of them.
QJsonObject accessClaims()
{
    return { { QStringLiteral("token_type"), QStringLiteral("access") },
             { QStringLiteral("exp"), Start.toSecsSinceEpoch() + 60 },
             { QStringLiteral("jti"), QStringLiteral("0123456789abcdef0123456789abcdef") },
             { QStringLiteral("user_id"), 42 } };
}

QJsonObject with(const QString &key, const QJsonValue &value)
{
    QJsonObject claims = accessClaims();
    claims.insert(key, value);
    return claims;
}

QJsonObject without(const QString &key)
{
    QJsonObject claims = accessClaims();
    claims.remove(key);
    return claims;
}

QJsonObject claimsOf(const QString &token)
{
    const QByteArray payload = token.toLatin1().split('.').value(1);
    return QJsonDocument::fromJson(QByteArray::fromBase64(payload, QByteArray::Base64UrlEncoding)).object();
}

} // namespace

class TestTokenService : public QObject
{
    Q_OBJECT

private:
    MemoryBlacklist m_blacklist;
    QDateTime m_now;
    std::optional<TokenService> m_tokens;

private slots:
    void init()
    {
        m_blacklist = {};
        m_now = Start;
        m_tokens.emplace(Key, m_blacklist, TokenLifetimes {}, [this] { return m_now; });
    }

    void issuedTokensCarrySimplejwtClaims()
    {
        const api::TokenPair pair = m_tokens->issue(42);
        const QJsonObject access = claimsOf(pair.access);
        const QJsonObject refresh = claimsOf(pair.refresh);

        QCOMPARE(access.value(QStringLiteral("token_type")).toString(), QStringLiteral("access"));
        QCOMPARE(refresh.value(QStringLiteral("token_type")).toString(), QStringLiteral("refresh"));
        for (const QJsonObject &claims : { access, refresh }) {
            QCOMPARE(claims.size(), 5);
            QCOMPARE(claims.value(QStringLiteral("user_id")).toInteger(-1), 42);
            QCOMPARE(claims.value(QStringLiteral("iat")).toInteger(-1), Start.toSecsSinceEpoch());
            const QString jti = claims.value(QStringLiteral("jti")).toString();
            QCOMPARE(jti.size(), 32);
            QVERIFY(QByteArray::fromHex(jti.toLatin1()).toHex() == jti.toLatin1());
        }
        QCOMPARE(access.value(QStringLiteral("exp")).toInteger(), Start.toSecsSinceEpoch() + 5 * 60);
        QCOMPARE(refresh.value(QStringLiteral("exp")).toInteger(), Start.toSecsSinceEpoch() + 24 * 60 * 60);
        QVERIFY(access.value(QStringLiteral("jti")) != refresh.value(QStringLiteral("jti")));
        // Integers in the JSON text, not 1.7e9: other implementations read these claims too.
        QVERIFY(QByteArray::fromBase64(pair.access.toLatin1().split('.').at(1), QByteArray::Base64UrlEncoding)
                    .contains("\"iat\":1700000000,"));
    }

    void jtisAreUnique()
    {
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const api::TokenPair pair = m_tokens->issue(1);
            seen.insert(claimsOf(pair.access).value(QStringLiteral("jti")).toString());
            seen.insert(claimsOf(pair.refresh).value(QStringLiteral("jti")).toString());
        }
        QCOMPARE(seen.size(), 400);
    }

    void accessTokenVerifies()
    {
        const api::TokenPair pair = m_tokens->issue(42);
        QCOMPARE(m_tokens->verifyAccess(pair.access.toLatin1()), std::optional<qint64>(42));
    }

    void accessTokenExpiresAfterFiveMinutes()
    {
        const QByteArray access = m_tokens->issue(42).access.toLatin1();
        m_now = Start.addSecs(5 * 60 - 1);
        QVERIFY(m_tokens->verifyAccess(access));
        m_now = Start.addSecs(5 * 60);
        TokenService::Failure failure = TokenService::Failure::Invalid;
        QVERIFY(!m_tokens->verifyAccess(access, &failure));
        QCOMPARE(failure, TokenService::Failure::Expired);
    }

    void refreshTokenIsNotAnAccessToken()
    {
        TokenService::Failure failure = TokenService::Failure::Invalid;
        QVERIFY(!m_tokens->verifyAccess(m_tokens->issue(42).refresh.toLatin1(), &failure));
        QCOMPARE(failure, TokenService::Failure::WrongType);
    }

    void accessTokenIsNotARefreshToken()
    {
        TokenService::Failure failure = TokenService::Failure::Invalid;
        qint64 userId = -1;
        QVERIFY(!m_tokens->refresh(m_tokens->issue(42).access.toLatin1(), &userId, &failure));
        QCOMPARE(failure, TokenService::Failure::WrongType);
        QCOMPARE(userId, -1);
        QVERIFY(m_blacklist.jtis.isEmpty());
    }

    void refreshRotates()
    {
        const api::TokenPair first = m_tokens->issue(42);
        m_now = Start.addSecs(60);
        qint64 userId = 0;
        const std::optional<api::TokenPair> second = m_tokens->refresh(first.refresh.toLatin1(), &userId);
        QVERIFY(second);
        QCOMPARE(userId, 42);
        QVERIFY(second->access != first.access);
        QVERIFY(second->refresh != first.refresh);
        QCOMPARE(m_tokens->verifyAccess(second->access.toLatin1()), std::optional<qint64>(42));

        // The used token is blacklisted until it would have expired anyway.
        const QString usedJti = claimsOf(first.refresh).value(QStringLiteral("jti")).toString();
        QVERIFY(m_blacklist.jtis.contains(usedJti));
        QCOMPARE(m_blacklist.expiries.value(usedJti), Start.addSecs(24 * 60 * 60));

        QVERIFY(m_tokens->refresh(second->refresh.toLatin1(), &userId)); // the new one works in turn
    }

    void refreshTokenWorksOnce()
    {
        const QByteArray refresh = m_tokens->issue(42).refresh.toLatin1();
        qint64 userId = 0;
        QVERIFY(m_tokens->refresh(refresh, &userId));

        TokenService::Failure failure = TokenService::Failure::Invalid;
        QVERIFY(!m_tokens->refresh(refresh, &userId, &failure));
        QCOMPARE(failure, TokenService::Failure::Blacklisted);
    }

    void refreshTokenExpiresAfterADay()
    {
        const QByteArray refresh = m_tokens->issue(42).refresh.toLatin1();
        m_now = Start.addDays(1);
        TokenService::Failure failure = TokenService::Failure::Invalid;
        qint64 userId = 0;
        QVERIFY(!m_tokens->refresh(refresh, &userId, &failure));
        QCOMPARE(failure, TokenService::Failure::Expired);
        QVERIFY(m_blacklist.jtis.isEmpty());
    }

    void storeFailureIsReported()
    {
        const QByteArray refresh = m_tokens->issue(42).refresh.toLatin1();
        m_blacklist.failing = true;
        QTest::ignoreMessage(QtWarningMsg, "Cannot blacklist a refresh token: database is locked");
        TokenService::Failure failure = TokenService::Failure::Invalid;
        qint64 userId = 0;
        QVERIFY(!m_tokens->refresh(refresh, &userId, &failure));
        QCOMPARE(failure, TokenService::Failure::StoreFailure);

        m_blacklist.failing = false; // nothing was used up: the same token works once the store is back
        QVERIFY(m_tokens->refresh(refresh, &userId));
    }

    void userIdPointerIsOptional()
    {
        QVERIFY(m_tokens->refresh(m_tokens->issue(42).refresh.toLatin1(), nullptr));
    }

    void tokensOfAnotherKeyAreInvalid()
    {
        MemoryBlacklist otherBlacklist;
        const TokenService other(QByteArray(64, 'x'), otherBlacklist, {}, [this] { return m_now; });
        const api::TokenPair pair = other.issue(42);
        TokenService::Failure failure = TokenService::Failure::Expired;
        QVERIFY(!m_tokens->verifyAccess(pair.access.toLatin1(), &failure));
        QCOMPARE(failure, TokenService::Failure::Invalid);
        QVERIFY(!m_tokens->refresh(pair.refresh.toLatin1(), nullptr, &failure));
        QCOMPARE(failure, TokenService::Failure::Invalid);
    }

    void garbageIsInvalid_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("words") << QByteArray("not a token");
        QTest::newRow("dots") << QByteArray("a.b.c");
    }

    void garbageIsInvalid()
    {
        QFETCH(QByteArray, token);
        TokenService::Failure failure = TokenService::Failure::Expired;
        QVERIFY(!m_tokens->verifyAccess(token, &failure));
        QCOMPARE(failure, TokenService::Failure::Invalid);
    }

    void handMadeAccessTokenVerifies()
    {
        // The base of the cases below is valid, so each of them fails for its one change.
        QCOMPARE(m_tokens->verifyAccess(Jwt(Key).sign(accessClaims())), std::optional<qint64>(42));
    }

    void claimsWeRelyOnAreChecked_data()
    {
        QTest::addColumn<QJsonObject>("claims");
        QTest::addColumn<TokenService::Failure>("expected");
        QTest::newRow("no type") << without(QStringLiteral("token_type")) << TokenService::Failure::Invalid;
        QTest::newRow("type not text")
            << with(QStringLiteral("token_type"), 1) << TokenService::Failure::Invalid;
        QTest::newRow("other type") << with(QStringLiteral("token_type"), QStringLiteral("sliding"))
                                    << TokenService::Failure::WrongType;
        QTest::newRow("no user") << without(QStringLiteral("user_id")) << TokenService::Failure::Invalid;
        QTest::newRow("user as text")
            << with(QStringLiteral("user_id"), QStringLiteral("42")) << TokenService::Failure::Invalid;
        QTest::newRow("fractional user")
            << with(QStringLiteral("user_id"), 42.5) << TokenService::Failure::Invalid;
        QTest::newRow("no jti") << without(QStringLiteral("jti")) << TokenService::Failure::Invalid;
        QTest::newRow("expired") << with(QStringLiteral("exp"), Start.toSecsSinceEpoch())
                                 << TokenService::Failure::Expired;
    }

    void claimsWeRelyOnAreChecked()
    {
        QFETCH(QJsonObject, claims);
        QFETCH(TokenService::Failure, expected);
        TokenService::Failure failure = TokenService::Failure::Blacklisted;
        QVERIFY(!m_tokens->verifyAccess(Jwt(Key).sign(claims), &failure));
        QCOMPARE(failure, expected);
    }

    void acceptsASimplejwtStyleTokenMadeElsewhere()
    {
        // See tst_jwt: made with Python, header keys in simplejwt's order, expires in 2100.
        const QByteArray token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9."
                                 "eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwiZXhwIjo0MTAyNDQ0ODAwLCJpYXQiOjE1MTYyMzkwMjI"
                                 "sImp0aSI6IjAxMjM0NTY3"
                                 "ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmIiwidXNlcl9pZCI6NX0."
                                 "yWfG8ZJL5mohzLeq8OiI0g5KN4qM-Vgd93yGDNXsKpI";
        const TokenService tokens(QByteArray("your-256-bit-secret"), m_blacklist); // the real clock
        QCOMPARE(tokens.verifyAccess(token), std::optional<qint64>(5));
    }

    void defaultClockIsUtcNow()
    {
        const TokenService tokens(Key, m_blacklist);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QDateTime now = tokens.now();
        QVERIFY(now >= before.addSecs(-1) && now <= QDateTime::currentDateTimeUtc());
        QCOMPARE(now.timeSpec(), Qt::UTC);
    }

    void customLifetimes()
    {
        const TokenService tokens(Key, m_blacklist, TokenLifetimes { 30, 120 }, [this] { return m_now; });
        const api::TokenPair pair = tokens.issue(7);
        QCOMPARE(claimsOf(pair.access).value(QStringLiteral("exp")).toInteger(),
                 Start.toSecsSinceEpoch() + 30);
        QCOMPARE(claimsOf(pair.refresh).value(QStringLiteral("exp")).toInteger(),
                 Start.toSecsSinceEpoch() + 120);
    }
};

QTEST_GUILESS_MAIN(TestTokenService)
#include "tst_tokenservice.moc"
