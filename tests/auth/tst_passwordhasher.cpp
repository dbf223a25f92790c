// Argon2id password hashes: right and wrong passwords, salting, the stored format, and the dummy check.
#include "PasswordHasher.h"

#include <QElapsedTimer>
#include <QTest>

using namespace portal::auth;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void rightPasswordVerifies()
    {
        const QByteArray hash = hashPassword(QStringLiteral("correct horse battery staple"));
        QVERIFY(verifyPassword(hash, QStringLiteral("correct horse battery staple")));
    }

    void wrongPasswordFails()
    {
        const QByteArray hash = hashPassword(QStringLiteral("correct horse battery staple"));
        QVERIFY(!verifyPassword(hash, QStringLiteral("correct horse battery stapl")));
        QVERIFY(!verifyPassword(hash, QStringLiteral("Correct horse battery staple")));
        QVERIFY(!verifyPassword(hash, QString()));
    }

    void nonAsciiPasswordsAreUtf8()
    {
        const QString password = QStringLiteral("pässwörd-密码-🔑");
        const QByteArray hash = hashPassword(password);
        QVERIFY(verifyPassword(hash, password));
        QVERIFY(!verifyPassword(hash, QStringLiteral("passwörd-密码-🔑")));
    }

    void hashesAreSalted()
    {
        const QByteArray first = hashPassword(QStringLiteral("secret"));
        const QByteArray second = hashPassword(QStringLiteral("secret"));
        QVERIFY(first != second);
        QVERIFY(verifyPassword(first, QStringLiteral("secret")));
        QVERIFY(verifyPassword(second, QStringLiteral("secret")));
    }

    void hashIsArgon2idInLibsodiumFormat()
    {
        const QByteArray hash = hashPassword(QStringLiteral("secret"));
        QVERIFY2(hash.startsWith("$argon2id$v=19$m="), hash.left(20).constData());
        QVERIFY(!hash.contains("secret"));
    }

    void emptyPasswordIsStillHashed()
    {
        const QByteArray hash = hashPassword(QString());
        QVERIFY(verifyPassword(hash, QString()));
        QVERIFY(!verifyPassword(hash, QStringLiteral(" ")));
    }

    void foreignOrDamagedHashesNeverVerify()
    {
        const QByteArray hash = hashPassword(QStringLiteral("secret"));
        QVERIFY(!verifyPassword(QByteArray(), QStringLiteral("secret")));
        QVERIFY(!verifyPassword(hash.left(hash.size() - 2), QStringLiteral("secret")));
        QVERIFY(!verifyPassword(QByteArray(300, 'x'), QStringLiteral("secret")));
        QVERIFY(!verifyPassword("pbkdf2_sha256$600000$salt$abc=", QStringLiteral("secret")));
        QVERIFY(!verifyPassword("secret", QStringLiteral("secret")));
    }

    void dummyVerificationCostsAboutAsMuchAsARealOne()
    {
        const QByteArray hash = hashPassword(QStringLiteral("secret"));
        verifyAgainstDummy(QStringLiteral("warm-up")); // the first call also makes the dummy hash

        QElapsedTimer timer;
        timer.start();
        QVERIFY(!verifyPassword(hash, QStringLiteral("guess")));
        const qint64 real = timer.restart();
        verifyAgainstDummy(QStringLiteral("guess"));
        const qint64 dummy = timer.elapsed();
        // Loose bound: a shared machine is noisy, but skipping the work would be orders of magnitude off.
        QVERIFY2(dummy * 10 >= real,
                 qPrintable(QStringLiteral("real %1 ms, dummy %2 ms").arg(real).arg(dummy)));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
