// HS256 JWTs: round trips, tokens made elsewhere, every kind of rejection, and the signing key file.
#include "Jwt.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace portal::auth;

Q_DECLARE_METATYPE(portal::auth::Jwt::Failure)

namespace {

const QByteArray JwtIoSecret = "your-256-bit-secret";
// jwt.io's published sample: HS256 over {"sub":"1234567890","name":"John Doe","iat":1516239022}, no "exp".
const QByteArray JwtIoSample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                               "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
                               "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
// Made with Python's hmac and base64 modules, keys in simplejwt's order rather than Qt's:
// {"typ":"JWT","alg":"HS256"} . {"token_type":"access","exp":4102444800,"iat":1516239022,
// "jti":"0123456789abcdef0123456789abcdef","user_id":5}, secret "your-256-bit-secret".
const QByteArray ForeignToken
    = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9."
      "eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwiZXhwIjo0MTAyNDQ0ODAwLCJpYXQiOjE1MTYyMzkwMjIsImp0aSI6IjAxMjM0NTY3ODlh"
      "YmNkZWYwMTIzNDU2Nzg5YWJjZGVmIiwidXNlcl9pZCI6NX0."
      "yWfG8ZJL5mohzLeq8OiI0g5KN4qM-Vgd93yGDNXsKpI";
constexpr qint64 ForeignExp = 4102444800; // 2100-01-01

QDateTime at(qint64 epochSeconds)
{
    return QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC);
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A token with any header and payload text, correctly signed with `key`: what an attacker who somehow
// controls the header would send.
QByteArray forge(const QByteArray &headerJson, const QByteArray &payloadJson, const QByteArray &key)
{
    const QByteArray input = base64Url(headerJson) + '.' + base64Url(payloadJson);
    return input + '.' + base64Url(QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256));
}

QByteArray part(const QByteArray &token, int index)
{
    return token.split('.').at(index);
}

QByteArray withPart(const QByteArray &token, int index, const QByteArray &replacement)
{
    QList<QByteArray> parts = token.split('.');
    parts[index] = replacement;
    return parts.join('.');
}

} // namespace

class TestJwt : public QObject
{
    Q_OBJECT

private:
    const Jwt m_jwt { JwtIoSecret };
    const QDateTime m_now = at(1700000000);
    const QJsonObject m_claims { { QStringLiteral("user_id"), 5 }, { QStringLiteral("exp"), 1700000300 } };

    void expectFailure(const QByteArray &token, Jwt::Failure expected, const QDateTime &now)
    {
        Jwt::Failure failure = Jwt::Failure::Malformed;
        const std::optional<QJsonObject> claims = m_jwt.verify(token, now, &failure);
        QVERIFY(!claims);
        QCOMPARE(failure, expected);
    }

private slots:
    void signVerifyRoundTrip()
    {
        const QByteArray token = m_jwt.sign(m_claims);
        QCOMPARE(token.count('.'), 2);
        const std::optional<QJsonObject> claims = m_jwt.verify(token, m_now);
        QVERIFY(claims);
        QCOMPARE(*claims, m_claims);
        QVERIFY(m_jwt.verify(token, m_now, nullptr)); // the failure pointer is optional
    }

    void signProducesTheExpectedBytes()
    {
        // Computed independently (Python); Qt writes object keys sorted, as here.
        const QJsonObject claims { { QStringLiteral("exp"), ForeignExp }, { QStringLiteral("user_id"), 5 } };
        QCOMPARE(m_jwt.sign(claims),
                 QByteArray("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjQxMDI0NDQ4MDAsInVzZXJfaWQiOjV9."
                            "WgWXq5uDQKsh2tCmp9wSZmgBLAw-p072tN5C_-bRXCo"));
    }

    void headerIsCompactHs256()
    {
        const QByteArray header
            = QByteArray::fromBase64(part(m_jwt.sign(m_claims), 0), QByteArray::Base64UrlEncoding);
        QCOMPARE(header, QByteArray(R"({"alg":"HS256","typ":"JWT"})"));
        QVERIFY(!m_jwt.sign(m_claims).contains('='));
    }

    void acceptsATokenMadeElsewhere()
    {
        const std::optional<QJsonObject> claims = m_jwt.verify(ForeignToken, at(1516239022));
        QVERIFY(claims);
        QCOMPARE(claims->value(QStringLiteral("user_id")).toInteger(), 5);
        QCOMPARE(claims->value(QStringLiteral("jti")).toString(),
                 QStringLiteral("0123456789abcdef0123456789abcdef"));
        expectFailure(ForeignToken, Jwt::Failure::Expired, at(ForeignExp));
    }

