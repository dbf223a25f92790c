// Full-text search over the cache: prefixes, diacritics, any hostile input, ranking (titles first), every
// kind with what a hit needs for navigation, marked snippets, and the index kept in step with updates.
#include "CacheTestSupport.h"
#include "SearchQuery.h"

using namespace portal;
using namespace portal::client;
using namespace portal::client::testing;

class TestCacheSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = openCache(m_dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(m_cache);
        QVERIFY(fillExample(*m_cache));
        QVERIFY(m_cache->apply([](CacheWriter &w) {
            w.upsertMessages(2,
                             { { 20,
                                 { 3, QStringLiteral("Jane Smith") },
                                 QStringLiteral("Meet me at the Café Müller, façade entrance"),
                                 utc("2023-01-19T10:00:00Z"),
                                 false } });
        }));
    }

    void matchExpression_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expression");
        QTest::newRow("word") << "contr"
                              << "\"contr\"*";
        QTest::newRow("words") << "  contract   review "
                               << "\"contract\"* \"review\"*";
        QTest::newRow("quotes") << "\"contract"
                                << "\"contract\"*";
        QTest::newRow("operators") << "a* -b NEAR(c d) OR e:f"
                                   << "\"a\"* \"b\"* \"NEAR\"* \"c\"* \"d\"* \"OR\"* \"e\"* \"f\"*";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("only punctuation") << "\"*()-:^"
                                          << "";
        QTest::newRow("diacritics") << "café"
                                    << "\"café\"*";
    }
    void matchExpression()
    {
        QFETCH(QString, input);
        QFETCH(QString, expression);
        QCOMPARE(ftsMatchExpression(input), expression);
    }

    void prefixFindsWords()
    {
        const auto hits = *m_cache->search(QStringLiteral("contr"));
        QVERIFY(hits.size() >= 5); // case, thread, messages, document, task, notification
        QVERIFY(m_cache->search(QStringLiteral("questi"))->size() == 1);
        QCOMPARE(m_cache->search(QStringLiteral("questions contract"))->size(), 1); // every word must match
        QVERIFY(m_cache->search(QStringLiteral("questions zebra"))->isEmpty());
    }

    void diacriticsDoNotMatter()
    {
        QCOMPARE(m_cache->search(QStringLiteral("cafe"))->size(), 1);
        QCOMPARE(m_cache->search(QStringLiteral("café"))->size(), 1);
        QCOMPARE(m_cache->search(QStringLiteral("CAFÉ MULLER"))->size(), 1);
        QCOMPARE(m_cache->search(QStringLiteral("facade"))->size(), 1);
    }

    void hostileInputIsSafe_data()
    {
        QTest::addColumn<QString>("input");
        for (const char *text : { "\"", "\"\"", "*", "-", "- contract", "NEAR", "NEAR(contract review)",
                                  "(((", ")", "contract)", "AND OR NOT", "title:contract", "^contract",
                                  "{title}: x", "' OR 1=1 --", "\\", "%_", "😀 contract", "" }) {
            QTest::newRow(text) << QString::fromUtf8(text);
        }
        QTest::newRow("long") << QString(5000, u'a');
        QTest::newRow("many words") << QStringLiteral("contract ").repeated(200);
    }
    void hostileInputIsSafe()
    {
        QFETCH(QString, input);
        auto hits = m_cache->search(input);
        QVERIFY2(hits.ok(), qPrintable(hits.ok() ? QString() : hits.error().message));
    }

    void hostileInputStillFindsItsWords()
    {
        // NEAR is a plain word here, which no text holds.
        QVERIFY(m_cache->search(QStringLiteral("NEAR(questions"))->isEmpty());
        QCOMPARE(m_cache->search(QStringLiteral("\"questions\"*)"))->size(), 1);
        QCOMPARE(m_cache->search(QStringLiteral("-questions"))->size(), 1);
    }

    void titlesRankFirst()
    {
        // "Contract" is the title of the document and the case's first word; in messages it is body text.
        const auto hits = *m_cache->search(QStringLiteral("contract"));
        QVERIFY(hits.size() >= 2);
        QVERIFY(hits.first().kind != SearchKind::Message);
        for (qsizetype i = 1; i < hits.size(); ++i)
            QVERIFY(hits.at(i - 1).score <= hits.at(i).score);
        QCOMPARE(m_cache->search(QStringLiteral("contract"), 2)->size(), 2);
        QVERIFY(m_cache->search(QStringLiteral("contract"), 0)->isEmpty());
    }

    void everyKindLeadsSomewhere()
    {
        const auto first = [&](const QString &text, SearchKind kind) -> SearchHit {
            const QList<SearchHit> hits = *m_cache->search(text); // not a range-for over a temporary
            for (const SearchHit &hit : hits)
                if (hit.kind == kind)
                    return hit;
            return {};
        };
        const SearchHit caseHit = first(QStringLiteral("supplier"), SearchKind::Case);
        QCOMPARE(caseHit.objectId, 1);
        QCOMPARE(caseHit.caseId, 1);
        QCOMPARE(caseHit.title, QStringLiteral("Contract Dispute"));
        const SearchHit caseByNumber = first(QStringLiteral("CD-2023-001"), SearchKind::Case);
        QCOMPARE(caseByNumber.objectId, 1);

        const SearchHit threadHit = first(QStringLiteral("request"), SearchKind::Thread);
        QCOMPARE(threadHit.objectId, 2);
        QCOMPARE(threadHit.threadId, 2);
        QCOMPARE(threadHit.caseId, 1);

        const SearchHit messageHit = first(QStringLiteral("questions"), SearchKind::Message);
        QCOMPARE(messageHit.objectId, 2);
        QCOMPARE(messageHit.threadId, 1);
        QCOMPARE(messageHit.caseId, 1);
        QCOMPARE(messageHit.title, QStringLiteral("Contract Review"));
        QVERIFY(messageHit.snippet.contains(QString(SearchHit::MatchStart) + QStringLiteral("questions")
                                            + QString(SearchHit::MatchEnd)));
        QVERIFY(messageHit.snippetHtml().contains(QStringLiteral("<b>questions</b>")));
        QVERIFY(messageHit.snippetHtml().contains(QStringLiteral("I&#x27;ve"))
                || messageHit.snippetHtml().contains(QStringLiteral("I've")));

        const SearchHit documentHit = first(QStringLiteral("agreement"), SearchKind::Document);
        QCOMPARE(documentHit.objectId, 1);
        QCOMPARE(documentHit.caseId, 1);
        QCOMPARE(documentHit.title, QStringLiteral("Contract"));

        const SearchHit taskHit = first(QStringLiteral("feedback"), SearchKind::Task);
        QCOMPARE(taskHit.objectId, 1);
        QCOMPARE(taskHit.caseId, 1);

        const SearchHit notificationHit = first(QStringLiteral("sent"), SearchKind::Notification);
        QCOMPARE(notificationHit.objectId, 1);
        QCOMPARE(notificationHit.threadId, 1); // it is about thread 1
    }

    void indexFollowsUpdates()
    {
        QVERIFY(m_cache->apply([](CacheWriter &w) {
            auto task = taskList().at(0);
            task.title = QStringLiteral("Sign the settlement");
            w.upsertTasks({ task });
        }));
        QVERIFY(m_cache->search(QStringLiteral("feedback"))->size() == 1); // the description stayed
        QCOMPARE(m_cache->search(QStringLiteral("settlement"))->size(), 1);
        const QList<SearchHit> reviewHits = *m_cache->search(QStringLiteral("review"));
        for (const SearchHit &hit : reviewHits)
            QVERIFY(!(hit.kind == SearchKind::Task && hit.objectId == 1
                      && hit.title.contains(QStringLiteral("Review"))));
        // Marking read changes no indexed text, and the index stays as it was.
        QVERIFY(m_cache->apply([](CacheWriter &w) { w.markThreadRead(1); }));
        QCOMPARE(m_cache->search(QStringLiteral("questions"))->size(), 1);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ClientCache> m_cache;
};

QTEST_GUILESS_MAIN(TestCacheSearch)
#include "tst_cachesearch.moc"
