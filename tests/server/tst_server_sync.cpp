// The delta sync (GET /api/portal/sync/) against the demo fixture: a full sync gives what the list
// endpoints give, paging covers every object once, every kind of write arrives in the next delta, another
// client's objects never do, and bad parameters are 400. Also the extension switches (ServerFeatures) and
// the change log's migration of existing data.
#include "Database.h"
#include "Migrations.h"
#include "PasswordHasher.h"
#include "SyncTypes.h"
#include "TestServer.h"

#include <QtTest>

using namespace portal;
using portal::testing::HttpResult;
using portal::testing::TestServer;

namespace {

// Everything a sync run has given, each object in its latest state, by kind and id.
struct SyncedState
{
    std::optional<api::Profile> profile;
    QMap<qint64, api::SyncCase> cases;
    QMap<qint64, api::Thread> threads;
    QMap<qint64, api::SyncMessage> messages;
    QMap<qint64, api::Document> documents;
    QMap<qint64, api::Task> tasks;
    QMap<qint64, api::Notification> notifications;
    api::SyncDeletions deleted;
    QString cursor;
    int requests = 0;
    QList<QPair<QString, qint64>> seen; // every (kind, id) of every page, in order

    void apply(const api::SyncPage &page)
    {
        if (page.profile) {
            profile = page.profile;
            seen.append({ QStringLiteral("profile"), page.profile->id });
        }
        for (const auto &item : page.cases) {
            cases.insert(item.summary.id, item);
            seen.append({ QStringLiteral("case"), item.summary.id });
        }
        for (const auto &item : page.threads) {
            threads.insert(item.id, item);
            seen.append({ QStringLiteral("thread"), item.id });
        }
        for (const auto &item : page.messages) {
            messages.insert(item.message.id, item);
            seen.append({ QStringLiteral("message"), item.message.id });
        }
        for (const auto &item : page.documents) {
            documents.insert(item.id, item);
            seen.append({ QStringLiteral("document"), item.id });
        }
        for (const auto &item : page.tasks) {
            tasks.insert(item.id, item);
            seen.append({ QStringLiteral("task"), item.id });
        }
        for (const auto &item : page.notifications) {
            notifications.insert(item.id, item);
            seen.append({ QStringLiteral("notification"), item.id });
        }
        deleted.threads += page.deleted.threads;
        deleted.messages += page.deleted.messages;
        deleted.documents += page.deleted.documents;
        deleted.tasks += page.deleted.tasks;
        deleted.cases += page.deleted.cases;
        deleted.notifications += page.deleted.notifications;
        cursor = page.cursor;
    }

    int objectCount() const
    {
        return int(seen.size() + deleted.cases.size() + deleted.threads.size() + deleted.messages.size()
                   + deleted.documents.size() + deleted.tasks.size() + deleted.notifications.size());
    }
};

qint64 positionOf(const QString &cursor)
{
    return cursor.mid(1).toLongLong(); // the test knows the server's cursor form ("s123")
}

QByteArray multipartBody(const QByteArray &boundary, const QByteArray &title, const QByteArray &bytes)
{
    QByteArray body;
    const auto field = [&](const QByteArray &name, const QByteArray &value) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
            + "\r\n";
    };
    field("title", title);
    field("case", "1");
    body += "--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.txt\"\r\n"
          "Content-Type: text/plain\r\n\r\n"
        + bytes + "\r\n--" + boundary + "--\r\n";
    return body;
}

} // namespace

class ServerSyncTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QByteArray m_client;
    QByteArray m_attorney;

    // One page; fails the test on anything but 200 and a valid page.
    std::optional<api::SyncPage> page(const QByteArray &token, const QString &query)
    {
        const HttpResult result = m_server->get(QStringLiteral("/api/portal/sync/") + query, token);
        if (result.status != 200) {
            qWarning() << "sync answered" << result.status << result.body;
            return std::nullopt;
        }
        api::FieldErrors errors;
        auto decoded = api::SyncPage::fromJson(result.object(), &errors);
        if (!decoded)
            qWarning() << "undecodable page:" << errors;
        return decoded;
    }

    // Pages until has_more is false, from `since` (empty: the start).
    SyncedState syncAll(const QByteArray &token, const QString &since = {}, int limit = 0,
                        SyncedState state = {})
    {
        QString cursor = since;
        state.requests = 0;
        for (int guard = 0; guard < 1000; ++guard) {
            QUrlQuery query;
            if (!cursor.isEmpty())
                query.addQueryItem(QStringLiteral("since"), cursor);
            if (limit > 0)
                query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
            const auto next = page(token, query.isEmpty() ? QString() : QLatin1Char('?') + query.toString());
            ++state.requests;
            if (!next)
                return {};
            if (limit > 0 && next->objectCount() > limit)
                qWarning() << "page over the limit:" << next->objectCount();
            state.apply(*next);
            cursor = next->cursor;
            if (!next->hasMore)
                break;
        }
        return state;
    }

    SyncedState delta(const QString &since) { return syncAll(m_client, since); }

    template<typename T>
    static QJsonArray sortedById(QList<T> items, const std::function<qint64(const T &)> &id)
    {
        std::sort(items.begin(), items.end(), [&](const T &a, const T &b) { return id(a) < id(b); });
        return api::toJsonArray(items);
    }

    template<typename T> static QList<T> listOf(const HttpResult &result)
    {
        return api::listFromJson<T>(result.array()).value_or(QList<T> {});
    }

