// Every job of the client API against the real server's demo data, decoded through the wire types;
// conditional requests; and the Idempotency-Key header as it goes over the wire.
#include "NetTesting.h"
#include "ReadJobs.h"
#include "Session.h"
#include "TestServer.h"
#include "TokenJobs.h"
#include "WriteJobs.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace portal;
using namespace portal::net;
using portal::testing::describe;
using portal::testing::run;
using portal::testing::TestServer;

namespace {

// Answers every request with a canned JSON body and keeps the raw request heads.
class CapturingServer : public QTcpServer
{
public:
    QList<QByteArray> heads;

    CapturingServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    QByteArray &buffer = m_buffers[socket];
                    buffer += socket->readAll();
                    const qsizetype end = buffer.indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray head = buffer.left(end);
                    const qsizetype lengthAt = head.toLower().indexOf("content-length:");
                    const qint64 length = lengthAt < 0
                        ? 0
                        : head.mid(lengthAt + 15).split('\r').first().trimmed().toLongLong();
                    if (buffer.size() < end + 4 + length)
                        return;
                    heads.append(head);
                    buffer.clear();
                    const QByteArray body = head.startsWith("POST /api/token/")
                        ? QByteArray(R"({"access":"opaque-access","refresh":"opaque-refresh"})")
                        : QByteArray(R"({"id":9,"sender":{"id":5,"name":"John Doe"},"content":"hi",)"
                                     R"("created_at":"2023-01-20T11:30:00Z","is_read":false})");
                    socket->write("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                });
            }
        });
    }

