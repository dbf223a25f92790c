// A client's cases: the list, and one case with its attorney, documents and tasks.
#include "Database.h"
#include "SqlRepositories.h"

namespace portal::store {

api::Case readCase(const SqlRow &row)
{
    return { row.integer(0), row.text(1), row.text(2), row.text(3), row.date(4), row.text(5), row.text(6) };
}

Result<api::CaseRef> findCallerCase(Database &database, const Caller &caller, qint64 caseId)
{
    static const QString sql
        = QStringLiteral("SELECT c.id, c.title FROM cases c WHERE c.id = ? AND c.client_id = ?");
    return database.selectOne<api::CaseRef>(sql, { caseId, caller.clientId },
                                            [](const SqlRow &row) { return row.caseRef(0); });
}

Result<QList<api::Case>> SqlCases::list(const Caller &caller)
{
    static const QString sql = QStringLiteral("SELECT %1 FROM cases c WHERE c.client_id = ? ORDER BY c.id")
                                   .arg(QLatin1StringView(kCaseColumns));
    return m_database.selectAll<api::Case>(sql, { caller.clientId }, readCase);
}

Result<api::CaseDetail> SqlCases::detail(const Caller &caller, qint64 caseId)
{
    static const QString caseSql
        = QStringLiteral("SELECT %1, a.id, a.first_name, a.last_name, a.username, a.email "
                         "FROM cases c LEFT JOIN users a ON a.id = c.assigned_attorney_id WHERE c.id = ? AND "
                         "c.client_id = ?")
              .arg(QLatin1StringView(kCaseColumns));
    static const QString documentsSql = QStringLiteral(
        "SELECT id, title, file_type, uploaded_at FROM documents WHERE case_id = ? ORDER BY uploaded_at, id");
    static const QString tasksSql = QStringLiteral(
        "SELECT id, title, status, due_date FROM tasks WHERE case_id = ? ORDER BY due_date NULLS LAST, id");

    // One snapshot for the three reads, so that the parts agree with each other.
    return m_database.inTransaction(Database::Access::Read, [&]() -> Result<api::CaseDetail> {
        auto detail = m_database.selectOne<api::CaseDetail>(
            caseSql, { caseId, caller.clientId }, [](const SqlRow &row) {
                api::CaseDetail detail;
                detail.summary = readCase(row);
                constexpr int a = kCaseColumnCount;
                if (const auto attorneyId = row.optionalInteger(a))
                    detail.assignedAttorney
                        = api::Attorney { *attorneyId, row.personName(a + 1), row.text(a + 4) };
                return detail;
            });
        if (!detail)
            return detail;
        auto documents
            = m_database.selectAll<api::CaseDocument>(documentsSql, { caseId }, [](const SqlRow &row) {
                  return api::CaseDocument { row.integer(0), row.text(1), row.text(2), row.timestamp(3) };
              });
        if (!documents)
            return documents.error();
        auto tasks = m_database.selectAll<api::CaseTask>(tasksSql, { caseId }, [](const SqlRow &row) {
            return api::CaseTask { row.integer(0), row.text(1), row.text(2), row.date(3) };
        });
        if (!tasks)
            return tasks.error();
        detail->documents = documents.take();
        detail->tasks = tasks.take();
        return detail;
    });
}

} // namespace portal::store