    void jwtIoSampleSignatureChecksOut()
    {
        // Its signature is right, so the check goes on to the claims, where the missing "exp" is refused...
        expectFailure(JwtIoSample, Jwt::Failure::Malformed, m_now);
        // ...while with any other key the signature itself fails.
        const Jwt other(QByteArray("another-secret"));
        Jwt::Failure failure = Jwt::Failure::Malformed;
        QVERIFY(!other.verify(JwtIoSample, m_now, &failure));
        QCOMPARE(failure, Jwt::Failure::BadSignature);
    }

    void tamperedPayloadFails()
    {
        const QByteArray token = m_jwt.sign(m_claims);
        QJsonObject claims = m_claims;
        claims[QStringLiteral("user_id")] = 6;
        const QByteArray otherPayload = part(m_jwt.sign(claims), 1);
        expectFailure(withPart(token, 1, otherPayload), Jwt::Failure::BadSignature, m_now);
    }

    void tamperedSignatureFails()
    {
        const QByteArray token = m_jwt.sign(m_claims);
        QByteArray signature = QByteArray::fromBase64(part(token, 2), QByteArray::Base64UrlEncoding);
        signature[0] = char(signature[0] ^ 1);
        expectFailure(withPart(token, 2, base64Url(signature)), Jwt::Failure::BadSignature, m_now);
        expectFailure(withPart(token, 2, base64Url(signature.left(31))), Jwt::Failure::BadSignature, m_now);
        expectFailure(withPart(token, 2, QByteArray()), Jwt::Failure::BadSignature, m_now);
    }

    void otherKeyFails()
    {
        const QByteArray token = Jwt(QByteArray("another-secret")).sign(m_claims);
        expectFailure(token, Jwt::Failure::BadSignature, m_now);
    }