private:
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class JobsTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Session> m_session;

    template<typename Job> typename Job::Result fetch(Job *job)
    {
        const bool finished = run(job);
        const typename Job::Result result = job->result();
        delete job;
        if (!finished)
            qWarning("job did not finish");
        return result;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->errorString()));
        m_session = std::make_unique<Session>(m_server->url(QString()));
        auto *signIn = new SignInJob(m_session.get(), QStringLiteral("client_username"),
                                     QStringLiteral("client_password"));
        QVERIFY(run(signIn));
        QVERIFY2(signIn->result().ok(), describe(signIn->error()));
        delete signIn;
    }

    void cleanup()
    {
        m_session.reset();
        m_server.reset();
    }

    void profile()
    {
        const auto result = fetch(new FetchProfileJob(m_session.get()));
        QVERIFY2(result.ok(), describe(result.error));
        QCOMPARE(result.value->companyName, QStringLiteral("Acme Inc."));
        QCOMPARE(result.value->user.firstName, QStringLiteral("John"));
        QVERIFY(!result.etag.isEmpty());
    }

    void cases()
    {
        const auto list = fetch(new FetchCasesJob(m_session.get()));
        QVERIFY2(list.ok(), describe(list.error));
        QCOMPARE(list.value->size(), 2);
        QCOMPARE(list.value->at(0).caseNumber, QStringLiteral("CD-2023-001"));
        QCOMPARE(list.value->at(0).openDate, QDate(2023, 1, 15));

        const auto detail = fetch(new FetchCaseJob(m_session.get(), 1));
        QVERIFY2(detail.ok(), describe(detail.error));
        QCOMPARE(detail.value->summary.title, QStringLiteral("Contract Dispute"));
        QVERIFY(detail.value->assignedAttorney);
        QCOMPARE(detail.value->assignedAttorney->name, QStringLiteral("Jane Smith"));
        QCOMPARE(detail.value->documents.size(), 2);
        QCOMPARE(detail.value->tasks.size(), 2);

        const auto missing = fetch(new FetchCaseJob(m_session.get(), 3)); // another client's
        QCOMPARE(missing.error.kind, NetError::Kind::Http);
        QCOMPARE(missing.error.httpStatus, 404);
        QCOMPARE(missing.error.code, QStringLiteral("not_found"));
    }

    void threads()
    {
        const auto list = fetch(new FetchThreadsJob(m_session.get()));
        QVERIFY2(list.ok(), describe(list.error));
        QCOMPARE(list.value->size(), 2);
        const qint64 firstId = 1;
        const auto unreadBefore
            = std::find_if(list.value->cbegin(), list.value->cend(), [&](const api::Thread &t) {
                  return t.id == firstId;
              })->unreadCount;
        QVERIFY(unreadBefore > 0);

        const auto peek = fetch(new FetchThreadJob(m_session.get(), firstId, false));
        QVERIFY2(peek.ok(), describe(peek.error));
        QCOMPARE(peek.value->caseRef.title, QStringLiteral("Contract Dispute"));
        QCOMPARE(peek.value->messages.size(), 4);
        const auto stillUnread = fetch(new FetchThreadsJob(m_session.get()));
        QCOMPARE(std::find_if(stillUnread.value->cbegin(), stillUnread.value->cend(),
                              [&](const api::Thread &t) { return t.id == firstId; })
                     ->unreadCount,
                 unreadBefore);

        const auto marked = fetch(new MarkThreadReadJob(m_session.get(), firstId));
        QVERIFY2(marked.ok(), describe(marked.error));
        QCOMPARE(marked.value->id, firstId);
        QCOMPARE(marked.value->unreadCount, 0);

        const auto read = fetch(new FetchThreadJob(m_session.get(), firstId));
        QVERIFY2(read.ok(), describe(read.error));
        for (const api::Message &message : read.value->messages)
            QVERIFY(message.isRead || message.sender.id == 5);
    }

    void postingAndStartingThreads()
    {
        const auto posted = fetch(new PostMessageJob(m_session.get(), 2, QStringLiteral("Here they are."),
                                                     RequestOptions { {}, QByteArrayLiteral("post-1"), 0 }));
        QVERIFY2(posted.ok(), describe(posted.error));
        QCOMPARE(posted.error.httpStatus, 201);
        QCOMPARE(posted.value->content, QStringLiteral("Here they are."));
        QCOMPARE(posted.value->sender.id, 5);

        const auto blank = fetch(new PostMessageJob(m_session.get(), 2, QStringLiteral("  ")));
        QCOMPARE(blank.error.kind, NetError::Kind::Http);
        QCOMPARE(blank.error.httpStatus, 400);
        QCOMPARE(blank.error.code, QStringLiteral("invalid_request"));
        QVERIFY(blank.error.details.contains(QStringLiteral("content")));

        const auto created = fetch(new CreateThreadJob(
            m_session.get(),
            api::NewThread { QStringLiteral("New subject"), 1, QStringLiteral("First words") }));
        QVERIFY2(created.ok(), describe(created.error));
        QCOMPARE(created.value->subject, QStringLiteral("New subject"));
        QCOMPARE(created.value->messages.size(), 1);
    }

    void documentsTasksNotifications()
    {
        const auto documents = fetch(new FetchDocumentsJob(m_session.get()));
        QVERIFY2(documents.ok(), describe(documents.error));
        QCOMPARE(documents.value->size(), 2);
        const qint64 id = documents.value->first().id;
        const auto document = fetch(new FetchDocumentJob(m_session.get(), id));
        QVERIFY2(document.ok(), describe(document.error));
        QCOMPARE(document.value->document.id, id);
        QCOMPARE(document.value->downloadUrl, QStringLiteral("/api/portal/documents/%1/download/").arg(id));

        const auto tasks = fetch(new FetchTasksJob(m_session.get()));
        QVERIFY2(tasks.ok(), describe(tasks.error));
        QCOMPARE(tasks.value->size(), 2);
        const auto task = fetch(new FetchTaskJob(m_session.get(), 2));
        QVERIFY2(task.ok(), describe(task.error));
        QCOMPARE(task.value->status, QStringLiteral("IN_PROGRESS"));

        const auto notifications = fetch(new FetchNotificationsJob(m_session.get()));
        QVERIFY2(notifications.ok(), describe(notifications.error));
        QVERIFY(!notifications.value->isEmpty());
        const auto marked = fetch(new MarkNotificationReadJob(m_session.get(), 1));
        QVERIFY2(marked.ok(), describe(marked.error));
        QVERIFY(marked.value->isRead);
        QCOMPARE(marked.value->relatedObjectType, QStringLiteral("MessageThread"));
    }

    void syncPageIsDecoded()
    {
        const auto page = fetch(new FetchSyncPageJob(m_session.get(), QString(), 100));
        QVERIFY2(page.ok(), describe(page.error));
        QVERIFY(!page.value->cursor.isEmpty());
        QVERIFY(!page.value->cases.isEmpty());
        QVERIFY(page.value->profile.has_value());
    }

    void etagGivesNotModified()
    {
        const auto first = fetch(new FetchCasesJob(m_session.get()));
        QVERIFY(first.ok());
        QVERIFY(!first.etag.isEmpty());
        const auto second = fetch(new FetchCasesJob(m_session.get(), RequestOptions { first.etag, {}, 0 }));
        QVERIFY2(second.notModified(), describe(second.error));
        QVERIFY(!second.error.isError());
        QVERIFY(!second.value);
        QCOMPARE(second.etag, first.etag);

        // After a change the tag no longer matches.
        const auto threads = fetch(new FetchThreadsJob(m_session.get()));
        QVERIFY(fetch(new PostMessageJob(m_session.get(), 2, QStringLiteral("news"))).ok());
        const auto changed
            = fetch(new FetchThreadsJob(m_session.get(), RequestOptions { threads.etag, {}, 0 }));
        QVERIFY2(changed.ok(), describe(changed.error));
        QVERIFY(changed.etag != threads.etag);
    }

    void idempotencyKeyGoesOnTheWire()
    {
        CapturingServer capture;
        QVERIFY(capture.listen(QHostAddress::LocalHost, 0));
        Session session(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(capture.serverPort())));
        auto *signIn = new SignInJob(&session, QStringLiteral("u"), QStringLiteral("p"));
        QVERIFY(run(signIn));
        QVERIFY2(signIn->result().ok(), describe(signIn->error()));
        delete signIn;
        QCOMPARE(session.accessToken(), QStringLiteral("opaque-access")); // not a JWT: refresh only on 401

        auto *post = new PostMessageJob(&session, 1, QStringLiteral("hi"),
                                        RequestOptions { {}, QByteArrayLiteral("3f1c-outbox-17"), 0 });
        QVERIFY(run(post));
        QVERIFY2(post->result().ok(), describe(post->error()));
        delete post;
        QCOMPARE(capture.heads.size(), 2);
        const QByteArray head = capture.heads.last();
        QVERIFY2(head.startsWith("POST /api/portal/messages/1/ HTTP/1.1"), head.constData());
        QVERIFY2(head.contains("\r\nIdempotency-Key: 3f1c-outbox-17"), head.constData());
        QVERIFY2(head.contains("\r\nAuthorization: Bearer opaque-access"), head.constData());
        QVERIFY(!capture.heads.first().contains("Idempotency-Key"));
    }
};

QTEST_GUILESS_MAIN(JobsTest)
#include "tst_net_jobs.moc"
