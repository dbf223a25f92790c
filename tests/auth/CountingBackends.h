// The two places the limits count in, for the tests of RateLimiter and LoginThrottle: each test function of
// a class derived from this runs twice, counting in memory and in a store's database (SQLite here,
// PostgreSQL in the _pg runs), so that both keep the same rules.
#pragma once

#include "TestBackend.h"

#include <QObject>
#include <QTest>
#include <memory>

class CountingBackends : public QObject
{
    Q_OBJECT

protected:
    static bool inDatabase()
    {
        QFETCH_GLOBAL(QString, counts);
        return counts == QLatin1String("database");
    }
    portal::store::test::ScratchStore &scratch() { return *m_scratch; }
    portal::store::Store &store() { return *m_scratch->store(); }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("counts");
        QTest::newRow("memory") << QStringLiteral("memory");
        QTest::newRow("database") << QStringLiteral("database");
    }

    void initTestCase()
    {
        PORTAL_SKIP_WITHOUT_TEST_DATABASE();
        m_scratch = std::make_unique<portal::store::test::ScratchStore>();
        QVERIFY2(m_scratch->store(), qPrintable(m_scratch->errorString()));
    }

    void cleanupTestCase() { m_scratch.reset(); }

private:
    std::unique_ptr<portal::store::test::ScratchStore> m_scratch;
};
