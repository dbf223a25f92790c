// Message threads on the demo fixture: the list's unread counts and order, reading and marking read,
// posting and starting threads, and the checks of what clients send.
#include "StoreTestSupport.h"

using namespace portal;
using namespace portal::store;
using namespace portal::store::test;

class TestThreads : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PORTAL_SKIP_WITHOUT_TEST_DATABASE(); }
    void init();
    void cleanup();

    void threadListIsNewestFirstWithUnreadCounts();
    void threadDetailWithoutMarking();
    void threadDetailMarksRead();
    void markReadAnswersTheListItem();
    void ownMessageIsReadWhenSomeoneElseReadIt();
    void postAddsMessageAndMovesThread();
    void postChecksContent_data();
    void postChecksContent();
    void startThread();
    void startChecksInput_data();
    void startChecksInput();

private:
    Store &store() { return *m_demo->store; }

    std::unique_ptr<DemoStore> m_demo;
};

void TestThreads::init()
{
    auto demo = openDemoStore();
    QVERIFY_OK(demo);
    m_demo = demo.take();
}

void TestThreads::cleanup()
{
    m_demo.reset();
}

void TestThreads::threadListIsNewestFirstWithUnreadCounts()
{
    // The API document's two threads, newest updated_at first.
    auto threads = store().threads().list(kJohn);
    QVERIFY_OK(threads);
    const QByteArray expected = json(R"([
      {"id": 2, "subject": "Document Request", "case": 1, "created_at": "2023-01-19T09:30:00Z",
       "updated_at": "2023-01-19T09:30:00Z", "unread_count": 0},
      {"id": 1, "subject": "Contract Review", "case": 1, "created_at": "2023-01-17T10:15:00Z",
       "updated_at": "2023-01-18T14:20:00Z", "unread_count": 2}])");
    QCOMPARE(json(*threads), expected);
}

void TestThreads::threadDetailWithoutMarking()
{
    auto detail = store().threads().detail(kJohn, 1, false);
    QVERIFY_OK(detail);
    const QByteArray expected = json(R"({
      "id": 1, "subject": "Contract Review", "case": {"id": 1, "title": "Contract Dispute"},
      "created_at": "2023-01-17T10:15:00Z", "updated_at": "2023-01-18T14:20:00Z",
      "messages": [
        {"id": 1, "sender": {"id": 3, "name": "Jane Smith"}, "content": "Please review the attached contract",
         "created_at": "2023-01-17T10:15:00Z", "is_read": true},
        {"id": 2, "sender": {"id": 5, "name": "John Doe"},
         "content": "I've reviewed the contract and have some questions",
         "created_at": "2023-01-17T15:45:00Z", "is_read": true},
        {"id": 3, "sender": {"id": 3, "name": "Jane Smith"},
         "content": "Happy to help. Which clauses concern you?",
         "created_at": "2023-01-18T09:00:00Z", "is_read": false},
        {"id": 4, "sender": {"id": 3, "name": "Jane Smith"}, "content": "I have also marked up section 4.",
         "created_at": "2023-01-18T14:20:00Z", "is_read": false}]
    })");
    QCOMPARE(json(*detail), expected);
    auto threads = store().threads().list(kJohn);
    QVERIFY_OK(threads);
    QCOMPARE(threads->at(1).unreadCount, 2); // looking without marking changes nothing
}

void TestThreads::threadDetailMarksRead()
{
    const qint64 readsBefore = rowCount(store(), QStringLiteral("message_reads"));
    auto detail = store().threads().detail(kJohn, 1, true);
    QVERIFY_OK(detail);
    QCOMPARE(detail->messages.size(), 4);
    for (const api::Message &message : std::as_const(detail->messages))
        QVERIFY2(message.isRead, qPrintable(QString::number(message.id)));
    QCOMPARE(rowCount(store(), QStringLiteral("message_reads")), readsBefore + 2);

    auto threads = store().threads().list(kJohn);
    QVERIFY_OK(threads);
    QCOMPARE(threads->at(1).id, 1);
    QCOMPARE(threads->at(1).unreadCount, 0);
    QCOMPARE(threads->at(1).updatedAt, utc("2023-01-18T14:20:00Z")); // reading is not activity

    // Reading again adds nothing.
    QVERIFY_OK(store().threads().detail(kJohn, 1, true));
    QCOMPARE(rowCount(store(), QStringLiteral("message_reads")), readsBefore + 2);
}

