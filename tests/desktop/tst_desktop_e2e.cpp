// The desktop app end to end, offscreen, against a real portal-server: the real DesktopAccount (session,
// cache, sync engine, outbox, transfers) under the real main window. Sign in, see the cases, open and read a
// thread (the server hears the read), reply with Ctrl+Enter (it arrives on the server), an attorney's reply
// arrives in the window by itself, download a document, go offline and still read everything, search.
#include "DesktopAccount.h"
#include "DesktopWindow.h"
#include "StaffRepositories.h"
#include "TestServer.h"
#include "TokenJobs.h"

#include <QAbstractItemView>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace portal;
using portal::testing::TestServer;

namespace {

constexpr int kWaitMs = 20000; // generous: nothing here should take it

} // namespace

class DesktopEndToEndTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_clientDir;
    std::unique_ptr<app::DesktopAccount> m_account;
    std::unique_ptr<ui::DesktopWindow> m_window;

    QJsonObject serverThread(qint64 id)
    {
        return m_server
            ->get(QStringLiteral("/api/portal/messages/%1/?mark_read=false").arg(id), m_server->clientToken())
            .object();
    }
    int serverUnread(qint64 threadId)
    {
        for (const QJsonValue &thread :
             m_server->get("/api/portal/messages/", m_server->clientToken()).array())
            if (thread.toObject().value("id").toInteger() == threadId)
                return thread.toObject().value("unread_count").toInt();
        return -1;
    }
    qsizetype cachedMessages(qint64 threadId)
    {
        auto messages = m_account->cache().messages(threadId);
        return messages ? messages->size() : -1;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->errorString()));

        auto session = std::make_unique<net::Session>(m_server->url(QStringLiteral("/")));
        auto *job = new net::SignInJob(session.get(), QStringLiteral("client_username"),
                                       QStringLiteral("client_password"));
        QSignalSpy finished(job, &net::ApiJob::finished);
        job->start();
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(!job->error().isError());

        const client::AccountPaths paths(m_clientDir.path(), session->serverUrl(), session->username());
        QVERIFY(paths.create().ok());
        auto cache = client::ClientCache::open(paths.databasePath());
        QVERIFY(cache.ok());
        m_account = std::make_unique<app::DesktopAccount>(std::move(session), cache.take(), paths, false);
        m_window = std::make_unique<ui::DesktopWindow>(m_account->cache(), *m_account);
        m_window->resize(1200, 800);
        m_window->show();
        m_account->start();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_account.reset();
        m_server.reset();
    }

    void signedInAndSynced()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_account->cache().cases()->size(), 2, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_account->lastSyncedAt().isValid(), kWaitMs);
        QCOMPARE(m_account->syncState(), ui::AccountActions::SyncState::Idle);
        QVERIFY(m_account->accountName().startsWith("client_username"));
    }

    void readingAThreadIsHeardByTheServer()
    {
        QVERIFY(serverUnread(1) > 0);
        m_window->openThread(1);
        QTRY_COMPARE_WITH_TIMEOUT(serverUnread(1), 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_account->cache().unreadTotals()->messages, 0, kWaitMs);
    }

    void replyWithCtrlEnterArrives()
    {
        m_window->openThread(1);
        auto *compose = m_window->findChild<QPlainTextEdit *>(QStringLiteral("compose"));
        QVERIFY(compose);
        QTRY_VERIFY_WITH_TIMEOUT(compose->isVisible() && compose->isEnabled(), kWaitMs);
        const qsizetype before = serverThread(1).value("messages").toArray().size();
        compose->setFocus();
        QTest::keyClicks(compose, QStringLiteral("Signed copy attached tomorrow."));
        QTest::keyClick(compose, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(serverThread(1).value("messages").toArray().size(), before + 1, kWaitMs);
        QCOMPARE(serverThread(1).value("messages").toArray().last().toObject().value("content").toString(),
                 QStringLiteral("Signed copy attached tomorrow."));
        QTRY_COMPARE_WITH_TIMEOUT(m_account->pendingCount(), 0, kWaitMs);
        // Shown once, as a sent message, not also as a pending one.
        QTRY_COMPARE_WITH_TIMEOUT(cachedMessages(1), before + 1, kWaitMs);
        QCOMPARE(m_account->cache().outbox().items()->size(), 0);
    }

    void attorneysReplyArrivesByItself()
    {
        const qsizetype before = cachedMessages(2);
        const auto posted
            = m_server->post("/api/staff/messages/2/", { { "content", "Please send the invoice." } },
                             m_server->attorneyToken());
        QCOMPARE(posted.status, 201);
        // No sync asked for: the push channel (or the timer) brings it.
        QTRY_COMPARE_WITH_TIMEOUT(cachedMessages(2), before + 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_account->cache().unreadTotals()->notifications > 0, kWaitMs);
    }

    void downloadADocument()
    {
        const qint64 documentId = m_account->cache().documents()->first().id;
        QSignalSpy finished(m_account.get(), &ui::AccountActions::downloadFinished);
        m_account->download(documentId);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
        const QString path = m_account->localFile(documentId);
        QVERIFY(!path.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(),
                 m_server
                     ->get(QStringLiteral("/api/portal/documents/%1/download/").arg(documentId),
                           m_server->clientToken())
                     .body);
    }

    void offlineEverythingStillReads()
    {
        const auto casesBefore = *m_account->cache().cases();
        m_server.reset();
        m_account->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_account->syncState(), ui::AccountActions::SyncState::Offline, kWaitMs);
        QCOMPARE(*m_account->cache().cases(), casesBefore);
        QVERIFY(cachedMessages(1) > 0);
        m_window->openThread(1);
        m_window->showSection(ui::DesktopWindow::Section::Documents);
        const qint64 documentId = m_account->cache().documents()->first().id;
        QVERIFY(!m_account->localFile(documentId).isEmpty()); // the downloaded file opens offline

        // Writing offline is kept for later, not lost.
        m_account->sendMessage(1, QStringLiteral("Written on the train."));
        QTRY_COMPARE_WITH_TIMEOUT(m_account->pendingCount(), 1, kWaitMs);
    }

    void searchFindsWhatWasSynced()
    {
        auto hits = m_account->cache().search(QStringLiteral("contract"));
        QVERIFY(hits.ok());
        QVERIFY(!hits->isEmpty());
    }
};

QTEST_MAIN(DesktopEndToEndTest)
#include "tst_desktop_e2e.moc"
