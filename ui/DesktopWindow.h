// The desktop client's main window, the one entry point of portal_ui: the app creates it with the
// account's cache (what the views read) and its implementation of AccountActions (what they ask for).
// A sidebar with unread badges switches between Cases, Messages, Documents, Tasks and Notifications; a
// toolbar has search (Ctrl+K), sync and the account menu; the status bar shows the sync state, an offline
// banner says when the data is only what was saved, and one message bar shows each error once.
#pragma once

#include <QMainWindow>

class QStackedWidget;

namespace portal::client {
class ClientCache;
struct SearchHit;
} // namespace portal::client

namespace portal::ui {

class AccountActions;
class Banner;
class CasesView;
class DocumentsView;
class MessagesView;
class NotificationsView;
class SearchDialog;
class Sidebar;
class SyncStatusBar;
class TasksView;

class DesktopWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Section { Cases, Messages, Documents, Tasks, Notifications };
    Q_ENUM(Section)

    DesktopWindow(client::ClientCache &cache, AccountActions &actions, QWidget *parent = nullptr);
    ~DesktopWindow() override;

    void showSection(Section section);
    Section currentSection() const;

    void openCase(qint64 caseId);
    void openThread(qint64 threadId);
    void openDocument(qint64 documentId);
    void openTask(qint64 taskId);
    void openNotification(qint64 notificationId);
    void openSearchHit(const client::SearchHit &hit);
    void openSearch(); // Ctrl+K
    void startNewThread(qint64 caseId = 0);

    // The one place errors reach the person: shown once (the same text again while shown is ignored).
    void showError(const QString &message);
    QString shownError() const;

    Sidebar *sidebar() const { return m_sidebar; }
    CasesView *casesView() const { return m_cases; }
    MessagesView *messagesView() const { return m_messages; }
    DocumentsView *documentsView() const { return m_documents; }
    TasksView *tasksView() const { return m_tasks; }
    NotificationsView *notificationsView() const { return m_notifications; }
    SearchDialog *searchDialog() const { return m_search; }
    SyncStatusBar *syncStatusBar() const { return m_status; }
    Banner *offlineBanner() const { return m_offline; }

signals:
    // The settings were saved (QSettings); the app applies them.
    void settingsChanged();

private:
    void buildToolBar();
    void refreshStatus();
    void openSettings();

    client::ClientCache &m_cache;
    AccountActions &m_actions;
    Sidebar *m_sidebar;
    QStackedWidget *m_stack;
    CasesView *m_cases;
    MessagesView *m_messages;
    DocumentsView *m_documents;
    TasksView *m_tasks;
    NotificationsView *m_notifications;
    SearchDialog *m_search;
    SyncStatusBar *m_status;
    Banner *m_offline;
    Banner *m_error;
};

} // namespace portal::ui
