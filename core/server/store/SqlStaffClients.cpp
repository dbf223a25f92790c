// The firm's clients as staff see them: every client with its active portal accounts, and creating a client
// (its accounts are made on the command line, where passwords can be set safely).
#include "Database.h"
#include "InputChecks.h"
#include "SqlStaffRepositories.h"

namespace portal::store {

namespace {

constexpr qsizetype kMaxCompanyNameLength = 200;
constexpr qsizetype kMaxPhoneLength = 50;
constexpr qsizetype kMaxAddressLength = 500;

} // namespace

Result<QList<api::StaffClient>> SqlStaffClients::list(const StaffScope &)
{
    return select(QString(), {});
}

Result<api::StaffClient> SqlStaffClients::create(const StaffScope &, const api::NewStaffClient &client)
{
    InputChecks checks;
    checks.requireText(QStringLiteral("company_name"), client.companyName, kMaxCompanyNameLength);
    checks.limitText(QStringLiteral("phone"), client.phone, kMaxPhoneLength);
    checks.limitText(QStringLiteral("address"), client.address, kMaxAddressLength);
    if (!checks.passed())
        return checks.error();
    return m_database.inTransaction(Database::Access::Write, [&]() -> Result<api::StaffClient> {
        auto id = m_database.insertRow(QStringLiteral("clients"), { "company_name", "phone", "address" },
                                       { client.companyName, client.phone, client.address });
        if (!id)
            return id.error();
        auto created = select(QStringLiteral("WHERE id = ?"), { *id });
        if (!created)
            return created.error();
        if (created->isEmpty())
            return StoreError::failure(QStringLiteral("client %1 vanished after its insert").arg(*id));
        return created->constFirst();
    });
}

Result<QList<api::StaffClient>> SqlStaffClients::select(const QString &where, const QVariantList &values)
{
    auto clients = m_database.selectAll<api::StaffClient>(
        QStringLiteral("SELECT id, company_name, phone, address FROM clients %1 ORDER BY id").arg(where),
        values, [](const SqlRow &row) {
            return api::StaffClient { row.integer(0), row.text(1), row.text(2), row.text(3), {} };
        });
    if (!clients || clients->isEmpty())
        return clients;
    // One query for all the accounts rather than one per client.
    const QString usersWhere = where.isEmpty() ? QString() : QStringLiteral("AND client_id = ?");
    auto done = m_database.exec(
        QStringLiteral("SELECT client_id, id, username, email, first_name, last_name FROM users "
                       "WHERE role = 'client' AND active = 1 %1 ORDER BY id")
            .arg(usersWhere),
        values, [&](const SqlRow &row) {
            const qint64 clientId = row.integer(0);
            for (api::StaffClient &client : *clients) {
                if (client.id == clientId)
                    client.users.append(
                        { row.integer(1), row.text(2), row.text(3), row.text(4), row.text(5) });
            }
        });
    if (!done)
        return done.error();
    return clients;
}

} // namespace portal::store
