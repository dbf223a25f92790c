// The desktop views' models over a real client cache filled with the demo account: each checked by
// QAbstractItemModelTester (fatal) while empty, filled and changed; their roles; paging of a long thread.
#include "CaseFilterModel.h"
#include "CaseListModel.h"
#include "ClientCache.h"
#include "DemoAccount.h"
#include "DocumentListModel.h"
#include "MessageListModel.h"
#include "ModelRoles.h"
#include "NotificationListModel.h"
#include "SearchResultModel.h"
#include "TaskListModel.h"
#include "ThreadListModel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFont>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace portal;
using namespace portal::ui;

class tst_UiModels : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<client::ClientCache> m_cache;

    void fill() { QCOMPARE(demo::load(*m_cache), QString()); }

private slots:
    void init()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        auto opened = client::ClientCache::open(
            m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(QTest::currentTestFunction())));
        QVERIFY2(opened, qPrintable(opened.ok() ? QString() : opened.error().message));
        m_cache = opened.take();
    }
    void cleanup() { m_cache.reset(); }

    void caseListEmptyFilledChanged()
    {
        CaseListModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        CaseFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        fill();
        QCOMPARE(model.rowCount(), 2); // the other client's case is not this account's
        const QModelIndex first = model.index(model.rowOf(1), CaseListModel::TitleColumn);
        QCOMPARE(first.data().toString(), QStringLiteral("Contract Dispute"));
        QCOMPARE(first.siblingAtColumn(CaseListModel::TypeColumn).data().toString(), QStringLiteral("Civil"));
        QCOMPARE(first.siblingAtColumn(CaseListModel::StatusColumn).data().toString(),
                 QStringLiteral("Open"));
        QCOMPARE(first.siblingAtColumn(CaseListModel::OpenedColumn).data().toString(),
                 QLocale().toString(QDate(2023, 1, 15), QLocale::ShortFormat));

        proxy.sort(CaseListModel::TitleColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Contract Dispute"));
        proxy.sort(CaseListModel::OpenedColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Trademark Registration"));
        proxy.setCaseType(QStringLiteral("CIVIL"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setCaseType({});
        proxy.setText(QStringLiteral("tr-2023"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Trademark Registration"));
        proxy.setText(QStringLiteral("supplier")); // the description
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText({});
        proxy.setStatus(QStringLiteral("CLOSED"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setStatus({});

        // A renamed case changes one row in place; a deleted one goes away.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        auto renamed = model.rows().at(model.rowOf(2));
        renamed.summary.title = QStringLiteral("Trademark (renamed)");
        QVERIFY(m_cache->apply(
            [&](client::CacheWriter &w) { w.upsertCases(QList<client::CachedCase> { renamed }); }));
        QCOMPARE(model.index(model.rowOf(2), 0).data().toString(), QStringLiteral("Trademark (renamed)"));
        QCOMPARE(resets.size(), 0);
        QVERIFY(m_cache->apply([](client::CacheWriter &w) { w.deleteCases({ 1 }); }));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(m_cache->apply([](client::CacheWriter &w) { w.replaceAllCases(QList<api::Case>()); }));
        QCOMPARE(model.rowCount(), 0);
    }

    void threadListUnreadBoldAndCounted()
    {
        ThreadListModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        fill();
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex review = model.index(model.rowOf(1), 0);
        QCOMPARE(review.data().toString(), QStringLiteral("Contract Review"));
        QCOMPARE(review.data(UnreadCountRole).toInt(), 2);
        QVERIFY(review.data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(review.data(SecondaryTextRole).toString(), QStringLiteral("Contract Dispute"));
        const QModelIndex request = model.index(model.rowOf(2), 0);
        QCOMPARE(request.data(UnreadCountRole).toInt(), 0);
        QVERIFY(!request.data(Qt::FontRole).value<QFont>().bold());

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QVERIFY(m_cache->apply([](client::CacheWriter &w) { w.markThreadRead(1); }));
        QCOMPARE(model.index(model.rowOf(1), 0).data(UnreadCountRole).toInt(), 0);
        QCOMPARE(resets.size(), 0); // the same threads in the same order: the selection stays

        model.setCaseFilter(2);
        QCOMPARE(model.rowCount(), 0);
        model.setCaseFilter(std::nullopt);
        QCOMPARE(model.rowCount(), 2);
    }

    void messagesWithPendingAndFailed()
    {
        MessageListModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        model.setThread(1);
        QCOMPARE(model.rowCount(), 0);
        fill();
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Please review the attached contract"));
        QCOMPARE(model.index(0, 0).data(SecondaryTextRole).toString(), QStringLiteral("Jane Smith"));
        QCOMPARE(model.index(1, 0).data(OwnRole).toBool(), true);
        QCOMPARE(model.index(3, 0).data(UnreadRole).toBool(), true);
        QCOMPARE(model.index(3, 0).data(SendStateRole).toInt(), int(MessageListModel::Sent));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        auto pending
            = m_cache->outbox().enqueue(client::OutboxRequest::newMessage(1, { QStringLiteral("Thanks!") }));
        QVERIFY(pending);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(inserted.size(), 1);
        const QModelIndex last = model.index(4, 0);
        QCOMPARE(last.data().toString(), QStringLiteral("Thanks!"));
        QCOMPARE(last.data(SendStateRole).toInt(), int(MessageListModel::Pending));
        QCOMPARE(last.data(OwnRole).toBool(), true);
        QVERIFY(m_cache->outbox().markFailed(pending->id, QStringLiteral("The server refused the message.")));
        QCOMPARE(model.index(4, 0).data(SendStateRole).toInt(), int(MessageListModel::Failed));
        QCOMPARE(model.index(4, 0).data(ErrorTextRole).toString(),
                 QStringLiteral("The server refused the message."));
        QCOMPARE(model.index(4, 0).data(OutboxIdRole).toLongLong(), pending->id);

        // Sent: the outbox row gives way to the server's message.
        QVERIFY(m_cache->apply([&](client::CacheWriter &w) {
            w.upsertMessages(1,
                             { api::Message { 99,
                                              { 5, QStringLiteral("John Doe") },
                                              QStringLiteral("Thanks!"),
                                              QDateTime::currentDateTimeUtc(),
                                              true } });
        }));
        QVERIFY(m_cache->outbox().markSent(pending->id, 99));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(4, 0).data(IdRole).toLongLong(), 99);
        QCOMPARE(model.index(4, 0).data(SendStateRole).toInt(), int(MessageListModel::Sent));

        model.setThread(0);
        QCOMPARE(model.rowCount(), 0);
    }

    void fiftyThousandMessagesPage()
    {
        fill();
        QList<api::Message> many;
        const QDateTime start(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC);
        for (int i = 0; i < 50000; ++i)
            many.append(api::Message { 1000 + i,
                                       { 3, QStringLiteral("Jane Smith") },
                                       QStringLiteral("Message number %1").arg(i),
                                       start.addSecs(i),
                                       true });
        QVERIFY(m_cache->apply([&](client::CacheWriter &w) { w.upsertMessages(3, many); }));

        MessageListModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        QElapsedTimer timer;
        timer.start();
        model.setThread(3);
        const qint64 firstPage = timer.elapsed();
        QCOMPARE(model.rowCount(), model.pageSize());
        QCOMPARE(model.index(model.rowCount() - 1, 0).data().toString(),
                 QStringLiteral("Message number 49999"));
        QVERIFY(model.canLoadOlder());
        timer.restart();
        model.loadOlder();
        const qint64 secondPage = timer.elapsed();
        QCOMPARE(model.rowCount(), 2 * model.pageSize());
        QCOMPARE(model.index(model.rowCount() - 1, 0).data().toString(),
                 QStringLiteral("Message number 49999"));
        // A new message is appended, the window does not slide.
        QVERIFY(m_cache->apply([&](client::CacheWriter &w) {
            w.upsertMessages(3,
                             { api::Message { 99999,
                                              { 3, QStringLiteral("Jane Smith") },
                                              QStringLiteral("Newest"),
                                              start.addSecs(60000),
                                              false } });
        }));
        QCOMPARE(model.rowCount(), 2 * model.pageSize() + 1);
        QCOMPARE(model.index(0, 0).data().toString(),
                 QStringLiteral("Message number %1").arg(50000 - 2 * model.pageSize()));
        qInfo("50,000-message thread: first page of %d in %lld ms, next page in %lld ms", model.pageSize(),
              firstPage, secondPage);
        // every row's data is cheap: walk them all
        timer.restart();
        for (int row = 0; row < model.rowCount(); ++row)
            (void)model.index(row, 0).data(Qt::AccessibleTextRole);
        qInfo("data() for %d rows: %lld ms", model.rowCount(), timer.elapsed());
    }

    void documentsSizesAndDownloaded()
    {
        DocumentListModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        fill();
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex contract = model.index(model.rowOf(1), 0);
        QCOMPARE(contract.data().toString(), QStringLiteral("Contract"));
        QCOMPARE(contract.siblingAtColumn(DocumentListModel::TypeColumn).data().toString(),
                 QStringLiteral("PDF"));
        QCOMPARE(contract.siblingAtColumn(DocumentListModel::SizeColumn).data().toString(),
                 QLocale().formattedDataSize(628, 1, QLocale::DataSizeTraditionalFormat));
        QCOMPARE(contract.siblingAtColumn(DocumentListModel::CaseColumn).data().toString(),
                 QStringLiteral("Contract Dispute"));
        QVERIFY(!contract.data(DownloadedRole).toBool());

        QVERIFY(m_cache->apply([](client::CacheWriter &w) {
            w.upsertDocuments({ api::Document { 7,
                                                QStringLiteral("Big scan"),
                                                {},
                                                QStringLiteral("PDF"),
                                                5 * 1024 * 1024,
                                                QDateTime::currentDateTimeUtc(),
                                                { 2, QStringLiteral("Trademark Registration") } } });
        }));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(model.rowOf(7), DocumentListModel::SizeColumn).data().toString(),
                 QStringLiteral("5.0 MB"));

        const QString path = m_dir.filePath(QStringLiteral("contract.pdf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(628, 'x'));
        file.close();
        QVERIFY(m_cache->documentFiles().record(client::DocumentFile { 1, path, 628, {}, {}, {} }));
        QTRY_VERIFY(model.index(model.rowOf(1), 0).data(DownloadedRole).toBool());
        QVERIFY(m_cache->apply([](client::CacheWriter &w) { w.replaceAllDocuments({}); }));
        QCOMPARE(model.rowCount(), 0);
    }

    void tasksGroupedWithOverdue()
    {
        TaskListModel model(*m_cache);
        model.setToday(QDate(2023, 2, 1));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        fill();
        QCOMPARE(model.rowCount(), 2); // to do, in progress
        const QModelIndex todo = model.index(0, 0);
        QVERIFY(todo.data(GroupRole).toBool());
        QCOMPARE(todo.data(StatusRole).toString(), QStringLiteral("PENDING"));
        QCOMPARE(model.rowCount(todo), 1);
        const QModelIndex review = model.index(0, TaskListModel::TitleColumn, todo);
        QCOMPARE(review.data().toString(), QStringLiteral("Review Contract"));
        QVERIFY(review.data(OverdueRole).toBool()); // due 2023-01-30
        QVERIFY(review.siblingAtColumn(TaskListModel::DueColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("overdue")));
        const QModelIndex inProgress = model.index(1, 0);
        QCOMPARE(inProgress.data(StatusRole).toString(), QStringLiteral("IN_PROGRESS"));
        QVERIFY(!model.index(0, 0, inProgress).data(OverdueRole).toBool()); // due 2023-02-15

        QVERIFY(m_cache->apply([](client::CacheWriter &w) {
            w.upsertTasks({ api::Task { 1,
                                        QStringLiteral("Review Contract"),
                                        {},
                                        QStringLiteral("COMPLETED"),
                                        QDate(2023, 1, 30),
                                        { 1, QStringLiteral("Contract Dispute") } } });
        }));
        QCOMPARE(model.rowCount(), 2); // in progress, completed
        QCOMPARE(model.index(1, 0).data(StatusRole).toString(), QStringLiteral("COMPLETED"));
        QVERIFY(!model.index(0, 0, model.index(1, 0)).data(OverdueRole).toBool());
        QVERIFY(model.indexOfTask(2).isValid());
        QVERIFY(m_cache->apply([](client::CacheWriter &w) { w.replaceAllTasks({}); }));
        QCOMPARE(model.rowCount(), 0);
    }

    void notificationsNewestFirst()
    {
        NotificationListModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        fill();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data(IdRole).toLongLong(), 1); // 2023-01-18 before 2023-01-17
        QVERIFY(model.index(0, 0).data(UnreadRole).toBool());
        QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(model.index(0, 0).data(RelatedTypeRole).toString(), QStringLiteral("MessageThread"));
        QCOMPARE(model.index(0, 0).data(RelatedIdRole).toLongLong(), 1);
        QVERIFY(!model.index(1, 0).data(UnreadRole).toBool());
        QVERIFY(m_cache->apply([](client::CacheWriter &w) { w.markNotificationRead(1); }));
        QVERIFY(!model.index(0, 0).data(UnreadRole).toBool());
        QVERIFY(m_cache->apply([](client::CacheWriter &w) {
            w.upsertNotifications({ api::Notification { 9,
                                                        QStringLiteral("CASE"),
                                                        QStringLiteral("Case updated"),
                                                        {},
                                                        QDateTime::currentDateTimeUtc(),
                                                        false,
                                                        QStringLiteral("Case"),
                                                        2 } });
        }));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data(IdRole).toLongLong(), 9);
    }

    void searchGroupedByKind()
    {
        SearchResultModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setQuery(QStringLiteral("contract"));
        QCOMPARE(model.rowCount(), 0);
        fill(); // the query runs again
        QVERIFY(model.rowCount() >= 3);
        QStringList kinds;
        int previousKind = 0;
        for (int g = 0; g < model.rowCount(); ++g) {
            const QModelIndex group = model.index(g, 0);
            QVERIFY(group.data(GroupRole).toBool());
            QVERIFY(model.rowCount(group) > 0);
            const int kind = model.index(0, 0, group).data(KindRole).toInt();
            QVERIFY(kind > previousKind);
            previousKind = kind;
        }
        const QModelIndex first = model.firstItem();
        QCOMPARE(first.data(KindRole).toInt(), int(client::SearchKind::Case));
        QCOMPARE(first.data(IdRole).toLongLong(), 1);
        model.setQuery(QStringLiteral("zzzz-nothing"));
        QCOMPARE(model.rowCount(), 0);
        model.setQuery(QString());
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(tst_UiModels)
#include "tst_uimodels.moc"
