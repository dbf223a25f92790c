// The desktop window clicked through offscreen with QTest, over a real cache filled with the demo account
// and FakeAccountActions recording what the views ask for: open a case, read a thread, reply with
// Ctrl+Enter, retry a failed message, search with Ctrl+K, jump from a notification, download with cancel,
// the offline banner and the one error bar, and the dialogs.
#include "Banner.h"
#include "CasesView.h"
#include "ClientCache.h"
#include "DemoAccount.h"
#include "DesktopSettings.h"
#include "DesktopWindow.h"
#include "DocumentsView.h"
#include "FakeAccountActions.h"
#include "MessageListModel.h"
#include "MessagesView.h"
#include "ModelRoles.h"
#include "NewThreadDialog.h"
#include "NotificationsView.h"
#include "SearchDialog.h"
#include "SettingsDialog.h"
#include "Sidebar.h"
#include "SignInDialog.h"
#include "SyncStatusBar.h"
#include "TaskListModel.h"
#include "TasksView.h"
#include "TransferPanel.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace portal;
using namespace portal::ui;

class tst_UiViews : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<client::ClientCache> m_cache;
    std::unique_ptr<FakeAccountActions> m_actions;
    std::unique_ptr<DesktopWindow> m_window;

    static void clickRow(QAbstractItemView *view, const QModelIndex &index)
    {
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    }
    static QModelIndex findId(QAbstractItemView *view, qint64 id)
    {
        const QModelIndexList found = view->model()->match(view->model()->index(0, 0), IdRole, id, 1,
                                                           Qt::MatchExactly | Qt::MatchRecursive);
        return found.value(0);
    }

