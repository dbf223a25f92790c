// portal-server's staff API (/api/staff/…) against the demo fixture: each endpoint's answers and errors,
// the role gates, the attorney's case scope, and for each write the one event and the notifications it
// gives: the case's client's users each get one, the other client and the actor none.
#include "Database.h"
#include "PasswordHasher.h"
#include "TestServer.h"

#include <QtTest>

using namespace portal;
using portal::testing::HttpResult;
using portal::testing::TestServer;

namespace {

constexpr qint64 kAttorney = 3; // jsmith, assigned to the fixture's cases
constexpr qint64 kClientUser = 5; // client_username, client 1
constexpr qint64 kOtherClientUser = 6; // other_client, client 2

struct EventRow
{
    QString type;
    QJsonObject data;
    qint64 clientId = 0;
    qint64 actor = 0;
};

} // namespace

class ServerStaffTest : public QObject
{
    Q_OBJECT

private:
    store::Store &store() { return m_server->server().store(); }

    qint64 addUser(const QString &name, store::Role role, std::optional<qint64> clientId = std::nullopt)
    {
        store::UserRecord user;
        user.username = name;
        user.passwordHash = auth::hashPassword(QStringLiteral("secret-%1").arg(name));
        user.firstName = name;
        user.lastName = QStringLiteral("Tester");
        user.role = role;
        user.clientId = clientId;
        auto id = store().users().add(user);
        return id ? *id : 0;
    }
    QByteArray tokenOf(const QString &name)
    {
        return m_server->signIn(name, QStringLiteral("secret-%1").arg(name));
    }

    QList<api::Notification> notificationsOf(qint64 userId)
    {
        auto user = store().users().byId(userId);
        auto list = store().notifications().list(store::Caller { userId, user->clientId.value_or(0) });
        return list ? *list : QList<api::Notification> {};
    }

    QList<EventRow> events()
    {
        QList<EventRow> rows;
        auto done = store().database().exec(
            QStringLiteral("SELECT type, data, client_id, actor_user_id FROM events ORDER BY id"), {},
            [&](const store::SqlRow &row) {
                rows.append({ row.text(0), QJsonDocument::fromJson(row.text(1).toUtf8()).object(),
                              row.integer(2), row.optionalInteger(3).value_or(0) });
            });
        return done ? rows : QList<EventRow> {};
    }

    // The case's client's two users got exactly `type` about `relatedType`/`relatedId`; nobody else anything.
    void verifyClientOneNotified(const QString &type, const QString &relatedType, qint64 relatedId)
    {
        for (const qint64 user : { kClientUser, m_secondClientUser }) {
            const auto notes = notificationsOf(user);
            QCOMPARE(notes.size(), 1);
            QCOMPARE(notes.first().notificationType, type);
            QCOMPARE(notes.first().relatedObjectType, relatedType);
            QCOMPARE(notes.first().relatedObjectId, std::optional<qint64>(relatedId));
        }
        QVERIFY(notificationsOf(kOtherClientUser).isEmpty());
        QVERIFY(notificationsOf(kAttorney).isEmpty());
    }

    // Notifications from the fixture are cleared so that each test counts only its own.
    void clearNotifications()
    {
        QVERIFY(store().database().exec(QStringLiteral("DELETE FROM notifications")).ok());
    }

