#include "DesktopApp.h"

#include "AccountSettings.h"
#include "Commands.h"
#include "DesktopAccount.h"
#include "DesktopSettings.h"
#include "DesktopWindow.h"
#include "FirstPaintProbe.h"
#include "SignInDialog.h"
#include "TokenJobs.h"
#include "Translations.h"
#include "TrayIcon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>
#include <QTextStream>

namespace portal::app {

namespace {

// The app's one flow: sign-in dialog <-> main window, one account at a time. Its strings use the context
// "DesktopApp" (translate(), not tr(): the class has no Q_OBJECT, so tr() would look them up as "QObject").
class DesktopFlow : public QObject
{
public:
    explicit DesktopFlow(const QString &dataDir)
        : m_settings(dataDir)
    { }

    // A remembered account signs in from the keyring without a prompt; otherwise the dialog asks.
    void start(const cli::AccountRef &preset, const QString &password)
    {
        if (!preset.server.isEmpty() && !password.isEmpty()) {
            signIn({ preset.server, preset.user, password, false });
            return;
        }
        const QList<cli::AccountRef> known = m_settings.accounts();
        const cli::AccountRef last = !preset.server.isEmpty() || known.isEmpty() ? preset : known.constLast();
        if (last.server.isEmpty() || last.user.isEmpty() || !preset.server.isEmpty())
            return showSignIn(last, {});
        m_keyring.read(last.server, last.user, this, [this, last](const net::CredentialResult &result) {
            if (!result.ok() || result.credentials.refreshToken.isEmpty())
                return showSignIn(last, {});
            auto session = std::make_unique<net::Session>(last.server);
            session->restore(last.user, result.credentials.refreshToken);
            open(std::move(session), true, {});
        });
    }

    // portal --offline: the account's saved copy without signing in (no server, no password at hand), the
    // session set to work offline; syncing or signing out from the window brings the sign-in dialog.
    // The given account, else the last one used. Returns an error in words, or nothing when the window is up.
    QString startOffline(const cli::AccountRef &preset)
    {
        const QList<cli::AccountRef> known = m_settings.accounts();
        const cli::AccountRef account
            = !preset.server.isEmpty() || known.isEmpty() ? preset : known.constLast();
        if (account.server.isEmpty() || account.user.isEmpty())
            return QStringLiteral("--offline needs an account used here before, or --server and --user.");
        const client::AccountPaths paths(m_settings.dataDir(), account.server, account.user);
        if (!QFileInfo::exists(paths.databasePath()))
            return QStringLiteral("No saved copy of %1 on %2 in %3: sign in once first.")
                .arg(account.user, account.server.toString(), m_settings.dataDir());
        auto session = std::make_unique<net::Session>(account.server);
        session->restore(account.user, {}); // the name, no token: signed out
        session->connectivity()->setWorkOffline(true);
        open(std::move(session), false,
             QCoreApplication::translate("DesktopApp",
                                         "Working offline from the copy saved on this computer. "
                                         "Choose Try again to sign in."));
        return {};
    }

private:
    void showSignIn(const cli::AccountRef &account, const QString &error)
    {
        if (!m_dialog) {
            m_dialog = std::make_unique<ui::SignInDialog>();
            m_dialog->setRemember(true);
            connect(m_dialog.get(), &ui::SignInDialog::signInRequested, this,
                    [this](const ui::SignInRequest &request) { signIn(request); });
            connect(m_dialog.get(), &QDialog::rejected, this, [this] {
                if (!m_account)
                    QCoreApplication::quit();
            });
        }
        if (!account.server.isEmpty())
            m_dialog->setServer(account.server);
        if (!account.user.isEmpty())
            m_dialog->setUsername(account.user);
        m_dialog->setError(error);
        m_dialog->setBusy(false);
        m_dialog->show();
        m_dialog->raise();
        m_dialog->activateWindow();
    }

    void signIn(const ui::SignInRequest &request)
    {
        if (m_dialog)
            m_dialog->setBusy(true);
        auto session = std::make_unique<net::Session>(request.server);
        auto refresh = std::make_shared<QString>();
        connect(session.get(), &net::Session::refreshTokenChanged, this,
                [refresh](const QString &, const QString &token) { *refresh = token; });
        auto *job = new net::SignInJob(session.get(), request.username, request.password);
        net::Session *raw = session.release(); // owned by the job's handler until it is opened
        connect(job, &net::ApiJob::finished, this, [this, job, raw, request, refresh] {
            std::unique_ptr<net::Session> signedIn(raw);
            if (job->error().isError()) {
                const cli::AccountRef account { request.server, request.username };
                showSignIn(account, describeNetError(job->error(), request.server));
                return;
            }
            if (!request.remember) {
                open(std::move(signedIn), false, {});
                return;
            }
            auto *holder = new std::unique_ptr<net::Session>(std::move(signedIn));
            m_keyring.write(request.server, request.username, { *refresh, request.password }, this,
                            [this, holder](const net::CredentialResult &result) {
                                std::unique_ptr<net::Session> session = std::move(*holder);
                                delete holder;
                                QString notice;
                                if (result.status == net::CredentialResult::Status::KeyringUnavailable)
                                    notice = QCoreApplication::translate(
                                        "DesktopApp",
                                        "Signed in, but this computer has no keyring to remember you "
                                        "in, so you will be asked again next time.");
                                else if (!result.ok())
                                    notice
                                        = QCoreApplication::translate(
                                              "DesktopApp", "Signed in, but you could not be remembered: %1")
                                              .arg(result.message);
                                open(std::move(session), result.ok(), notice);
                            });
        });
        job->start();
    }