private slots:
    void init()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        auto opened = client::ClientCache::open(
            m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(QTest::currentTestFunction())));
        QVERIFY(opened);
        m_cache = opened.take();
        QCOMPARE(demo::load(*m_cache), QString());
        m_actions = std::make_unique<FakeAccountActions>(*m_cache);
        m_window = std::make_unique<DesktopWindow>(*m_cache, *m_actions);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup()
    {
        m_window.reset();
        m_actions.reset();
        m_cache.reset();
    }

    void openCaseShowsDetailAndLinks()
    {
        QCOMPARE(m_window->currentSection(), DesktopWindow::Section::Cases);
        QTreeView *list = m_window->casesView()->list();
        clickRow(list, findId(list, 1));
        QCOMPARE(m_window->casesView()->currentCaseId(), 1);
        auto *title = m_window->findChild<QLabel *>(QStringLiteral("caseTitle"));
        QCOMPARE(title->text(), QStringLiteral("Contract Dispute"));
        auto *attorney = m_window->findChild<QLabel *>(QStringLiteral("caseAttorney"));
        QVERIFY(attorney->text().contains(QStringLiteral("mailto:jsmith@example.com")));
        QVERIFY(attorney->text().contains(QStringLiteral("Jane Smith")));

        // The case's threads open in Messages, by keyboard.
        auto *threads = m_window->findChild<QListWidget *>(QStringLiteral("caseThreads"));
        QCOMPARE(threads->count(), 2);
        threads->setFocus();
        for (int row = 0; row < threads->count(); ++row) {
            if (threads->item(row)->data(IdRole).toLongLong() == 2)
                threads->setCurrentRow(row);
        }
        QTest::keyClick(threads, Qt::Key_Return);
        QCOMPARE(m_window->currentSection(), DesktopWindow::Section::Messages);
        QCOMPARE(m_window->messagesView()->currentThreadId(), 2);
    }

    void filterCases()
    {
        QTreeView *list = m_window->casesView()->list();
        QCOMPARE(list->model()->rowCount(), 2);
        auto *filter = m_window->casesView()->findChild<QLineEdit *>();
        QTest::keyClicks(filter, QStringLiteral("trademark"));
        QCOMPARE(list->model()->rowCount(), 1);
        m_window->openCase(1); // filtered out: the filter is cleared so that it shows
        QCOMPARE(list->model()->rowCount(), 2);
        QCOMPARE(m_window->casesView()->currentCaseId(), 1);
    }

    void readThreadMarksItRead()
    {
        QCOMPARE(m_window->sidebar()->badge(Sidebar::Messages), 2);
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(m_window->currentSection(), DesktopWindow::Section::Messages);
        QListView *threads = m_window->messagesView()->threadList();
        clickRow(threads, findId(threads, 1));
        QCOMPARE(m_window->messagesView()->currentThreadId(), 1);
        QVERIFY(m_actions->calls.contains(QStringLiteral("markThreadRead 1")));
        QAbstractItemModel *conversation = m_window->messagesView()->conversation()->model();
        QCOMPARE(conversation->rowCount(), 4);
        QTRY_VERIFY(static_cast<MessageListModel *>(conversation)->rows().at(3).message.isRead);
        QVERIFY(conversation->index(3, 0).data(UnreadRole).toBool()); // read now, still marked new while open
        QVERIFY(!conversation->index(0, 0).data(UnreadRole).toBool());
        QTRY_COMPARE(m_window->sidebar()->badge(Sidebar::Messages), 0);
        QCOMPARE(findId(threads, 1).data(UnreadCountRole).toInt(), 0);
        QCOMPARE(threads->currentIndex().data(IdRole).toLongLong(), 1); // still chosen after the change
        // A thread without unread messages is not marked again.
        m_actions->calls.clear();
        clickRow(threads, findId(threads, 2));
        QVERIFY(!m_actions->calls.contains(QStringLiteral("markThreadRead 2")));
    }

    void replyWithCtrlEnter()
    {
        m_window->openThread(1);
        QPlainTextEdit *compose = m_window->messagesView()->composeBox();
        QTRY_VERIFY(compose->hasFocus());
        QTest::keyClicks(compose, QStringLiteral("Clause 7, mostly."));
        QTest::keyClick(compose, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(m_actions->calls.contains(QStringLiteral("sendMessage 1 Clause 7, mostly.")));
        QVERIFY(compose->toPlainText().isEmpty());
        QAbstractItemModel *conversation = m_window->messagesView()->conversation()->model();
        QCOMPARE(conversation->rowCount(), 5);
        const QModelIndex pending = conversation->index(4, 0);
        QCOMPARE(pending.data().toString(), QStringLiteral("Clause 7, mostly."));
        QCOMPARE(pending.data(SendStateRole).toInt(), int(MessageListModel::Pending));
        QCOMPARE(m_window->syncStatusBar()->pendingText(), QStringLiteral("1 change(s) waiting to be sent"));
        // Plain Enter is a new line, not a send.
        m_actions->calls.clear();
        QTest::keyClicks(compose, QStringLiteral("Line one"));
        QTest::keyClick(compose, Qt::Key_Return);
        QVERIFY(m_actions->calls.isEmpty());
        QCOMPARE(compose->toPlainText(), QStringLiteral("Line one\n"));
    }

    void longThreadLoadsOlderAtTheTop()
    {
        QList<api::Message> many;
        const QDateTime start(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC);
        for (int i = 0; i < 5000; ++i)
            many.append(api::Message { 1000 + i,
                                       { 3, QStringLiteral("Jane Smith") },
                                       QStringLiteral("Message %1").arg(i),
                                       start.addSecs(i),
                                       true });
        QVERIFY(m_cache->apply([&](client::CacheWriter &w) { w.upsertMessages(2, many); }));
        m_window->openThread(2);
        QListView *conversation = m_window->messagesView()->conversation();
        auto *model = static_cast<MessageListModel *>(conversation->model());
        QCOMPARE(model->rowCount(), model->pageSize());
        QScrollBar *bar = conversation->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum()); // opened at the newest
        bar->setValue(bar->minimum());
        QCOMPARE(model->rowCount(), 2 * model->pageSize());
        QVERIFY(bar->value() > bar->minimum()); // the rows that were shown stay in view
        QCOMPARE(model->index(model->rowCount() - 1, 0).data().toString(), QStringLiteral("Message 4999"));
    }

    void failedMessageCanBeSentAgain()
    {
        m_window->openThread(1);
        auto item
            = m_cache->outbox().enqueue(client::OutboxRequest::newMessage(1, { QStringLiteral("Hello?") }));
        QVERIFY(item);
        QVERIFY(m_cache->outbox().markFailed(item->id, QStringLiteral("The server did not answer in time.")));
        QAbstractItemModel *conversation = m_window->messagesView()->conversation()->model();
        QCOMPARE(conversation->index(4, 0).data(SendStateRole).toInt(), int(MessageListModel::Failed));
        Banner *bar = nullptr;
        for (Banner *banner : m_window->messagesView()->findChildren<Banner *>())
            bar = banner;
        QVERIFY(bar && bar->isVisible());
        QVERIFY(bar->text().contains(QStringLiteral("did not answer")));
        QPushButton *again = nullptr;
        for (QPushButton *button : bar->findChildren<QPushButton *>()) {
            if (button->text() == QStringLiteral("Send again"))
                again = button;
        }
        QVERIFY(again);
        QTest::mouseClick(again, Qt::LeftButton);
        QVERIFY(m_actions->calls.contains(QStringLiteral("retryOutboxItem %1").arg(item->id)));
        QCOMPARE(conversation->index(4, 0).data(SendStateRole).toInt(), int(MessageListModel::Pending));
        QVERIFY(!bar->isVisible());
    }

    void searchWithCtrlK()
    {
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
        SearchDialog *search = m_window->searchDialog();
        QTRY_VERIFY(search->isVisible());
        // The field is the dialog's focus (offscreen, the main window may stay the active one).
        QCOMPARE(search->focusWidget(), search->field());
        QTest::keyClicks(search->field(), QStringLiteral("document req"));
        QVERIFY(search->results()->model()->rowCount() >= 1);
        QTest::keyClick(search->field(), Qt::Key_Return);
        QVERIFY(!search->isVisible());
        QCOMPARE(m_window->currentSection(), DesktopWindow::Section::Messages);
        QCOMPARE(m_window->messagesView()->currentThreadId(), 2);

        // Down moves through the hits while the field keeps the focus.
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(search->isVisible());
        QCOMPARE(search->field()->selectedText(), QStringLiteral("document req")); // typing replaces it
        QTest::keyClicks(search->field(), QStringLiteral("trademark"));
        QCOMPARE(search->results()->currentIndex().data(KindRole).toInt(), int(client::SearchKind::Case));
        QTest::keyClick(search->field(), Qt::Key_Down); // to the next hit, the field keeps the text
        QCOMPARE(search->field()->text(), QStringLiteral("trademark"));
        QTest::keyClick(search->field(), Qt::Key_Up);
        QCOMPARE(search->results()->currentIndex().data(KindRole).toInt(), int(client::SearchKind::Case));
        QTest::keyClick(search->field(), Qt::Key_Return);
        QCOMPARE(m_window->currentSection(), DesktopWindow::Section::Cases);
        QCOMPARE(m_window->casesView()->currentCaseId(), 2);
    }

    void notificationClickJumpsAndMarksRead()
    {
        QCOMPARE(m_window->sidebar()->badge(Sidebar::Notifications), 1);
        m_window->showSection(DesktopWindow::Section::Notifications);
        QListView *list = m_window->notificationsView()->list();
        auto *markAll = m_window->findChild<QPushButton *>(QStringLiteral("markAllReadButton"));
        QVERIFY(markAll->isEnabled());
        clickRow(list, findId(list, 1)); // about thread 1
        QVERIFY(m_actions->calls.contains(QStringLiteral("markNotificationRead 1")));
        QCOMPARE(m_window->currentSection(), DesktopWindow::Section::Messages);
        QCOMPARE(m_window->messagesView()->currentThreadId(), 1);
        QTRY_COMPARE(m_window->sidebar()->badge(Sidebar::Notifications), 0);
        QVERIFY(!markAll->isEnabled());

        // The document notification (already read) jumps without marking.
        m_window->showSection(DesktopWindow::Section::Notifications);
        m_actions->calls.clear();
        clickRow(list, findId(list, 2));
        QVERIFY(!m_actions->calls.contains(QStringLiteral("markNotificationRead 2")));
        QCOMPARE(m_window->currentSection(), DesktopWindow::Section::Documents);
        QCOMPARE(m_window->documentsView()->currentDocumentId(), 2);

        // Mark all read.
        QVERIFY(m_cache->apply([](client::CacheWriter &w) {
            w.upsertNotifications({ api::Notification { 8,
                                                        QStringLiteral("TASK"),
                                                        QStringLiteral("Task due"),
                                                        {},
                                                        QDateTime::currentDateTimeUtc(),
                                                        false,
                                                        QStringLiteral("Task"),
                                                        1 } });
        }));
        QVERIFY(markAll->isEnabled());
        m_window->showSection(DesktopWindow::Section::Notifications);
        QTest::mouseClick(markAll, Qt::LeftButton);
        QVERIFY(m_actions->calls.contains(QStringLiteral("markAllNotificationsRead")));
        QTRY_VERIFY(!markAll->isEnabled());
        // A task notification opens the task.
        clickRow(list, findId(list, 8));
        QCOMPARE(m_window->currentSection(), DesktopWindow::Section::Tasks);
        QCOMPARE(m_window->tasksView()->currentTaskId(), 1);
    }

    void downloadWithProgressAndCancel()
    {
        QStringList opened;
        m_window->documentsView()->setUrlOpener([&](const QUrl &url) {
            opened << url.toLocalFile();
            return true;
        });
        m_window->openDocument(1);
        auto *download = m_window->findChild<QPushButton *>(QStringLiteral("downloadButton"));
        auto *showInFolder = m_window->findChild<QPushButton *>(QStringLiteral("showInFolderButton"));
        QVERIFY(!showInFolder->isEnabled());
        QTest::mouseClick(download, Qt::LeftButton);
        QVERIFY(m_actions->calls.contains(QStringLiteral("download 1")));
        TransferPanel *transfers = m_window->documentsView()->transfers();
        QCOMPARE(transfers->count(), 1);
        QVERIFY(!download->isEnabled());
        emit m_actions->downloadProgress(1, 314, 628);
        QPushButton *cancel = nullptr;
        for (QPushButton *button : transfers->findChildren<QPushButton *>())
            cancel = button;
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(m_actions->calls.contains(QStringLiteral("cancelDownload 1")));
        QCOMPARE(transfers->count(), 0);
        QVERIFY(download->isEnabled());

        // Open downloads first and opens when done.
        auto *open = m_window->findChild<QPushButton *>(QStringLiteral("openButton"));
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(m_actions->calls.count(QStringLiteral("download 1")), 2);
        const QString path = m_dir.filePath(QStringLiteral("contract.pdf"));
        m_actions->files.insert(1, path);
        emit m_actions->downloadFinished(1, path);
        QCOMPARE(opened, QStringList { path });
        QVERIFY(showInFolder->isEnabled());
        QTest::mouseClick(showInFolder, Qt::LeftButton);
        QCOMPARE(opened.last(), m_dir.path());

        // A failed download reaches the one error bar, once.
        emit m_actions->downloadFailed(2, QStringLiteral("The disk is full."));
        emit m_actions->errorOccurred(QStringLiteral("The disk is full."));
        QCOMPARE(m_window->shownError(), QStringLiteral("The disk is full."));
    }

    void uploadAsksForTheCaseAndShowsProgress()
    {
        m_window->openDocument(1);
        const QString file = m_dir.filePath(QStringLiteral("notes.pdf"));
        QFile bytes(file);
        QVERIFY(bytes.open(QIODevice::WriteOnly));
        bytes.write("%PDF-1.4\n");
        bytes.close();
        // The dialog is modal: accept it once it is up.
        QTimer::singleShot(0, this, [] {
            if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
                dialog->accept();
        });
        m_window->documentsView()->uploadFiles({ file });
        QVERIFY(m_actions->calls.contains(QStringLiteral("upload 1 %1 notes").arg(file)));
        TransferPanel *transfers = m_window->documentsView()->transfers();
        QCOMPARE(transfers->count(), 1);
        emit m_actions->uploadProgress(1, 5, 10);
        emit m_actions->uploadFinished(1);
        QCOMPARE(transfers->count(), 0);

        // Dropping files on the view asks the same and uploads.
        auto *mime = new QMimeData;
        mime->setUrls({ QUrl::fromLocalFile(file) });
        DocumentsView *view = m_window->documentsView();
        const QPointF at = QPointF(view->rect().center());
        QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(view, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(view, &drop);
        QVERIFY(drop.isAccepted());
        QTimer::singleShot(50, this, [] {
            if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
                dialog->accept();
        });
        QTRY_COMPARE(m_actions->calls.count(QStringLiteral("upload 1 %1 notes").arg(file)), 2);
        delete mime;

        emit m_actions->uploadFailed(7, QStringLiteral("The file is larger than the server takes."));
        QCOMPARE(m_window->shownError(), QStringLiteral("The file is larger than the server takes."));
    }

    void offlineBannerAndStatusBar()
    {
        QCOMPARE(m_window->syncStatusBar()->stateText(), QStringLiteral("Online"));
        QVERIFY(!m_window->offlineBanner()->isVisible());
        m_actions->setState(AccountActions::SyncState::Offline);
        QVERIFY(m_window->offlineBanner()->isVisible());
        QCOMPARE(m_window->syncStatusBar()->stateText(), QStringLiteral("Offline"));
        QPushButton *again = m_window->offlineBanner()->findChild<QPushButton *>();
        QTest::mouseClick(again, Qt::LeftButton);
        QVERIFY(m_actions->calls.contains(QStringLiteral("syncNow")));
        m_actions->setState(AccountActions::SyncState::Syncing);
        QCOMPARE(m_window->syncStatusBar()->stateText(), QStringLiteral("Syncing…"));
        QVERIFY(!m_window->offlineBanner()->isVisible());
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QCOMPARE(m_actions->calls.count(QStringLiteral("syncNow")), 2);
    }

    void tasksGroupedWithOverdue()
    {
        m_window->tasksView()->model()->setToday(QDate(2023, 2, 1));
        m_window->openTask(1);
        QCOMPARE(m_window->tasksView()->currentTaskId(), 1);
        QVERIFY(m_window->tasksView()->list()->currentIndex().data(OverdueRole).toBool());
        auto *detail = m_window->findChild<QLabel *>(QStringLiteral("taskDetail"));
        QVERIFY(detail->text().contains(QStringLiteral("overdue")));
    }

    void newThreadDialog()
    {
        m_window->openCase(1);
        m_window->startNewThread(1);
        NewThreadDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<NewThreadDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->caseId(), 1);
        dialog->setSubject(QStringLiteral("Meeting"));
        dialog->setText(QStringLiteral("Tuesday?"));
        dialog->accept();
        QVERIFY(m_actions->calls.contains(QStringLiteral("startThread 1 Meeting Tuesday?")));
    }

    void signInDialog()
    {
        SignInDialog dialog;
        QSignalSpy requested(&dialog, &SignInDialog::signInRequested);
        dialog.setServer(QUrl(QStringLiteral("https://portal.example.com")));
        dialog.setUsername(QStringLiteral("client_username"));
        auto *button = dialog.findChild<QPushButton *>(QStringLiteral("signInButton"));
        QVERIFY(!button->isEnabled()); // no password yet
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("passwordField")),
                         QStringLiteral("secret"));
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        const auto request = requested.first().first().value<SignInRequest>();
        QCOMPARE(request.username, QStringLiteral("client_username"));
        QCOMPARE(request.password, QStringLiteral("secret"));
        dialog.setBusy(true);
        QVERIFY(!button->isEnabled());
        dialog.setError(QStringLiteral("The user name or password is not right."));
        QCOMPARE(dialog.error(), QStringLiteral("The user name or password is not right."));
        QVERIFY(button->isEnabled());
    }

    void settingsRoundTrip()
    {
        DesktopSettings settings;
        settings.server = QUrl(QStringLiteral("https://portal.example.com"));
        settings.syncIntervalMinutes = 15;
        settings.downloadFolder = m_dir.path();
        settings.language = QStringLiteral("de");
        settings.startInTray = true;
        SettingsDialog dialog(settings);
        QCOMPARE(dialog.settings(), settings);
        QSettings store(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        dialog.settings().save(store);
        QCOMPARE(DesktopSettings::load(store), settings);
    }

    void everyControlHasAnAccessibleName()
    {
        // Buttons with only an icon, fields and lists must say what they are.
        QStringList missing;
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            const bool control = qobject_cast<QLineEdit *>(widget) || qobject_cast<QPlainTextEdit *>(widget)
                || qobject_cast<QAbstractItemView *>(widget);
            if (control && widget->accessibleName().isEmpty() && !widget->inherits("QComboBoxListView")
                && !widget->inherits("QHeaderView"))
                missing << QStringLiteral("%1 %2").arg(QString::fromLatin1(widget->metaObject()->className()),
                                                       widget->objectName());
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(tst_UiViews)
#include "tst_uiviews.moc"
