// portal-server user add|passwd|disable|enable|list: the administrator's account tools. Passwords are read
// from standard input (one line), never from the command line, where other users could see them.
#include "CommandLine.h"
#include "Commands.h"
#include "PasswordHasher.h"
#include "Store.h"

#include <QTextStream>
#include <termios.h>
#include <unistd.h>

namespace portal::cli {

namespace {

const char *const kUserUsage = R"(portal-server user add --data DIR USERNAME --role client|attorney|admin
        [--email E] [--first-name F] [--last-name L]
        [--client ID | --company NAME [--phone P] [--address A]]
portal-server user passwd --data DIR USERNAME
portal-server user disable --data DIR USERNAME
portal-server user enable --data DIR USERNAME
portal-server user list --data DIR

Passwords are read from standard input (prompted for, without echo, on a terminal).
A client user belongs to a client: an existing one (--client ID) or a new one (--company NAME).)";

// Reads one line from stdin; on a terminal, prompts and turns echo off while the password is typed.
QString readPassword(const QString &prompt)
{
    const bool terminal = ::isatty(STDIN_FILENO);
    termios saved {};
    if (terminal) {
        QTextStream(stderr) << prompt << Qt::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        QTextStream(stderr) << "\n";
    }
    return line;
}

std::optional<QString> newPassword()
{
    const QString password = readPassword(QStringLiteral("Password: "));
    if (password.size() < 8) {
        fail(QStringLiteral("user: the password must have at least 8 characters."));
        return std::nullopt;
    }
    return password;
}

int addUser(store::Store &store, const QCommandLineParser &parser)
{
    const QStringList names = parser.positionalArguments().mid(1);
    if (names.size() != 1)
        return fail(QStringLiteral("user add: give exactly one USERNAME."), 2);
    const auto role = store::roleFromName(parser.value(QStringLiteral("role")));
    if (!role)
        return fail(QStringLiteral("user add: --role must be client, attorney or admin."), 2);

    store::UserRecord user;
    user.username = names.first().trimmed();
    user.email = parser.value(QStringLiteral("email"));
    user.firstName = parser.value(QStringLiteral("first-name"));
    user.lastName = parser.value(QStringLiteral("last-name"));
    user.role = *role;
    if (user.username.isEmpty() || user.username.size() > 150)
        return fail(QStringLiteral("user add: the user name must have 1 to 150 characters."), 2);

    if (*role == store::Role::Client) {
        if (parser.isSet(QStringLiteral("client")) == parser.isSet(QStringLiteral("company")))
            return fail(QStringLiteral("user add: a client user needs --client ID or --company NAME."), 2);
        if (parser.isSet(QStringLiteral("client"))) {
            bool ok = false;
            user.clientId = parser.value(QStringLiteral("client")).toLongLong(&ok);
            if (!ok)
                return fail(QStringLiteral("user add: --client wants a number."), 2);
        }
    }
    const auto password = newPassword();
    if (!password)
        return 1;
    user.passwordHash = auth::hashPassword(*password);

    if (*role == store::Role::Client && !user.clientId) {
        store::ClientRecord client;
        client.companyName = parser.value(QStringLiteral("company"));
        client.phone = parser.value(QStringLiteral("phone"));
        client.address = parser.value(QStringLiteral("address"));
        const auto clientId = store.users().addClient(client);
        if (!clientId)
            return fail(QStringLiteral("user add: %1").arg(clientId.error().message));
        user.clientId = *clientId;
    }
    const auto id = store.users().add(user);
    if (!id)
        return fail(QStringLiteral("user add: %1").arg(id.error().message));
    QTextStream(stdout) << "Added " << store::roleName(user.role) << ' ' << user.username << " (id " << *id
                        << ")\n";
    return 0;
}

std::optional<store::UserRecord> namedUser(store::Store &store, const QCommandLineParser &parser,
                                           const QString &action)
{
    const QStringList names = parser.positionalArguments().mid(1);
    if (names.size() != 1) {
        fail(QStringLiteral("user %1: give exactly one USERNAME.").arg(action), 2);
        return std::nullopt;
    }
    auto user = store.users().byName(names.first());
    if (!user) {
        fail(QStringLiteral("user %1: no user named \"%2\".").arg(action, names.first()));
        return std::nullopt;
    }
    return user.take();
}

int listUsers(store::Store &store)
{
    const auto users = store.users().all();
    if (!users)
        return fail(QStringLiteral("user list: %1").arg(users.error().message));
    QTextStream out(stdout);
    for (const store::UserRecord &user : *users) {
        out << user.id << '\t' << user.username << '\t' << store::roleName(user.role) << '\t'
            << (user.clientId ? QString::number(*user.clientId) : QStringLiteral("-")) << '\t'
            << (user.active ? "active" : "disabled") << '\t' << user.displayName() << '\n';
    }
    return 0;
}

} // namespace

int userCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(kUserUsage));
    parser.addOption(dataOption());
    parser.addOption(databaseOption());
    parser.addOptions({
        { QStringLiteral("role"), QStringLiteral("client, attorney or admin."), QStringLiteral("ROLE") },
        { QStringLiteral("email"), QStringLiteral("E-mail address."), QStringLiteral("E") },
        { QStringLiteral("first-name"), QStringLiteral("First name."), QStringLiteral("F") },
        { QStringLiteral("last-name"), QStringLiteral("Last name."), QStringLiteral("L") },
        { QStringLiteral("client"), QStringLiteral("Existing client id (client users)."),
          QStringLiteral("ID") },
        { QStringLiteral("company"), QStringLiteral("New client's company name."), QStringLiteral("NAME") },
        { QStringLiteral("phone"), QStringLiteral("New client's phone."), QStringLiteral("P") },
        { QStringLiteral("address"), QStringLiteral("New client's address."), QStringLiteral("A") },
    });
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 QStringLiteral("add, passwd, disable, enable or list."));
    if (const int code = parseOrExit(parser, QStringLiteral("user"), arguments); code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(QStringLiteral("user: an action is needed (add, passwd, disable, enable, list)."), 2);
    const QString dataDir = requiredDataDir(parser, QStringLiteral("user"));
    if (dataDir.isEmpty())
        return 2;
    const auto database = databaseUrl(parser, QStringLiteral("user"));
    if (!database)
        return 2;
    auto opened = store::Store::open(dataDir, *database);
    if (!opened)
        return fail(QStringLiteral("user: %1").arg(opened.error().message));
    store::Store &store = **opened;

    const QString action = positional.first();
    if (action == QLatin1String("add"))
        return addUser(store, parser);
    if (action == QLatin1String("list"))
        return listUsers(store);
    if (action == QLatin1String("passwd") || action == QLatin1String("disable")
        || action == QLatin1String("enable")) {
        const auto user = namedUser(store, parser, action);
        if (!user)
            return 1;
        store::Result<store::Done> done = store::Done {};
        if (action == QLatin1String("passwd")) {
            const auto password = newPassword();
            if (!password)
                return 1;
            done = store.users().setPasswordHash(user->id, auth::hashPassword(*password));
        } else {
            done = store.users().setActive(user->id, action == QLatin1String("enable"));
        }
        if (!done)
            return fail(QStringLiteral("user %1: %2").arg(action, done.error().message));
        QTextStream(stdout) << "Done: " << action << ' ' << user->username << '\n';
        return 0;
    }
    return fail(QStringLiteral("user: unknown action \"%1\".").arg(action), 2);
}

} // namespace portal::cli
