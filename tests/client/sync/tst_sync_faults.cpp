// Faults a real server will not produce on demand, through FakeNetwork: a 500 or a dropped connection on a
// later page of a run leaves the cache and its cursor as they were; working offline sends nothing, and
// going online again syncs at once.
#include "FakeNetwork.h"
#include "SyncTesting.h"

#include <QtTest>

using namespace portal;
using namespace portal::testing;
using client::SyncEngine;

namespace {

api::Case makeCase(qint64 id, const QString &title)
{
    api::Case c;
    c.id = id;
    c.title = title;
    c.caseNumber = QStringLiteral("C-%1").arg(id);
    c.status = QStringLiteral("OPEN");
    c.openDate = QDate(2023, 1, 1);
    c.caseType = QStringLiteral("CIVIL");
    return c;
}

QByteArray page(const QString &cursor, bool hasMore, const QList<api::Case> &cases)
{
    api::SyncPage p;
    p.cursor = cursor;
    p.hasMore = hasMore;
    for (const api::Case &c : cases)
        p.cases.append({ c, std::nullopt });
    return QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact);
}

} // namespace

class SyncFaultsTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeNetwork> m_network;
    std::unique_ptr<net::Session> m_session;
    std::unique_ptr<client::ClientCache> m_cache;
    std::unique_ptr<SyncEngine> m_engine;
    QTemporaryDir m_dir;
    int m_cacheNumber = 0;

    QString since(const FakeRequest &request)
    {
        return QUrlQuery(request.request.url()).queryItemValue(QStringLiteral("since"));
    }

    // A first sync that stores case 1 "Original" and cursor c1.
    void syncTheOriginal()
    {
        m_network->setHandler([](const FakeRequest &) {
            return FakeAnswer::json(200, page("c1", false, { makeCase(1, "Original") }));
        });
        QVERIFY(syncOnce(*m_engine));
        QCOMPARE((*m_cache->caseById(1))->summary.title, QStringLiteral("Original"));
    }

    void expectTheOriginal()
    {
        QCOMPARE((*m_cache->caseById(1))->summary.title, QStringLiteral("Original"));
        QVERIFY(!m_cache->caseById(2)->has_value());
        QCOMPARE(**m_cache->syncValue(client::SyncKeys::deltaCursor), QStringLiteral("c1"));
    }

