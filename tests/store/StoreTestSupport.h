// What the store's tests share: the demo fixture and a store holding it, checks of Results, and ways to look
// at a store's state from outside (row counts, the documents folder, JSON of the wire types).
#pragma once

#include "DataDirLayout.h"
#include "Database.h"
#include "Store.h"
#include "TestBackend.h"

#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

// Verifies that a Result holds a value, showing the error's message when it does not.
#define QVERIFY_OK(result)                                                                                   \
    QVERIFY2((result).ok(), qPrintable((result).ok() ? QString() : (result).error().message))

// Verifies that a Result holds an error of the given kind.
#define QVERIFY_ERROR(result, expectedKind)                                                                  \
    do {                                                                                                     \
        QVERIFY2(!(result).ok(), "expected an error, got a value");                                          \
        QVERIFY2(                                                                                            \
            (result).error().kind == portal::store::StoreError::Kind::expectedKind,                          \
            qPrintable(QStringLiteral("expected " #expectedKind ", got: ") + (result).error().message));     \
    } while (false)

namespace portal::store::test {

inline QString demoFixturePath()
{
    return QDir(qEnvironmentVariable("PORTAL_SHARED_DIR"))
        .filePath(QStringLiteral("fixtures/portal-demo.json"));
}

// The demo fixture's two clients, as the repositories see them.
inline const Caller kJohn { 5, 1 }; // client_username of Acme Inc. (client 1): cases 1 and 2
inline const Caller kOlivia { 6, 2 }; // other_client of Globex LLC (client 2): case 3

// Tests do not need Argon2id: a recognisable stand-in.
inline QByteArray plainHash(const QString &password)
{
    return "plain:" + password.toUtf8();
}

inline QDateTime utc(const char *isoText)
{
    return QDateTime::fromString(QString::fromLatin1(isoText), Qt::ISODate);
}

// Compact JSON of a wire type or a list of them; with QJsonObject's sorted keys, equal JSON is equal bytes.
template<typename T> QByteArray json(const T &value)
{
    return QJsonDocument(value.toJson()).toJson(QJsonDocument::Compact);
}

template<typename T> QByteArray json(const QList<T> &values)
{
    return QJsonDocument(api::toJsonArray(values)).toJson(QJsonDocument::Compact);
}

// Expected JSON written as text (e.g. copied from the API document), in the same compact form.
inline QByteArray json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in a test: %s", qPrintable(error.errorString()));
    return document.toJson(QJsonDocument::Compact);
}

inline const QStringList &dataTables()
{
    static const QStringList tables = { QStringLiteral("clients"),
                                        QStringLiteral("users"),
                                        QStringLiteral("cases"),
                                        QStringLiteral("documents"),
                                        QStringLiteral("tasks"),
                                        QStringLiteral("threads"),
                                        QStringLiteral("messages"),
                                        QStringLiteral("message_reads"),
                                        QStringLiteral("notifications"),
                                        QStringLiteral("token_blacklist"),
                                        QStringLiteral("events"),
                                        QStringLiteral("webhook_endpoints"),
                                        QStringLiteral("webhook_deliveries"),
                                        QStringLiteral("webhook_attempts"),
                                        QStringLiteral("sync_changes"),
                                        QStringLiteral("rate_limit_counts"),
                                        QStringLiteral("login_failures"),
                                        QStringLiteral("idempotency_keys") };
    return tables;
}

// Every data table's row count, e.g. {"cases": 3, ...}; -1 where the count failed.
inline QMap<QString, qint64> rowCounts(Store &store)
{
    QMap<QString, qint64> counts;
    for (const QString &table : dataTables()) {
        auto count = store.database().selectOne<qint64>(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table),
                                                        {}, [](const SqlRow &row) { return row.integer(0); });
        counts.insert(table, count ? *count : -1);
    }
    return counts;
}

inline qint64 rowCount(Store &store, const QString &table)
{
    return rowCounts(store).value(table);
}

// Everything in the documents folder, temporary files included.
inline QStringList documentFiles(const Store &store)
{
    return QDir(layout::documentsDir(store.dataDir()))
        .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A store in a temporary folder (and, on PostgreSQL runs, a database of its own) with the demo fixture
// imported: a fresh one for each test function.
struct DemoStore
{
    QTemporaryDir dir;
    ScratchDatabase database; // PostgreSQL runs: the store's own database, dropped after the store closes
    std::unique_ptr<Store> store;
};

inline Result<std::unique_ptr<DemoStore>> openDemoStore()
{
    auto demo = std::make_unique<DemoStore>();
    if (!demo->dir.isValid())
        return StoreError::failure(QStringLiteral("no temporary folder: %1").arg(demo->dir.errorString()));
    if (!demo->database.errorString().isEmpty())
        return StoreError::failure(demo->database.errorString());
    auto store = Store::open(demo->dir.path(), demo->database.url());
    if (!store)
        return store.error();
    demo->store = store.take();
    if (auto imported = importFixture(*demo->store, demoFixturePath(), plainHash); !imported)
        return imported.error();
    return demo;
}

} // namespace portal::store::test
