// The cache's writes and reads: every kind round-trips as wire types; full lists remove what the server no
// longer lists (with their messages and search rows); the delta's deletions; a failed apply() leaves the
// previous state; the person's read state survives fetches with KeepLocal; changed() names what a write
// touched.
#include "CacheTestSupport.h"

#include <QSignalSpy>
#include <stdexcept>

using namespace portal;
using namespace portal::client;
using namespace portal::client::testing;

class TestCacheWrites : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_cache = openCache(m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_counter)));
        QVERIFY(m_cache);
    }
    void cleanup() { m_cache.reset(); }

    void emptyCacheReadsEmpty()
    {
        QVERIFY(!m_cache->profile()->has_value());
        QVERIFY(m_cache->cases()->isEmpty());
        QVERIFY(m_cache->threads()->isEmpty());
        QVERIFY(m_cache->notifications()->isEmpty());
        QCOMPARE(*m_cache->unreadTotals(), UnreadTotals {});
        QVERIFY(!m_cache->caseDetail(1)->has_value());
    }

    void roundTripsEveryKind()
    {
        QVERIFY(fillExample(*m_cache));
        QCOMPARE(m_cache->profile()->value(), johnDoe());

        const auto cases = *m_cache->cases({ {}, {}, {}, CaseSort::OpenDateOldest });
        QCOMPARE(cases.size(), 2);
        QCOMPARE(cases.at(0), (CachedCase { contractDispute(), janeSmith() }));
        QCOMPARE(cases.at(1), (CachedCase { trademarkRegistration(), {} }));

        const auto threads = *m_cache->threads();
        QCOMPARE(threads.size(), 2);
        QCOMPARE(threads.at(0).thread, threadList().at(1)); // newest first
        QCOMPARE(threads.at(1).thread, threadList().at(0));
        QCOMPARE(threads.at(0).caseTitle, QStringLiteral("Contract Dispute"));
        QCOMPARE(m_cache->thread(1)->value(), threadList().at(0));
        QCOMPARE(*m_cache->messages(1), contractReviewMessages());
        QCOMPARE(*m_cache->messages(1, 1), contractReviewMessages().mid(1));

        auto documents = documentList();
        std::reverse(documents.begin(), documents.end()); // newest first
        QCOMPARE(*m_cache->documents(), documents);
        QCOMPARE(*m_cache->documents(2), QList<api::Document>());
        QCOMPARE(*m_cache->tasks(), taskList());
        QCOMPARE(m_cache->task(2)->value(), taskList().at(1));
        QCOMPARE(*m_cache->notifications(), notificationList());
        QCOMPARE(*m_cache->notifications(1), notificationList().mid(0, 1));
        QCOMPARE(*m_cache->unreadTotals(), (UnreadTotals { 2, 1, 1 }));

        // The case detail is put together from the documents and tasks tables.
        const auto view = m_cache->caseDetail(1)->value();
        QCOMPARE(view.detail.summary, contractDispute());
        QCOMPARE(view.detail.assignedAttorney, std::optional<api::Attorney>(janeSmith()));
        QCOMPARE(view.detail.documents.size(), 2);
        QCOMPARE(view.detail.documents.at(0),
                 (api::CaseDocument { 1, QStringLiteral("Contract"), QStringLiteral("PDF"),
                                      utc("2023-01-16T14:30:00Z") }));
        QCOMPARE(view.detail.tasks.at(0),
                 (api::CaseTask { 1, QStringLiteral("Review Contract"), QStringLiteral("PENDING"),
                                  QDate(2023, 1, 30) }));
        QCOMPARE(view.threads.size(), 2);
    }

    void documentDetailAndCaseDetail()
    {
        QVERIFY(m_cache->apply([](CacheWriter &w) {
            w.upsertDocument({ documentList().at(0), QStringLiteral("/api/portal/documents/1/download/") });
        }));
        QCOMPARE(m_cache->document(1)->value().downloadUrl,
                 QStringLiteral("/api/portal/documents/1/download/"));
        // A later list item keeps the download URL.
        QVERIFY(m_cache->apply([](CacheWriter &w) { w.upsertDocuments(documentList()); }));
        QCOMPARE(m_cache->document(1)->value().downloadUrl,
                 QStringLiteral("/api/portal/documents/1/download/"));

        // The API document's case detail: it sets the attorney, its documents and tasks, and removes the
        // case's documents it no longer lists.
        api::CaseDetail detail {
            contractDispute(),
            janeSmith(),
            { { 1, QStringLiteral("Contract"), QStringLiteral("PDF"), utc("2023-01-16T14:30:00Z") } },
            { { 1, QStringLiteral("Review Contract"), QStringLiteral("PENDING"), QDate(2023, 1, 30) } }
        };
        QVERIFY(m_cache->apply([&](CacheWriter &w) { w.upsertCaseDetail(detail); }));
        const auto view = m_cache->caseDetail(1)->value();
        QCOMPARE(view.detail, detail);
        QCOMPARE(m_cache->document(1)->value().document.description, QStringLiteral("Service agreement"));
        QVERIFY(!m_cache->document(2)->has_value());

        // Plain list items keep the attorney; a delta item with none assigned clears it.
        QVERIFY(
            m_cache->apply([](CacheWriter &w) { w.upsertCases(QList<api::Case> { contractDispute() }); }));
        QCOMPARE(m_cache->caseById(1)->value().assignedAttorney, std::optional<api::Attorney>(janeSmith()));
        QVERIFY(m_cache->apply([](CacheWriter &w) {
            w.upsertCases(QList<CachedCase> { { contractDispute(), {} } });
        }));
        QCOMPARE(m_cache->caseById(1)->value().assignedAttorney, std::nullopt);
    }

    void caseFilterAndSort()
    {
        QVERIFY(fillExample(*m_cache));
        const auto titles = [&](const CaseFilter &filter) {
            QStringList list;
            const QList<CachedCase> cases = *m_cache->cases(filter);
            for (const CachedCase &c : cases)
                list << c.summary.title;
            return list;
        };
        QCOMPARE(titles({}), (QStringList { "Trademark Registration", "Contract Dispute" }));
        QCOMPARE(titles({ {}, {}, {}, CaseSort::Title }),
                 (QStringList { "Contract Dispute", "Trademark Registration" }));
        QCOMPARE(titles({ {}, QStringLiteral("CIVIL"), {}, {} }), QStringList { "Contract Dispute" });
        QCOMPARE(titles({ QStringLiteral("CLOSED"), {}, {}, {} }), QStringList {});
        QCOMPARE(titles({ {}, {}, QStringLiteral("tr-2023"), {} }), QStringList { "Trademark Registration" });
        QCOMPARE(titles({ {}, {}, QStringLiteral("supplier"), {} }), QStringList { "Contract Dispute" });
        QCOMPARE(titles({ {}, {}, QStringLiteral("100%_\\"), {} }), QStringList {});
    }

    void replaceAllRemovesWhatIsGone()
    {
        QVERIFY(fillExample(*m_cache));
        QCOMPARE(m_cache->search(QStringLiteral("questions"))->size(), 1);
        QVERIFY(m_cache->apply([](CacheWriter &w) {
            w.replaceAllThreads({ threadList().at(1) });
            w.replaceAllDocuments({ documentList().at(1) });
            w.replaceAllTasks({});
            w.replaceAllNotifications({ notificationList().at(0) });
        }));
        QCOMPARE(m_cache->threads()->size(), 1);
        QVERIFY(m_cache->messages(1)->isEmpty()); // the removed thread's messages went with it
        QVERIFY(m_cache->search(QStringLiteral("questions"))->isEmpty()); // and their search rows
        QVERIFY(m_cache->search(QStringLiteral("Contract Review"))->size() >= 1); // notification 1 says it
        QCOMPARE(m_cache->documents()->size(), 1);
        QVERIFY(m_cache->search(QStringLiteral("agreement"))->isEmpty());
        QVERIFY(m_cache->tasks()->isEmpty());
        QCOMPARE(m_cache->notifications()->size(), 1);

        // A case that is gone takes its threads, documents and tasks along.
        QVERIFY(m_cache->apply(
            [](CacheWriter &w) { w.replaceAllCases(QList<api::Case> { trademarkRegistration() }); }));
        QCOMPARE(m_cache->cases()->size(), 1);
        QVERIFY(m_cache->threads()->isEmpty());
        QVERIFY(m_cache->documents()->isEmpty());
        QVERIFY(m_cache->search(QStringLiteral("dispute"))->isEmpty());
        QCOMPARE(m_cache->search(QStringLiteral("trademark"))->size(), 1);
    }

    void deltaDeletions()
    {
        QVERIFY(fillExample(*m_cache));
        QVERIFY(m_cache->apply([](CacheWriter &w) {
            w.deleteMessages({ 2 });
            w.deleteDocuments({ 1 });
            w.deleteTasks({ 2 });
            w.deleteNotifications({ 2, 999 });
            w.deleteThreads({ 2 });
        }));
        QCOMPARE(*m_cache->messages(1), contractReviewMessages().mid(0, 1));
        QCOMPARE(m_cache->documents()->size(), 1);
        QCOMPARE(m_cache->tasks()->size(), 1);
        QCOMPARE(m_cache->notifications()->size(), 1);
        QCOMPARE(m_cache->threads()->size(), 1);
        QVERIFY(m_cache->apply([](CacheWriter &w) { w.deleteCases({ 1 }); }));
        QVERIFY(m_cache->messages(1)->isEmpty());
        QVERIFY(m_cache->threads()->isEmpty());
        QVERIFY(m_cache->tasks()->isEmpty());
        QVERIFY(m_cache->search(QStringLiteral("review"))->size() == 1); // only the notification is left
    }

    void deltaMessagesOfManyThreads()
    {
        QVERIFY(m_cache->apply([](CacheWriter &w) {
            // A delta page may bring messages before their thread.
            w.upsertMessages(QList<ThreadMessage> { { 2, contractReviewMessages().at(0) },
                                                    { 1, contractReviewMessages().at(1) } });
            w.upsertThreads(threadList());
        }));
        QCOMPARE(m_cache->messages(2)->size(), 1);
        QCOMPARE(m_cache->messages(1)->size(), 1);
    }

    void failedApplyLeavesPreviousState_data()
    {
        QTest::addColumn<int>("failure");
        QTest::addColumn<int>("expectedKind");
        QTest::newRow("constraint") << 0 << int(CacheError::Kind::Constraint);
        QTest::newRow("abort") << 1 << int(CacheError::Kind::Aborted);
        QTest::newRow("throw") << 2 << int(CacheError::Kind::Aborted);
    }
    void failedApplyLeavesPreviousState()
    {
        QFETCH(int, failure);
        QFETCH(int, expectedKind);
        QVERIFY(fillExample(*m_cache));
        QSignalSpy changed(m_cache.get(), &ClientCache::changed);
        bool laterOperationAnswered = true;
        auto result = m_cache->apply([&](CacheWriter &w) {
            w.setProfile(api::Profile {});
            w.replaceAllThreads({});
            w.markNotificationRead(1);
            w.setSyncValue(SyncKeys::deltaCursor, QStringLiteral("abc"));
            if (failure == 0) {
                w.upsertTasks({ api::Task {} }); // id 0: the schema refuses it
                laterOperationAnswered = w.upsertNotifications({});
            } else if (failure == 1) {
                w.abort(QStringLiteral("the page did not decode"));
            } else {
                throw std::runtime_error("boom");
            }
        });
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), expectedKind);
        if (failure == 0)
            QVERIFY(!laterOperationAnswered);
        QCOMPARE(m_cache->profile()->value(), johnDoe());
        QCOMPARE(m_cache->threads()->size(), 2);
        QCOMPARE(m_cache->messages(1)->size(), 2);
        QCOMPARE(m_cache->search(QStringLiteral("questions"))->size(), 1);
        QCOMPARE(*m_cache->unreadTotals(), (UnreadTotals { 2, 1, 1 }));
        QVERIFY(!m_cache->syncValue(SyncKeys::deltaCursor)->has_value());
        QCOMPARE(changed.size(), 0);
        // The cache goes on working afterwards.
        QVERIFY(m_cache->apply(
            [](CacheWriter &w) { w.setSyncValue(SyncKeys::deltaCursor, QStringLiteral("c1")); }));
        QCOMPARE(m_cache->syncValue(SyncKeys::deltaCursor)->value(), QStringLiteral("c1"));
    }

    void nestedApplyIsRefused()
    {
        CacheResult<Done> inner = Done {};
        QVERIFY(m_cache->apply([&](CacheWriter &) { inner = m_cache->apply([](CacheWriter &) {}); }));
        QVERIFY(!inner);
    }

    void keepsLocalReadState()
    {
        QVERIFY(fillExample(*m_cache));
        // The person reads thread 1 offline.
        QVERIFY(m_cache->apply([](CacheWriter &w) {
            w.markThreadRead(1);
            w.markNotificationRead(1);
        }));
        QCOMPARE(*m_cache->unreadTotals(), (UnreadTotals { 0, 0, 0 }));

        // A fetch that still says unread (the server has not seen the read yet) keeps the local state; a new
        // message arrives with the server's state.
        auto messages = contractReviewMessages();
        messages.append({ 9,
                          { 3, QStringLiteral("Jane Smith") },
                          QStringLiteral("One more thing"),
                          utc("2023-01-18T14:20:00Z"),
                          false });
        const api::ThreadDetail detail { 1,
                                         QStringLiteral("Contract Review"),
                                         { 1, QStringLiteral("Contract Dispute") },
                                         utc("2023-01-17T10:15:00Z"),
                                         utc("2023-01-18T14:20:00Z"),
                                         messages };
        QVERIFY(m_cache->apply([&](CacheWriter &w) {
            w.upsertThreads(threadList(), ReadState::KeepLocal);
            w.upsertThreadDetail(detail, ReadState::KeepLocal);
        }));
        const auto kept = *m_cache->messages(1);
        QCOMPARE(kept.size(), 3);
        QVERIFY(kept.at(0).isRead);
        QVERIFY(kept.at(1).isRead);
        QVERIFY(!kept.at(2).isRead);
        QCOMPARE(m_cache->thread(1)->value().unreadCount, 0);
        // A thread the cache did not know takes the server's count even with KeepLocal.
        QVERIFY(m_cache->apply([](CacheWriter &w) {
            w.upsertThreads({ { 7, QStringLiteral("New"), 1, utc("2023-02-01T10:00:00Z"),
                                utc("2023-02-01T10:00:00Z"), 4 } },
                            ReadState::KeepLocal);
        }));
        QCOMPARE(m_cache->thread(7)->value().unreadCount, 4);

        // FromServer takes the server's word.
        QVERIFY(m_cache->apply([&](CacheWriter &w) { w.upsertThreadDetail(detail, ReadState::FromServer); }));
        QCOMPARE(m_cache->thread(1)->value().unreadCount, 3);
        QVERIFY(!m_cache->messages(1)->at(0).isRead);
    }

    void changedNamesWhatWasTouched()
    {
        QSignalSpy changed(m_cache.get(), &ClientCache::changed);
        QVERIFY(m_cache->apply([](CacheWriter &w) {
            w.upsertTasks(taskList());
            w.setSyncValue(SyncKeys::lastSyncAt, QStringLiteral("2023-01-20T00:00:00Z"));
        }));
        QCOMPARE(changed.size(), 1);
        const auto kinds = changed.at(0).at(0).value<CacheKinds>();
        QCOMPARE(kinds, CacheKinds(CacheKind::Tasks | CacheKind::SyncState));
    }

    void syncState()
    {
        QVERIFY(m_cache->apply([](CacheWriter &w) {
            w.setSyncValue(SyncKeys::etag(QStringLiteral("/api/portal/cases/")), QStringLiteral("\"abc\""));
            w.setSyncValue(SyncKeys::deltaCursor, QStringLiteral("c1"));
            w.setSyncValue(SyncKeys::deltaCursor, QStringLiteral("c2"));
        }));
        QCOMPARE(m_cache->syncValue(SyncKeys::deltaCursor)->value(), QStringLiteral("c2"));
        QCOMPARE(m_cache->syncValue(SyncKeys::etag(QStringLiteral("/api/portal/cases/")))->value(),
                 QStringLiteral("\"abc\""));
        QVERIFY(m_cache->apply([](CacheWriter &w) { w.removeSyncValue(SyncKeys::deltaCursor); }));
        QVERIFY(!m_cache->syncValue(SyncKeys::deltaCursor)->has_value());
    }

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<ClientCache> m_cache;
};

QTEST_GUILESS_MAIN(TestCacheWrites)
#include "tst_cachewrites.moc"
