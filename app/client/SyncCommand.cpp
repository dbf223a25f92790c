// portal sync: signs in, syncs the account's cache completely and prints one summary line of counts.
#include "AccountPaths.h"
#include "AccountSettings.h"
#include "ClientCache.h"
#include "Commands.h"
#include "CredentialStore.h"
#include "SyncEngine.h"
#include "TokenJobs.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>

namespace portal::cli {

namespace {

const char *const kDescription
    = R"(Signs in, brings the account's local cache up to date, and prints one line:
  cases=N threads=N messages=N documents=N tasks=N notifications=N unread=N
counted from the cache; unread is the unread messages (the sum of the threads' unread counts) plus the
unread notifications. Exit code 0 on success, 1 on an error (printed to stderr), 2 on a usage error.)";

// In words, for a person at a terminal.
QString describe(const net::NetError &error, const QUrl &server)
{
    using Kind = net::NetError::Kind;
    switch (error.kind) {
    case Kind::Unauthorized:
        return QStringLiteral("sign-in refused: wrong user name or password (or the account is disabled).");
    case Kind::Unreachable:
        return QStringLiteral("cannot reach %1: %2").arg(server.toString(), error.message);
    case Kind::Timeout:
        return QStringLiteral("%1 did not answer in time.").arg(server.toString());
    case Kind::Tls:
        return QStringLiteral("secure connection to %1 failed: %2").arg(server.toString(), error.message);
    case Kind::RateLimited:
        return QStringLiteral("the server asks to slow down; try again in %1 s.")
            .arg(error.retryAfterSeconds);
    case Kind::Http:
        return QStringLiteral("the server answered %1: %2").arg(error.httpStatus).arg(error.message);
    case Kind::Malformed:
        return QStringLiteral("the server's answer was not understood: %1").arg(error.message);
    default:
        return error.message;
    }
}

} // namespace

int syncCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(kDescription));
    const QCommandLineOption server = serverOption();
    const QCommandLineOption user = userOption();
    const QCommandLineOption dataDir = dataDirOption();
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           QStringLiteral("Read the password from the first line of stdin."));
    const QCommandLineOption rememberOption(
        QStringLiteral("remember"), QStringLiteral("Keep the session in the system keyring for later runs."));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QStringLiteral("Print the number of requests sent to stderr."));
    parser.addOptions({ server, user, dataDir, passwordStdin, rememberOption, verbose });
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(QStringList { QStringLiteral("portal sync") } + arguments))
        return fail(parser.errorText(), 2);
    if (parser.isSet(help)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QUrl serverUrl = serverUrlFromText(parser.value(server));
    const QString userName = parser.value(user);
    if (serverUrl.isEmpty() || userName.isEmpty())
        return fail(QStringLiteral("sync: --server URL and --user NAME are needed."), 2);

    AccountSettings settings(parser.value(dataDir));
    net::Session session(serverUrl);
    QEventLoop loop;

    // Sign in: with the password from stdin, or from a session remembered in the keyring.
    net::NetError signInError;
    net::CredentialStore keyring;
    if (parser.isSet(passwordStdin)) {
        auto *job = new net::SignInJob(&session, userName, readPasswordLine());
        QObject::connect(job, &net::ApiJob::finished, &loop, [&, job] {
            signInError = job->error();
            loop.quit();
        });
        job->start();
        loop.exec();
    } else {
        bool found = false;
        keyring.read(serverUrl, userName, &loop, [&](const net::CredentialResult &result) {
            found = result.ok() && !result.credentials.refreshToken.isEmpty();
            if (found)
                session.restore(userName, result.credentials.refreshToken);
            loop.quit();
        });
        loop.exec();
        if (!found)
            return fail(QStringLiteral("sync: no remembered session for %1 on %2; use --password-stdin.")
                            .arg(userName, serverUrl.toString()),
                        1);
    }
    if (signInError.isError())
        return fail(describe(signInError, serverUrl));

    // The refresh token rotates: with --remember (or a remembered session) keep the newest one.
    const bool remember = parser.isSet(rememberOption) || !parser.isSet(passwordStdin);
    QString refreshToken;
    QObject::connect(&session, &net::Session::refreshTokenChanged,
                     [&](const QString &, const QString &token) { refreshToken = token; });

    const client::AccountPaths paths(settings.dataDir(), serverUrl, userName);
    if (auto created = paths.create(); !created)
        return fail(QStringLiteral("cannot create %1: %2").arg(paths.accountDir(), created.error().message));
    auto opened = client::ClientCache::open(paths.databasePath());
    if (!opened)
        return fail(
            QStringLiteral("cannot open the cache %1: %2").arg(paths.databasePath(), opened.error().message));
    std::unique_ptr<client::ClientCache> cache = opened.take();
    settings.remember({ serverUrl, userName });

    client::SyncEngine engine(session, *cache);
    engine.setPushEnabled(false);
    bool synced = false;
    QObject::connect(&engine, &client::SyncEngine::syncFinished, &loop, [&](bool ok) {
        synced = ok;
        loop.quit();
    });
    engine.syncNow();
    if (engine.isSyncing())
        loop.exec();
    if (parser.isSet(verbose))
        QTextStream(stderr) << "portal: " << engine.requestsSent() + (parser.isSet(passwordStdin) ? 1 : 0)
                            << " requests\n";
    if (!synced)
        return fail(describe(engine.lastError(), serverUrl));

    if (remember && !refreshToken.isEmpty()) {
        keyring.write(
            serverUrl, userName, { refreshToken, {} }, &loop, [&](const net::CredentialResult &result) {
                if (!result.ok())
                    QTextStream(stderr)
                        << "portal: the session could not be remembered: " << result.message << '\n';
                loop.quit();
            });
        loop.exec();
    }

    // The summary, from the cache.
    auto cases = cache->cases();
    auto threads = cache->threads();
    auto documents = cache->documents();
    auto tasks = cache->tasks();
    auto notifications = cache->notifications();
    auto unread = cache->unreadTotals();
    if (!cases || !threads || !documents || !tasks || !notifications || !unread)
        return fail(QStringLiteral("the cache could not be read."));
    qsizetype messages = 0;
    for (const client::ThreadSummary &summary : *threads) {
        auto list = cache->messages(summary.thread.id);
        if (!list)
            return fail(QStringLiteral("the cache could not be read: %1").arg(list.error().message));
        messages += list->size();
    }
    QTextStream(stdout) << "cases=" << cases->size() << " threads=" << threads->size()
                        << " messages=" << messages << " documents=" << documents->size()
                        << " tasks=" << tasks->size() << " notifications=" << notifications->size()
                        << " unread=" << unread->messages + unread->notifications << '\n';
    return 0;
}

} // namespace portal::cli