void TestThreads::markReadAnswersTheListItem()
{
    auto thread = store().threads().markRead(kJohn, 1);
    QVERIFY_OK(thread);
    const QByteArray expected = json(R"({"id": 1, "subject": "Contract Review", "case": 1,
        "created_at": "2023-01-17T10:15:00Z", "updated_at": "2023-01-18T14:20:00Z", "unread_count": 0})");
    QCOMPARE(json(*thread), expected);
}

void TestThreads::ownMessageIsReadWhenSomeoneElseReadIt()
{
    auto posted = store().threads().post(kJohn, 2, QStringLiteral("Sent them yesterday."));
    QVERIFY_OK(posted);
    QVERIFY(!posted->isRead);
    // John reading his own thread does not make his message "read".
    auto detail = store().threads().detail(kJohn, 2, true);
    QVERIFY_OK(detail);
    QVERIFY(!detail->messages.constLast().isRead);
    // Jane (the attorney) reads it: now it is.
    QVERIFY_OK(store().database().exec(
        QStringLiteral("INSERT INTO message_reads (message_id, user_id, read_at) VALUES (?, 3, ?)"),
        { posted->id, sqlTimestamp(QDateTime::currentDateTimeUtc()) }));
    detail = store().threads().detail(kJohn, 2, false);
    QVERIFY_OK(detail);
    QVERIFY(detail->messages.constLast().isRead);
}

void TestThreads::postAddsMessageAndMovesThread()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    auto message = store().threads().post(kJohn, 1, QStringLiteral("This is my message content"));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY_OK(message);
    QCOMPARE(message->id, 7); // after the fixture's six
    QCOMPARE(message->sender, (api::PersonRef { 5, QStringLiteral("John Doe") }));
    QCOMPARE(message->content, QStringLiteral("This is my message content"));
    QVERIFY(message->createdAt >= before && message->createdAt <= after);
    QVERIFY(!message->isRead);

    auto threads = store().threads().list(kJohn);
    QVERIFY_OK(threads);
    QCOMPARE(threads->constFirst().id, 1); // moved to the top
    QCOMPARE(threads->constFirst().updatedAt, message->createdAt);
    QCOMPARE(threads->constFirst().unreadCount, 2); // one's own message never counts

    auto detail = store().threads().detail(kJohn, 1, false);
    QVERIFY_OK(detail);
    QCOMPARE(detail->updatedAt, message->createdAt);
    QCOMPARE(json(detail->messages.constLast()), json(*message));
}

void TestThreads::postChecksContent_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("problem"); // empty: accepted

    const QString blank = QStringLiteral("This field may not be blank.");
    const QString tooLong = QStringLiteral("Ensure this field has no more than 10000 characters.");
    QTest::newRow("empty") << QString() << blank;
    QTest::newRow("white space") << QStringLiteral(" \n\t ") << blank;
    QTest::newRow("10001 characters") << QString(10001, QLatin1Char('x')) << tooLong;
    QTest::newRow("10000 characters") << QString(10000, QLatin1Char('x')) << QString();
    // Characters, not UTF-16 units: 10000 emoji are 20000 units and still 10000 characters.
    const QString emoji = QString::fromUtf8("\xF0\x9F\x98\x80");
    QTest::newRow("10000 emoji") << emoji.repeated(10000) << QString();
    QTest::newRow("10001 emoji") << emoji.repeated(10001) << tooLong;
    QTest::newRow("padded") << QStringLiteral("  kept as sent  ") << QString();
}

void TestThreads::postChecksContent()
{
    QFETCH(QString, content);
    QFETCH(QString, problem);
    const qint64 messagesBefore = rowCount(store(), QStringLiteral("messages"));
    auto message = store().threads().post(kJohn, 1, content);
    if (problem.isEmpty()) {
        QVERIFY_OK(message);
        QCOMPARE(message->content, content); // nothing trimmed
        QCOMPARE(rowCount(store(), QStringLiteral("messages")), messagesBefore + 1);
        return;
    }
    QVERIFY_ERROR(message, Invalid);
    QCOMPARE(message.error().details, (api::FieldErrors { { QStringLiteral("content"), { problem } } }));
    QCOMPARE(message.error().message, problem);
    QCOMPARE(rowCount(store(), QStringLiteral("messages")), messagesBefore);
    auto threads = store().threads().list(kJohn);
    QVERIFY_OK(threads);
    QCOMPARE(threads->at(1).updatedAt, utc("2023-01-18T14:20:00Z"));
}

