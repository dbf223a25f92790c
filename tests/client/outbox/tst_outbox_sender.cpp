// The outbox sender against a real portal-server: what was written offline goes out in order and exactly
// once; a lost answer is retried without a duplicate (by Idempotency-Key on our server, by looking for the
// earlier attempt on a server of the bare document); refusals fail the item with the server's words and
// the rest still goes; a restart in the middle of the queue sends everything once.
#include "DocumentTransfers.h"
#include "OutboxSender.h"
#include "OutboxTesting.h"

#include <QDir>
#include <QSignalSpy>

using namespace portal;
using namespace portal::client;
using namespace portal::testing;

namespace {

const QString kMessages = QStringLiteral("/api/portal/messages/");

struct Account
{
    QTemporaryDir dir;
    std::unique_ptr<AccountPaths> paths;
    std::unique_ptr<ClientCache> cache;
    std::unique_ptr<FakeNetwork> network; // before the session: the session's jobs go first
    std::unique_ptr<net::Session> session;
    std::unique_ptr<OutboxSender> sender;
    std::unique_ptr<DocumentTransfers> transfers;

    // `fake`: requests go through a FakeNetwork handled by `handler` (forward() to reach the server).
    bool open(TestServer &server, FakeNetwork::Handler handler = {})
    {
        paths = std::make_unique<AccountPaths>(dir.path(), server.url(QString()),
                                               QStringLiteral("client_username"));
        if (!paths->create())
            return false;
        auto opened = ClientCache::open(paths->databasePath());
        if (!opened)
            return false;
        cache = opened.take();
        if (handler)
            network = std::make_unique<FakeNetwork>(handler);
        session = std::make_unique<net::Session>(server.url(QString()), network.get());
        session->connectivity()->setProbeIntervals(20, 100);
        if (!signIn(*session) || !loadBasics(*session, *cache))
            return false;
        sender = std::make_unique<OutboxSender>(*session, *cache);
        sender->setRetryIntervals(20, 200);
        transfers = std::make_unique<DocumentTransfers>(*session, *cache, *paths);
        return true;
    }

    void close()
    {
        transfers.reset();
        sender.reset();
        session.reset();
        network.reset();
        cache.reset();
    }

    int unsent()
    {
        auto items = cache->outbox().unsentItems();
        return items ? int(items->size()) : -1;
    }
    QList<OutboxItem> items()
    {
        auto all = cache->outbox().items();
        return all ? *all : QList<OutboxItem>();
    }
};

OutboxItem enqueue(ClientCache &cache, const OutboxRequest &request)
{
    auto item = cache.outbox().enqueue(request);
    if (!item)
        qFatal("enqueue failed: %s", qPrintable(item.error().message));
    return *item;
}

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(bytes);
    return path;
}

} // namespace

