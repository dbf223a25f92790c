// The sync engine on the delta path against a real portal-server: a full sync into an empty cache equals
// the server's lists; staff changes come with the next sync in one request; reads waiting in the outbox
// stay read.
#include "SyncTesting.h"

#include <QtTest>

using namespace portal;
using namespace portal::testing;
using client::SyncEngine;

class SyncDeltaTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<SyncAccount> m_account;
    QByteArray m_token;

    void compareWithServer()
    {
        client::ClientCache &cache = *m_account->cache;
        const QJsonArray cases = m_server->get("/api/portal/cases/", m_token).array();
        const auto cachedCases = cache.cases();
        QVERIFY(cachedCases.ok());
        QCOMPARE(cachedCases->size(), cases.size());
        for (const QJsonValue &value : cases) {
            const auto cached = cache.caseById(value["id"].toInteger());
            QVERIFY(cached.ok() && cached->has_value());
            QCOMPARE((*cached)->summary.title, value["title"].toString());
            QCOMPARE((*cached)->summary.status, value["status"].toString());
        }
        const QJsonArray threads = m_server->get("/api/portal/messages/", m_token).array();
        const auto cachedThreads = cache.threads();
        QCOMPARE(cachedThreads->size(), threads.size());
        const QHash<qint64, int> messageCounts = serverMessageCounts(*m_server, m_token);
        for (const QJsonValue &value : threads) {
            const qint64 id = value["id"].toInteger();
            const auto cached = cache.thread(id);
            QVERIFY(cached->has_value());
            QCOMPARE((*cached)->subject, value["subject"].toString());
            QCOMPARE((*cached)->unreadCount, value["unread_count"].toInt());
            QCOMPARE(cache.messages(id)->size(), messageCounts.value(id));
        }
        QCOMPARE(cache.documents()->size(), m_server->get("/api/portal/documents/", m_token).array().size());
        QCOMPARE(cache.tasks()->size(), m_server->get("/api/portal/tasks/", m_token).array().size());
        const QJsonArray notifications = m_server->get("/api/portal/notifications/", m_token).array();
        QCOMPARE(cache.notifications()->size(), notifications.size());
        const auto profile = cache.profile();
        QVERIFY(profile->has_value());
        QCOMPARE((*profile)->user.username, QStringLiteral("client_username"));
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->errorString()));
        m_account = std::make_unique<SyncAccount>(*m_server);
        QVERIFY2(m_account->isValid(), qPrintable(m_account->errorString()));
        m_token = m_server->clientToken();
    }

    void cleanup()
    {
        m_account.reset();
        m_server.reset();
    }

    void fullSyncEqualsTheServer()
    {
        SyncEngine &engine = *m_account->engine;
        QSignalSpy states(&engine, &SyncEngine::stateChanged);
        QVERIFY(syncOnce(engine));
        QCOMPARE(engine.method(), SyncEngine::Method::Delta);
        QCOMPARE(engine.state(), SyncEngine::State::Idle);
        QVERIFY(engine.lastSyncedAt().isValid());
        QVERIFY(!engine.lastError().isError());
        QVERIFY(states.count() >= 2); // syncing, then idle
        QCOMPARE(m_account->network.count("/api/portal/sync/"), 1);
        QCOMPARE(m_account->network.total(), 1);
        compareWithServer();
        // The delta carries the assigned attorney.
        const auto contract = m_account->cache->caseById(1);
        QVERIFY((*contract)->assignedAttorney.has_value());
        QCOMPARE((*contract)->assignedAttorney->name, QStringLiteral("Jane Smith"));
        QVERIFY(m_account->cache->syncValue(client::SyncKeys::deltaCursor)->has_value());
    }

    void smallPagesGiveTheSameCache()
    {
        SyncEngine &engine = *m_account->engine;
        engine.setPageLimit(3);
        QVERIFY(syncOnce(engine));
        QVERIFY(m_account->network.count("/api/portal/sync/") > 3);
        compareWithServer();
    }

    void secondSyncBringsExactlyTheChanges()
    {
        SyncEngine &engine = *m_account->engine;
        QVERIFY(syncOnce(engine));
        const auto before = m_account->cache->syncValue(client::SyncKeys::deltaCursor);

        QVERIFY(staffReply(*m_server, 1, "The clauses in section 4 are fine."));
        QVERIFY(staffTask(*m_server, 1, "Sign the settlement"));
        QVERIFY(staffPatchCase(*m_server, 2, { { "status", "CLOSED" } }));
        QVERIFY(staffUpload(*m_server, 1, "Settlement draft", "draft text"));

        QSignalSpy changed(m_account->cache.get(), &client::ClientCache::changed);
        m_account->network.reset();
        QVERIFY(syncOnce(engine));
        QCOMPARE(m_account->network.total(), 1); // one page
        QCOMPARE(changed.count(), 1); // one transaction
        QVERIFY(*m_account->cache->syncValue(client::SyncKeys::deltaCursor) != *before);

        const auto messages = m_account->cache->messages(1);
        QCOMPARE(messages->last().content, QStringLiteral("The clauses in section 4 are fine."));
        QVERIFY(!messages->last().isRead);
        bool task = false;
        const auto tasks = m_account->cache->tasks();
        for (const api::Task &t : *tasks)
            task |= t.title == QLatin1String("Sign the settlement");
        QVERIFY(task);
        QCOMPARE((*m_account->cache->caseById(2))->summary.status, QStringLiteral("CLOSED"));
        bool document = false;
        const auto documents = m_account->cache->documents();
        for (const api::Document &d : *documents)
            document |= d.title == QLatin1String("Settlement draft");
        QVERIFY(document);
        compareWithServer();

        // Nothing changed: one request, nothing written but the cursor.
        m_account->network.reset();
        QVERIFY(syncOnce(engine));
        QCOMPARE(m_account->network.total(), 1);
    }

    void readsWaitingInTheOutboxStayRead()
    {
        SyncEngine &engine = *m_account->engine;
        QVERIFY(syncOnce(engine));
        QVERIFY((*m_account->cache->thread(1))->unreadCount > 0);
        // The person opens thread 1 and dismisses notification 1 while the outbox has not sent the reads.
        auto marked = m_account->cache->apply([](client::CacheWriter &writer) {
            writer.markThreadRead(1);
            writer.enqueue(client::OutboxRequest::markThreadRead(1));
            writer.markNotificationRead(1);
            writer.enqueue(client::OutboxRequest::markNotificationRead(1));
        });
        QVERIFY(marked.ok());
        // The server still has them unread, and a new message makes the thread come again.
        QVERIFY(staffReply(*m_server, 1, "One more thing."));
        QVERIFY(syncOnce(engine));
        QCOMPARE((*m_account->cache->thread(1))->unreadCount, 0);
        const auto notifications = m_account->cache->notifications();
        for (const api::Notification &n : *notifications) {
            if (n.id == 1)
                QVERIFY(n.isRead);
        }
        // Once the outbox has sent them (items gone), the server's state is the truth again.
        const auto items = m_account->cache->outbox().items();
        for (const auto &item : *items)
            QVERIFY(m_account->cache->outbox().remove(item.id).ok());
        QVERIFY(staffReply(*m_server, 1, "And another."));
        QVERIFY(syncOnce(engine));
        QVERIFY((*m_account->cache->thread(1))->unreadCount > 0);
    }

    void aRequestDuringASyncRunsOneMore()
    {
        SyncEngine &engine = *m_account->engine;
        QSignalSpy finished(&engine, &SyncEngine::syncFinished);
        engine.syncNow();
        engine.syncNow();
        engine.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QTest::qWait(200);
        QCOMPARE(finished.count(), 2);
        QCOMPARE(m_account->network.count("/api/portal/sync/"), 2);
    }
};

QTEST_GUILESS_MAIN(SyncDeltaTest)
#include "tst_sync_delta.moc"
