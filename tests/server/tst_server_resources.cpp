// portal-server's client endpoints against the demo fixture: the exact shapes of the API document,
// messages and read state, and isolation between the fixture's two clients.
#include "TestServer.h"

#include <QtTest>

using namespace portal;
using portal::testing::HttpResult;
using portal::testing::TestServer;

namespace {

QJsonValue parse(const char *json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

QJsonObject findById(const QJsonArray &array, qint64 id)
{
    for (const QJsonValue &value : array) {
        if (value.toObject().value("id").toInteger() == id)
            return value.toObject();
    }
    return {};
}

} // namespace

class ServerResourcesTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PORTAL_SKIP_WITHOUT_TEST_DATABASE(); }
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->errorString()));
        m_token = m_server->clientToken();
        QVERIFY(!m_token.isEmpty());
    }

    void profileIsTheDocumentsExample()
    {
        const HttpResult result = m_server->get("/api/portal/profile/", m_token);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(QJsonValue(result.object()), parse(R"({
          "id": 1,
          "user": {"id": 5, "username": "client_username", "email": "client@example.com",
                   "first_name": "John", "last_name": "Doe"},
          "company_name": "Acme Inc.", "phone": "123-456-7890", "address": "123 Main St, Anytown, USA"})"));
    }

    void casesAreTheDocumentsExample()
    {
        const HttpResult result = m_server->get("/api/portal/cases/", m_token);
        QCOMPARE(result.status, 200);
        QCOMPARE(QJsonValue(result.array()), parse(R"([
          {"id": 1, "title": "Contract Dispute", "case_number": "CD-2023-001", "status": "OPEN",
           "open_date": "2023-01-15", "description": "Contract dispute with supplier", "case_type": "CIVIL"},
          {"id": 2, "title": "Trademark Registration", "case_number": "TR-2023-002", "status": "OPEN",
           "open_date": "2023-02-20", "description": "Trademark registration for new product",
           "case_type": "INTELLECTUAL_PROPERTY"}])"));
    }

    void caseDetail()
    {
        const HttpResult result = m_server->get("/api/portal/cases/1/", m_token);
        QCOMPARE(result.status, 200);
        const QJsonObject detail = result.object();
        QCOMPARE(detail.value("assigned_attorney"),
                 parse(R"({"id": 3, "name": "Jane Smith", "email": "jsmith@example.com"})"));
        QCOMPARE(detail.value("case_type").toString(), QStringLiteral("CIVIL"));
        QCOMPARE(
            findById(detail.value("documents").toArray(), 1),
            parse(
                R"({"id": 1, "title": "Contract", "file_type": "PDF", "uploaded_at": "2023-01-16T14:30:00Z"})")
                .toObject());
        QCOMPARE(
            findById(detail.value("tasks").toArray(), 1),
            parse(R"({"id": 1, "title": "Review Contract", "status": "PENDING", "due_date": "2023-01-30"})")
                .toObject());
        QCOMPARE(detail.value("documents").toArray().size(), 2);
        QCOMPARE(detail.value("tasks").toArray().size(), 2);
    }

    void threadList()
    {
        const HttpResult result = m_server->get("/api/portal/messages/", m_token);
        QCOMPARE(result.status, 200);
        const QJsonArray threads = result.array();
        QCOMPARE(threads.size(), 2);
        QCOMPARE(findById(threads, 1),
                 parse(R"({"id": 1, "subject": "Contract Review", "case": 1,
          "created_at": "2023-01-17T10:15:00Z", "updated_at": "2023-01-18T14:20:00Z", "unread_count": 2})")
                     .toObject());
        QCOMPARE(findById(threads, 2).value("unread_count").toInt(), 0);
        // Newest activity first.
        QCOMPARE(threads.at(0).toObject().value("id").toInt(), 2);
    }

    void readingAThreadMarksItRead()
    {
        const HttpResult peek = m_server->get("/api/portal/messages/1/?mark_read=false", m_token);
        QCOMPARE(peek.status, 200);
        const QJsonArray messages = peek.object().value("messages").toArray();
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages.at(0).toObject(),
                 parse(R"({"id": 1, "sender": {"id": 3, "name": "Jane Smith"},
          "content": "Please review the attached contract", "created_at": "2023-01-17T10:15:00Z", "is_read": true})")
                     .toObject());
        QCOMPARE(messages.at(1).toObject().value("is_read").toBool(),
                 true); // own message, read by the attorney
        QCOMPARE(messages.at(2).toObject().value("is_read").toBool(), false);
        QCOMPARE(peek.object().value("case"), parse(R"({"id": 1, "title": "Contract Dispute"})"));
        QCOMPARE(unread(1), 2); // ?mark_read=false left it unread

        const HttpResult read = m_server->get("/api/portal/messages/1/", m_token);
        QCOMPARE(read.status, 200);
        QCOMPARE(read.object().value("messages").toArray().at(3).toObject().value("is_read").toBool(), true);
        QCOMPARE(unread(1), 0);
    }

    void markReadExtension()
    {
        const HttpResult result = m_server->post("/api/portal/messages/1/read/", {}, m_token);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.object().value("unread_count").toInt(), 0);
        QCOMPARE(result.object().value("case").toInt(), 1);
        QCOMPARE(unread(1), 0);
        QCOMPARE(m_server->post("/api/portal/messages/3/read/", {}, m_token).status, 404);
    }

    void replying()
    {
        const HttpResult posted
            = m_server->post("/api/portal/messages/2/", { { "content", "Here they are." } }, m_token);
        QCOMPARE(posted.status, 201);
        const QJsonObject message = posted.object();
        QCOMPARE(message.keys(), QStringList({ "content", "created_at", "id", "is_read", "sender" }));
        QCOMPARE(message.value("sender"), parse(R"({"id": 5, "name": "John Doe"})"));
        QCOMPARE(message.value("content").toString(), QStringLiteral("Here they are."));
        QCOMPARE(message.value("is_read").toBool(), false);

        const HttpResult thread = m_server->get("/api/portal/messages/2/", m_token);
        const QJsonArray messages = thread.object().value("messages").toArray();
        QCOMPARE(messages.last().toObject().value("id"), message.value("id"));
        QCOMPARE(thread.object().value("updated_at"), message.value("created_at"));
        QCOMPARE(unread(2), 0); // one's own messages never count
    }

    void badReplies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("blank") << QByteArray(R"({"content":"   "})");
        QTest::newRow("missing") << QByteArray(R"({"text":"hi"})");
        QTest::newRow("number") << QByteArray(R"({"content":42})");
        QTest::newRow("null") << QByteArray(R"({"content":null})");
        QTest::newRow("too long") << QByteArray(QByteArray("{\"content\":\"") + QByteArray(10001, 'a')
                                                + QByteArray("\"}"));
        QTest::newRow("not json") << QByteArray("content=hi");
    }

    void badReplies()
    {
        QFETCH(QByteArray, body);
        const HttpResult result = m_server->send("POST", "/api/portal/messages/1/", body, m_token,
                                                 { { "Content-Type", "application/json" } });
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorCode(), QStringLiteral("invalid_request"));
    }

    void startingAThread()
    {
        const HttpResult created = m_server->post(
            "/api/portal/messages/",
            { { "subject", "New Thread Subject" }, { "case", 1 }, { "message", "Initial message content" } },
            m_token);
        QCOMPARE(created.status, 201);
        const QJsonObject thread = created.object();
        QCOMPARE(thread.value("subject").toString(), QStringLiteral("New Thread Subject"));
        QCOMPARE(thread.value("case"), parse(R"({"id": 1, "title": "Contract Dispute"})"));
        QCOMPARE(thread.value("messages").toArray().size(), 1);
        QCOMPARE(thread.value("messages").toArray().at(0).toObject().value("content").toString(),
                 QStringLiteral("Initial message content"));
        QCOMPARE(thread.value("created_at"), thread.value("updated_at"));
        QCOMPARE(m_server->get("/api/portal/messages/", m_token).array().size(), 3);

        // Another client's case is not a valid choice; bad fields are named.
        const HttpResult foreign = m_server->post(
            "/api/portal/messages/", { { "subject", "x" }, { "case", 3 }, { "message", "y" } }, m_token);
        QCOMPARE(foreign.status, 400);
        QVERIFY(foreign.object().value("error").toObject().value("details").toObject().contains("case"));
        const HttpResult wrongType = m_server->post(
            "/api/portal/messages/", { { "subject", "x" }, { "case", "1" }, { "message", "y" } }, m_token);
        QCOMPARE(wrongType.status, 400);
        QVERIFY(wrongType.object().value("error").toObject().value("details").toObject().contains("case"));
        const HttpResult blank = m_server->post(
            "/api/portal/messages/", { { "subject", "" }, { "case", 1 }, { "message", "y" } }, m_token);
        QCOMPARE(blank.status, 400);
        QVERIFY(blank.object().value("error").toObject().value("details").toObject().contains("subject"));
    }

    void tasks()
    {
        const HttpResult result = m_server->get("/api/portal/tasks/", m_token);
        QCOMPARE(result.status, 200);
        QCOMPARE(QJsonValue(result.array()), parse(R"([
          {"id": 1, "title": "Review Contract", "description": "Please review the contract and provide feedback",
           "status": "PENDING", "due_date": "2023-01-30", "case": {"id": 1, "title": "Contract Dispute"}},
          {"id": 2, "title": "Provide Additional Information",
           "description": "Please provide information about previous agreements", "status": "IN_PROGRESS",
           "due_date": "2023-02-15", "case": {"id": 1, "title": "Contract Dispute"}}])"));
        QCOMPARE(m_server->get("/api/portal/tasks/2/", m_token).object().value("status").toString(),
                 QStringLiteral("IN_PROGRESS"));
    }

    void notifications()
    {
        const HttpResult result = m_server->get("/api/portal/notifications/", m_token);
        QCOMPARE(result.status, 200);
        QCOMPARE(QJsonValue(result.array()), parse(R"([
          {"id": 1, "notification_type": "MESSAGE", "title": "New message in: Contract Review",
           "message": "Jane Smith sent a new message in Contract Review", "created_at": "2023-01-18T14:20:00Z",
           "is_read": false, "related_object_type": "MessageThread", "related_object_id": 1},
          {"id": 2, "notification_type": "DOCUMENT", "title": "New document uploaded",
           "message": "A new document 'Email Correspondence' has been uploaded to your case",
           "created_at": "2023-01-17T09:15:00Z", "is_read": true, "related_object_type": "Document", "related_object_id": 2}])"));

        const HttpResult read = m_server->post("/api/portal/notifications/1/read/", {}, m_token);
        QCOMPARE(read.status, 200);
        QCOMPARE(read.object().value("is_read").toBool(), true);
        QCOMPARE(read.object().value("id").toInt(), 1);
        QCOMPARE(findById(m_server->get("/api/portal/notifications/", m_token).array(), 1)
                     .value("is_read")
                     .toBool(),
                 true);
    }

    void anotherClientsDataIsNotFound_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("case") << QByteArray("GET") << "/api/portal/cases/3/";
        QTest::newRow("thread") << QByteArray("GET") << "/api/portal/messages/3/";
        QTest::newRow("thread peek") << QByteArray("GET") << "/api/portal/messages/3/?mark_read=false";
        QTest::newRow("reply") << QByteArray("POST") << "/api/portal/messages/3/";
        QTest::newRow("thread read") << QByteArray("POST") << "/api/portal/messages/3/read/";
        QTest::newRow("document") << QByteArray("GET") << "/api/portal/documents/3/";
        QTest::newRow("download") << QByteArray("GET") << "/api/portal/documents/3/download/";
        QTest::newRow("task") << QByteArray("GET") << "/api/portal/tasks/3/";
        QTest::newRow("notification") << QByteArray("POST") << "/api/portal/notifications/3/read/";
        QTest::newRow("unknown case") << QByteArray("GET") << "/api/portal/cases/999999/";
    }

    void anotherClientsDataIsNotFound()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const QByteArray body = method == "POST" ? QByteArray(R"({"content":"let me in"})") : QByteArray();
        const HttpResult result = m_server->send(method, path, body, m_token);
        QCOMPARE(result.status, 404);
        QCOMPARE(result.errorCode(), QStringLiteral("not_found"));
        // Nothing was changed on the other side.
        const QByteArray other = m_server->otherClientToken();
        QCOMPARE(m_server->get("/api/portal/messages/3/?mark_read=false", other)
                     .object()
                     .value("messages")
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(
            findById(m_server->get("/api/portal/notifications/", other).array(), 3).value("is_read").toBool(),
            false);
    }

    void otherClientSeesOnlyItsOwn()
    {
        const QByteArray other = m_server->otherClientToken();
        const auto ids = [&](const QString &path) {
            QList<int> result;
            for (const QJsonValue &value : m_server->get(path, other).array())
                result.append(value.toObject().value("id").toInt());
            return result;
        };
        QCOMPARE(ids("/api/portal/cases/"), QList<int>({ 3 }));
        QCOMPARE(ids("/api/portal/messages/"), QList<int>({ 3 }));
        QCOMPARE(ids("/api/portal/documents/"), QList<int>({ 3 }));
        QCOMPARE(ids("/api/portal/tasks/"), QList<int>({ 3 }));
        QCOMPARE(ids("/api/portal/notifications/"), QList<int>({ 3 }));
        QCOMPARE(m_server->get("/api/portal/profile/", other).object().value("company_name").toString(),
                 QStringLiteral("Globex LLC"));
        QCOMPARE(m_server->get("/api/portal/cases/1/", other).status, 404);
    }

private:
    int unread(qint64 threadId)
    {
        return findById(m_server->get("/api/portal/messages/", m_token).array(), threadId)
            .value("unread_count")
            .toInt(-1);
    }

    std::unique_ptr<TestServer> m_server;
    QByteArray m_token;
};

QTEST_GUILESS_MAIN(ServerResourcesTest)
#include "tst_server_resources.moc"
