// The repositories on the demo fixture, apart from threads (tst_threads) and documents (tst_documents): the
// profile, cases, tasks and notifications against the API document's examples, that one client never sees
// another's rows, users and the token blacklist.
#include "StoreTestSupport.h"

using namespace portal;
using namespace portal::store;
using namespace portal::store::test;

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PORTAL_SKIP_WITHOUT_TEST_DATABASE(); }
    void init();
    void cleanup();

    void profileMatchesApiExample();
    void profileOfAnAttorneyIsNotFound();
    void caseListMatchesApiExample();
    void caseDetail();
    void caseDetailWithoutAttorney();
    void taskListMatchesApiExample();
    void taskListPutsUndatedLast();
    void notificationListMatchesApiExample();
    void markNotificationRead();
    void clientsSeeOnlyTheirOwnRows();
    void userLookups();
    void addUser();
    void userUpdates();
    void tokenBlacklist();
    void errorsNeverQuoteTheValues();

private:
    Store &store() { return *m_demo->store; }

    std::unique_ptr<DemoStore> m_demo;
};

void TestStore::init()
{
    auto demo = openDemoStore();
    QVERIFY_OK(demo);
    m_demo = demo.take();
}

void TestStore::cleanup()
{
    m_demo.reset();
}

// ---- profile and cases ------------------------------------------------------------------------------------

void TestStore::profileMatchesApiExample()
{
    auto profile = store().users().profile(kJohn);
    QVERIFY_OK(profile);
    const QByteArray expected = json(R"({
        "id": 1,
        "user": {"id": 5, "username": "client_username", "email": "client@example.com",
                 "first_name": "John", "last_name": "Doe"},
        "company_name": "Acme Inc.", "phone": "123-456-7890", "address": "123 Main St, Anytown, USA"})");
    QCOMPARE(json(*profile), expected);
}

void TestStore::profileOfAnAttorneyIsNotFound()
{
    auto profile = store().users().profile(Caller { 3, 0 });
    QVERIFY_ERROR(profile, NotFound);
}

void TestStore::caseListMatchesApiExample()
{
    auto cases = store().cases().list(kJohn);
    QVERIFY_OK(cases);
    const QByteArray expected = json(R"([
      {"id": 1, "title": "Contract Dispute", "case_number": "CD-2023-001", "status": "OPEN",
       "open_date": "2023-01-15", "description": "Contract dispute with supplier", "case_type": "CIVIL"},
      {"id": 2, "title": "Trademark Registration", "case_number": "TR-2023-002", "status": "OPEN",
       "open_date": "2023-02-20", "description": "Trademark registration for new product",
       "case_type": "INTELLECTUAL_PROPERTY"}])");
    QCOMPARE(json(*cases), expected);
}

void TestStore::caseDetail()
{
    // The API document's example, with the fixture's second document of case 1.
    auto detail = store().cases().detail(kJohn, 1);
    QVERIFY_OK(detail);
    const QByteArray expected = json(R"({
      "id": 1, "title": "Contract Dispute", "case_number": "CD-2023-001", "status": "OPEN",
      "open_date": "2023-01-15", "description": "Contract dispute with supplier", "case_type": "CIVIL",
      "assigned_attorney": {"id": 3, "name": "Jane Smith", "email": "jsmith@example.com"},
      "documents": [
        {"id": 1, "title": "Contract", "file_type": "PDF", "uploaded_at": "2023-01-16T14:30:00Z"},
        {"id": 2, "title": "Email Correspondence", "file_type": "PDF",
         "uploaded_at": "2023-01-17T09:15:00Z"}],
      "tasks": [
        {"id": 1, "title": "Review Contract", "status": "PENDING", "due_date": "2023-01-30"},
        {"id": 2, "title": "Provide Additional Information", "status": "IN_PROGRESS",
         "due_date": "2023-02-15"}]
    })");
    QCOMPARE(json(*detail), expected);
}

void TestStore::caseDetailWithoutAttorney()
{
    auto inserted = store().database().exec(
        QStringLiteral("INSERT INTO cases (id, client_id, title, case_number, status, open_date, updated_at) "
                       "VALUES (10, 1, 'Lease', 'LS-1', 'OPEN', '2023-04-01', '2023-04-01T00:00:00.000Z')"));
    QVERIFY_OK(inserted);
    auto detail = store().cases().detail(kJohn, 10);
    QVERIFY_OK(detail);
    QVERIFY(!detail->assignedAttorney);
    QVERIFY(detail->documents.isEmpty());
    QVERIFY(detail->tasks.isEmpty());
}