private slots:
    void init()
    {
        m_network
            = std::make_unique<FakeNetwork>([](const FakeRequest &) { return FakeAnswer::json(404, "{}"); });
        m_session = std::make_unique<net::Session>(QUrl("http://portal.test"), m_network.get());
        m_session->adoptTokens("client_username", api::TokenPair { "access", "refresh" });
        m_session->connectivity()->setProbeIntervals(10, 50);
        auto cache
            = client::ClientCache::open(m_dir.filePath(QString("cache%1.sqlite").arg(++m_cacheNumber)));
        QVERIFY(cache.ok());
        m_cache = cache.take();
        m_engine = std::make_unique<SyncEngine>(*m_session, *m_cache);
        m_engine->setPushEnabled(false);
    }

    void cleanup()
    {
        m_engine.reset();
        m_cache.reset();
        m_session.reset();
        m_network.reset();
    }

    void serverErrorMidRunLeavesThePreviousState()
    {
        syncTheOriginal();
        m_network->setHandler([this](const FakeRequest &request) {
            if (since(request) == QLatin1String("c1"))
                return FakeAnswer::json(200,
                                        page("c2", true, { makeCase(1, "Changed"), makeCase(2, "New") }));
            return FakeAnswer::json(500, R"({"error":{"code":"server_error","message":"Boom."}})");
        });
        QVERIFY(!syncOnce(*m_engine));
        QCOMPARE(m_engine->lastError().kind, net::NetError::Kind::Http);
        QCOMPARE(m_engine->lastError().httpStatus, 500);
        QCOMPARE(m_engine->state(), SyncEngine::State::Idle);
        expectTheOriginal();
        // The next run starts again from c1 and completes.
        m_network->setHandler([this](const FakeRequest &request) {
            if (since(request) == QLatin1String("c1"))
                return FakeAnswer::json(200,
                                        page("c2", true, { makeCase(1, "Changed"), makeCase(2, "New") }));
            return FakeAnswer::json(200, page("c3", false, {}));
        });
        QSignalSpy errors(m_engine.get(), &SyncEngine::lastErrorChanged);
        QVERIFY(syncOnce(*m_engine));
        QCOMPARE(errors.count(), 1); // cleared
        QCOMPARE((*m_cache->caseById(1))->summary.title, QStringLiteral("Changed"));
        QVERIFY(m_cache->caseById(2)->has_value());
        QCOMPARE(**m_cache->syncValue(client::SyncKeys::deltaCursor), QStringLiteral("c3"));
    }

    void droppedConnectionMidRunLeavesThePreviousState()
    {
        syncTheOriginal();
        m_network->setHandler([this](const FakeRequest &request) {
            if (since(request) == QLatin1String("c1"))
                return FakeAnswer::json(200, page("c2", true, { makeCase(1, "Changed") }));
            FakeAnswer dropped = FakeAnswer::json(200, page("c3", false, { makeCase(2, "New") }));
            dropped.dropAfter = 20;
            return dropped;
        });
        QVERIFY(!syncOnce(*m_engine));
        QVERIFY(m_engine->lastError().isError());
        expectTheOriginal();
    }

    void malformedPageLeavesThePreviousState()
    {
        syncTheOriginal();
        m_network->setHandler([this](const FakeRequest &request) {
            if (since(request) == QLatin1String("c1"))
                return FakeAnswer::json(200, page("c2", true, { makeCase(1, "Changed") }));
            return FakeAnswer::json(200, R"({"cursor": 7, "has_more": "no"})");
        });
        QVERIFY(!syncOnce(*m_engine));
        QCOMPARE(m_engine->lastError().kind, net::NetError::Kind::Malformed);
        expectTheOriginal();
    }

    void offlineSendsNothingAndComingBackSyncs()
    {
        m_network->setHandler([](const FakeRequest &request) {
            if (request.path() == QLatin1String("/api/token/"))
                return FakeAnswer::json(405, R"({"error":{"code":"method_not_allowed","message":"No."}})");
            return FakeAnswer::json(200, page("c1", false, { makeCase(1, "Original") }));
        });
        m_session->connectivity()->setWorkOffline(true);
        QCOMPARE(m_engine->state(), SyncEngine::State::Offline);
        QVERIFY(!syncOnce(*m_engine));
        m_engine->fetchThreadNow(1);
        QTest::qWait(100);
        QCOMPARE(m_network->requests().size(), 0);
        QCOMPARE(m_engine->state(), SyncEngine::State::Offline);

        m_session->connectivity()->setWorkOffline(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_cache->caseById(1)->has_value(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->state(), SyncEngine::State::Idle, 30000);
        QVERIFY(m_network->count("/api/portal/sync/") >= 1);
    }

    void unreachableServerMakesTheEngineOffline()
    {
        m_network->setHandler([](const FakeRequest &) {
            FakeAnswer refused;
            refused.status = 0;
            refused.error = QNetworkReply::ConnectionRefusedError;
            return refused;
        });
        QVERIFY(!syncOnce(*m_engine));
        QCOMPARE(m_engine->lastError().kind, net::NetError::Kind::Unreachable);
        QCOMPARE(m_engine->state(), SyncEngine::State::Offline);
        const int syncRequests = m_network->count("/api/portal/sync/");
        // While unreachable, syncs send nothing (the monitor's probes to /api/token/ are its own).
        QVERIFY(!syncOnce(*m_engine));
        QCOMPARE(m_engine->state(), SyncEngine::State::Offline);
        QCOMPARE(m_network->count("/api/portal/sync/"), syncRequests);
    }
};

QTEST_GUILESS_MAIN(SyncFaultsTest)
#include "tst_sync_faults.moc"
