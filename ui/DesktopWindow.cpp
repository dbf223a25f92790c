#include "DesktopWindow.h"

#include "AccountActions.h"
#include "Banner.h"
#include "CasesView.h"
#include "ClientCache.h"
#include "DocumentsView.h"
#include "MessagesView.h"
#include "NewThreadDialog.h"
#include "NotificationsView.h"
#include "SearchDialog.h"
#include "SettingsDialog.h"
#include "Sidebar.h"
#include "SyncStatusBar.h"
#include "TasksView.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

namespace portal::ui {

DesktopWindow::DesktopWindow(client::ClientCache &cache, AccountActions &actions, QWidget *parent)
    : QMainWindow(parent)
    , m_cache(cache)
    , m_actions(actions)
    , m_sidebar(new Sidebar(cache, this))
    , m_stack(new QStackedWidget(this))
    , m_cases(new CasesView(cache, this))
    , m_messages(new MessagesView(cache, actions, this))
    , m_documents(new DocumentsView(cache, actions, this))
    , m_tasks(new TasksView(cache, this))
    , m_notifications(new NotificationsView(cache, actions, this))
    , m_search(new SearchDialog(cache, this))
    , m_status(new SyncStatusBar(actions, this))
    , m_offline(new Banner(Banner::Tone::Warning, QStringLiteral(":/icons/offline.svg"), this))
    , m_error(new Banner(Banner::Tone::Error, QStringLiteral(":/icons/error.svg"), this))
{
    setObjectName(QStringLiteral("desktopWindow"));
    setWindowTitle(tr("Client Portal — %1").arg(actions.accountName()));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));

    m_stack->addWidget(m_cases);
    m_stack->addWidget(m_messages);
    m_stack->addWidget(m_documents);
    m_stack->addWidget(m_tasks);
    m_stack->addWidget(m_notifications);

    m_offline->setObjectName(QStringLiteral("offlineBanner"));
    m_offline->setText(tr("You are offline. You see what was saved on this computer; what you send waits "
                          "and goes out when the connection is back."));
    m_offline->setActionText(tr("Try again"));
    m_offline->hide();
    m_error->setObjectName(QStringLiteral("errorBanner"));
    m_error->setClosable(true);
    m_error->hide();

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    auto *banners = new QVBoxLayout;
    banners->setContentsMargins(8, 8, 8, 0);
    banners->setSpacing(6);
    banners->addWidget(m_offline);
    banners->addWidget(m_error);
    contentLayout->addLayout(banners);
    contentLayout->addWidget(m_stack, 1);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_sidebar->setFixedWidth(m_sidebar->sizeHint().width());
    layout->addWidget(m_sidebar);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(content, 1);
    setCentralWidget(central);
    statusBar()->addWidget(m_status, 1);
    statusBar()->setSizeGripEnabled(false);
    buildToolBar();

    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_stack->setCurrentIndex(row);
    });
    connect(m_cases, &CasesView::openThread, this, &DesktopWindow::openThread);
    connect(m_cases, &CasesView::openDocument, this, &DesktopWindow::openDocument);
    connect(m_cases, &CasesView::openTask, this, &DesktopWindow::openTask);
    connect(m_cases, &CasesView::newThreadRequested, this, &DesktopWindow::startNewThread);
    connect(m_messages, &MessagesView::newThreadRequested, this, [this] { startNewThread(); });
    connect(m_tasks, &TasksView::openCase, this, &DesktopWindow::openCase);
    connect(m_notifications, &NotificationsView::openRelated, this, [this](const QString &type, qint64 id) {
        if (type == QLatin1String("MessageThread"))
            openThread(id);
        else if (type == QLatin1String("Document"))
            openDocument(id);
        else if (type == QLatin1String("Task"))
            openTask(id);
        else if (type == QLatin1String("Case"))
            openCase(id);
    });
    connect(m_search, &SearchDialog::hitActivated, this, &DesktopWindow::openSearchHit);
    connect(m_offline, &Banner::actionClicked, &m_actions, &AccountActions::syncNow);
    connect(&m_actions, &AccountActions::statusChanged, this, &DesktopWindow::refreshStatus);
    connect(&m_actions, &AccountActions::errorOccurred, this, &DesktopWindow::showError);
    connect(&m_actions, &AccountActions::downloadFailed, this,
            [this](qint64, const QString &message) { showError(message); });
    connect(&m_actions, &AccountActions::uploadFailed, this,
            [this](qint64, const QString &message) { showError(message); });
    refreshStatus();
    resize(1180, 760);
    showSection(Section::Cases);
}

DesktopWindow::~DesktopWindow() = default;

