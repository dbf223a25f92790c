// portal search: full-text search of an account's cache, offline (no network at all).
#include "AccountPaths.h"
#include "AccountSettings.h"
#include "ClientCache.h"
#include "Commands.h"

#include <QFileInfo>
#include <QTextStream>

namespace portal::cli {

namespace {

QString kindName(client::SearchKind kind)
{
    switch (kind) {
    case client::SearchKind::Case:
        return QStringLiteral("case");
    case client::SearchKind::Thread:
        return QStringLiteral("thread");
    case client::SearchKind::Message:
        return QStringLiteral("message");
    case client::SearchKind::Document:
        return QStringLiteral("document");
    case client::SearchKind::Task:
        return QStringLiteral("task");
    case client::SearchKind::Notification:
        return QStringLiteral("notification");
    }
    return QStringLiteral("?");
}

// One line: tabs and line breaks inside become spaces, matches are [marked].
QString oneLine(QString text)
{
    text.replace(client::SearchHit::MatchStart, QLatin1Char('['));
    text.replace(client::SearchHit::MatchEnd, QLatin1Char(']'));
    for (QChar &c : text) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return text;
}

} // namespace

int searchCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Searches the local cache of an account (offline) and prints one hit per line: kind, title and "
        "snippet, separated by tabs, matches in [brackets]. With several accounts in the data folder, "
        "--server and --user say which."));
    const QCommandLineOption server = serverOption();
    const QCommandLineOption user = userOption();
    const QCommandLineOption dataDir = dataDirOption();
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N hits (default 50)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    parser.addOptions({ server, user, dataDir, limit });
    parser.addPositionalArgument(QStringLiteral("TERM"),
                                 QStringLiteral("The words to find (prefixes match)."));
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(QStringList { QStringLiteral("portal search") } + arguments))
        return fail(parser.errorText(), 2);
    if (parser.isSet(help)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QString term = parser.positionalArguments().join(QLatin1Char(' '));
    if (term.trimmed().isEmpty())
        return fail(QStringLiteral("search: a TERM is needed."), 2);

    AccountSettings settings(parser.value(dataDir));
    QList<AccountRef> accounts = settings.accounts();
    const QUrl wantedServer = serverUrlFromText(parser.value(server));
    const QString wantedUser = parser.value(user);
    accounts.removeIf([&](const AccountRef &account) {
        return (!wantedServer.isEmpty() && account.server != wantedServer)
            || (!wantedUser.isEmpty() && account.user != wantedUser);
    });
    if (accounts.isEmpty())
        return fail(QStringLiteral("search: no synced account here (run \"portal sync\" first)."));
    if (accounts.size() > 1)
        return fail(QStringLiteral("search: %1 accounts here; say which with --server and --user.")
                        .arg(accounts.size()),
                    2);

    const client::AccountPaths paths(settings.dataDir(), accounts.first().server, accounts.first().user);
    if (!QFileInfo::exists(paths.databasePath()))
        return fail(
            QStringLiteral("search: no cache at %1 (run \"portal sync\" first).").arg(paths.databasePath()));
    auto opened = client::ClientCache::open(paths.databasePath());
    if (!opened)
        return fail(
            QStringLiteral("cannot open the cache %1: %2").arg(paths.databasePath(), opened.error().message));
    auto hits = (*opened)->search(term, qMax(1, parser.value(limit).toInt()));
    if (!hits)
        return fail(QStringLiteral("search failed: %1").arg(hits.error().message));
    QTextStream out(stdout);
    for (const client::SearchHit &hit : *hits)
        out << kindName(hit.kind) << '\t' << oneLine(hit.title) << '\t' << oneLine(hit.snippet) << '\n';
    return 0;
}

} // namespace portal::cli
