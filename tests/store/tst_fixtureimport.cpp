// importFixture(): the demo fixture lands with its ids, files and read states; a broken fixture is refused
// with the JSON path of the problem; and whatever goes wrong, the store is left exactly as it was.
#include "StoreTestSupport.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace portal::store;
using namespace portal::store::test;

namespace {

QJsonObject demoFixture()
{
    return QJsonDocument::fromJson(fileBytes(demoFixturePath())).object();
}

QString demoFilesDir()
{
    return QFileInfo(demoFixturePath()).absoluteDir().filePath(QStringLiteral("files"));
}

// `node` with the value at `tokens[at...]` ("cases", "[2]", "client") replaced by `value`, or removed
// when there is none.
QJsonValue edited(const QJsonValue &node, const QStringList &tokens, qsizetype at,
                  const std::optional<QJsonValue> &value)
{
    const QString &token = tokens.at(at);
    const bool last = at + 1 == tokens.size();
    if (token.startsWith(QLatin1Char('['))) {
        QJsonArray array = node.toArray();
        const qsizetype index = token.mid(1, token.size() - 2).toLongLong();
        if (last && !value)
            array.removeAt(index);
        else
            array[index] = last ? *value : edited(array.at(index), tokens, at + 1, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (last && !value)
        object.remove(token);
    else
        object[token] = last ? *value : edited(object.value(token), tokens, at + 1, value);
    return object;
}

// The fixture with one change at a JSON path like "threads[0].messages[1].sender".
QJsonObject withChange(const QJsonObject &fixture, const QString &path,
                       const std::optional<QJsonValue> &value)
{
    QStringList tokens;
    static const QRegularExpression part(QStringLiteral(R"(\w+|\[\d+\])"));
    for (const QRegularExpressionMatch &match : part.globalMatch(path))
        tokens.append(match.captured());
    return edited(fixture, tokens, 0, value).toObject();
}

// Writes `fixture` into `dir` with a copy of the demo's files/ next to it; gives the fixture's path.
QString writeFixture(const QTemporaryDir &dir, const QJsonObject &fixture)
{
    QDir(dir.path()).mkpath(QStringLiteral("files"));
    for (const QString &name : QDir(demoFilesDir()).entryList(QDir::Files))
        QFile::copy(QDir(demoFilesDir()).filePath(name), dir.filePath(QStringLiteral("files/") + name));
    const QString path = dir.filePath(QStringLiteral("fixture.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(fixture).toJson()) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString writeText(const QTemporaryDir &dir, const QByteArray &text)
{
    const QString path = dir.filePath(QStringLiteral("fixture.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestFixtureImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PORTAL_SKIP_WITHOUT_TEST_DATABASE(); }
    void init();
    void cleanup();

    void importsTheDemo();
    void absoluteFilePathsWork();
    void brokenFixtureIsRefused_data();
    void brokenFixtureIsRefused();
    void unreadableFixtureIsRefused();
    void secondImportConflicts();
    void lateConflictRollsBackEverything();
    void failedPasswordHashIsRefused();

private:
    void verifyUnchanged(const QMap<QString, qint64> &counts, const QStringList &files);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ScratchDatabase> m_database;
    std::unique_ptr<Store> m_store;
};

void TestFixtureImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<ScratchDatabase>();
    QVERIFY2(m_database->errorString().isEmpty(), qPrintable(m_database->errorString()));
    auto store = Store::open(m_dir->path(), m_database->url());
    QVERIFY_OK(store);
    m_store = store.take();
}

void TestFixtureImport::cleanup()
{
    m_store.reset();
    m_database.reset();
    m_dir.reset();
}

void TestFixtureImport::verifyUnchanged(const QMap<QString, qint64> &counts, const QStringList &files)
{
    QCOMPARE(rowCounts(*m_store), counts);
    QCOMPARE(documentFiles(*m_store), files);
}

void TestFixtureImport::importsTheDemo()
{
    QVERIFY_OK(importFixture(*m_store, demoFixturePath(), plainHash));

    const QMap<QString, qint64> expected {
        { QStringLiteral("clients"), 2 },
        { QStringLiteral("users"), 3 },
        { QStringLiteral("cases"), 3 },
        { QStringLiteral("documents"), 3 },
        { QStringLiteral("tasks"), 3 },
        { QStringLiteral("threads"), 3 },
        { QStringLiteral("messages"), 6 },
        { QStringLiteral("message_reads"), 4 },
        { QStringLiteral("notifications"), 3 },
        { QStringLiteral("token_blacklist"), 0 },
        // A fixture is the state of the data, not a history: importing it raises no events.
        { QStringLiteral("events"), 0 },
        { QStringLiteral("webhook_endpoints"), 0 },
        { QStringLiteral("webhook_deliveries"), 0 },
        { QStringLiteral("webhook_attempts"), 0 },
        // The sync's change log knows every imported object a client sees: 2 client profiles, 3 cases,
        // 3 threads, 6 messages, 3 documents, 3 tasks, 3 notifications.
        { QStringLiteral("sync_changes"), 23 },
        { QStringLiteral("rate_limit_counts"), 0 },
        { QStringLiteral("login_failures"), 0 },
        { QStringLiteral("idempotency_keys"), 0 }
    };
    QCOMPARE(rowCounts(*m_store), expected);
    QCOMPARE(documentFiles(*m_store).size(), 3);

    // The files are copies with their real size and hash, under names of the store's own.
    const QList<std::pair<Caller, qint64>> documents = { { { 5, 1 }, 1 }, { { 5, 1 }, 2 }, { { 6, 2 }, 3 } };
    for (const auto &[caller, id] : documents) {
        auto stored = m_store->documents().file(caller, id);
        QVERIFY_OK(stored);
        const QByteArray bytes = fileBytes(QDir(demoFilesDir()).filePath(stored->fileName));
        QVERIFY(!bytes.isEmpty());
        QCOMPARE(fileBytes(stored->path), bytes);
        QCOMPARE(stored->size, qint64(bytes.size()));
        QCOMPARE(stored->sha256, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QVERIFY(QFileInfo(stored->path).fileName() != stored->fileName);
    }

    // A thread's updated_at is its newest message's time.
    auto thread = m_store->threads().detail({ 5, 1 }, 1, false);
    QVERIFY_OK(thread);
    QCOMPARE(thread->updatedAt, thread->messages.constLast().createdAt);

    auto user = m_store->users().byName(QStringLiteral("other_client"));
    QVERIFY_OK(user);
    QCOMPARE(user->passwordHash, plainHash(QStringLiteral("other_password")));
    QCOMPARE(user->clientId, std::optional<qint64>(2));
}

void TestFixtureImport::absoluteFilePathsWork()
{
    QTemporaryDir elsewhere;
    const QString absolute = QDir(demoFilesDir()).filePath(QStringLiteral("contract.pdf"));
    const QString path
        = writeFixture(elsewhere, withChange(demoFixture(), QStringLiteral("documents[0].file"), absolute));
    QVERIFY(QFile::remove(elsewhere.filePath(QStringLiteral("files/contract.pdf"))));
    QVERIFY_OK(importFixture(*m_store, path, plainHash));
    QCOMPARE(documentFiles(*m_store).size(), 3);
}

void TestFixtureImport::brokenFixtureIsRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("value"); // JSON text; empty: the key is removed
    QTest::addColumn<QString>("problem"); // what the error must say

    QTest::newRow("format") << "format" << QByteArray(R"("client-portal-fixture/2")")
                            << R"(format: expected "client-portal-fixture/1")";
    QTest::newRow("user name not a string")
        << "users[0].username" << QByteArray("42") << "users[0].username: expected a string";
    QTest::newRow("unknown client") << "cases[2].client" << QByteArray("7")
                                    << "cases[2].client: no client with id 7";
    QTest::newRow("duplicate user id")
        << "users[1].id" << QByteArray("3") << "users[1].id: duplicate user id 3";
    QTest::newRow("duplicate user name") << "users[2].username" << QByteArray(R"("jsmith")")
                                         << R"(users[2].username: duplicate user name "jsmith")";
    QTest::newRow("missing title") << "cases[0].title" << QByteArray() << "cases[0].title: is required";
    QTest::newRow("blank subject") << "threads[1].subject" << QByteArray(R"("  ")")
                                   << "threads[1].subject: may not be blank";
    QTest::newRow("unknown role") << "users[0].role" << QByteArray(R"("judge")")
                                  << "users[0].role: expected \"client\", \"attorney\" or \"admin\"";
    QTest::newRow("client user without client")
        << "users[1].client" << QByteArray() << "users[1].client: is required";
    QTest::newRow("attorney with a client") << "users[0].client" << QByteArray(R"({"id": 9})")
                                            << "users[0].client: only client users have a client";
    QTest::newRow("missing document file") << "documents[1].file" << QByteArray(R"("files/missing.pdf")")
                                           << "documents[1].file: no readable file at";
    QTest::newRow("fractional id") << "documents[0].id" << QByteArray("1.5")
                                   << "documents[0].id: expected a positive whole number";
    QTest::newRow("unknown case") << "tasks[1].case" << QByteArray("4") << "tasks[1].case: no case with id 4";
    QTest::newRow("bad date") << "tasks[0].due_date" << QByteArray(R"("30/01/2023")")
                              << "tasks[0].due_date: expected a date like 2023-01-30";
    QTest::newRow("bad timestamp") << "notifications[0].created_at" << QByteArray(R"("yesterday")")
                                   << "notifications[0].created_at: expected a timestamp";
    QTest::newRow("unknown sender") << "threads[0].messages[1].sender" << QByteArray("99")
                                    << "threads[0].messages[1].sender: no user with id 99";
    QTest::newRow("unknown reader") << "threads[0].messages[0].read_by[0]" << QByteArray("42")
                                    << "threads[0].messages[0].read_by[0]: no user with id 42";
    QTest::newRow("reader listed twice") << "threads[0].messages[1].read_by[1]" << QByteArray("5")
                                         << "threads[0].messages[1].read_by[1]: user 5 is listed twice";
    QTest::newRow("sender of another client")
        << "threads[2].messages[0].sender" << QByteArray("5")
        << "threads[2].messages[0].sender: user 5 is a user of client 1, not of case 3's client 2";
    QTest::newRow("duplicate message id") << "threads[1].messages[0].id" << QByteArray("1")
                                          << "threads[1].messages[0].id: duplicate message id 1";
    QTest::newRow("not an attorney") << "cases[0].assigned_attorney" << QByteArray("5")
                                     << "cases[0].assigned_attorney: user 5 is not an attorney";
    QTest::newRow("missing related object") << "notifications[0].related_object_id" << QByteArray("99")
                                            << "notifications[0].related_object_id: no thread with id 99";
    QTest::newRow("unknown related type")
        << "notifications[1].related_object_type" << QByteArray(R"("Invoice")")
        << "notifications[1].related_object_type: expected MessageThread";
    QTest::newRow("unknown notified user")
        << "notifications[2].user" << QByteArray("77") << "notifications[2].user: no user with id 77";
    QTest::newRow("misspelt field") << "cases[1].asigned_attorney" << QByteArray("3")
                                    << "cases[1].asigned_attorney: unknown field";
    QTest::newRow("section not an array") << "tasks" << QByteArray("{}") << "tasks: expected an array";
    QTest::newRow("element not an object")
        << "documents[2]" << QByteArray("3") << "documents[2]: expected an object";
}

void TestFixtureImport::brokenFixtureIsRefused()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, value);
    QFETCH(QString, problem);

    std::optional<QJsonValue> newValue;
    if (!value.isEmpty())
        newValue = QJsonDocument::fromJson("[" + value + "]").array().at(0);
    QTemporaryDir dir;
    const QString fixture = writeFixture(dir, withChange(demoFixture(), path, newValue));

    const auto counts = rowCounts(*m_store);
    auto imported = importFixture(*m_store, fixture, plainHash);
    QVERIFY_ERROR(imported, Invalid);
    QVERIFY2(imported.error().message.contains(problem), qPrintable(imported.error().message));
    verifyUnchanged(counts, {});
}

void TestFixtureImport::unreadableFixtureIsRefused()
{
    QTemporaryDir dir;
    auto missing = importFixture(*m_store, dir.filePath(QStringLiteral("missing.json")), plainHash);
    QVERIFY_ERROR(missing, Failure);

    auto notJson = importFixture(*m_store, writeText(dir, "{ \"format\": "), plainHash);
    QVERIFY_ERROR(notJson, Invalid);
    QVERIFY2(notJson.error().message.contains(QStringLiteral("not valid JSON")),
             qPrintable(notJson.error().message));

    auto notAnObject = importFixture(*m_store, writeText(dir, "[]"), plainHash);
    QVERIFY_ERROR(notAnObject, Invalid);
    verifyUnchanged(rowCounts(*m_store), {});
    for (qint64 count : rowCounts(*m_store))
        QCOMPARE(count, 0);
}

void TestFixtureImport::secondImportConflicts()
{
    QVERIFY_OK(importFixture(*m_store, demoFixturePath(), plainHash));
    const auto counts = rowCounts(*m_store);
    const QStringList files = documentFiles(*m_store);

    auto again = importFixture(*m_store, demoFixturePath(), plainHash);
    QVERIFY_ERROR(again, Conflict);
    QVERIFY2(again.error().message.contains(
                 QStringLiteral("users[1].client.id: the store already has a client with id 1")),
             qPrintable(again.error().message));
    verifyUnchanged(counts, files); // the second copies of the files are gone again
}

void TestFixtureImport::lateConflictRollsBackEverything()
{
    // A notification id taken by a row of the store's own: found only after every other row and every file
    // of the fixture went in, all of which must go again.
    Database &db = m_store->database();
    QVERIFY_OK(db.exec(QStringLiteral("INSERT INTO clients (id) VALUES (50)")));
    QVERIFY_OK(db.exec(QStringLiteral("INSERT INTO users (id, username, password_hash, role, client_id) "
                                      "VALUES (50, 'squatter', 'x', 'client', 50)")));
    QVERIFY_OK(db.exec(
        QStringLiteral("INSERT INTO notifications (id, user_id, notification_type, title, created_at) "
                       "VALUES (3, 50, 'CASE', 'Mine', '2023-01-01T00:00:00.000Z')")));
    const auto counts = rowCounts(*m_store);

    auto imported = importFixture(*m_store, demoFixturePath(), plainHash);
    QVERIFY_ERROR(imported, Conflict);
    QVERIFY2(imported.error().message.contains(QStringLiteral("notifications[2].id")),
             qPrintable(imported.error().message));
    verifyUnchanged(counts, {});

    // The same fixture without the clash goes in completely.
    QVERIFY_OK(db.exec(QStringLiteral("DELETE FROM notifications WHERE id = 3")));
    QVERIFY_OK(importFixture(*m_store, demoFixturePath(), plainHash));
    QCOMPARE(rowCounts(*m_store).value(QStringLiteral("notifications")), 3);
    QCOMPARE(documentFiles(*m_store).size(), 3);
}

void TestFixtureImport::failedPasswordHashIsRefused()
{
    const auto counts = rowCounts(*m_store);
    auto imported = importFixture(*m_store, demoFixturePath(), [](const QString &) { return QByteArray(); });
    QVERIFY_ERROR(imported, Failure);
    QVERIFY2(imported.error().message.contains(QStringLiteral("users[0].password")),
             qPrintable(imported.error().message));
    verifyUnchanged(counts, {});
}

QTEST_GUILESS_MAIN(TestFixtureImport)
#include "tst_fixtureimport.moc"