void DesktopWindow::buildToolBar()
{
    auto *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *search = bar->addAction(QIcon(QStringLiteral(":/icons/search.svg")), tr("Search"));
    search->setObjectName(QStringLiteral("searchAction"));
    search->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    search->setShortcutContext(Qt::WindowShortcut);
    search->setToolTip(tr("Search everything (Ctrl+K)"));
    connect(search, &QAction::triggered, this, &DesktopWindow::openSearch);

    auto *newThread = bar->addAction(QIcon(QStringLiteral(":/icons/new-thread.svg")), tr("New thread"));
    newThread->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    newThread->setToolTip(tr("Start a new thread (Ctrl+N)"));
    connect(newThread, &QAction::triggered, this, [this] { startNewThread(m_cases->currentCaseId()); });

    auto *sync = bar->addAction(QIcon(QStringLiteral(":/icons/sync.svg")), tr("Sync now"));
    sync->setShortcut(QKeySequence::Refresh);
    sync->setToolTip(tr("Fetch what is new now (F5)"));
    connect(sync, &QAction::triggered, &m_actions, &AccountActions::syncNow);

    // Ctrl+1 … Ctrl+5 reach the sections from anywhere.
    for (int section = 0; section < Sidebar::SectionCount; ++section) {
        auto *go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + section)));
        connect(go, &QAction::triggered, this, [this, section] { showSection(Section(section)); });
        addAction(go);
    }

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);

    auto *account = new QToolButton(bar);
    account->setObjectName(QStringLiteral("accountButton"));
    account->setIcon(QIcon(QStringLiteral(":/icons/account.svg")));
    account->setText(m_actions.accountName());
    account->setAccessibleName(tr("Account: %1").arg(m_actions.accountName()));
    account->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    account->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(account);
    auto *settings = menu->addAction(QIcon(QStringLiteral(":/icons/settings.svg")), tr("&Settings…"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    addAction(settings); // the shortcut works while the menu is closed
    connect(settings, &QAction::triggered, this, &DesktopWindow::openSettings);
    menu->addSeparator();
    auto *signOut = menu->addAction(tr("Sign &out"));
    connect(signOut, &QAction::triggered, &m_actions, &AccountActions::signOut);
    account->setMenu(menu);
    bar->addWidget(account);
}

void DesktopWindow::showSection(Section section)
{
    m_sidebar->setCurrentRow(int(section));
    m_stack->setCurrentIndex(int(section));
}

DesktopWindow::Section DesktopWindow::currentSection() const
{
    return Section(m_stack->currentIndex());
}

void DesktopWindow::openCase(qint64 caseId)
{
    showSection(Section::Cases);
    m_cases->selectCase(caseId);
    m_cases->list()->setFocus();
}

void DesktopWindow::openThread(qint64 threadId)
{
    showSection(Section::Messages);
    m_messages->selectThread(threadId);
    m_messages->composeBox()->setFocus();
}

void DesktopWindow::openDocument(qint64 documentId)
{
    showSection(Section::Documents);
    m_documents->selectDocument(documentId);
    m_documents->list()->setFocus();
}

void DesktopWindow::openTask(qint64 taskId)
{
    showSection(Section::Tasks);
    m_tasks->selectTask(taskId);
    m_tasks->list()->setFocus();
}

void DesktopWindow::openNotification(qint64 notificationId)
{
    showSection(Section::Notifications);
    m_notifications->selectNotification(notificationId);
    m_notifications->list()->setFocus();
}

void DesktopWindow::openSearchHit(const client::SearchHit &hit)
{
    switch (hit.kind) {
    case client::SearchKind::Case:
        openCase(hit.objectId);
        break;
    case client::SearchKind::Thread:
        openThread(hit.objectId);
        break;
    case client::SearchKind::Message:
        openThread(hit.threadId);
        break;
    case client::SearchKind::Document:
        openDocument(hit.objectId);
        break;
    case client::SearchKind::Task:
        openTask(hit.objectId);
        break;
    case client::SearchKind::Notification:
        openNotification(hit.objectId);
        break;
    }
}

void DesktopWindow::openSearch()
{
    m_search->popUp();
}

void DesktopWindow::startNewThread(qint64 caseId)
{
    auto *dialog = new NewThreadDialog(m_cache, caseId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_actions.startThread(dialog->caseId(), dialog->subject(), dialog->text()); });
    dialog->open();
}

void DesktopWindow::showError(const QString &message)
{
    if (message.isEmpty() || (m_error->isVisible() && m_error->text() == message))
        return;
    m_error->setText(message);
    m_error->show();
}

QString DesktopWindow::shownError() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void DesktopWindow::refreshStatus()
{
    m_offline->setVisible(m_actions.syncState() == AccountActions::SyncState::Offline);
}

void DesktopWindow::openSettings()
{
    QSettings store;
    if (SettingsDialog::edit(store, this))
        emit settingsChanged();
}

} // namespace portal::ui