// ---- tasks and notifications ------------------------------------------------------------------------------

void TestStore::taskListMatchesApiExample()
{
    auto tasks = store().tasks().list(kJohn);
    QVERIFY_OK(tasks);
    const QByteArray expected = json(R"([
      {"id": 1, "title": "Review Contract", "description": "Please review the contract and provide feedback",
       "status": "PENDING", "due_date": "2023-01-30", "case": {"id": 1, "title": "Contract Dispute"}},
      {"id": 2, "title": "Provide Additional Information",
       "description": "Please provide information about previous agreements", "status": "IN_PROGRESS",
       "due_date": "2023-02-15", "case": {"id": 1, "title": "Contract Dispute"}}])");
    QCOMPARE(json(*tasks), expected);

    auto task = store().tasks().detail(kJohn, 2);
    QVERIFY_OK(task);
    QCOMPARE(json(*task), json(tasks->at(1)));
}

void TestStore::taskListPutsUndatedLast()
{
    const QString insert
        = QStringLiteral("INSERT INTO tasks (id, case_id, title, status, due_date, updated_at) "
                         "VALUES (?, 2, ?, 'PENDING', ?, '2023-01-01T00:00:00.000Z')");
    QVERIFY_OK(store().database().exec(insert, { 10, QStringLiteral("Undated"), sqlDate(QDate()) }));
    QVERIFY_OK(store().database().exec(insert, { 11, QStringLiteral("Early"), sqlDate(QDate(2023, 1, 2)) }));
    QVERIFY_OK(store().database().exec(insert, { 9, QStringLiteral("Undated too"), sqlDate(QDate()) }));
    auto tasks = store().tasks().list(kJohn);
    QVERIFY_OK(tasks);
    QList<qint64> ids;
    for (const api::Task &task : std::as_const(*tasks))
        ids.append(task.id);
    QCOMPARE(ids, (QList<qint64> { 11, 1, 2, 9, 10 }));
    QVERIFY(!tasks->constLast().dueDate.isValid());
}

void TestStore::notificationListMatchesApiExample()
{
    auto notifications = store().notifications().list(kJohn);
    QVERIFY_OK(notifications);
    const QByteArray expected = json(R"([
      {"id": 1, "notification_type": "MESSAGE", "title": "New message in: Contract Review",
       "message": "Jane Smith sent a new message in Contract Review", "created_at": "2023-01-18T14:20:00Z",
       "is_read": false, "related_object_type": "MessageThread", "related_object_id": 1},
      {"id": 2, "notification_type": "DOCUMENT", "title": "New document uploaded",
       "message": "A new document 'Email Correspondence' has been uploaded to your case",
       "created_at": "2023-01-17T09:15:00Z", "is_read": true, "related_object_type": "Document",
       "related_object_id": 2}])");
    QCOMPARE(json(*notifications), expected);
}

void TestStore::markNotificationRead()
{
    auto marked = store().notifications().markRead(kJohn, 1);
    QVERIFY_OK(marked);
    const QByteArray expected = json(R"({"id": 1, "notification_type": "MESSAGE",
        "title": "New message in: Contract Review",
        "message": "Jane Smith sent a new message in Contract Review",
        "created_at": "2023-01-18T14:20:00Z", "is_read": true, "related_object_type": "MessageThread",
        "related_object_id": 1})");
    QCOMPARE(json(*marked), expected);
    auto notifications = store().notifications().list(kJohn);
    QVERIFY_OK(notifications);
    QVERIFY(notifications->constFirst().isRead);
    QVERIFY_OK(store().notifications().markRead(kJohn, 1)); // again: still fine
}

// ---- isolation --------------------------------------------------------------------------------------------