    void open(std::unique_ptr<net::Session> session, bool remember, const QString &notice)
    {
        // Signing in from an offline window replaces it (the window reads the account it goes with).
        m_window.reset();
        m_account.reset();
        const QUrl server = session->serverUrl();
        const QString user = session->username();
        const client::AccountPaths paths(m_settings.dataDir(), server, user);
        QString problem;
        std::unique_ptr<client::ClientCache> cache;
        if (auto created = paths.create(); !created) {
            problem = QCoreApplication::translate("DesktopApp", "Cannot create %1: %2")
                          .arg(paths.accountDir(), created.error().message);
        } else if (auto opened = client::ClientCache::open(paths.databasePath()); !opened) {
            problem = QCoreApplication::translate("DesktopApp", "Cannot open the local copy %1: %2")
                          .arg(paths.databasePath(), opened.error().message);
        } else {
            cache = opened.take();
        }
        if (!cache)
            return showSignIn({ server, user }, problem);
        m_settings.remember({ server, user });

        m_account = std::make_unique<DesktopAccount>(std::move(session), std::move(cache), paths, remember);
        QSettings settings;
        const ui::DesktopSettings desktopSettings = ui::DesktopSettings::load(settings);
        m_account->setSyncIntervalMinutes(desktopSettings.syncIntervalMinutes);
        m_window = std::make_unique<ui::DesktopWindow>(m_account->cache(), *m_account);
        // With a tray the app lives on when its window is closed (Quit is in the tray's menu).
        if (ui::TrayIcon::available())
            m_tray = std::make_unique<ui::TrayIcon>(*m_window, m_account->cache(), *m_account);
        QApplication::setQuitOnLastWindowClosed(!m_tray);
        connect(m_account.get(), &DesktopAccount::ended, this, [this, server, user](bool expired) {
            // Not inside the account's own signal: it goes away here.
            QMetaObject::invokeMethod(
                this,
                [this, server, user, expired] {
                    showSignIn({ server, user },
                               expired ? QCoreApplication::translate(
                                   "DesktopApp", "Your session has ended. Please sign in again.")
                                       : QString());
                    m_tray.reset();
                    QApplication::setQuitOnLastWindowClosed(true);
                    m_window.reset();
                    m_account.reset();
                },
                Qt::QueuedConnection);
        });
        connect(m_account.get(), &DesktopAccount::signInRequested, this, [this, server, user] {
            showSignIn({ server, user }, {});
        });
        connect(m_window.get(), &ui::DesktopWindow::settingsChanged, this, [this] {
            QSettings settings;
            if (m_account)
                m_account->setSyncIntervalMinutes(ui::DesktopSettings::load(settings).syncIntervalMinutes);
        });
        if (!(m_tray && desktopSettings.startInTray))
            m_window->show();
        if (m_dialog)
            m_dialog->hide();
        if (!notice.isEmpty())
            m_window->showError(notice);
        m_account->start();
    }

    cli::AccountSettings m_settings;
    net::CredentialStore m_keyring;
    std::unique_ptr<ui::SignInDialog> m_dialog;
    std::unique_ptr<DesktopAccount> m_account;
    std::unique_ptr<ui::DesktopWindow> m_window; // declared after the account: destroyed before it
    std::unique_ptr<ui::TrayIcon> m_tray; // over the window and the account: destroyed first
};

} // namespace

int runDesktop(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The Client Portal desktop app. Signs in to a remembered account at once, else asks.\n"
        "With --server, --user and --password-stdin it signs in without asking (for scripts and demos)."));
    const QCommandLineOption server = cli::serverOption();
    const QCommandLineOption user = cli::userOption();
    const QCommandLineOption dataDir = cli::dataDirOption();
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           QStringLiteral("Read the password from the first line of stdin."));
    const QCommandLineOption offline(
        QStringLiteral("offline"),
        QStringLiteral("Open the last account's saved copy (or --server and --user's) without signing in, "
                       "working offline."));
    const QCommandLineOption exitAfterFirstPaint(
        QStringLiteral("exit-after-first-paint"),
        QStringLiteral("Print the time from process start to the main window's first paint and the peak "
                       "memory, then quit (bench/startup-bench)."));
    parser.addOptions({ server, user, dataDir, passwordStdin, offline, exitAfterFirstPaint });
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(QStringList { QStringLiteral("portal") } + arguments))
        return cli::fail(parser.errorText(), 2);
    if (parser.isSet(help)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    cli::AccountRef preset;
    if (parser.isSet(server)) {
        preset.server = cli::serverUrlFromText(parser.value(server));
        if (preset.server.isEmpty())
            return cli::fail(QStringLiteral("--server wants an address such as https://portal.example.com."),
                             2);
    }
    preset.user = parser.value(user);
    const QString password = parser.isSet(passwordStdin) ? cli::readPasswordLine() : QString();
    if (parser.isSet(passwordStdin) && (preset.server.isEmpty() || preset.user.isEmpty()))
        return cli::fail(QStringLiteral("--password-stdin goes with --server and --user."), 2);
    if (parser.isSet(offline) && parser.isSet(passwordStdin))
        return cli::fail(QStringLiteral("--offline does not sign in: leave out --password-stdin."), 2);

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    ui::installTranslations(ui::localeForLanguage(ui::DesktopSettings::load(QSettings {}).language));
    if (parser.isSet(exitAfterFirstPaint))
        new FirstPaintProbe(qApp);
    DesktopFlow flow(parser.value(dataDir));
    if (parser.isSet(offline)) {
        if (const QString problem = flow.startOffline(preset); !problem.isEmpty())
            return cli::fail(problem, 1);
    } else {
        flow.start(preset, password);
    }
    return QApplication::exec();
}

} // namespace portal::app