private slots:
    void initTestCase() { PORTAL_SKIP_WITHOUT_TEST_DATABASE(); }
    void init()
    {
        m_server = std::make_unique<TestServer>([](server::ServerOptions &options) {
            options.rateLimits.enabled = false; // the tests make more requests than a minute allows
            options.webhooks.enabled = false;
        });
        QVERIFY2(m_server->isValid(), qPrintable(m_server->errorString()));
        m_client = m_server->clientToken();
        m_attorney = m_server->attorneyToken();
        QVERIFY(!m_client.isEmpty() && !m_attorney.isEmpty());
    }

    void fullSyncEqualsTheLists()
    {
        const SyncedState state = syncAll(m_client);
        QCOMPARE(state.requests, 1);
        QVERIFY(!state.cursor.isEmpty());

        QVERIFY(state.profile);
        QCOMPARE(QJsonObject(state.profile->toJson()),
                 m_server->get("/api/portal/profile/", m_client).object());

        const auto cases = listOf<api::Case>(m_server->get("/api/portal/cases/", m_client));
        QCOMPARE(state.cases.size(), cases.size());
        for (const api::Case &item : cases) {
            QVERIFY(state.cases.contains(item.id));
            QCOMPARE(state.cases.value(item.id).summary, item);
            const auto detail = api::CaseDetail::fromJson(
                m_server->get(QStringLiteral("/api/portal/cases/%1/").arg(item.id), m_client).object());
            QVERIFY(detail);
            QCOMPARE(state.cases.value(item.id).assignedAttorney, detail->assignedAttorney);
        }

        QCOMPARE(
            sortedById<api::Thread>(state.threads.values(), [](const auto &t) { return t.id; }),
            sortedById<api::Thread>(listOf<api::Thread>(m_server->get("/api/portal/messages/", m_client)),
                                    [](const auto &t) { return t.id; }));
        QList<api::SyncMessage> messages;
        for (const qint64 threadId : state.threads.keys()) {
            const auto detail = api::ThreadDetail::fromJson(
                m_server
                    ->get(QStringLiteral("/api/portal/messages/%1/?mark_read=false").arg(threadId), m_client)
                    .object());
            QVERIFY(detail);
            for (const api::Message &message : detail->messages)
                messages.append({ message, threadId });
        }
        QVERIFY(!messages.isEmpty());
        QCOMPARE(
            sortedById<api::SyncMessage>(state.messages.values(), [](const auto &m) { return m.message.id; }),
            sortedById<api::SyncMessage>(messages, [](const auto &m) { return m.message.id; }));
        QCOMPARE(sortedById<api::Document>(state.documents.values(), [](const auto &d) { return d.id; }),
                 sortedById<api::Document>(
                     listOf<api::Document>(m_server->get("/api/portal/documents/", m_client)),
                     [](const auto &d) { return d.id; }));
        QCOMPARE(sortedById<api::Task>(state.tasks.values(), [](const auto &t) { return t.id; }),
                 sortedById<api::Task>(listOf<api::Task>(m_server->get("/api/portal/tasks/", m_client)),
                                       [](const auto &t) { return t.id; }));
        QCOMPARE(
            sortedById<api::Notification>(state.notifications.values(), [](const auto &n) { return n.id; }),
            sortedById<api::Notification>(
                listOf<api::Notification>(m_server->get("/api/portal/notifications/", m_client)),
                [](const auto &n) { return n.id; }));
    }

    void smallPagesCoverEverythingOnce()
    {
        const SyncedState whole = syncAll(m_client);
        for (const int limit : { 1, 2, 3, 7 }) {
            const SyncedState paged = syncAll(m_client, {}, limit);
            QCOMPARE(paged.seen.size(), whole.seen.size());
            QCOMPARE(QSet(paged.seen.cbegin(), paged.seen.cend()).size(), paged.seen.size()); // each once
            QCOMPARE(QSet(paged.seen.cbegin(), paged.seen.cend()),
                     QSet(whole.seen.cbegin(), whole.seen.cend()));
            QCOMPARE(paged.requests, std::max(1, (whole.objectCount() + limit - 1) / limit));
            QCOMPARE(paged.cursor, whole.cursor);
        }
    }

    void anotherClientsObjectsNeverAppear()
    {
        const QByteArray other = m_server->otherClientToken();
        const SyncedState theirs = syncAll(other);
        QCOMPARE(theirs.cases.keys(), QList<qint64> { 3 });
        QCOMPARE(theirs.threads.keys(), QList<qint64> { 3 });
        QCOMPARE(theirs.documents.keys(), QList<qint64> { 3 });
        QCOMPARE(theirs.tasks.keys(), QList<qint64> { 3 });
        QCOMPARE(theirs.notifications.keys(), QList<qint64> { 3 });
        QCOMPARE(theirs.profile->user.username, QStringLiteral("other_client"));
        const SyncedState mine = syncAll(m_client);
        QVERIFY(!mine.cases.contains(3) && !mine.threads.contains(3) && !mine.documents.contains(3)
                && !mine.tasks.contains(3) && !mine.notifications.contains(3));

        // Client 1's activity is not in client 2's delta, whose cursor still moves on.
        QCOMPARE(
            m_server->post("/api/portal/messages/1/", { { "content", "only for Acme" } }, m_client).status,
            201);
        QCOMPARE(
            m_server->post("/api/staff/messages/1/", { { "content", "reply to Acme" } }, m_attorney).status,
            201);
        const SyncedState after = syncAll(other, theirs.cursor);
        QCOMPARE(after.objectCount(), 0);
        QVERIFY(positionOf(after.cursor) > positionOf(theirs.cursor));
    }

    void emptyDeltaKeepsTheCursor()
    {
        const SyncedState full = syncAll(m_client);
        const SyncedState again = delta(full.cursor);
        QCOMPARE(again.requests, 1);
        QCOMPARE(again.objectCount(), 0);
        QVERIFY(positionOf(again.cursor) >= positionOf(full.cursor));
        // Reading a thread that has nothing unread changes nothing either.
        QCOMPARE(m_server->get("/api/portal/messages/2/", m_client).status, 200); // marks what is unread
        const SyncedState marked = delta(again.cursor);
        QCOMPARE(m_server->get("/api/portal/messages/2/", m_client).status, 200); // nothing left to mark
        QCOMPARE(delta(marked.cursor).objectCount(), 0);
    }

    void clientPostArrives()
    {
        const QString cursor = syncAll(m_client).cursor;
        const HttpResult posted
            = m_server->post("/api/portal/messages/1/", { { "content", "a new one" } }, m_client);
        QCOMPARE(posted.status, 201);
        const qint64 id = posted.object().value("id").toInteger();
        const SyncedState d = delta(cursor);
        QCOMPARE(d.messages.keys(), QList<qint64> { id });
        QCOMPARE(d.messages.value(id).threadId, 1);
        QCOMPARE(d.messages.value(id).message.content, QStringLiteral("a new one"));
        QCOMPARE(d.threads.keys(), QList<qint64> { 1 });
        QCOMPARE(formatTimestampOf(d.threads.value(1).updatedAt),
                 posted.object().value("created_at").toString());
        QVERIFY(d.notifications.isEmpty()); // the poster is not notified; the fixture's other user is staff

        // A new thread: the thread and its first message.
        const HttpResult started
            = m_server->post("/api/portal/messages/",
                             { { "subject", "New topic" }, { "case", 2 }, { "message", "first" } }, m_client);
        QCOMPARE(started.status, 201);
        const SyncedState d2 = delta(d.cursor);
        QCOMPARE(d2.threads.keys(), QList<qint64> { started.object().value("id").toInteger() });
        QCOMPARE(d2.messages.size(), 1);
    }

    void staffWritesArrive()
    {
        QString cursor = syncAll(m_client).cursor;

        // A staff reply: the message, its thread (with one more unread) and the client's notification.
        const HttpResult reply
            = m_server->post("/api/staff/messages/1/", { { "content", "staff says" } }, m_attorney);
        QCOMPARE(reply.status, 201);
        SyncedState d = delta(cursor);
        QCOMPARE(d.messages.keys(), QList<qint64> { reply.object().value("id").toInteger() });
        QVERIFY(!d.messages.first().message.isRead);
        QCOMPARE(d.threads.keys(), QList<qint64> { 1 });
        QCOMPARE(d.threads.value(1).unreadCount,
                 listOf<api::Thread>(m_server->get("/api/portal/messages/", m_client)).first().unreadCount);
        QCOMPARE(d.notifications.size(), 1);
        QCOMPARE(d.notifications.first().notificationType, QStringLiteral("MESSAGE"));
        cursor = d.cursor;

        // A task created, then changed.
        const HttpResult task
            = m_server->post("/api/staff/tasks/", { { "case", 1 }, { "title", "Sign here" } }, m_attorney);
        QCOMPARE(task.status, 201);
        const qint64 taskId = task.object().value("id").toInteger();
        d = delta(cursor);
        QCOMPARE(d.tasks.keys(), QList<qint64> { taskId });
        QCOMPARE(d.notifications.size(), 1);
        QCOMPARE(d.notifications.first().notificationType, QStringLiteral("TASK"));
        cursor = d.cursor;
        QCOMPARE(m_server
                     ->send("PATCH", QStringLiteral("/api/staff/tasks/%1/").arg(taskId),
                            R"({"status":"COMPLETED","due_date":"2030-01-31"})", m_attorney)
                     .status,
                 200);
        d = delta(cursor);
        QCOMPARE(d.tasks.keys(), QList<qint64> { taskId });
        QCOMPARE(d.tasks.value(taskId).status, QStringLiteral("COMPLETED"));
        QCOMPARE(d.tasks.value(taskId).dueDate, QDate(2030, 1, 31));
        QCOMPARE(d.objectCount(), 1); // a task change notifies no one
        cursor = d.cursor;
        // A PATCH that repeats the present values is no change.
        QCOMPARE(m_server
                     ->send("PATCH", QStringLiteral("/api/staff/tasks/%1/").arg(taskId),
                            R"({"status":"COMPLETED"})", m_attorney)
                     .status,
                 200);
        d = delta(cursor);
        QCOMPARE(d.objectCount(), 0);
        cursor = d.cursor;

        // A case's new title: the case, and the documents and tasks that name it.
        QCOMPARE(m_server->send("PATCH", "/api/staff/cases/1/", R"({"title":"Supplier Dispute"})", m_attorney)
                     .status,
                 200);
        d = delta(cursor);
        QCOMPARE(d.cases.keys(), QList<qint64> { 1 });
        QCOMPARE(d.cases.value(1).summary.title, QStringLiteral("Supplier Dispute"));
        QCOMPARE(d.documents.keys(), (QList<qint64> { 1, 2 }));
        for (const auto &document : std::as_const(d.documents))
            QCOMPARE(document.caseRef.title, QStringLiteral("Supplier Dispute"));
        QCOMPARE(d.tasks.keys(), (QList<qint64> { 1, 2, taskId }));
        for (const auto &item : std::as_const(d.tasks))
            QCOMPARE(item.caseRef.title, QStringLiteral("Supplier Dispute"));
        QCOMPARE(d.notifications.size(), 1);
        cursor = d.cursor;
        // Unassigning changes the case's attorney.
        QCOMPARE(m_server->send("PATCH", "/api/staff/cases/2/", R"({"assigned_attorney":null})", m_attorney)
                     .status,
                 200);
        d = delta(cursor);
        QCOMPARE(d.cases.keys(), QList<qint64> { 2 });
        QVERIFY(!d.cases.value(2).assignedAttorney);
        QVERIFY(d.documents.isEmpty());
        cursor = d.cursor;

        // A staff upload.
        auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart title;
        title.setHeader(QNetworkRequest::ContentDispositionHeader, "form-data; name=\"title\"");
        title.setBody("Court filing");
        QHttpPart file;
        file.setHeader(QNetworkRequest::ContentDispositionHeader,
                       "form-data; name=\"file\"; filename=\"f.pdf\"");
        file.setBody("%PDF-1.4 filing");
        multipart->append(title);
        multipart->append(file);
        const HttpResult uploaded
            = m_server->postMultipart("/api/staff/cases/1/documents/", multipart, m_attorney);
        QCOMPARE(uploaded.status, 201);
        d = delta(cursor);
        QCOMPARE(d.documents.keys(), QList<qint64> { uploaded.object().value("id").toInteger() });
        QCOMPARE(d.notifications.size(), 1);
        QCOMPARE(d.notifications.first().notificationType, QStringLiteral("DOCUMENT"));
    }

    void readStateArrives()
    {
        // The attorney's reply makes thread 1 unread for the client.
        const HttpResult reply
            = m_server->post("/api/staff/messages/1/", { { "content", "please read" } }, m_attorney);
        QCOMPARE(reply.status, 201);
        const qint64 replyId = reply.object().value("id").toInteger();
        const SyncedState before = syncAll(m_client);
        QVERIFY(before.threads.value(1).unreadCount > 0);

        QCOMPARE(m_server->send("POST", "/api/portal/messages/1/read/", {}, m_client).status, 200);
        SyncedState d = delta(before.cursor);
        QCOMPARE(d.threads.keys(), QList<qint64> { 1 });
        QCOMPARE(d.threads.value(1).unreadCount, 0);
        QVERIFY(d.messages.contains(replyId));
        for (const auto &message : std::as_const(d.messages))
            QVERIFY(message.message.isRead);
        QVERIFY(d.notifications.isEmpty());

        // The attorney sees the client's read too: the staff side's message became read for its sender.
        // (Staff do not sync; the client's own messages read by the attorney are what the client sees.)
        const HttpResult own
            = m_server->post("/api/portal/messages/1/", { { "content", "did you see?" } }, m_client);
        const qint64 ownId = own.object().value("id").toInteger();
        d = delta(d.cursor);
        QVERIFY(!d.messages.value(ownId).message.isRead);
        QCOMPARE(m_server->get("/api/staff/messages/1/", m_attorney).status, 200); // the attorney reads it
        d = delta(d.cursor);
        QVERIFY(d.messages.contains(ownId));
        QVERIFY(d.messages.value(ownId).message.isRead);

        // A notification read.
        const qint64 notification = before.notifications.firstKey();
        QCOMPARE(m_server
                     ->send("POST", QStringLiteral("/api/portal/notifications/%1/read/").arg(notification),
                            {}, m_client)
                     .status,
                 200);
        d = delta(d.cursor);
        QCOMPARE(d.notifications.keys(), QList<qint64> { notification });
        QVERIFY(d.notifications.first().isRead);
        QCOMPARE(d.objectCount(), 1);
    }

    void deletionsArriveAsTombstones()
    {
        // No API write deletes today; the log's tombstones are still honoured, as a later delete will use
        // them.
        const QString cursor = syncAll(m_client).cursor;
        store::Database &database = m_server->server().store().database();
        QVERIFY(database
                    .exec(QStringLiteral(
                        "UPDATE sync_changes SET deleted = 1, seq = (SELECT value FROM sync_counter) + 1 "
                        "WHERE kind = 'task' AND object_id = 2"))
                    .ok());
        QVERIFY(database.exec(QStringLiteral("UPDATE sync_counter SET value = value + 1")).ok());
        const SyncedState d = delta(cursor);
        QCOMPARE(d.deleted.tasks, QList<qint64> { 2 });
        QVERIFY(d.tasks.isEmpty());
        QCOMPARE(d.objectCount(), 1);
    }

    void badParametersAre400_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("since not a cursor") << "?since=abc"
                                            << "since";
        QTest::newRow("since negative") << "?since=s-1"
                                        << "since";
        QTest::newRow("since with leading zero") << "?since=s01"
                                                 << "since";
        QTest::newRow("since overflowing") << "?since=s99999999999999999999"
                                           << "since";
        QTest::newRow("since beyond the log") << "?since=s999999999"
                                              << "since";
        QTest::newRow("limit zero") << "?limit=0"
                                    << "limit";
        QTest::newRow("limit too large") << "?limit=5001"
                                         << "limit";
        QTest::newRow("limit not a number") << "?limit=ten"
                                            << "limit";
        QTest::newRow("limit empty") << "?limit="
                                     << "limit";
    }

    void badParametersAre400()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpResult result = m_server->get(QStringLiteral("/api/portal/sync/") + query, m_client);
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorCode(), QStringLiteral("invalid_request"));
        QVERIFY2(result.object().value("error").toObject().value("details").toObject().contains(field),
                 result.body.constData());
    }

    void onlyClientsSyncAndTheGateCounts()
    {
        QCOMPARE(m_server->get("/api/portal/sync/").status, 401);
        QCOMPARE(m_server->get("/api/portal/sync/", m_attorney).status, 403);
        TestServer limited; // default rate limits
        const HttpResult result = limited.get("/api/portal/sync/", limited.clientToken());
        QCOMPARE(result.status, 200);
        QVERIFY(!result.header("X-RateLimit-Remaining").isEmpty());
    }

    // ---- the switches ----------------------------------------------------------------------------------

    void syncSwitch()
    {
        m_server->server().features().syncEndpoint = false;
        QCOMPARE(m_server->get("/api/portal/sync/", m_client).status, 404);
        QCOMPARE(m_server->get("/api/portal/sync/").status, 404); // as an unknown path: before authentication
        m_server->server().features().syncEndpoint = true;
        QCOMPARE(m_server->get("/api/portal/sync/", m_client).status, 200);
    }

    void markReadSwitch()
    {
        QCOMPARE(
            m_server->post("/api/staff/messages/1/", { { "content", "unread for now" } }, m_attorney).status,
            201);
        const auto unreadOf = [&] {
            return listOf<api::Thread>(m_server->get("/api/portal/messages/", m_client)).first().unreadCount;
        };
        QVERIFY(unreadOf() > 0);
        QCOMPARE(m_server->get("/api/portal/messages/1/?mark_read=false", m_client).status, 200);
        QVERIFY(unreadOf() > 0); // the extension: not marked
        QCOMPARE(m_server->get("/api/portal/tasks/1/", m_client).status, 200);

        m_server->server().features().markReadExtension = false;
        QCOMPARE(m_server->send("POST", "/api/portal/messages/1/read/", {}, m_client).status, 404);
        QCOMPARE(m_server->get("/api/portal/tasks/1/", m_client).status, 404);
        QVERIFY(unreadOf() > 0);
        QCOMPARE(m_server->get("/api/portal/messages/1/?mark_read=false", m_client).status, 200);
        QCOMPARE(unreadOf(), 0); // ignored, as a plain server would: the GET marked read
        QCOMPARE(m_server->get("/api/portal/messages/1/?mark_read=nonsense", m_client).status, 200);
    }

    void documentOnlySwitchesEverythingOff()
    {
        const server::ServerFeatures plain = server::ServerFeatures::documentOnly();
        QVERIFY(!plain.etags && !plain.markReadExtension && !plain.syncEndpoint && !plain.idempotencyKeys);
        const server::ServerFeatures ours;
        QVERIFY(ours.etags && ours.markReadExtension && ours.syncEndpoint && ours.idempotencyKeys);
        m_server->server().features() = plain;
        QCOMPARE(m_server->get("/api/portal/sync/", m_client).status, 404);
        QCOMPARE(m_server->get("/api/portal/tasks/1/", m_client).status, 404);
        const HttpResult cases = m_server->get("/api/portal/cases/", m_client);
        QCOMPARE(cases.status, 200);
        QVERIFY(cases.header("ETag").isEmpty());
    }

    // ---- the change log's migration --------------------------------------------------------------------

    void migrationTracksExistingData()
    {
        // A database at version 2 with data, as before the change log, catches up with every object.
        QTemporaryDir dir;
        auto opened = store::Database::openSqlite(dir.filePath(QStringLiteral("portal.sqlite3")));
        QVERIFY(opened.ok());
        store::Database &db = **opened;
        const QList<store::Migration> all = store::schemaMigrations();
        QVERIFY(store::migrate(db, all.mid(0, 2)).ok());
        for (
            const char *sql : {
                "INSERT INTO clients (id, company_name) VALUES (1, 'Acme')",
                "INSERT INTO users (id, username, password_hash, role, client_id) VALUES (5, 'c', 'x', "
                "'client', 1)",
                "INSERT INTO users (id, username, password_hash, role) VALUES (3, 'a', 'x', 'attorney')",
                "INSERT INTO cases (id, client_id, title, case_number, status, open_date, updated_at) "
                "VALUES (1, 1, 'T', 'N-1', 'OPEN', '2023-01-01', '2023-01-01T00:00:00.000Z')",
                "INSERT INTO threads (id, case_id, subject, created_at, updated_at) VALUES (1, 1, 'S', "
                "'2023-01-01T00:00:00.000Z', '2023-01-01T00:00:00.000Z')",
                "INSERT INTO messages (id, thread_id, sender_id, content, created_at) VALUES (1, 1, 3, 'hi', "
                "'2023-01-01T00:00:00.000Z')",
                "INSERT INTO messages (id, thread_id, sender_id, content, created_at) VALUES (2, 1, 5, 'ho', "
                "'2023-01-01T00:00:00.000Z')",
                "INSERT INTO tasks (id, case_id, title, status, updated_at) VALUES (1, 1, 'T', 'PENDING', "
                "'2023-01-01T00:00:00.000Z')",
                "INSERT INTO notifications (id, user_id, notification_type, title, created_at) VALUES (1, 5, "
                "'CASE', "
                "'t', '2023-01-01T00:00:00.000Z')",
            })
            QVERIFY2(db.exec(QString::fromLatin1(sql)).ok(), sql);
        QVERIFY(store::migrate(db, all).ok());
        QStringList rows;
        QVERIFY(db.exec(QStringLiteral(
                            "SELECT kind, object_id, client_id, COALESCE(user_id, 0), seq FROM sync_changes "
                            "ORDER BY seq"),
                        {},
                        [&](const store::SqlRow &row) {
                            rows << QStringLiteral("%1 %2 %3 %4 %5")
                                        .arg(row.text(0))
                                        .arg(row.integer(1))
                                        .arg(row.integer(2))
                                        .arg(row.integer(3))
                                        .arg(row.integer(4));
                        })
                    .ok());
        QCOMPARE(rows,
                 (QStringList { "profile 5 1 5 1", "case 1 1 0 2", "thread 1 1 0 3", "message 1 1 0 4",
                                "message 2 1 0 5", "task 1 1 0 6", "notification 1 1 5 7" }));
        auto counter = db.selectOne<qint64>(QStringLiteral("SELECT value FROM sync_counter"), {},
                                            [](const store::SqlRow &row) { return row.integer(0); });
        QVERIFY(counter.ok());
        QCOMPARE(*counter, 7);
    }

private:
    static QString formatTimestampOf(const QDateTime &time) { return api::formatTimestamp(time); }
};

QTEST_MAIN(ServerSyncTest)
#include "tst_server_sync.moc"
