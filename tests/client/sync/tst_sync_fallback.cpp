// The sync engine against a plain server of the API document (ServerFeatures::documentOnly(): no delta
// endpoint, no ETags, no mark_read, no push): the lists and changed threads' details give the same cache
// as the delta; unchanged threads are not fetched again; unread state survives the server marking fetched
// threads read.
#include "SyncTesting.h"

#include <QtTest>

using namespace portal;
using namespace portal::testing;
using client::SyncEngine;

class SyncFallbackTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<SyncAccount> m_account;
    QByteArray m_token;

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>([](server::ServerOptions &options) {
            options.features = server::ServerFeatures::documentOnly();
        });
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

    void sameCacheAsTheDelta()
    {
        // What the server says before the fallback's thread fetches mark everything read.
        const QJsonArray threads = m_server->get("/api/portal/messages/", m_token).array();
        QHash<qint64, int> unreadBefore;
        for (const QJsonValue &t : threads)
            unreadBefore.insert(t["id"].toInteger(), t["unread_count"].toInt());
        QVERIFY(unreadBefore.value(1) > 0);

        SyncEngine &engine = *m_account->engine;
        QVERIFY(syncOnce(engine));
        QCOMPARE(engine.method(), SyncEngine::Method::Lists);
        QCOMPARE(m_account->network.count("/api/portal/sync/"), 1); // asked once

        // The same contents as a delta sync of the same data on a full server.
        TestServer full;
        SyncAccount reference(full);
        QVERIFY(syncOnce(*reference.engine));
        QCOMPARE(reference.engine->method(), SyncEngine::Method::Delta);
        client::ClientCache &mine = *m_account->cache;
        client::ClientCache &theirs = *reference.cache;
        QCOMPARE(*mine.profile(), *theirs.profile());
        QCOMPARE(*mine.cases(), *theirs.cases()); // with the attorneys, from the case details
        QCOMPARE(mine.threads()->size(), theirs.threads()->size());
        const auto theirThreads = theirs.threads();
        for (const client::ThreadSummary &summary : *theirThreads) {
            const auto thread = mine.thread(summary.thread.id);
            QVERIFY(thread->has_value());
            QCOMPARE((*thread)->subject, summary.thread.subject);
            QCOMPARE((*thread)->updatedAt, summary.thread.updatedAt);
            // Unread before the fetch stays unread, though the plain server marked the thread read.
            QCOMPARE((*thread)->unreadCount, unreadBefore.value(summary.thread.id));
            QCOMPARE(*mine.messages(summary.thread.id), *theirs.messages(summary.thread.id));
        }
        QCOMPARE(*mine.documents(), *theirs.documents());
        QCOMPARE(*mine.tasks(), *theirs.tasks());
        QCOMPARE(*mine.notifications(), *theirs.notifications());
        QCOMPARE(*mine.unreadTotals(), *theirs.unreadTotals());
        // The plain server did mark it read (which is why the cache keeps its own count).
        for (const QJsonValue &t : m_server->get("/api/portal/messages/", m_token).array()) {
            if (t["id"].toInteger() == 1)
                QCOMPARE(t["unread_count"].toInt(), 0);
        }
    }

    void onlyChangedThreadsAreFetchedAgain()
    {
        SyncEngine &engine = *m_account->engine;
        QVERIFY(syncOnce(engine));
        const int threadCount = int(m_account->cache->threads()->size());
        QVERIFY(threadCount >= 2);

        // Nothing changed: the six lists, no details, and the delta endpoint is not asked again.
        m_account->network.reset();
        QVERIFY(syncOnce(engine));
        QCOMPARE(m_account->network.count("/api/portal/sync/"), 0);
        QCOMPARE(m_account->network.total(), 6);

        // A reply in thread 2 and a change of case 2: exactly those details.
        QVERIFY(staffReply(*m_server, 2, "Here is the document you asked for."));
        QVERIFY(staffPatchCase(*m_server, 2, { { "status", "CLOSED" } }));
        m_account->network.reset();
        QVERIFY(syncOnce(engine));
        QCOMPARE(m_account->network.count("/api/portal/messages/2/"), 1);
        QCOMPARE(m_account->network.count("/api/portal/messages/1/"), 0);
        QCOMPARE(m_account->network.count("/api/portal/cases/2/"), 1);
        QCOMPARE(m_account->network.count("/api/portal/cases/1/"), 0);
        QCOMPARE(m_account->network.total(), 8);
        const auto messages = m_account->cache->messages(2);
        QCOMPARE(messages->last().content, QStringLiteral("Here is the document you asked for."));
        QVERIFY(!messages->last().isRead); // new, from the attorney: unread, as the list said
        QVERIFY((*m_account->cache->thread(2))->unreadCount >= 1);
        QCOMPARE((*m_account->cache->caseById(2))->summary.status, QStringLiteral("CLOSED"));
    }

    void theOpenedThreadJumpsTheQueue()
    {
        SyncEngine &engine = *m_account->engine;
        QVERIFY(syncOnce(engine));
        QVERIFY(staffReply(*m_server, 1, "Urgent: please call me."));
        m_account->network.reset();
        engine.fetchThreadNow(1);
        QTRY_COMPARE_WITH_TIMEOUT(m_account->cache->messages(1)->last().content,
                                  QStringLiteral("Urgent: please call me."), 30000);
        QCOMPARE(m_account->network.count("/api/portal/messages/1/"), 1);
        QCOMPARE(m_account->network.total(), 1);
    }

    void aFailedListLeavesTheCacheAsItWas()
    {
        SyncEngine &engine = *m_account->engine;
        QVERIFY(syncOnce(engine));
        const auto casesBefore = *m_account->cache->cases();
        QVERIFY(staffPatchCase(*m_server, 1, { { "status", "CLOSED" } }));
        // The tasks list goes to a port where nothing listens.
        m_account->network.setRewrite([](QNetworkRequest &request) {
            if (request.url().path() == QLatin1String("/api/portal/tasks/")) {
                QUrl url = request.url();
                url.setPort(1);
                request.setUrl(url);
            }
        });
        QSignalSpy errors(&engine, &SyncEngine::lastErrorChanged);
        QVERIFY(!syncOnce(engine));
        QCOMPARE(engine.lastError().kind, net::NetError::Kind::Unreachable);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(*m_account->cache->cases(), casesBefore);
    }
};

QTEST_GUILESS_MAIN(SyncFallbackTest)
#include "tst_sync_fallback.moc"