    void onlyHs256IsAccepted_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("none") << QByteArray(R"({"alg":"none","typ":"JWT"})");
        QTest::newRow("RS256") << QByteArray(R"({"alg":"RS256","typ":"JWT"})");
        QTest::newRow("HS512") << QByteArray(R"({"alg":"HS512","typ":"JWT"})");
        QTest::newRow("lower case") << QByteArray(R"({"alg":"hs256","typ":"JWT"})");
        QTest::newRow("trailing space") << QByteArray(R"({"alg":"HS256 ","typ":"JWT"})");
        QTest::newRow("missing") << QByteArray(R"({"typ":"JWT"})");
        QTest::newRow("null") << QByteArray(R"({"alg":null})");
        QTest::newRow("number") << QByteArray(R"({"alg":256})");
        QTest::newRow("array") << QByteArray(R"({"alg":["HS256"]})");
    }

    void onlyHs256IsAccepted()
    {
        QFETCH(QByteArray, header);
        // Signed correctly with our key, so only the header can be the reason.
        const QByteArray token = forge(header, R"({"exp":1700000300,"user_id":5})", JwtIoSecret);
        expectFailure(token, Jwt::Failure::BadAlgorithm, m_now);
    }

    void unsignedNoneTokenFails()
    {
        const QByteArray token
            = base64Url(R"({"alg":"none"})") + '.' + base64Url(R"({"exp":1700000300,"user_id":5})") + '.';
        expectFailure(token, Jwt::Failure::BadAlgorithm, m_now);
    }

    void expiry_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<bool>("valid");
        QTest::newRow("long before") << qint64(1600000000) << true;
        QTest::newRow("a second before") << qint64(1700000299) << true;
        QTest::newRow("at exp") << qint64(1700000300) << false;
        QTest::newRow("after") << qint64(1700000301) << false;
    }

    void expiry()
    {
        QFETCH(qint64, now);
        QFETCH(bool, valid);
        const QByteArray token = m_jwt.sign(m_claims);
        if (valid)
            QVERIFY(m_jwt.verify(token, at(now)));
        else
            expectFailure(token, Jwt::Failure::Expired, at(now));
    }

    void badTimeClaimsAreMalformed_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("no exp") << QByteArray(R"({"user_id":5})");
        QTest::newRow("exp as text") << QByteArray(R"({"exp":"1700000300"})");
        QTest::newRow("exp null") << QByteArray(R"({"exp":null})");
        QTest::newRow("iat as text") << QByteArray(R"({"exp":1700000300,"iat":"yesterday"})");
    }

    void badTimeClaimsAreMalformed()
    {
        QFETCH(QByteArray, payload);
        expectFailure(forge(R"({"alg":"HS256","typ":"JWT"})", payload, JwtIoSecret), Jwt::Failure::Malformed,
                      m_now);
    }

    void malformedInputsAreRefused_data()
    {
        const QByteArray good = Jwt(JwtIoSecret).sign({ { QStringLiteral("exp"), 1700000300 } });
        const QByteArray header = part(good, 0);
        const QByteArray payload = part(good, 1);
        const QByteArray signature = part(good, 2);
        const QByteArray hs256 = R"({"alg":"HS256"})";

        QTest::addColumn<QByteArray>("token");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("dots only") << QByteArray("..");
        QTest::newRow("one part") << header;
        QTest::newRow("two parts") << header + '.' + payload;
        QTest::newRow("four parts") << good + '.' + signature;
        QTest::newRow("bad base64 header") << "e$J." + payload + '.' + signature;
        QTest::newRow("bad base64 payload") << header + ".ey*J." + signature;
        QTest::newRow("bad base64 signature") << header + '.' + payload + ".abc!def";
        QTest::newRow("standard base64 alphabet") << header + '.' + payload + ".ab+/cd";
        QTest::newRow("padding") << header + '.' + payload + '.' + signature + '=';
        QTest::newRow("header not JSON") << base64Url("HS256") + '.' + payload + '.' + signature;
        QTest::newRow("header an array") << base64Url(R"(["HS256"])") + '.' + payload + '.' + signature;
        QTest::newRow("header a string") << base64Url(R"("HS256")") + '.' + payload + '.' + signature;
        QTest::newRow("payload not JSON") << forge(hs256, "exp=1700000300", JwtIoSecret);
        QTest::newRow("payload an array") << forge(hs256, "[1700000300]", JwtIoSecret);
        QTest::newRow("payload a number") << forge(hs256, "1700000300", JwtIoSecret);
        QTest::newRow("payload empty") << forge(hs256, "", JwtIoSecret);
        QTest::newRow("binary") << QByteArray("\0\xff.\0.\x80", 6);
        const QJsonObject padded { { QStringLiteral("exp"), 1700000300 },
                                   { QStringLiteral("pad"), QString(9000, u'a') } };
        QTest::newRow("huge") << forge(hs256, QJsonDocument(padded).toJson(QJsonDocument::Compact),
                                       JwtIoSecret);
    }

    void malformedInputsAreRefused()
    {
        QFETCH(QByteArray, token);
        expectFailure(token, Jwt::Failure::Malformed, m_now);
    }

    void signingKeyIsCreatedPrivate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const QByteArray key = loadOrCreateSigningKey(dir.path(), &error);
        QVERIFY2(!key.isEmpty(), qPrintable(error));
        QCOMPARE(key.size(), 64);

        const QString path = dir.filePath(QStringLiteral("signing.key"));
        const QFileDevice::Permissions permissions = QFile::permissions(path);
        QVERIFY(permissions.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        const QFileDevice::Permissions othersOrExecute = QFileDevice::ExeOwner | QFileDevice::ReadGroup
            | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
            | QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(permissions & othersOrExecute, QFileDevice::Permissions());
        struct stat info;
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), key);
    }

    void signingKeyIsPrivateWhateverTheUmask()
    {
        QTemporaryDir dir;
        const mode_t previous = ::umask(0); // the most permissive: new files would be 0666
        const QByteArray key = loadOrCreateSigningKey(dir.path());
        ::umask(previous);
        QCOMPARE(key.size(), 64);
        struct stat info;
        QCOMPARE(::stat(QFile::encodeName(dir.filePath(QStringLiteral("signing.key"))).constData(), &info),
                 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
    }

    void signingKeyIsReused()
    {
        QTemporaryDir dir;
        const QByteArray first = loadOrCreateSigningKey(dir.path());
        const QByteArray second = loadOrCreateSigningKey(dir.path());
        QCOMPARE(second, first);

        QTemporaryDir otherDir;
        QVERIFY(loadOrCreateSigningKey(otherDir.path()) != first); // random, not derived from anything
    }

    void signingKeyFolderIsMadeWhenMissing()
    {
        QTemporaryDir dir;
        const QString nested = dir.filePath(QStringLiteral("data/server"));
        QString error;
        QCOMPARE(loadOrCreateSigningKey(nested, &error).size(), 64);
        QVERIFY(QFile::exists(nested + QStringLiteral("/signing.key")));
    }

    void wrongSizedKeyIsRefusedNotReplaced_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("short") << QByteArray(32, 'k');
        QTest::newRow("long") << QByteArray(65, 'k');
    }

    void wrongSizedKeyIsRefusedNotReplaced()
    {
        QFETCH(QByteArray, contents);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("signing.key"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
        file.close();

        QString error;
        QVERIFY(loadOrCreateSigningKey(dir.path(), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("signing.key")));
        QVERIFY(QFile::exists(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), contents); // left as it was for the operator to look at
    }

    void unreadableKeyIsAnError()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("signing.key"))); // a folder where the file should be
        QString error;
        QVERIFY(loadOrCreateSigningKey(dir.path(), &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