void TestStore::clientsSeeOnlyTheirOwnRows()
{
    // Client 2's rows (case 3 and everything on it, notification 3) do not exist for client 1.
    QVERIFY_ERROR(store().cases().detail(kJohn, 3), NotFound);
    QVERIFY_ERROR(store().threads().detail(kJohn, 3, false), NotFound);
    QVERIFY_ERROR(store().threads().detail(kJohn, 3, true), NotFound);
    QVERIFY_ERROR(store().threads().markRead(kJohn, 3), NotFound);
    QVERIFY_ERROR(store().threads().post(kJohn, 3, QStringLiteral("hello")), NotFound);
    QVERIFY_ERROR(store().threads().post(kJohn, 3, QString()), NotFound); // not even the content is judged
    QVERIFY_ERROR(store().documents().detail(kJohn, 3), NotFound);
    QVERIFY_ERROR(store().documents().file(kJohn, 3), NotFound);
    QVERIFY_ERROR(store().tasks().detail(kJohn, 3), NotFound);
    QVERIFY_ERROR(store().notifications().markRead(kJohn, 3), NotFound);
    QCOMPARE(rowCount(store(), QStringLiteral("message_reads")), 4);
    QCOMPARE(rowCount(store(), QStringLiteral("messages")), 6);

    // And the other way round, with the same calls on client 1's rows.
    QVERIFY_ERROR(store().cases().detail(kOlivia, 1), NotFound);
    QVERIFY_ERROR(store().threads().detail(kOlivia, 1, true), NotFound);
    QVERIFY_ERROR(store().documents().file(kOlivia, 1), NotFound);
    QVERIFY_ERROR(store().tasks().detail(kOlivia, 1), NotFound);
    QVERIFY_ERROR(store().notifications().markRead(kOlivia, 1), NotFound);

    // Client 2's lists hold exactly client 2's rows.
    auto cases = store().cases().list(kOlivia);
    QVERIFY_OK(cases);
    QCOMPARE(cases->size(), 1);
    QCOMPARE(cases->constFirst().id, 3);
    auto threads = store().threads().list(kOlivia);
    QVERIFY_OK(threads);
    QCOMPARE(threads->size(), 1);
    QCOMPARE(threads->constFirst().id, 3);
    QCOMPARE(threads->constFirst().unreadCount, 1);
    auto documents = store().documents().list(kOlivia);
    QVERIFY_OK(documents);
    QCOMPARE(documents->size(), 1);
    QCOMPARE(documents->constFirst().id, 3);
    auto tasks = store().tasks().list(kOlivia);
    QVERIFY_OK(tasks);
    QCOMPARE(tasks->size(), 1);
    QCOMPARE(tasks->constFirst().id, 3);
    auto notifications = store().notifications().list(kOlivia);
    QVERIFY_OK(notifications);
    QCOMPARE(notifications->size(), 1);
    QCOMPARE(notifications->constFirst().id, 3);

    // A caller with no client (an attorney through a client endpoint) sees nothing.
    const Caller attorney { 3, 0 };
    auto none = store().cases().list(attorney);
    QVERIFY_OK(none);
    QVERIFY(none->isEmpty());
}

// ---- users and tokens -------------------------------------------------------------------------------------

void TestStore::userLookups()
{
    auto john = store().users().byName(QStringLiteral("client_username"));
    QVERIFY_OK(john);
    QCOMPARE(john->id, 5);
    QCOMPARE(john->role, Role::Client);
    QCOMPARE(john->clientId, std::optional<qint64>(1));
    QCOMPARE(john->passwordHash, plainHash(QStringLiteral("client_password")));
    QCOMPARE(john->displayName(), QStringLiteral("John Doe"));
    QVERIFY(john->active);

    auto jane = store().users().byId(3);
    QVERIFY_OK(jane);
    QCOMPARE(jane->username, QStringLiteral("jsmith"));
    QCOMPARE(jane->role, Role::Attorney);
    QVERIFY(!jane->clientId);

    QVERIFY_ERROR(store().users().byName(QStringLiteral("nobody")), NotFound);
    QVERIFY_ERROR(store().users().byName(QStringLiteral("JSMITH")), NotFound);
    QVERIFY_ERROR(store().users().byId(999), NotFound);

    auto all = store().users().all();
    QVERIFY_OK(all);
    QCOMPARE(all->size(), 3);
}

