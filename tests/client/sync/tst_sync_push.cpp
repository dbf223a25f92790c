// The push channel: with the server's push on, a staff reply reaches the cache without the timer (set to
// hours); on a server without it (documentOnly) the listener gives up and the timer's polling still works.
#include "SyncTesting.h"

#include <QtTest>

using namespace portal;
using namespace portal::testing;
using client::SyncEngine;

class SyncPushTest : public QObject
{
    Q_OBJECT

    static bool hasMessage(client::ClientCache &cache, qint64 threadId, const QString &content)
    {
        const auto messages = cache.messages(threadId);
        return messages.ok() && !messages->isEmpty() && messages->last().content == content;
    }

private slots:
    void aStaffReplyArrivesThroughPush()
    {
        TestServer server;
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));
        SyncAccount account(server);
        QVERIFY(account.isValid());
        SyncEngine &engine = *account.engine;
        engine.setInterval(3 * 60 * 60 * 1000);
        engine.setPushEnabled(true);
        QSignalSpy finished(&engine, &SyncEngine::syncFinished);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        QVERIFY(engine.pushListener());
        QTRY_VERIFY_WITH_TIMEOUT(engine.pushListener()->isConnected(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!engine.isSyncing(), 30000);

        const int notificationsBefore = int(account.cache->notifications()->size());
        QVERIFY(staffReply(server, 1, "Pushed to you at once."));
        QTRY_VERIFY_WITH_TIMEOUT(hasMessage(*account.cache, 1, "Pushed to you at once."), 30000);
        QVERIFY(account.cache->notifications()->size() > notificationsBefore);
        QVERIFY(engine.pushListener()->isConnected());
    }

    void withoutPushTheListenerGivesUpAndPollingWorks()
    {
        TestServer server([](server::ServerOptions &options) {
            options.features = server::ServerFeatures::documentOnly();
        });
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));
        SyncAccount account(server);
        QVERIFY(account.isValid());
        SyncEngine &engine = *account.engine;
        engine.setInterval(300);
        engine.setPushEnabled(true);
        engine.start();
        QVERIFY(engine.pushListener());
        QTRY_VERIFY_WITH_TIMEOUT(engine.pushListener()->hasGivenUp(), 30000);
        QVERIFY(!engine.pushListener()->isConnected());

        QVERIFY(staffReply(server, 1, "Found by polling."));
        QTRY_VERIFY_WITH_TIMEOUT(hasMessage(*account.cache, 1, "Found by polling."), 30000);
        QCOMPARE(engine.method(), SyncEngine::Method::Lists);
        // It does not try the channel again for this session.
        engine.pushListener()->start();
        QVERIFY(engine.pushListener()->hasGivenUp());
        QVERIFY(!engine.pushListener()->isConnected());
    }
};

QTEST_GUILESS_MAIN(SyncPushTest)
#include "tst_sync_push.moc"
