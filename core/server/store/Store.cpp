#include "Store.h"

#include "DataDirLayout.h"
#include "Database.h"
#include "Migrations.h"
#include "SqlRepositories.h"
#include "SqlStaffRepositories.h"

namespace portal::store {

struct Store::Private
{
    QString dataDir;
    std::unique_ptr<Database> database; // declared first: the repositories refer to it, so it goes last
    std::unique_ptr<SqlEvents> events; // before the repositories that record events
    std::unique_ptr<SqlUsers> users;
    std::unique_ptr<SqlCases> cases;
    std::unique_ptr<SqlThreads> threads;
    std::unique_ptr<SqlDocuments> documents;
    std::unique_ptr<SqlTasks> tasks;
    std::unique_ptr<SqlNotifications> notifications;
    std::unique_ptr<SqlTokenBlacklist> tokenBlacklist;
    std::unique_ptr<SqlRequestCounts> requestCounts;
    std::unique_ptr<SqlLoginFailures> loginFailures;
    std::unique_ptr<SqlSync> sync;
    std::unique_ptr<SqlIdempotencyKeys> idempotencyKeys;
    std::unique_ptr<SqlStaffClients> staffClients;
    std::unique_ptr<SqlStaffCases> staffCases;
    std::unique_ptr<SqlStaffTasks> staffTasks;
    std::unique_ptr<SqlStaffThreads> staffThreads;
};

Store::Store()
    : d(std::make_unique<Private>())
{ }

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const QString &dataDir, const QUrl &databaseUrl)
{
    const QString root = QDir(dataDir).absolutePath();
    for (const QString &folder : { root, layout::documentsDir(root), layout::incomingDir(root) }) {
        if (!QDir().mkpath(folder)) {
            qCWarning(lcStore) << "cannot create" << folder;
            return StoreError::failure(QStringLiteral("cannot create the folder %1").arg(folder));
        }
    }
    auto database = databaseUrl.isEmpty() ? Database::openSqlite(layout::databaseFile(root))
                                          : Database::openPostgres(databaseUrl);
    if (!database)
        return database.error();
    if (auto migrated = migrate(**database); !migrated)
        return migrated.error();

    std::unique_ptr<Store> store(new Store);
    Private &d = *store->d;
    d.dataDir = root;
    d.database = database.take();
    Database &db = *d.database;
    d.users = std::make_unique<SqlUsers>(db);
    d.cases = std::make_unique<SqlCases>(db);
    d.events = std::make_unique<SqlEvents>(db); // before the repositories that record events
    d.threads = std::make_unique<SqlThreads>(db, *d.events);
    d.documents = std::make_unique<SqlDocuments>(db, *d.events, layout::documentsDir(root),
                                                 layout::incomingDir(root));
    d.tasks = std::make_unique<SqlTasks>(db);
    d.notifications = std::make_unique<SqlNotifications>(db);
    d.tokenBlacklist = std::make_unique<SqlTokenBlacklist>(db);
    d.requestCounts = std::make_unique<SqlRequestCounts>(db);
    d.loginFailures = std::make_unique<SqlLoginFailures>(db);
    d.sync = std::make_unique<SqlSync>(db, *d.users);
    d.idempotencyKeys = std::make_unique<SqlIdempotencyKeys>(db);
    d.staffClients = std::make_unique<SqlStaffClients>(db);
    d.staffCases = std::make_unique<SqlStaffCases>(db, *d.events, *d.documents);
    d.staffTasks = std::make_unique<SqlStaffTasks>(db, *d.events);
    d.staffThreads = std::make_unique<SqlStaffThreads>(db, *d.threads);
    return store;
}

Users &Store::users()
{
    return *d->users;
}

Cases &Store::cases()
{
    return *d->cases;
}

Threads &Store::threads()
{
    return *d->threads;
}

Documents &Store::documents()
{
    return *d->documents;
}

Tasks &Store::tasks()
{
    return *d->tasks;
}

Notifications &Store::notifications()
{
    return *d->notifications;
}

Events &Store::events()
{
    return *d->events;
}

Sync &Store::sync()
{
    return *d->sync;
}

IdempotencyKeys &Store::idempotencyKeys()
{
    return *d->idempotencyKeys;
}

RequestCounts &Store::requestCounts()
{
    return *d->requestCounts;
}

LoginFailures &Store::loginFailures()
{
    return *d->loginFailures;
}

bool Store::sharesLimitCounts() const
{
    return d->database->dialect() == Database::Dialect::PostgreSQL;
}

StaffClients &Store::staffClients()
{
    return *d->staffClients;
}

StaffCases &Store::staffCases()
{
    return *d->staffCases;
}

StaffTasks &Store::staffTasks()
{
    return *d->staffTasks;
}

StaffThreads &Store::staffThreads()
{
    return *d->staffThreads;
}

TokenBlacklist &Store::tokenBlacklist()
{
    return *d->tokenBlacklist;
}

Database &Store::database()
{
    return *d->database;
}

ChangeStamp Store::changeStamp()
{
    return d->database->changeStamp();
}

QString Store::dataDir() const
{
    return d->dataDir;
}

int Store::schemaVersion()
{
    return schemaMigrations().constLast().version;
}

} // namespace portal::store