    std::unique_ptr<TestServer> m_server;
    QByteArray m_attorney;
    qint64 m_secondClientUser = 0;

private slots:
    void initTestCase() { PORTAL_SKIP_WITHOUT_TEST_DATABASE(); }
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->errorString()));
        m_attorney = m_server->attorneyToken();
        QVERIFY(!m_attorney.isEmpty());
        m_secondClientUser = addUser(QStringLiteral("client_second"), store::Role::Client, 1);
        QVERIFY(m_secondClientUser > 0);
        clearNotifications();
    }

    void rolesAreKeptApart()
    {
        const QByteArray client = m_server->clientToken();
        for (const char *path : { "/api/staff/cases/", "/api/staff/clients/", "/api/staff/tasks/",
                                  "/api/staff/messages/", "/api/staff/cases/1/" }) {
            const HttpResult result = m_server->get(QString::fromLatin1(path), client);
            QCOMPARE(result.status, 403);
            QCOMPARE(result.errorCode(), QStringLiteral("permission_denied"));
        }
        QCOMPARE(m_server->post("/api/staff/messages/1/", { { "content", "hi" } }, client).status, 403);
        QCOMPARE(m_server->get("/api/portal/cases/", m_attorney).status, 403);
        QCOMPARE(m_server->get("/api/staff/cases/").status, 401);
    }

    void attorneySeesOnlyAssignedCases()
    {
        const HttpResult mine = m_server->get("/api/staff/cases/", m_attorney);
        QCOMPARE(mine.status, 200);
        QVERIFY(!mine.array().isEmpty());
        const QJsonObject first = mine.array().first().toObject();
        QCOMPARE(first.value("client").toObject().value("company_name").toString(),
                 QStringLiteral("Acme Inc."));
        QCOMPARE(first.value("assigned_attorney").toObject().value("id").toInteger(), kAttorney);
        QVERIFY(first.contains("updated_at"));

        QVERIFY(addUser(QStringLiteral("attorney_two"), store::Role::Attorney) > 0);
        const QByteArray other = tokenOf(QStringLiteral("attorney_two"));
        QCOMPARE(m_server->get("/api/staff/cases/", other).array().size(), 0);
        QCOMPARE(m_server->get("/api/staff/cases/1/", other).status, 404);
        QCOMPARE(m_server->send("PATCH", "/api/staff/cases/1/", R"({"title":"x"})", other).status, 404);
        QCOMPARE(m_server->post("/api/staff/messages/1/", { { "content", "hi" } }, other).status, 404);
        QCOMPARE(m_server->get("/api/staff/messages/1/", other).status, 404);
        QCOMPARE(m_server->get("/api/staff/messages/", other).array().size(), 0);

        QVERIFY(addUser(QStringLiteral("boss"), store::Role::Admin) > 0);
        const QByteArray admin = tokenOf(QStringLiteral("boss"));
        QCOMPARE(m_server->get("/api/staff/cases/", admin).array().size(), mine.array().size());
        QCOMPARE(m_server->get("/api/staff/cases/1/", admin).status, 200);
    }

    void clientsListAndCreate()
    {
        const HttpResult list = m_server->get("/api/staff/clients/", m_attorney);
        QCOMPARE(list.status, 200);
        const QJsonObject acme = list.array().first().toObject();
        QCOMPARE(acme.value("company_name").toString(), QStringLiteral("Acme Inc."));
        QCOMPARE(acme.value("users").toArray().size(), 2);

        const HttpResult created = m_server->post(
            "/api/staff/clients/", { { "company_name", "Initech" }, { "phone", "555" } }, m_attorney);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.object().value("company_name").toString(), QStringLiteral("Initech"));
        QCOMPARE(created.object().value("users").toArray().size(), 0);

        const HttpResult blank
            = m_server->post("/api/staff/clients/", { { "company_name", "  " } }, m_attorney);
        QCOMPARE(blank.status, 400);
        QCOMPARE(blank.json()["error"]["details"]["company_name"][0].toString(),
                 QStringLiteral("This field may not be blank."));
        const HttpResult unknown
            = m_server->post("/api/staff/clients/", { { "company_name", "A" }, { "vat", "1" } }, m_attorney);
        QCOMPARE(unknown.status, 400);
        QVERIFY(unknown.json()["error"]["details"].toObject().contains("vat"));
    }

    void createCase()
    {
        const HttpResult created = m_server->post(
            "/api/staff/cases/", { { "client", 2 }, { "title", "Lease" }, { "case_number", "LS-1" } },
            m_attorney);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.object().value("status").toString(), QStringLiteral("OPEN"));
        QCOMPARE(created.json()["assigned_attorney"]["id"].toInteger(), kAttorney);
        QCOMPARE(created.json()["client"]["id"].toInteger(), 2);

        const HttpResult duplicate = m_server->post(
            "/api/staff/cases/", { { "client", 7 }, { "title", "" }, { "case_number", "LS-1" } }, m_attorney);
        QCOMPARE(duplicate.status, 400);
        const QJsonObject details = duplicate.json()["error"]["details"].toObject();
        QVERIFY(details.contains("client"));
        QVERIFY(details.contains("title"));
        QVERIFY(details.contains("case_number"));
    }

    void patchCaseNotifiesTheClient()
    {
        const HttpResult patched = m_server->send("PATCH", "/api/staff/cases/1/",
                                                  R"({"status":"CLOSED","title":"Settled"})", m_attorney);
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.object().value("status").toString(), QStringLiteral("CLOSED"));
        QCOMPARE(patched.object().value("title").toString(), QStringLiteral("Settled"));

        verifyClientOneNotified(QStringLiteral("CASE"), QStringLiteral("Case"), 1);
        const api::Notification note = notificationsOf(kClientUser).first();
        QCOMPARE(note.title, QStringLiteral("Case updated: Settled"));
        QCOMPARE(note.message, QStringLiteral("Jane Smith updated the case CD-2023-001"));
        const auto rows = events();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().type, QStringLiteral("case.updated"));
        QCOMPARE(rows.first().data.value("case_id").toInteger(), 1);
        QCOMPARE(rows.first().data.value("changed_fields").toArray(), QJsonArray({ "status", "title" }));
        QCOMPARE(rows.first().actor, kAttorney);

        // Repeating the same values changes nothing and tells no one.
        QCOMPARE(m_server->send("PATCH", "/api/staff/cases/1/", R"({"status":"CLOSED"})", m_attorney).status,
                 200);
        QCOMPARE(events().size(), 1);
    }

    void patchCaseErrors()
    {
        const auto patch = [&](const QByteArray &body) {
            return m_server->send("PATCH", "/api/staff/cases/1/", body, m_attorney);
        };
        QCOMPARE(patch(R"({"colour":"red"})").status, 400);
        const HttpResult wrongType = patch(R"({"title":5})");
        QCOMPARE(wrongType.status, 400);
        QVERIFY(wrongType.json()["error"]["details"].toObject().contains("title"));
        QCOMPARE(patch(R"({"title":" "})").json()["error"]["details"]["title"][0].toString(),
                 QStringLiteral("This field may not be blank."));
        QCOMPARE(
            patch(R"({"assigned_attorney":5})").json()["error"]["details"]["assigned_attorney"][0].toString(),
            QStringLiteral("Invalid pk \"5\" - object does not exist."));
        QCOMPARE(m_server->send("PATCH", "/api/staff/cases/999/", R"({"title":"x"})", m_attorney).status,
                 404);
        QVERIFY(events().isEmpty());
        QVERIFY(notificationsOf(kClientUser).isEmpty());
    }

    void reassigningHandsTheCaseOver()
    {
        const qint64 colleague = addUser(QStringLiteral("attorney_two"), store::Role::Attorney);
        const HttpResult patched = m_server->send(
            "PATCH", "/api/staff/cases/1/",
            QByteArray(R"({"assigned_attorney":)") + QByteArray::number(colleague) + '}', m_attorney);
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json()["assigned_attorney"]["id"].toInteger(), colleague);
        QCOMPARE(m_server->get("/api/staff/cases/1/", m_attorney).status, 404);
        QCOMPARE(m_server->get("/api/staff/cases/1/", tokenOf(QStringLiteral("attorney_two"))).status, 200);
    }

    void tasks()
    {
        const HttpResult created = m_server->post(
            "/api/staff/tasks/", { { "case", 1 }, { "title", "Sign the NDA" }, { "due_date", "2024-05-01" } },
            m_attorney);
        QCOMPARE(created.status, 201);
        const qint64 taskId = created.object().value("id").toInteger();
        QCOMPARE(created.object().value("status").toString(), QStringLiteral("PENDING"));
        QCOMPARE(created.json()["client"]["id"].toInteger(), 1);
        verifyClientOneNotified(QStringLiteral("TASK"), QStringLiteral("Task"), taskId);
        QCOMPARE(notificationsOf(kClientUser).first().message,
                 QStringLiteral("Jane Smith assigned you the task 'Sign the NDA'"));
        QCOMPARE(notificationsOf(kClientUser).first().title, QStringLiteral("New task assigned"));
        QCOMPARE(events().first().type, QStringLiteral("task.assigned"));
        QCOMPARE(events().first().data, QJsonObject({ { "task_id", taskId }, { "case_id", 1 } }));

        // The client sees it through the client API.
        QCOMPARE(m_server->get(QStringLiteral("/api/portal/tasks/%1/").arg(taskId), m_server->clientToken())
                     .status,
                 200);

        const HttpResult patched = m_server->send("PATCH", QStringLiteral("/api/staff/tasks/%1/").arg(taskId),
                                                  R"({"status":"COMPLETED","due_date":null})", m_attorney);
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.object().value("status").toString(), QStringLiteral("COMPLETED"));
        QVERIFY(patched.object().value("due_date").isNull());

        QVERIFY(m_server->get("/api/staff/tasks/", m_attorney).array().size() >= 1);
        QCOMPARE(
            m_server->post("/api/staff/tasks/", { { "case", 999 }, { "title", "x" } }, m_attorney).status,
            400);
        QCOMPARE(m_server
                     ->send("PATCH", QStringLiteral("/api/staff/tasks/%1/").arg(taskId),
                            R"({"due_date":"soon"})", m_attorney)
                     .status,
                 400);
        QCOMPARE(m_server->send("PATCH", "/api/staff/tasks/999/", R"({"status":"X"})", m_attorney).status,
                 404);
    }

    void staffMessagesNotifyTheClient()
    {
        const HttpResult posted
            = m_server->post("/api/staff/messages/1/", { { "content", "Any news?" } }, m_attorney);
        QCOMPARE(posted.status, 201);
        QCOMPARE(posted.json()["sender"]["id"].toInteger(), kAttorney);
        verifyClientOneNotified(QStringLiteral("MESSAGE"), QStringLiteral("MessageThread"), 1);
        const api::Notification note = notificationsOf(kClientUser).first();
        const QString subject
            = m_server->get("/api/staff/messages/1/", m_attorney).object().value("subject").toString();
        QCOMPARE(note.title, QStringLiteral("New message in: %1").arg(subject));
        QCOMPARE(note.message, QStringLiteral("Jane Smith sent a new message in %1").arg(subject));
        const EventRow event = events().first();
        QCOMPARE(event.type, QStringLiteral("message.created"));
        QCOMPARE(event.data,
                 QJsonObject({ { "message_id", posted.object().value("id").toInteger() },
                               { "thread_id", 1 },
                               { "sender_id", kAttorney },
                               { "case_id", 1 } }));

        QCOMPARE(m_server->post("/api/staff/messages/1/", { { "content", " " } }, m_attorney).status, 400);

        const HttpResult list = m_server->get("/api/staff/messages/", m_attorney);
        QCOMPARE(list.status, 200);
        QVERIFY(list.array().first().toObject().contains("client"));
        QVERIFY(list.array().first().toObject().contains("unread_count"));
    }

    void staffStartsAThread()
    {
        const HttpResult started = m_server->post(
            "/api/staff/messages/", { { "case", 2 }, { "subject", "Filing" }, { "message", "Please sign" } },
            m_attorney);
        QCOMPARE(started.status, 201);
        const qint64 threadId = started.object().value("id").toInteger();
        verifyClientOneNotified(QStringLiteral("MESSAGE"), QStringLiteral("MessageThread"), threadId);
        QCOMPARE(notificationsOf(kClientUser).first().title, QStringLiteral("New message in: Filing"));

        const HttpResult bad = m_server->post(
            "/api/staff/messages/", { { "case", 999 }, { "subject", "" }, { "message", "x" } }, m_attorney);
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.json()["error"]["details"].toObject().contains("case"));
        QVERIFY(bad.json()["error"]["details"].toObject().contains("subject"));
    }

    void clientMessageNotifiesOnlyTheOthers()
    {
        const HttpResult posted
            = m_server->post("/api/portal/messages/1/", { { "content", "Hello" } }, m_server->clientToken());
        QCOMPARE(posted.status, 201);

        // The attorney sees it unread until reading the thread.
        const auto unreadOf = [&] {
            for (const QJsonValue &thread : m_server->get("/api/staff/messages/", m_attorney).array()) {
                if (thread["id"].toInteger() == 1)
                    return thread["unread_count"].toInt();
            }
            return -1;
        };
        QVERIFY(unreadOf() >= 1);
        QCOMPARE(m_server->get("/api/staff/messages/1/", m_attorney).status, 200);
        QCOMPARE(unreadOf(), 0);

        QVERIFY(notificationsOf(kClientUser).isEmpty());
        QCOMPARE(notificationsOf(m_secondClientUser).size(), 1);
        QVERIFY(notificationsOf(kOtherClientUser).isEmpty());
        QCOMPARE(notificationsOf(m_secondClientUser).first().message,
                 QStringLiteral("John Doe sent a new message in %1")
                     .arg(m_server->get("/api/staff/messages/1/", m_attorney)
                              .object()
                              .value("subject")
                              .toString()));
        const EventRow event = events().first();
        QCOMPARE(event.type, QStringLiteral("message.created"));
        QCOMPARE(event.data.value("sender_id").toInteger(), kClientUser);
        QCOMPARE(event.actor, kClientUser);
        QCOMPARE(event.clientId, 1);
    }

    void uploadsNotify()
    {
        auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart title;
        title.setHeader(QNetworkRequest::ContentDispositionHeader, QVariant("form-data; name=\"title\""));
        title.setBody("Engagement letter");
        QHttpPart file;
        file.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QVariant("form-data; name=\"file\"; filename=\"letter.pdf\""));
        file.setBody("%PDF-1.4 letter");
        multipart->append(title);
        multipart->append(file);
        const HttpResult uploaded
            = m_server->postMultipart("/api/staff/cases/1/documents/", multipart, m_attorney);
        QCOMPARE(uploaded.status, 201);
        const qint64 documentId = uploaded.object().value("id").toInteger();
        verifyClientOneNotified(QStringLiteral("DOCUMENT"), QStringLiteral("Document"), documentId);
        QCOMPARE(notificationsOf(kClientUser).first().message,
                 QStringLiteral("A new document 'Engagement letter' has been uploaded to your case"));
        QCOMPARE(
            events().first().data,
            QJsonObject({ { "document_id", documentId }, { "case_id", 1 }, { "uploaded_by", kAttorney } }));

        QVERIFY(addUser(QStringLiteral("attorney_two"), store::Role::Attorney) > 0);
        auto *again = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        again->append(title);
        again->append(file);
        QCOMPARE(m_server
                     ->postMultipart("/api/staff/cases/1/documents/", again,
                                     tokenOf(QStringLiteral("attorney_two")))
                     .status,
                 404);
    }

    void caseDocumentsListAndDownload()
    {
        // The client's documents of case 1, as the client lists them.
        const QByteArray client = m_server->clientToken();
        QJsonArray expected;
        for (const QJsonValue &document : m_server->get("/api/portal/documents/", client).array())
            if (document.toObject().value("case").toObject().value("id").toInteger() == 1)
                expected.append(document);
        QVERIFY(!expected.isEmpty());
        const HttpResult listed = m_server->get("/api/staff/cases/1/documents/", m_attorney);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.array(), expected);

        const qint64 documentId = expected.first().toObject().value("id").toInteger();
        const QString path = QStringLiteral("/api/staff/documents/%1/download/").arg(documentId);
        const HttpResult staffCopy = m_server->get(path, m_attorney);
        QCOMPARE(staffCopy.status, 200);
        const HttpResult clientCopy
            = m_server->get(QStringLiteral("/api/portal/documents/%1/download/").arg(documentId), client);
        QCOMPARE(staffCopy.body, clientCopy.body);
        QCOMPARE(staffCopy.header("etag"), clientCopy.header("etag"));
        QCOMPARE(m_server->get(path, m_attorney, { { "Range", "bytes=0-3" } }).status, 206);

        QVERIFY(addUser(QStringLiteral("attorney_two"), store::Role::Attorney) > 0);
        const QByteArray other = tokenOf(QStringLiteral("attorney_two"));
        QCOMPARE(m_server->get("/api/staff/cases/1/documents/", other).status, 404);
        QCOMPARE(m_server->get(path, other).status, 404);
        QCOMPARE(m_server->get("/api/staff/documents/999999/download/", m_attorney).status, 404);
        QCOMPARE(m_server->get(path, client).status, 403);
    }
};

QTEST_GUILESS_MAIN(ServerStaffTest)
#include "tst_server_staff.moc"
