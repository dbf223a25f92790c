// CredentialStore against a real Secret Service (gnome-keyring on a private D-Bus session, as scripts/test
// starts it; skipped when none answers), and, with PORTAL_EXPECT_NO_KEYRING=1 and no bus, the proof that
// "no keyring" is KeyringUnavailable and that nothing lands in a plain file.
#include "CredentialStore.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace portal::net;

class CredentialsTest : public QObject
{
    Q_OBJECT

    const QUrl m_server { QStringLiteral("https://portal.example.com/") };
    const QString m_user = QStringLiteral("client_username");
    QTemporaryDir m_home;

    static bool expectNoKeyring() { return qEnvironmentVariableIntValue("PORTAL_EXPECT_NO_KEYRING") == 1; }

    CredentialResult wait(const std::function<void(CredentialStore &, CredentialStore::Callback)> &call)
    {
        CredentialStore store;
        std::optional<CredentialResult> result;
        call(store, [&result](const CredentialResult &r) { result = r; });
        QDeadlineTimer deadline(30000);
        while (!result && !deadline.hasExpired())
            QTest::qWait(10);
        return result.value_or(
            CredentialResult { CredentialResult::Status::Failed, {}, QStringLiteral("no answer") });
    }

    CredentialResult write(const StoredCredentials &credentials)
    {
        return wait([&](CredentialStore &store, CredentialStore::Callback done) {
            store.write(m_server, m_user, credentials, this, done);
        });
    }
    CredentialResult read()
    {
        return wait([&](CredentialStore &store, CredentialStore::Callback done) {
            store.read(m_server, m_user, this, done);
        });
    }
    CredentialResult remove()
    {
        return wait([&](CredentialStore &store, CredentialStore::Callback done) {
            store.remove(m_server, m_user, this, done);
        });
    }

    // Whether `secret` appears in any file under `dir`.
    static bool appearsIn(const QString &dir, const QByteArray &secret)
    {
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
                return true;
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        if (expectNoKeyring()) {
            // Any fallback would write below HOME or the XDG folders: point them where we can look.
            qputenv("HOME", m_home.path().toLocal8Bit());
            qputenv("XDG_CONFIG_HOME", (m_home.path() + QStringLiteral("/config")).toLocal8Bit());
            qputenv("XDG_DATA_HOME", (m_home.path() + QStringLiteral("/data")).toLocal8Bit());
        }
    }

    void keyNamesServerAndUser()
    {
        QCOMPARE(CredentialStore::serviceName(), QStringLiteral("Client Portal"));
        QCOMPARE(
            CredentialStore::key(QUrl(QStringLiteral("https://portal.example.com/")), QStringLiteral("ann")),
            QStringLiteral("https://portal.example.com|ann"));
        QCOMPARE(CredentialStore::key(QUrl(QStringLiteral("https://bob:pw@portal.example.com:8443/x/")),
                                      QStringLiteral("ann")),
                 QStringLiteral("https://portal.example.com:8443/x|ann"));
    }

    void noKeyringIsSaidAndNothingIsWritten()
    {
        if (!expectNoKeyring())
            QSKIP("runs as tst_net_credentials_nokeyring, without a session bus");
        const QByteArray secret = "refresh-token-that-must-not-land-in-a-file";
        const CredentialResult written
            = write({ QString::fromLatin1(secret), QStringLiteral("pw-secret-xyz") });
        QVERIFY2(written.status == CredentialResult::Status::KeyringUnavailable, qPrintable(written.message));
        QVERIFY(!written.message.isEmpty());
        QCOMPARE(read().status, CredentialResult::Status::KeyringUnavailable);
        QVERIFY(!appearsIn(m_home.path(), secret));
        QVERIFY(!appearsIn(m_home.path(), "pw-secret-xyz"));
    }

    void roundTripInTheKeyring()
    {
        if (expectNoKeyring())
            QSKIP("no keyring in this run");
        const CredentialResult written = write({ QStringLiteral("refresh-1"), QString() });
        if (written.status == CredentialResult::Status::KeyringUnavailable)
            QSKIP(qPrintable(QStringLiteral("no Secret Service here: %1").arg(written.message)));
        QVERIFY2(written.ok(), qPrintable(written.message));

        CredentialResult back = read();
        QVERIFY2(back.ok(), qPrintable(back.message));
        QCOMPARE(back.credentials, (StoredCredentials { QStringLiteral("refresh-1"), QString() }));

        // A rotated refresh token with "remember me" replaces the entry.
        QVERIFY(write({ QStringLiteral("refresh-2"), QStringLiteral("client_password") }).ok());
        back = read();
        QVERIFY(back.ok());
        QCOMPARE(back.credentials,
                 (StoredCredentials { QStringLiteral("refresh-2"), QStringLiteral("client_password") }));

        // Sign-out deletes it; deleting again is fine.
        QVERIFY2(remove().ok(), qPrintable(remove().message));
        QCOMPARE(read().status, CredentialResult::Status::NotFound);
        QVERIFY(remove().ok());
    }
};

QTEST_GUILESS_MAIN(CredentialsTest)
#include "tst_net_credentials.moc"
