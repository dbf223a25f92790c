// Tasks as staff see them: on the cases in their scope, created for the case's client (task.assigned) and
// changed (title, description, status, due date).
#include "Database.h"
#include "EventWording.h"
#include "InputChecks.h"
#include "SqlStaffRepositories.h"
#include "SyncChanges.h"

namespace portal::store {

namespace {

constexpr qsizetype kMaxTitleLength = 200;
constexpr qsizetype kMaxDescriptionLength = 2000;
constexpr qsizetype kMaxStatusLength = 50;

const QString kDefaultStatus = QStringLiteral("PENDING");

// Binds: the scope's two values.
const QString kSelectStaffTask
    = QStringLiteral("SELECT t.id, t.title, t.description, t.status, t.due_date, c.id, c.title, cl.id, "
                     "cl.company_name FROM tasks t JOIN cases c ON c.id = t.case_id "
                     "JOIN clients cl ON cl.id = c.client_id WHERE %1 ")
          .arg(QLatin1StringView(kInStaffScope));

api::StaffTask readStaffTask(const SqlRow &row)
{
    return { { row.integer(0), row.text(1), row.text(2), row.text(3), row.date(4), row.caseRef(5) },
             { row.integer(7), row.text(8) } };
}

void checkTaskText(InputChecks &checks, const QString *title, const QString *description,
                   const QString *status)
{
    if (title)
        checks.requireText(QStringLiteral("title"), *title, kMaxTitleLength);
    if (description)
        checks.limitText(QStringLiteral("description"), *description, kMaxDescriptionLength);
    if (status)
        checks.limitText(QStringLiteral("status"), *status, kMaxStatusLength);
}

} // namespace

Result<QList<api::StaffTask>> SqlStaffTasks::list(const StaffScope &scope)
{
    static const QString sql = kSelectStaffTask + QStringLiteral("ORDER BY t.due_date NULLS LAST, t.id");
    return m_database.selectAll<api::StaffTask>(sql, scopeValues(scope), readStaffTask);
}

Result<api::StaffTask> SqlStaffTasks::create(const StaffScope &scope, const api::NewStaffTask &task)
{
    InputChecks checks;
    checkTaskText(checks, &task.title, &task.description, &task.status);

    return m_database.inTransaction(Database::Access::Write, [&]() -> Result<api::StaffTask> {
        // A case out of scope is reported like a missing one, with the other fields' problems.
        auto access = findStaffCase(m_database, scope, task.caseId);
        if (!access) {
            if (access.error().kind != StoreError::Kind::NotFound)
                return access.error();
            checks.unknownObject(QStringLiteral("case"), task.caseId);
        }
        if (!checks.passed())
            return checks.error();

        auto id = m_database.insertRow(
            QStringLiteral("tasks"),
            { "case_id", "title", "description", "status", "due_date", "updated_at" },
            { task.caseId, task.title, task.description, task.status.isEmpty() ? kDefaultStatus : task.status,
              sqlDate(task.dueDate), sqlTimestamp(QDateTime::currentDateTimeUtc()) });
        if (!id)
            return id.error();
        if (auto touched = sync::touchOne(m_database, sync::Kind::Task, *id, access->clientId); !touched)
            return touched.error();
        auto author = staffName(m_database, scope.userId);
        if (!author)
            return author.error();
        auto recorded = m_events.record(
            events::taskAssigned(access->clientId, scope.userId, *author, *id, task.caseId, task.title));
        if (!recorded)
            return recorded.error();
        return read(scope, *id);
    });
}

Result<api::StaffTask> SqlStaffTasks::update(const StaffScope &scope, qint64 taskId,
                                             const api::TaskPatch &patch)
{
    return m_database.inTransaction(Database::Access::Write, [&]() -> Result<api::StaffTask> {
        auto current = read(scope, taskId);
        if (!current)
            return current.error();
        InputChecks checks;
        checkTaskText(checks, patch.title ? &*patch.title : nullptr,
                      patch.description ? &*patch.description : nullptr,
                      patch.status ? &*patch.status : nullptr);
        if (patch.status && patch.status->trimmed().isEmpty())
            checks.add(QStringLiteral("status"), QStringLiteral("This field may not be blank."));
        if (!checks.passed())
            return checks.error();

        api::Task next = current->task;
        next.title = patch.title.value_or(next.title);
        next.description = patch.description.value_or(next.description);
        next.status = patch.status.value_or(next.status);
        next.dueDate = patch.dueDate.value_or(next.dueDate);
        auto updated = m_database.exec(
            QStringLiteral(
                "UPDATE tasks SET title = ?, description = ?, status = ?, due_date = ?, updated_at = ? "
                "WHERE id = ?"),
            { next.title, next.description, next.status, sqlDate(next.dueDate),
              sqlTimestamp(QDateTime::currentDateTimeUtc()), taskId });
        if (!updated)
            return updated.error();
        if (next != current->task) {
            if (auto touched = sync::touchOne(m_database, sync::Kind::Task, taskId, current->client.id);
                !touched)
                return touched.error();
        }
        return read(scope, taskId);
    });
}

Result<api::StaffTask> SqlStaffTasks::read(const StaffScope &scope, qint64 taskId)
{
    static const QString sql = kSelectStaffTask + QStringLiteral("AND t.id = ?");
    return m_database.selectOne<api::StaffTask>(sql, scopeValues(scope) << taskId, readStaffTask);
}

} // namespace portal::store
