// Users and their clients: sign-in lookups, administration, and the client's profile.
#include "Database.h"
#include "InputChecks.h"
#include "SqlRepositories.h"
#include "SyncChanges.h"

namespace portal::store {

namespace {

const QString kSelectUser = QStringLiteral(
    "SELECT id, username, password_hash, email, first_name, last_name, role, client_id, active FROM users ");
const QString kUserByName = kSelectUser + QStringLiteral("WHERE username = ?");
const QString kUserById = kSelectUser + QStringLiteral("WHERE id = ?");
const QString kAllUsers = kSelectUser + QStringLiteral("ORDER BY id");

UserRecord readUser(const SqlRow &row)
{
    UserRecord user;
    user.id = row.integer(0);
    user.username = row.text(1);
    user.passwordHash = row.text(2).toLatin1();
    user.email = row.text(3);
    user.firstName = row.text(4);
    user.lastName = row.text(5);
    // The schema's CHECK admits only the three known names.
    user.role = roleFromName(row.text(6)).value_or(Role::Client);
    user.clientId = row.optionalInteger(7);
    user.active = row.flag(8);
    return user;
}

// Inserts a row into `table`, letting the database choose the id when `id` is 0. (Binding NULL to the id
// would do in SQLite, but PostgreSQL generates an identity only when the column is left out.)
Result<qint64> insertWithOptionalId(Database &database, const QString &table, QStringList columns,
                                    QVariantList values, qint64 id)
{
    if (id != 0) {
        columns.prepend(QStringLiteral("id"));
        values.prepend(id);
    }
    return database.insertRow(table, columns, values);
}

} // namespace

QString roleName(Role role)
{
    switch (role) {
    case Role::Client:
        return QStringLiteral("client");
    case Role::Attorney:
        return QStringLiteral("attorney");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    Q_UNREACHABLE();
}

std::optional<Role> roleFromName(const QString &name)
{
    for (Role role : { Role::Client, Role::Attorney, Role::Admin }) {
        if (name == roleName(role))
            return role;
    }
    return std::nullopt;
}

QString displayName(const QString &firstName, const QString &lastName, const QString &username)
{
    const QString name = QStringLiteral("%1 %2").arg(firstName, lastName).trimmed();
    return name.isEmpty() ? username : name;
}

QString UserRecord::displayName() const
{
    return store::displayName(firstName, lastName, username);
}

Result<UserRecord> SqlUsers::byName(const QString &username)
{
    return m_database.selectOne<UserRecord>(kUserByName, { username }, readUser);
}

Result<UserRecord> SqlUsers::byId(qint64 id)
{
    return m_database.selectOne<UserRecord>(kUserById, { id }, readUser);
}

Result<QList<UserRecord>> SqlUsers::all()
{
    return m_database.selectAll<UserRecord>(kAllUsers, {}, readUser);
}

Result<qint64> SqlUsers::addClient(const ClientRecord &client)
{
    auto id = insertWithOptionalId(
        m_database, QStringLiteral("clients"),
        { QStringLiteral("company_name"), QStringLiteral("phone"), QStringLiteral("address") },
        { client.companyName, client.phone, client.address }, client.id);
    if (!id && id.error().kind == StoreError::Kind::Conflict)
        return StoreError::conflict(QStringLiteral("A client with id %1 already exists.").arg(client.id));
    return id;
}

Result<qint64> SqlUsers::add(const UserRecord &user)
{
    if (user.username.trimmed().isEmpty())
        return StoreError::invalid(QStringLiteral("username"),
                                   QStringLiteral("This field may not be blank."));
    if (user.role == Role::Client && !user.clientId)
        return StoreError::invalid(QStringLiteral("client"), QStringLiteral("This field is required."));

    return m_database.inTransaction(Database::Access::Write, [&]() -> Result<qint64> {
        // Asked first (under the write lock) so that a taken name gets its own message; the UNIQUE
        // constraint stays the guarantee.
        auto taken
            = m_database.exists(QStringLiteral("SELECT 1 FROM users WHERE username = ?"), { user.username });
        if (!taken)
            return taken.error();
        if (*taken)
            return StoreError::conflict(QStringLiteral("A user with that username already exists."));
        if (user.clientId) {
            auto clientExists
                = m_database.exists(QStringLiteral("SELECT 1 FROM clients WHERE id = ?"), { *user.clientId });
            if (!clientExists)
                return clientExists.error();
            if (!*clientExists) {
                InputChecks checks;
                checks.unknownObject(QStringLiteral("client"), *user.clientId);
                return checks.error();
            }
        }
        auto id = insertWithOptionalId(
            m_database, QStringLiteral("users"),
            { QStringLiteral("username"), QStringLiteral("password_hash"), QStringLiteral("email"),
              QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("role"),
              QStringLiteral("client_id"), QStringLiteral("active") },
            { user.username, QString::fromLatin1(user.passwordHash), user.email, user.firstName,
              user.lastName, roleName(user.role), sqlOptionalInteger(user.clientId), sqlFlag(user.active) },
            user.id);
        if (!id && id.error().kind == StoreError::Kind::Conflict)
            return StoreError::conflict(QStringLiteral("A user with id %1 already exists.").arg(user.id));
        if (!id)
            return id;
        // A client's account has a profile, which that user alone syncs.
        if (user.role == Role::Client) {
            if (auto touched = sync::touchOne(m_database, sync::Kind::Profile, *id, *user.clientId, *id);
                !touched)
                return touched.error();
        }
        return id;
    });
}

Result<Done> SqlUsers::setPasswordHash(qint64 userId, const QByteArray &hash)
{
    auto updated = m_database.selectOne<qint64>(
        QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ? RETURNING id"),
        { QString::fromLatin1(hash), userId }, [](const SqlRow &row) { return row.integer(0); });
    if (!updated)
        return updated.error();
    return Done {};
}

Result<Done> SqlUsers::setActive(qint64 userId, bool active)
{
    auto updated = m_database.selectOne<qint64>(
        QStringLiteral("UPDATE users SET active = ? WHERE id = ? RETURNING id"), { sqlFlag(active), userId },
        [](const SqlRow &row) { return row.integer(0); });
    if (!updated)
        return updated.error();
    return Done {};
}

Result<api::Profile> SqlUsers::profile(const Caller &caller)
{
    static const QString sql
        = QStringLiteral("SELECT c.id, u.id, u.username, u.email, u.first_name, u.last_name, c.company_name, "
                         "c.phone, c.address "
                         "FROM users u JOIN clients c ON c.id = u.client_id WHERE u.id = ? AND c.id = ?");
    return m_database.selectOne<api::Profile>(sql, { caller.userId, caller.clientId }, [](const SqlRow &row) {
        api::Profile profile;
        profile.id = row.integer(0);
        profile.user = { row.integer(1), row.text(2), row.text(3), row.text(4), row.text(5) };
        profile.companyName = row.text(6);
        profile.phone = row.text(7);
        profile.address = row.text(8);
        return profile;
    });
}

} // namespace portal::store
