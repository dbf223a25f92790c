// Renders each main view of the desktop client with the demo account into PNG files (offscreen), for the
// docs and for looking at: ui-screenshots OUTPUT_DIR [--language de|fr|en] (default English).
// scripts/screenshots builds and runs it.
#include "CasesView.h"
#include "ClientCache.h"
#include "DemoAccount.h"
#include "DesktopWindow.h"
#include "DocumentsView.h"
#include "FakeAccountActions.h"
#include "MessagesView.h"
#include "NewThreadDialog.h"
#include "SearchDialog.h"
#include "SettingsDialog.h"
#include "SignInDialog.h"
#include "TransferPanel.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QPalette>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

using namespace portal;
using namespace portal::ui;

namespace {
void settle()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(20);
    }
}

bool save(QWidget *widget, const QString &dir, const QString &name)
{
    settle();
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    const bool saved = widget->grab().save(path);
    qInfo("%s %s", saved ? "wrote" : "FAILED", qPrintable(path));
    return saved;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x36, 0x3b));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7c, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Mid, QColor(0x50, 0x53, 0x58));
    p.setColor(QPalette::Link, QColor(0x7a, 0xb0, 0xff));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(QApplication::style()->standardPalette());
    QCommandLineParser parser;
    const QCommandLineOption language(QStringLiteral("language"),
                                      QStringLiteral("Render in this language (de, fr, en)."),
                                      QStringLiteral("code"));
    parser.addOption(language);
    parser.addPositionalArgument(QStringLiteral("output"), QStringLiteral("Where the PNG files go."));
    parser.process(app);
    installTranslations(parser.isSet(language) ? QLocale(parser.value(language))
                                               : QLocale(QLocale::English, QLocale::UnitedStates));
    const QString out = parser.positionalArguments().value(0, QStringLiteral("screenshots"));
    QDir().mkpath(out);

    QTemporaryDir dir;
    auto opened = client::ClientCache::open(dir.filePath(QStringLiteral("cache.sqlite")));
    if (!opened) {
        qCritical("cannot open the cache: %s", qPrintable(opened.error().message));
        return 1;
    }
    std::unique_ptr<client::ClientCache> cache = opened.take();
    if (const QString error = demo::load(*cache); !error.isEmpty()) {
        qCritical("cannot load the demo account: %s", qPrintable(error));
        return 1;
    }
    // One reply waiting and one that failed, as after working offline (in the thread without unread
    // messages, so that the other one shows bold and counted).
    auto failed = cache->outbox().enqueue(client::OutboxRequest::newMessage(
        2, { QStringLiteral("I attached what I found; the rest follows once I am back in the office.") }));
    (void)cache->outbox().markFailed(failed->id, QStringLiteral("The server did not answer in time."));
    (void)cache->outbox().enqueue(
        client::OutboxRequest::newMessage(2, { QStringLiteral("Do you also need the emails from 2022?") }));

    FakeAccountActions actions(*cache);
    actions.lastSynced = QDateTime::currentDateTimeUtc().addSecs(-120);
    DesktopWindow window(*cache, actions);
    window.resize(1180, 720);
    window.show();
    bool ok = true;

    window.openCase(1);
    ok &= save(&window, out, QStringLiteral("cases"));
    window.openThread(2);
    ok &= save(&window, out, QStringLiteral("messages"));
    window.openDocument(1);
    emit actions.downloadProgress(2, 300, 623);
    ok &= save(&window, out, QStringLiteral("documents"));
    emit actions.downloadFinished(2, QString());
    window.openTask(1);
    ok &= save(&window, out, QStringLiteral("tasks"));
    window.showSection(DesktopWindow::Section::Notifications);
    ok &= save(&window, out, QStringLiteral("notifications"));

    actions.setState(AccountActions::SyncState::Offline);
    window.showError(QStringLiteral(
        "Could not reach portal.example.com. Check the connection; we try again in a minute."));
    window.openThread(1);
    ok &= save(&window, out, QStringLiteral("offline"));
    actions.setState(AccountActions::SyncState::Syncing);

    window.openSearch();
    window.searchDialog()->field()->setText(QStringLiteral("contract"));
    ok &= save(window.searchDialog(), out, QStringLiteral("search"));
    window.searchDialog()->hide();

    NewThreadDialog newThread(*cache, 1);
    newThread.setSubject(QStringLiteral("Meeting next week"));
    newThread.setText(QStringLiteral("Could we meet on Tuesday to go through the supplier's answer?"));
    newThread.show();
    ok &= save(&newThread, out, QStringLiteral("new-thread"));

    DesktopSettings settings;
    settings.server = QUrl(QStringLiteral("https://portal.example.com"));
    SettingsDialog settingsDialog(settings);
    settingsDialog.show();
    ok &= save(&settingsDialog, out, QStringLiteral("settings"));

    SignInDialog signIn;
    signIn.setServer(QUrl(QStringLiteral("https://portal.example.com")));
    signIn.setUsername(QStringLiteral("client_username"));
    signIn.setError(QStringLiteral("The user name or password is not right. Check them and try again."));
    signIn.show();
    ok &= save(&signIn, out, QStringLiteral("sign-in"));

    // The same window in a dark palette.
    QApplication::setPalette(darkPalette());
    actions.setState(AccountActions::SyncState::Idle);
    window.openThread(1);
    ok &= save(&window, out, QStringLiteral("messages-dark"));
    window.openCase(1);
    ok &= save(&window, out, QStringLiteral("cases-dark"));
    return ok ? 0 : 1;
}