class OutboxSenderTest : public QObject
{
    Q_OBJECT

private slots:
    void everythingWrittenOfflineGoesOutInOrderOnce()
    {
        TestServer server;
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));
        const QByteArray token = server.clientToken();
        Account account;
        QVERIFY(account.open(server));
        QSignalSpy sent(account.sender.get(), &OutboxSender::itemSent);
        QSignalSpy counts(account.sender.get(), &OutboxSender::pendingCountChanged);
        QSignalSpy progress(account.sender.get(), &OutboxSender::uploadProgress);

        account.session->connectivity()->setWorkOffline(true);
        account.sender->start();
        const OutboxItem first = enqueue(
            *account.cache, OutboxRequest::newMessage(1, api::NewMessage { QStringLiteral("first") }));
        const OutboxItem thread = enqueue(*account.cache,
                                          OutboxRequest::newThread({ QStringLiteral("Offline subject"), 2,
                                                                     QStringLiteral("Opening words") }));
        enqueue(*account.cache, OutboxRequest::markNotificationRead(1));
        const QString original
            = writeFile(account.dir.filePath(QStringLiteral("scan.pdf")), QByteArray(300 * 1024, 'x'));
        auto upload = account.transfers->upload(1, original, QStringLiteral("Offline scan"),
                                                QStringLiteral("from the train"));
        QVERIFY2(upload.ok(), upload ? "" : qPrintable(upload.error().message));
        QVERIFY(QFile::remove(original)); // the person deletes it: the copy goes out
        enqueue(*account.cache, OutboxRequest::newMessage(1, api::NewMessage { QStringLiteral("second") }));
        enqueue(*account.cache, OutboxRequest::markThreadRead(1));

        QTest::qWait(200);
        QCOMPARE(account.unsent(), 6);
        QCOMPARE(account.sender->pendingCount(), 6);
        QCOMPARE(
            countWhere(serverMessages(server, token, 1), QStringLiteral("content"), QStringLiteral("first")),
            0);

        account.session->connectivity()->setWorkOffline(false);
        QTRY_COMPARE_WITH_TIMEOUT(account.unsent(), 0, 30000);
        QCOMPARE(sent.size(), 6);
        QCOMPARE(sent.first().first().toLongLong(), first.id);
        QCOMPARE(account.sender->pendingCount(), 0);
        QCOMPARE(counts.last().first().toInt(), 0);
        QVERIFY(!progress.isEmpty());

        // On the server, each once and in order.
        const QJsonArray messages = serverMessages(server, token, 1);
        QCOMPARE(countWhere(messages, QStringLiteral("content"), QStringLiteral("first")), 1);
        QCOMPARE(countWhere(messages, QStringLiteral("content"), QStringLiteral("second")), 1);
        qint64 firstId = 0, secondId = 0;
        for (const QJsonValue &m : messages) {
            if (m[QStringLiteral("content")].toString() == QLatin1String("first"))
                firstId = m[QStringLiteral("id")].toInteger();
            if (m[QStringLiteral("content")].toString() == QLatin1String("second"))
                secondId = m[QStringLiteral("id")].toInteger();
        }
        QVERIFY(firstId < secondId);
        const QJsonArray threads = server.get(kMessages, token).array();
        QCOMPARE(countWhere(threads, QStringLiteral("subject"), QStringLiteral("Offline subject")), 1);
        for (const QJsonValue &t : threads) {
            if (t[QStringLiteral("id")].toInteger() == 1)
                QCOMPARE(t[QStringLiteral("unread_count")].toInt(), 0);
        }
        const QJsonArray documents = server.get(QStringLiteral("/api/portal/documents/"), token).array();
        QCOMPARE(countWhere(documents, QStringLiteral("title"), QStringLiteral("Offline scan")), 1);
        const QJsonArray notifications
            = server.get(QStringLiteral("/api/portal/notifications/"), token).array();
        for (const QJsonValue &n : notifications) {
            if (n[QStringLiteral("id")].toInteger() == 1)
                QVERIFY(n[QStringLiteral("is_read")].toBool());
        }

        // In the cache, as real objects.
        auto cached = account.cache->messages(1);
        QVERIFY(cached.ok());
        QStringList contents;
        for (const api::Message &m : *cached)
            contents << m.content;
        QCOMPARE(contents.count(QStringLiteral("first")), 1);
        QCOMPARE(contents.count(QStringLiteral("second")), 1);
        auto cachedThreads = account.cache->threads();
        QVERIFY(std::any_of(cachedThreads->cbegin(), cachedThreads->cend(), [](const ThreadSummary &t) {
            return t.thread.subject == QLatin1String("Offline subject");
        }));
        auto cachedDocuments = account.cache->documents(1);
        QVERIFY(std::any_of(cachedDocuments->cbegin(), cachedDocuments->cend(), [](const api::Document &d) {
            return d.title == QLatin1String("Offline scan") && d.fileSize == 300 * 1024;
        }));
        auto notification = account.cache->notifications();
        for (const api::Notification &n : *notification) {
            if (n.id == 1)
                QVERIFY(n.isRead);
        }
        Q_UNUSED(thread);
        // The upload's copy is gone with the item.
        QVERIFY(QDir(account.transfers->stagingDir()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot));
    }

    void lostAnswersAreRetriedOnceByIdempotencyKey()
    {
        TestServer server;
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));
        const QByteArray token = server.clientToken();
        Account account;
        QSet<QString> droppedOnce;
        QVERIFY(account.open(server, [&](const FakeRequest &request) {
            FakeAnswer answer = forward(server, request);
            // Each POST's first answer is lost after the server did the work.
            if (request.verb == "POST" && !request.path().startsWith(QLatin1String("/api/token/"))
                && !droppedOnce.contains(request.path())) {
                droppedOnce.insert(request.path());
                return dropped();
            }
            return answer;
        }));
        account.sender->setLookBeforeResend(false); // the key alone must do it
        const QString file = writeFile(account.dir.filePath(QStringLiteral("plan.txt")), "the plan");
        enqueue(*account.cache,
                OutboxRequest::newMessage(2, api::NewMessage { QStringLiteral("once only") }));
        enqueue(
            *account.cache,
            OutboxRequest::newThread({ QStringLiteral("Keyed subject"), 1, QStringLiteral("keyed body") }));
        QVERIFY(account.transfers->upload(2, file, QStringLiteral("Keyed upload")).ok());
        account.sender->start();
        QTRY_COMPARE_WITH_TIMEOUT(account.unsent(), 0, 30000);

        QCOMPARE(countWhere(serverMessages(server, token, 2), QStringLiteral("content"),
                            QStringLiteral("once only")),
                 1);
        QCOMPARE(countWhere(server.get(kMessages, token).array(), QStringLiteral("subject"),
                            QStringLiteral("Keyed subject")),
                 1);
        QCOMPARE(countWhere(server.get(QStringLiteral("/api/portal/documents/"), token).array(),
                            QStringLiteral("title"), QStringLiteral("Keyed upload")),
                 1);
        // Each was sent twice with the same key.
        for (const QString &path : { QStringLiteral("/api/portal/messages/2/"), kMessages,
                                     QStringLiteral("/api/portal/documents/") }) {
            QList<QByteArray> keys;
            for (const FakeRequest &request : account.network->requests()) {
                if (request.verb == "POST" && request.path() == path)
                    keys << request.header("Idempotency-Key");
            }
            QCOMPARE(keys.size(), 2);
            QVERIFY(!keys.first().isEmpty());
            QCOMPARE(keys.first(), keys.last());
        }
        auto cached = account.cache->messages(2);
        QCOMPARE(std::count_if(cached->cbegin(), cached->cend(),
                               [](const api::Message &m) { return m.content == QLatin1String("once only"); }),
                 1);
    }

    void lostAnswersAreFoundOnServersWithoutKeys()
    {
        TestServer server([](server::ServerOptions &options) {
            options.features = server::ServerFeatures::documentOnly();
        });
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));
        const QByteArray token = server.clientToken();
        Account account;
        QSet<QString> droppedOnce;
        QVERIFY(account.open(server, [&](const FakeRequest &request) {
            FakeAnswer answer = forward(server, request);
            if (request.verb == "POST" && !request.path().startsWith(QLatin1String("/api/token/"))
                && !droppedOnce.contains(request.path())) {
                droppedOnce.insert(request.path());
                return dropped();
            }
            return answer;
        }));
        const QString file = writeFile(account.dir.filePath(QStringLiteral("plain.txt")), "plain bytes");
        // The same words twice: the second must not be taken for the first.
        enqueue(*account.cache, OutboxRequest::newMessage(2, api::NewMessage { QStringLiteral("twice") }));
        enqueue(*account.cache, OutboxRequest::newMessage(2, api::NewMessage { QStringLiteral("twice") }));
        enqueue(
            *account.cache,
            OutboxRequest::newThread({ QStringLiteral("Plain subject"), 1, QStringLiteral("plain body") }));
        QVERIFY(account.transfers->upload(2, file, QStringLiteral("Plain upload")).ok());
        account.sender->start();
        QTRY_COMPARE_WITH_TIMEOUT(account.unsent(), 0, 30000);

        QCOMPARE(
            countWhere(serverMessages(server, token, 2), QStringLiteral("content"), QStringLiteral("twice")),
            2);
        QCOMPARE(countWhere(server.get(kMessages, token).array(), QStringLiteral("subject"),
                            QStringLiteral("Plain subject")),
                 1);
        QCOMPARE(countWhere(server.get(QStringLiteral("/api/portal/documents/"), token).array(),
                            QStringLiteral("title"), QStringLiteral("Plain upload")),
                 1);
        // The lost ones were found, not posted again.
        int messagePosts = 0, threadPosts = 0, uploads = 0;
        for (const FakeRequest &request : account.network->requests()) {
            messagePosts
                += request.verb == "POST" && request.path() == QLatin1String("/api/portal/messages/2/");
            threadPosts += request.verb == "POST" && request.path() == kMessages;
            uploads += request.verb == "POST" && request.path() == QLatin1String("/api/portal/documents/");
        }
        QCOMPARE(messagePosts, 2); // one per message: the first's lost answer was found by a GET
        QCOMPARE(threadPosts, 1);
        QCOMPARE(uploads, 1);
        auto cached = account.cache->messages(2);
        QCOMPARE(std::count_if(cached->cbegin(), cached->cend(),
                               [](const api::Message &m) { return m.content == QLatin1String("twice"); }),
                 2);
    }

    void markReadFallsBackToFetchingTheThread()
    {
        TestServer server([](server::ServerOptions &options) {
            options.features = server::ServerFeatures::documentOnly();
        });
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));
        const QByteArray token = server.clientToken();
        const auto unread = [&] {
            for (const QJsonValue &t : server.get(kMessages, token).array()) {
                if (t[QStringLiteral("id")].toInteger() == 1)
                    return t[QStringLiteral("unread_count")].toInt();
            }
            return -1;
        };
        QVERIFY(unread() > 0);
        Account account;
        QVERIFY(account.open(server));
        QVERIFY(account.cache->apply([](CacheWriter &writer) {
            writer.markThreadRead(1);
            writer.enqueue(OutboxRequest::markThreadRead(1));
        }));
        account.sender->start();
        QTRY_COMPARE_WITH_TIMEOUT(account.unsent(), 0, 30000);
        QCOMPARE(unread(), 0);
    }

    void refusedItemsFailWithTheServersWordsAndTheRestGoes()
    {
        TestServer server;
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));
        const QByteArray token = server.clientToken();
        const QString blankRefusal = server
                                         .post(QStringLiteral("/api/portal/messages/1/"),
                                               { { QStringLiteral("content"), QString() } }, token)
                                         .object()[QStringLiteral("error")][QStringLiteral("message")]
                                         .toString();
        QVERIFY(!blankRefusal.isEmpty());

        Account account;
        QVERIFY(account.open(server));
        QSignalSpy failed(account.sender.get(), &OutboxSender::itemFailed);
        const OutboxItem blank
            = enqueue(*account.cache, OutboxRequest::newMessage(1, api::NewMessage { QString() }));
        const OutboxItem foreign
            = enqueue(*account.cache,
                      OutboxRequest::newThread({ QStringLiteral("Not mine"), 3, QStringLiteral("hello") }));
        enqueue(*account.cache, OutboxRequest::newMessage(1, api::NewMessage { QStringLiteral("after") }));
        account.sender->start();

        QTRY_COMPARE_WITH_TIMEOUT(account.sender->pendingCount(), 0, 30000);
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.at(0).at(0).toLongLong(), blank.id);
        QCOMPARE(failed.at(0).at(1).toString(), blankRefusal);
        QCOMPARE(failed.at(1).at(0).toLongLong(), foreign.id);
        QVERIFY(!failed.at(1).at(1).toString().isEmpty());
        QCOMPARE(
            countWhere(serverMessages(server, token, 1), QStringLiteral("content"), QStringLiteral("after")),
            1);
        const QList<OutboxItem> items = account.items();
        QCOMPARE(items.size(), 2);
        QCOMPARE(toString(items.at(0).state), toString(OutboxState::Failed));
        QCOMPARE(items.at(0).lastError, blankRefusal);
        QCOMPARE(toString(items.at(1).state), toString(OutboxState::Failed));

        // Retry: refused again, still failed, not lost.
        QVERIFY(account.sender->retry(blank.id).ok());
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 3, 30000);
        QCOMPARE(failed.at(2).at(0).toLongLong(), blank.id);
        QCOMPARE(account.items().size(), 2);
        // Discard: gone, nothing sent.
        QVERIFY(account.sender->discard(blank.id).ok());
        QVERIFY(account.sender->discard(foreign.id).ok());
        QCOMPARE(account.items().size(), 0);
        QCOMPARE(countWhere(server.get(kMessages, token).array(), QStringLiteral("subject"),
                            QStringLiteral("Not mine")),
                 0);
    }

    void aRestartMidQueueSendsEverythingOnce()
    {
        TestServer server([](server::ServerOptions &options) {
            options.features = server::ServerFeatures::documentOnly();
        });
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));
        const QByteArray token = server.clientToken();
        auto account = std::make_unique<Account>();
        int posts = 0;
        // The second post reaches the server, and then the program dies before the answer.
        QVERIFY(account->open(server, [&](const FakeRequest &request) {
            FakeAnswer answer = forward(server, request);
            if (request.verb == "POST" && request.path() == QLatin1String("/api/portal/messages/2/")
                && ++posts == 2)
                answer.hang = true;
            return answer;
        }));
        for (const QString &words : { QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three") })
            enqueue(*account->cache, OutboxRequest::newMessage(2, api::NewMessage { words }));
        account->sender->start();
        QTRY_COMPARE_WITH_TIMEOUT(posts, 2, 30000);
        QCOMPARE(
            countWhere(serverMessages(server, token, 2), QStringLiteral("content"), QStringLiteral("two")),
            1);
        QCOMPARE(account->unsent(), 2);
        QCOMPARE(toString(account->items().first().state), toString(OutboxState::Sending));

        // "Crash": everything goes away as it is; a new run opens the same folder.
        const QString folder = account->dir.path();
        account->dir.setAutoRemove(false);
        account->close();
        account.reset();

        Account again;
        again.dir.remove();
        again.paths = std::make_unique<AccountPaths>(folder, server.url(QString()),
                                                     QStringLiteral("client_username"));
        auto reopened = ClientCache::open(again.paths->databasePath());
        QVERIFY(reopened.ok());
        again.cache = reopened.take();
        QCOMPARE(toString(again.items().first().state), toString(OutboxState::Pending));
        QCOMPARE(again.items().first().attempts, 1);
        again.session = std::make_unique<net::Session>(server.url(QString()));
        QVERIFY(signIn(*again.session));
        again.sender = std::make_unique<OutboxSender>(*again.session, *again.cache);
        again.sender->start();
        QTRY_COMPARE_WITH_TIMEOUT(again.unsent(), 0, 30000);

        const QJsonArray messages = serverMessages(server, token, 2);
        for (const QString &words : { QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three") })
            QCOMPARE(countWhere(messages, QStringLiteral("content"), words), 1);
        auto cached = again.cache->messages(2);
        QVERIFY(std::any_of(cached->cbegin(), cached->cend(),
                            [](const api::Message &m) { return m.content == QLatin1String("two"); }));
        again.close();
        QDir(folder).removeRecursively();
    }

    void passingFaultsAreRetriedAfterAPause()
    {
        TestServer server;
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));
        const QByteArray token = server.clientToken();
        Account account;
        int posts = 0;
        // A 500 (not performed), then a request the server performs but never answers (a timeout).
        QVERIFY(account.open(server, [&](const FakeRequest &request) {
            if (request.verb == "POST" && request.path() == QLatin1String("/api/portal/messages/1/")) {
                ++posts;
                if (posts == 1)
                    return FakeAnswer::json(500, R"({"error":{"code":"server_error","message":"Boom."}})");
                FakeAnswer answer = forward(server, request);
                answer.hang = posts == 2;
                return answer;
            }
            return forward(server, request);
        }));
        account.session->setDefaultTimeoutMs(500);
        QSignalSpy failed(account.sender.get(), &OutboxSender::itemFailed);
        enqueue(*account.cache, OutboxRequest::newMessage(1, api::NewMessage { QStringLiteral("patient") }));
        account.sender->start();
        QTRY_COMPARE_WITH_TIMEOUT(account.unsent(), 0, 30000);
        QVERIFY(failed.isEmpty());
        QCOMPARE(posts, 2); // the timed-out attempt was found on the server, not posted a third time
        QCOMPARE(countWhere(serverMessages(server, token, 1), QStringLiteral("content"),
                            QStringLiteral("patient")),
                 1);
    }

    void signedOutHoldsEverythingPending()
    {
        TestServer server;
        QVERIFY2(server.isValid(), qPrintable(server.errorString()));
        Account account;
        QVERIFY(account.open(server));
        account.session->signOut();
        account.sender->start();
        enqueue(*account.cache, OutboxRequest::newMessage(1, api::NewMessage { QStringLiteral("held") }));
        QTest::qWait(300);
        QCOMPARE(account.unsent(), 1);
        QCOMPARE(toString(account.items().first().state), toString(OutboxState::Pending));
        QVERIFY(signIn(*account.session));
        QTRY_COMPARE_WITH_TIMEOUT(account.unsent(), 0, 30000);
    }
};

QTEST_GUILESS_MAIN(OutboxSenderTest)
#include "tst_outbox_sender.moc"
