// Where an account's cache lives (AccountPaths) and the records of downloaded document files.
#include "AccountPaths.h"
#include "CacheTestSupport.h"

#include <QDir>
#include <QFile>

using namespace portal;
using namespace portal::client;
using namespace portal::client::testing;

class TestCacheFiles : public QObject
{
    Q_OBJECT

private slots:
    void accountFoldersAreStableAndDistinct()
    {
        const QString base = QStringLiteral("/data");
        const AccountPaths a(base, QUrl(QStringLiteral("https://portal.example.com")),
                             QStringLiteral("client_username"));
        const AccountPaths same(base, QUrl(QStringLiteral("HTTPS://Portal.Example.com:443/")),
                                QStringLiteral("client_username"));
        const AccountPaths otherUser(base, QUrl(QStringLiteral("https://portal.example.com")),
                                     QStringLiteral("other_client"));
        const AccountPaths otherServer(base, QUrl(QStringLiteral("https://portal.example.com:8443")),
                                       QStringLiteral("client_username"));
        QCOMPARE(a.accountDir(), same.accountDir());
        QVERIFY(a.accountDir() != otherUser.accountDir());
        QVERIFY(a.accountDir() != otherServer.accountDir());
        QVERIFY(
            a.accountDir().startsWith(QStringLiteral("/data/accounts/portal.example.com-client_username-")));
        QCOMPARE(a.databasePath(), a.accountDir() + QStringLiteral("/cache.sqlite"));
        QCOMPARE(a.filesDir(), a.accountDir() + QStringLiteral("/files"));
        // The value is fixed: a change would lose every user's cache.
        QCOMPARE(AccountPaths::folderName(QUrl(QStringLiteral("https://portal.example.com")),
                                          QStringLiteral("client_username")),
                 QFileInfo(a.accountDir()).fileName());

        // Names that are not file-system friendly stay inside the folder.
        const AccountPaths odd(base, QUrl(QStringLiteral("http://127.0.0.1:8000/api")),
                               QStringLiteral("../../évil/name"));
        QVERIFY(odd.accountDir().startsWith(QStringLiteral("/data/accounts/")));
        QVERIFY(!QFileInfo(odd.accountDir()).fileName().contains(u'/'));
        QVERIFY(!odd.accountDir().contains(QStringLiteral("..")));
        QVERIFY(a.documentFilePath(7, QStringLiteral("../../etc/passwd")).startsWith(a.filesDir() + u'/'));
        QVERIFY(a.documentFilePath(7, QStringLiteral("Contract v2.pdf"))
                    .endsWith(QStringLiteral("/7-Contract_v2.pdf")));
    }

    void createsTheAccountFolders()
    {
        QTemporaryDir dir;
        const AccountPaths paths(dir.path(), QUrl(QStringLiteral("http://127.0.0.1:8000")),
                                 QStringLiteral("u"));
        QVERIFY(paths.create());
        QVERIFY(QFileInfo(paths.filesDir()).isDir());
        auto cache = openCache(paths.databasePath());
        QVERIFY(cache);
        QVERIFY(!AccountPaths::defaultBaseDir().isEmpty());
    }

    void downloadedFilesOpenOffline()
    {
        QTemporaryDir dir;
        const AccountPaths paths(dir.path(), QUrl(QStringLiteral("http://127.0.0.1:8000")),
                                 QStringLiteral("u"));
        QVERIFY(paths.create());
        auto cache = openCache(paths.databasePath());
        QVERIFY(cache);
        QVERIFY(fillExample(*cache));
        auto &files = cache->documentFiles();

        QCOMPARE(*files.localFile(1), std::nullopt); // never downloaded
        const QString path = paths.documentFilePath(1, QStringLiteral("contract.pdf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(1000, 'p'));
        file.close();
        QVERIFY(files.record({ 1, path, 1000, QStringLiteral("\"e1\""), {}, {} }));
        QCOMPARE(*files.localFile(1), std::optional<QString>(path));
        const auto record = files.find(1)->value();
        QCOMPARE(record.etag, QStringLiteral("\"e1\""));
        QVERIFY(record.downloadedAt.isValid());

        // A file that changed size or vanished is not trusted.
        QVERIFY(file.open(QIODevice::Append));
        file.write("x");
        file.close();
        QCOMPARE(*files.localFile(1), std::nullopt);
        QFile::remove(path);
        QCOMPARE(*files.localFile(1), std::nullopt);

        // A record needs its document, and goes with it.
        auto orphan = files.record({ 999, path, 1, {}, {}, {} });
        QVERIFY(!orphan);
        QCOMPARE_NAME(orphan.error().kind, CacheError::Kind::Constraint);
        QVERIFY(files.record({ 2, path, 1, {}, {}, {} }));
        QVERIFY(cache->apply([](CacheWriter &w) { w.deleteDocuments({ 2 }); }));
        QVERIFY(!files.find(2)->has_value());
        QVERIFY(files.forget(1));
        QVERIFY(!files.find(1)->has_value());
    }
};

QTEST_GUILESS_MAIN(TestCacheFiles)
#include "tst_cachefiles.moc"
