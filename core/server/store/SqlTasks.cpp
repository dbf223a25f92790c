// A client's tasks, across their cases.
#include "Database.h"
#include "SqlRepositories.h"

namespace portal::store {

namespace {

const QString kSelectTask
    = QStringLiteral("SELECT t.id, t.title, t.description, t.status, t.due_date, c.id, c.title "
                     "FROM tasks t JOIN cases c ON c.id = t.case_id WHERE c.client_id = ? ");

api::Task readTask(const SqlRow &row)
{
    return { row.integer(0), row.text(1), row.text(2), row.text(3), row.date(4), row.caseRef(5) };
}

} // namespace

Result<QList<api::Task>> SqlTasks::list(const Caller &caller)
{
    static const QString sql = kSelectTask + QStringLiteral("ORDER BY t.due_date NULLS LAST, t.id");
    return m_database.selectAll<api::Task>(sql, { caller.clientId }, readTask);
}

Result<api::Task> SqlTasks::detail(const Caller &caller, qint64 taskId)
{
    static const QString sql = kSelectTask + QStringLiteral("AND t.id = ?");
    return m_database.selectOne<api::Task>(sql, { caller.clientId, taskId }, readTask);
}

} // namespace portal::store