void TestThreads::startThread()
{
    auto started = store().threads().start(kJohn, 1, QStringLiteral("New Thread Subject"),
                                           QStringLiteral("Initial message content"));
    QVERIFY_OK(started);
    QCOMPARE(started->id, 4);
    QCOMPARE(started->subject, QStringLiteral("New Thread Subject"));
    QCOMPARE(started->caseRef, (api::CaseRef { 1, QStringLiteral("Contract Dispute") }));
    QCOMPARE(started->createdAt, started->updatedAt);
    QCOMPARE(started->messages.size(), 1);
    const api::Message &first = started->messages.constFirst();
    QCOMPARE(first.id, 7);
    QCOMPARE(first.sender, (api::PersonRef { 5, QStringLiteral("John Doe") }));
    QCOMPARE(first.content, QStringLiteral("Initial message content"));
    QCOMPARE(first.createdAt, started->createdAt);
    QVERIFY(!first.isRead);

    auto threads = store().threads().list(kJohn);
    QVERIFY_OK(threads);
    QCOMPARE(threads->size(), 3);
    QCOMPARE(threads->constFirst().id, 4);
    QCOMPARE(threads->constFirst().unreadCount, 0);
}

void TestThreads::startChecksInput_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<qint64>("caseId");
    QTest::addColumn<QString>("message");
    QTest::addColumn<api::FieldErrors>("expected");

    const QString blank = QStringLiteral("This field may not be blank.");
    const auto noCase
        = [](qint64 id) { return QStringLiteral("Invalid pk \"%1\" - object does not exist.").arg(id); };
    const QString subject = QStringLiteral("Subject");
    const QString message = QStringLiteral("Hello");
    QTest::newRow("blank subject") << QStringLiteral("  ") << qint64(1) << message
                                   << api::FieldErrors { { QStringLiteral("subject"), { blank } } };
    QTest::newRow("long subject")
        << QString(201, QLatin1Char('s')) << qint64(1) << message
        << api::FieldErrors { { QStringLiteral("subject"),
                                { QStringLiteral("Ensure this field has no more than 200 characters.") } } };
    QTest::newRow("blank message") << subject << qint64(1) << QString()
                                   << api::FieldErrors { { QStringLiteral("message"), { blank } } };
    QTest::newRow("long message") << subject << qint64(1) << QString(10001, QLatin1Char('m'))
                                  << api::FieldErrors {
                                         { QStringLiteral("message"),
                                           { QStringLiteral(
                                               "Ensure this field has no more than 10000 characters.") } }
                                     };
    QTest::newRow("another client's case")
        << subject << qint64(3) << message << api::FieldErrors { { QStringLiteral("case"), { noCase(3) } } };
    QTest::newRow("missing case") << subject << qint64(7) << message
                                  << api::FieldErrors { { QStringLiteral("case"), { noCase(7) } } };
    QTest::newRow("all at once") << QString() << qint64(3) << QString()
                                 << api::FieldErrors { { QStringLiteral("subject"), { blank } },
                                                       { QStringLiteral("case"), { noCase(3) } },
                                                       { QStringLiteral("message"), { blank } } };
}

void TestThreads::startChecksInput()
{
    QFETCH(QString, subject);
    QFETCH(qint64, caseId);
    QFETCH(QString, message);
    QFETCH(api::FieldErrors, expected);
    auto started = store().threads().start(kJohn, caseId, subject, message);
    QVERIFY_ERROR(started, Invalid);
    QCOMPARE(started.error().details, expected);
    QCOMPARE(rowCount(store(), QStringLiteral("threads")), 3);
    QCOMPARE(rowCount(store(), QStringLiteral("messages")), 6);
}

QTEST_GUILESS_MAIN(TestThreads)
#include "tst_threads.moc"
