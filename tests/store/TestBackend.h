// Which database the store and server tests run against. A test program runs on SQLite unless
// PORTAL_TEST_BACKEND=postgresql (the "_pg" CTest entries set it); then every store gets a database of its
// own in the PostgreSQL that PORTAL_TEST_DATABASE names (scripts/with-postgres starts a throw-away one),
// created for it and dropped after. Without PORTAL_TEST_DATABASE such a program skips.
#pragma once

#include "Database.h"
#include "Store.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <memory>

namespace portal::store::test {

inline bool onPostgres()
{
    return qEnvironmentVariable("PORTAL_TEST_BACKEND") == QLatin1String("postgresql");
}

// The server the _pg runs use: PORTAL_TEST_DATABASE, a database its user may create databases from.
inline QUrl postgresServerUrl()
{
    return QUrl(qEnvironmentVariable("PORTAL_TEST_DATABASE"));
}

// In initTestCase(): a PostgreSQL run without a PostgreSQL to run on skips, with the reason.
#define PORTAL_SKIP_WITHOUT_TEST_DATABASE()                                                                  \
    do {                                                                                                     \
        if (portal::store::test::onPostgres() && portal::store::test::postgresServerUrl().isEmpty())         \
            QSKIP("PORTAL_TEST_BACKEND=postgresql but PORTAL_TEST_DATABASE is unset: run the tests inside "  \
                  "scripts/with-postgres");                                                                  \
    } while (false)

// The test's own connection to the PostgreSQL database `url`; without one the program cannot go on, and
// ends saying why.
inline std::unique_ptr<Database> connectTo(const QUrl &url)
{
    auto database = Database::openPostgres(url);
    if (!database)
        qFatal("cannot open %s: %s", qPrintable(Database::displayUrl(url)),
               qPrintable(database.error().message));
    return database.take();
}

// A fresh PostgreSQL database, optionally a copy of `templateName` (which nobody may be connected to),
// dropped with its connections when this goes. On SQLite runs it is nothing and url() is empty, unless
// made with When::Always (a test that needs PostgreSQL beside SQLite, such as migrate-store's).
class ScratchDatabase
{
public:
    enum class When { PostgresRuns, Always };
    explicit ScratchDatabase(const QString &templateName = {}, When when = When::PostgresRuns)
    {
        if (!onPostgres() && when == When::PostgresRuns)
            return;
        const QUrl server = postgresServerUrl();
        if (server.isEmpty()) {
            m_error = QStringLiteral("PORTAL_TEST_DATABASE is unset");
            return;
        }
        m_name = QStringLiteral("t_%1_%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(QRandomGenerator::global()->generate64(), 0, 36);
        QString sql = QStringLiteral("CREATE DATABASE %1").arg(m_name);
        if (!templateName.isEmpty())
            sql += QStringLiteral(" TEMPLATE %1").arg(templateName);
        if (auto done = administer(sql); !done) {
            m_error = done.error().message;
            m_name.clear();
            return;
        }
        m_url = server;
        m_url.setPath(QLatin1Char('/') + m_name);
    }
    ~ScratchDatabase()
    {
        if (!m_name.isEmpty())
            (void)administer(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    }
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    QUrl url() const { return m_url; } // empty on SQLite runs
    QString name() const { return m_name; }
    QString errorString() const { return m_error; } // empty when all is well

private:
    static Result<Done> administer(const QString &statement)
    {
        auto admin = Database::openPostgres(postgresServerUrl());
        if (!admin)
            return admin.error();
        return (*admin)->execSchema(statement);
    }

    QString m_name;
    QUrl m_url;
    QString m_error;
};

// An empty store in a temporary folder (and, on PostgreSQL runs, in a database of its own); openAnother()
// opens it again, as a second server on the same data would.
class ScratchStore
{
public:
    ScratchStore()
    {
        if (!m_database.errorString().isEmpty()) {
            m_error = m_database.errorString();
            return;
        }
        auto opened = openAnother();
        if (opened)
            m_store = opened.take();
        else
            m_error = opened.error().message;
    }
    Result<std::unique_ptr<Store>> openAnother() { return Store::open(m_dir.path(), m_database.url()); }

    Store *store() const { return m_store.get(); } // null when it could not be opened
    QString errorString() const { return m_error; }

private:
    QTemporaryDir m_dir;
    ScratchDatabase m_database; // declared before the store: dropped after it has closed
    std::unique_ptr<Store> m_store;
    QString m_error;
};

} // namespace portal::store::test
