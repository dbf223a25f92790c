// The outbox: items keep their order and their Idempotency-Key, move through pending/sending/failed/sent,
// survive closing the file, and an item left sending by a crash is pending again after reopening.
#include "CacheTestSupport.h"

#include <QSignalSpy>
#include <QUuid>

using namespace portal;
using namespace portal::client;
using namespace portal::client::testing;

class TestOutbox : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_counter));
        m_cache = openCache(m_path);
        QVERIFY(m_cache);
    }
    void cleanup() { m_cache.reset(); }

    void enqueueKeepsOrderAndKeys()
    {
        QSignalSpy changed(m_cache.get(), &ClientCache::changed);
        auto first = m_cache->outbox().enqueue(OutboxRequest::newMessage(1, { QStringLiteral("First") }));
        auto second = m_cache->outbox().enqueue(OutboxRequest::newThread(
            { QStringLiteral("New Thread Subject"), 1, QStringLiteral("Initial message") }));
        auto third = m_cache->outbox().enqueue(
            OutboxRequest::upload(1, QJsonObject { { QStringLiteral("title"), QStringLiteral("Scan") } },
                                  QStringLiteral("/tmp/scan.pdf")));
        QVERIFY(first && second && third);
        QCOMPARE(changed.size(), 3);
        QVERIFY(first->id < second->id && second->id < third->id);
        QVERIFY(!QUuid::fromString(first->idempotencyKey).isNull());
        QVERIFY(first->idempotencyKey != second->idempotencyKey);
        QCOMPARE_NAME(first->state, OutboxState::Pending);

        const auto items = *m_cache->outbox().items();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(0), *first);
        QCOMPARE(
            items.at(1).payload,
            (api::NewThread { QStringLiteral("New Thread Subject"), 1, QStringLiteral("Initial message") })
                .toJson());
        QCOMPARE(items.at(1).targetId, 1);
        QCOMPARE(items.at(2).filePath, QStringLiteral("/tmp/scan.pdf"));
        QCOMPARE(api::NewMessage::fromJson(items.at(0).payload)->content, QStringLiteral("First"));
        QCOMPARE(m_cache->outbox().nextPending()->value().id, first->id);
    }

    void statesMoveAsSent()
    {
        auto &outbox = m_cache->outbox();
        const qint64 a = outbox.enqueue(OutboxRequest::newMessage(1, { QStringLiteral("a") }))->id;
        const qint64 b = outbox.enqueue(OutboxRequest::newMessage(1, { QStringLiteral("b") }))->id;
        const qint64 c = outbox.enqueue(OutboxRequest::markThreadRead(1))->id;

        QVERIFY(outbox.markSending(a));
        QCOMPARE(outbox.nextPending()->value().id, b); // a is on its way
        QVERIFY(outbox.markFailed(a, QStringLiteral("server_error: try later")));
        auto failed = outbox.item(a)->value();
        QCOMPARE_NAME(failed.state, OutboxState::Failed);
        QCOMPARE(failed.lastError, QStringLiteral("server_error: try later"));
        QCOMPARE(failed.attempts, 1);
        QCOMPARE(outbox.nextPending()->value().id, b); // failed items wait for retry()

        QVERIFY(outbox.markSending(b));
        QVERIFY(outbox.markSent(b, 3)); // removed
        QVERIFY(!outbox.item(b)->has_value());
        QVERIFY(outbox.markSending(c));
        QVERIFY(outbox.markSent(c, std::nullopt, AfterSent::Keep));
        QCOMPARE_NAME(outbox.item(c)->value().state, OutboxState::Sent);
        QVERIFY(!outbox.nextPending()->has_value());

        QVERIFY(outbox.retry(a));
        QCOMPARE(outbox.nextPending()->value().id, a); // back in its place
        QVERIFY(outbox.markSending(a));
        QVERIFY(outbox.markSent(a, 42, AfterSent::Keep));
        const auto sent = outbox.item(a)->value();
        QCOMPARE(sent.resultId, std::optional<qint64>(42));
        QCOMPARE(sent.attempts, 2);
        QVERIFY(outbox.unsentItems()->isEmpty());

        auto missing = outbox.markFailed(999, QStringLiteral("x"));
        QVERIFY(!missing);
        QCOMPARE_NAME(missing.error().kind, CacheError::Kind::NotFound);
        QVERIFY(!outbox.retry(c)); // only failed items are retried
        QVERIFY(outbox.remove(c));
        QCOMPARE(outbox.items()->size(), 1);
    }

    void unsentMessagesOfAThread()
    {
        auto &outbox = m_cache->outbox();
        const qint64 a = outbox.enqueue(OutboxRequest::newMessage(1, { QStringLiteral("a") }))->id;
        outbox.enqueue(OutboxRequest::newMessage(2, { QStringLiteral("other thread") }));
        const qint64 c = outbox.enqueue(OutboxRequest::newMessage(1, { QStringLiteral("c") }))->id;
        outbox.enqueue(OutboxRequest::markThreadRead(1));
        QVERIFY(outbox.markSending(a));
        QVERIFY(outbox.markFailed(a, QStringLiteral("offline")));
        const auto unsent = *outbox.unsentMessages(1);
        QCOMPARE(unsent.size(), 2);
        QCOMPARE(unsent.at(0).id, a);
        QCOMPARE(unsent.at(1).id, c);
    }

    void survivesRestartAndRecoversSending()
    {
        qint64 a = 0, b = 0;
        QString key;
        {
            auto &outbox = m_cache->outbox();
            a = outbox.enqueue(OutboxRequest::newMessage(1, { QStringLiteral("a") }))->id;
            b = outbox.enqueue(OutboxRequest::markNotificationRead(7))->id;
            key = outbox.item(a)->value().idempotencyKey;
            QVERIFY(outbox.markSending(a)); // and the program dies here
            m_cache.reset();
        }
        m_cache = openCache(m_path);
        QVERIFY(m_cache);
        const auto items = *m_cache->outbox().items();
        QCOMPARE(items.size(), 2);
        QCOMPARE_NAME(items.at(0).state, OutboxState::Pending);
        QCOMPARE(items.at(0).idempotencyKey, key); // the retry is recognised by the server
        QCOMPARE(items.at(0).attempts, 1);
        QCOMPARE(items.at(1).id, b);
        QCOMPARE_NAME(items.at(1).kind, OutboxKind::MarkNotificationRead);
        QCOMPARE(items.at(1).targetId, 7);
        QCOMPARE(m_cache->outbox().nextPending()->value().id, a);
    }

    void enqueueWithALocalChange()
    {
        QVERIFY(fillExample(*m_cache));
        QVERIFY(m_cache->apply([](CacheWriter &w) {
            w.markThreadRead(1);
            QVERIFY(w.enqueue(OutboxRequest::markThreadRead(1)));
        }));
        QCOMPARE(m_cache->thread(1)->value().unreadCount, 0);
        QCOMPARE(m_cache->outbox().items()->size(), 1);
        // Rolled back together, too.
        QVERIFY(!m_cache->apply([](CacheWriter &w) {
            w.enqueue(OutboxRequest::markNotificationRead(1));
            w.abort(QStringLiteral("no"));
        }));
        QCOMPARE(m_cache->outbox().items()->size(), 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
    std::unique_ptr<ClientCache> m_cache;
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