void TestStore::addUser()
{
    UserRecord user;
    user.username = QStringLiteral("jsmith");
    user.passwordHash = "x";
    user.role = Role::Attorney;
    auto duplicate = store().users().add(user);
    QVERIFY_ERROR(duplicate, Conflict);
    QCOMPARE(duplicate.error().message, QStringLiteral("A user with that username already exists."));

    user.username = QStringLiteral("bwayne");
    user.id = 5;
    QVERIFY_ERROR(store().users().add(user), Conflict); // a taken id

    user.id = 0;
    user.role = Role::Client;
    QVERIFY_ERROR(store().users().add(user), Invalid); // a client user needs a client
    user.clientId = 42;
    QVERIFY_ERROR(store().users().add(user), Invalid);

    auto client = store().users().addClient({ 0, QStringLiteral("Wayne Enterprises"), {}, {} });
    QVERIFY_OK(client);
    QCOMPARE(*client, 3);
    QVERIFY_ERROR(store().users().addClient({ 1, QStringLiteral("Again"), {}, {} }), Conflict);
    user.clientId = *client;
    user.firstName = QStringLiteral("Bruce");
    auto id = store().users().add(user);
    QVERIFY_OK(id);
    QCOMPARE(*id, 7); // generated ids continue above the fixture's
    auto added = store().users().byId(*id);
    QVERIFY_OK(added);
    QCOMPARE(added->displayName(), QStringLiteral("Bruce"));
    auto profile = store().users().profile({ *id, *client });
    QVERIFY_OK(profile);
    QCOMPARE(profile->companyName, QStringLiteral("Wayne Enterprises"));
}

void TestStore::userUpdates()
{
    QVERIFY_OK(store().users().setActive(5, false));
    QVERIFY_OK(store().users().setPasswordHash(5, "new-hash"));
    auto john = store().users().byId(5);
    QVERIFY_OK(john);
    QVERIFY(!john->active);
    QCOMPARE(john->passwordHash, QByteArray("new-hash"));
    QVERIFY_ERROR(store().users().setActive(999, true), NotFound);
    QVERIFY_ERROR(store().users().setPasswordHash(999, "h"), NotFound);
}

void TestStore::tokenBlacklist()
{
    TokenBlacklist &blacklist = store().tokenBlacklist();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY_OK(blacklist.add(QStringLiteral("jti-1"), now.addDays(1)));
    auto again = blacklist.add(QStringLiteral("jti-1"), now.addDays(1));
    QVERIFY_ERROR(again, Conflict);
    QCOMPARE(again.error().message, QStringLiteral("Token is blacklisted."));

    auto known = blacklist.contains(QStringLiteral("jti-1"));
    QVERIFY_OK(known);
    QVERIFY(*known);
    auto unknown = blacklist.contains(QStringLiteral("jti-2"));
    QVERIFY_OK(unknown);
    QVERIFY(!*unknown);

    QVERIFY_OK(blacklist.add(QStringLiteral("jti-old"), now.addSecs(-1)));
    QVERIFY_OK(blacklist.purgeExpired(now));
    auto old = blacklist.contains(QStringLiteral("jti-old"));
    QVERIFY_OK(old);
    QVERIFY(!*old);
    known = blacklist.contains(QStringLiteral("jti-1"));
    QVERIFY_OK(known);
    QVERIFY(*known);
}

void TestStore::errorsNeverQuoteTheValues()
{
    // PostgreSQL's error text goes on with DETAIL lines that quote the row: "Key (jti)=(…) already exists",
    // "Failing row contains (…)". Bound values may be secrets; neither the error nor the log may hold them.
    const QString secret = QStringLiteral("secret-value-7f3a");
    const QString blacklist = QStringLiteral("INSERT INTO token_blacklist (jti, expires_at) VALUES (?, ?)");
    QVERIFY_OK(store().database().exec(blacklist, { secret, QStringLiteral("2030-01-01T00:00:00.000Z") }));
    auto duplicate
        = store().database().exec(blacklist, { secret, QStringLiteral("2030-01-01T00:00:00.000Z") });
    QVERIFY_ERROR(duplicate, Conflict);
    QVERIFY2(!duplicate.error().message.contains(secret), qPrintable(duplicate.error().message));

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^SQL error: (?!.*secret-value).*$")));
    auto refused = store().database().exec(
        QStringLiteral("INSERT INTO users (username, password_hash, role) VALUES (?, ?, 'nobody')"),
        { QStringLiteral("someone"), secret });
    QVERIFY_ERROR(refused, Failure);
    QVERIFY2(!refused.error().message.contains(secret), qPrintable(refused.error().message));
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
