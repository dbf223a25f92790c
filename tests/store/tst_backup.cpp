// Backups of a store and their restore: a backup taken with a write transaction open elsewhere holds the
// committed state only; a restore gives back every row and document byte; damaged, newer or misplaced
// backups are refused without leaving anything behind.
#include "StoreBackup.h"
#include "StoreTestSupport.h"

#include <QJsonObject>
#include <QtTest>

using namespace portal::store;
using namespace portal::store::test;

class BackupTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoStore> m_demo;
    std::unique_ptr<QTemporaryDir> m_scratch; // a fresh one for each test

    QString scratch(const QString &name) const { return m_scratch->filePath(name); }

private slots:
    void init()
    {
        auto demo = openDemoStore();
        QVERIFY_OK(demo);
        m_demo = demo.take();
        m_scratch = std::make_unique<QTemporaryDir>();
        QFile key(QDir(m_demo->dir.path()).filePath(QStringLiteral("signing.key")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(QByteArray(64, 'k'));
    }
    void cleanup()
    {
        m_demo.reset();
        m_scratch.reset();
    }

    void backupAndRestoreGiveEverythingBack()
    {
        const auto before = rowCounts(*m_demo->store);
        const auto backedUp = backupStore(m_demo->dir.path(), scratch("backup"));
        QVERIFY_OK(backedUp);
        QCOMPARE(backedUp->kind, BackupKind::Sqlite);
        QCOMPARE(backedUp->schemaVersion, Store::schemaVersion());
        QCOMPARE(backedUp->documents, before.value("documents"));
        QVERIFY(backedUp->documentBytes > 0);
        // Password hashes, webhook secrets and the signing key: nobody else's to read.
        QCOMPARE(QFileInfo(scratch("backup")).permissions()
                     & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        const auto restored = restoreStore(scratch("backup"), scratch("restored"));
        QVERIFY_OK(restored);
        auto store = Store::open(scratch("restored"));
        QVERIFY_OK(store);
        QCOMPARE(rowCounts(**store), before);
        QCOMPARE(documentFiles(**store), documentFiles(*m_demo->store));
        for (const QString &name : documentFiles(**store))
            QCOMPARE(fileBytes(QDir(layout::documentsDir(scratch("restored"))).filePath(name)),
                     fileBytes(QDir(layout::documentsDir(m_demo->dir.path())).filePath(name)));
        const QString key = QDir(scratch("restored")).filePath(QStringLiteral("signing.key"));
        QCOMPARE(fileBytes(key), QByteArray(64, 'k'));
        QCOMPARE(QFile::permissions(key) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        QVERIFY(!QFileInfo::exists(QDir(scratch("restored")).filePath(QStringLiteral(".restoring"))));
    }

    void backupWhileAnotherConnectionWrites()
    {
        // Another connection (the serving process) is in the middle of a write.
        auto writer = Store::open(m_demo->dir.path());
        QVERIFY_OK(writer);
        auto transaction = (*writer)->database().begin(Database::Access::Write);
        QVERIFY_OK(transaction);
        QVERIFY_OK((*writer)->database().exec(QStringLiteral("DELETE FROM notifications")));

        const auto backedUp = backupStore(m_demo->dir.path(), scratch("during"));
        QVERIFY_OK(backedUp);
        QVERIFY_OK(transaction->commit());

        QVERIFY_OK(restoreStore(scratch("during"), scratch("restored")));
        auto store = Store::open(scratch("restored"));
        QVERIFY_OK(store);
        QVERIFY(rowCount(**store, "notifications") > 0); // the uncommitted delete is not in the backup
        QCOMPARE(rowCount(*m_demo->store, "notifications"), 0);
    }

    void refusals()
    {
        QVERIFY(!backupStore(scratch("nothing-here"), scratch("b1")).ok());
        QVERIFY(!QFileInfo::exists(scratch("b1")));
        QDir().mkpath(scratch("busy"));
        QFile(scratch("busy/file")).open(QIODevice::WriteOnly);
        QVERIFY(!backupStore(m_demo->dir.path(), scratch("busy")).ok());

        QVERIFY_OK(backupStore(m_demo->dir.path(), scratch("backup")));
        // Into a folder that holds a store already.
        QVERIFY(!restoreStore(scratch("backup"), m_demo->dir.path()).ok());
        // Not a backup.
        QVERIFY(!restoreStore(scratch("busy"), scratch("r1")).ok());
        QVERIFY(!QFileInfo::exists(layout::databaseFile(scratch("r1"))));
    }

    void damagedDocumentIsRefused()
    {
        QVERIFY_OK(backupStore(m_demo->dir.path(), scratch("backup")));
        const QString documents = layout::documentsDir(scratch("backup"));
        const QString victim = QDir(documents).filePath(QDir(documents).entryList(QDir::Files).first());
        QByteArray bytes = fileBytes(victim);
        bytes[0] = char(bytes[0] ^ 0x20); // same size, other content
        QFile file(victim);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();

        const auto restored = restoreStore(scratch("backup"), scratch("restored"));
        QVERIFY(!restored.ok());
        QVERIFY2(restored.error().message.contains("SHA-256"), qPrintable(restored.error().message));
        QVERIFY(!QFileInfo::exists(scratch("restored"))); // the restore made the folder, and took it away
    }

    void newerBackupIsRefused()
    {
        QVERIFY_OK(backupStore(m_demo->dir.path(), scratch("backup")));
        QFile manifest(QDir(scratch("backup")).filePath(QStringLiteral("backup.json")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(manifest.readAll()).object();
        manifest.close();
        json.insert(QStringLiteral("schema_version"), Store::schemaVersion() + 1);
        QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
        manifest.write(QJsonDocument(json).toJson());
        manifest.close();
        const auto restored = restoreStore(scratch("backup"), scratch("restored"));
        QVERIFY(!restored.ok());
        QVERIFY(restored.error().message.contains("newer"));
    }
};

QTEST_GUILESS_MAIN(BackupTest)
#include "tst_backup.moc"
