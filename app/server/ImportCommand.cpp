// portal-server import --data DIR FILE.json: loads a fixture into the store, all or nothing.
#include "CommandLine.h"
#include "Commands.h"
#include "PasswordHasher.h"
#include "Store.h"

#include <QTextStream>

namespace portal::cli {

int importCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "portal-server import --data DIR [--database URL] FILE.json\n\n"
        "Loads a fixture (format client-portal-fixture/1) into the store in DIR, creating it. All or "
        "nothing:\n"
        "a bad fixture is refused with the JSON path of the problem, and the store is left unchanged."));
    parser.addOption(dataOption());
    parser.addOption(databaseOption());
    parser.addPositionalArgument(QStringLiteral("FILE.json"), QStringLiteral("The fixture to load."));
    if (const int code = parseOrExit(parser, QStringLiteral("import"), arguments); code >= 0)
        return code;
    const QString dataDir = requiredDataDir(parser, QStringLiteral("import"));
    if (dataDir.isEmpty())
        return 2;
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("import: give exactly one fixture file."), 2);

    const auto database = databaseUrl(parser, QStringLiteral("import"));
    if (!database)
        return 2;
    auto store = store::Store::open(dataDir, *database);
    if (!store)
        return fail(QStringLiteral("import: %1").arg(store.error().message));
    const QString fixture = parser.positionalArguments().first();
    const auto imported = store::importFixture(**store, fixture, auth::hashPassword);
    if (!imported)
        return fail(QStringLiteral("import: %1: %2").arg(fixture, imported.error().message));
    QTextStream(stdout) << "Imported " << fixture << " into " << dataDir << '\n';
    return 0;
}

} // namespace portal::cli
