// Message threads as staff see them. The list is the staff's own (client and case named, unread counting
// the client's messages); reading, replying and starting are the client side's Threads acting for the staff
// member on the case's client, so the read state, validation and message.created are the same code.
#include "Database.h"
#include "SqlStaffRepositories.h"

namespace portal::store {

Result<QList<api::StaffThread>> SqlStaffThreads::list(const StaffScope &scope)
{
    // Binds: the staff member's id, then the scope's two values.
    static const QString sql
        = QStringLiteral(
              "SELECT t.id, t.subject, c.id, c.title, cl.id, cl.company_name, t.created_at, t.updated_at, "
              "(SELECT COUNT(*) FROM messages m JOIN users s ON s.id = m.sender_id WHERE m.thread_id = t.id "
              "AND s.role = 'client' "
              "AND NOT EXISTS (SELECT 1 FROM message_reads r WHERE r.message_id = m.id AND r.user_id = ?)) "
              "FROM threads t JOIN cases c ON c.id = t.case_id JOIN clients cl ON cl.id = c.client_id "
              "WHERE %1 ORDER BY t.updated_at DESC, t.id DESC")
              .arg(QLatin1StringView(kInStaffScope));
    return m_database.selectAll<api::StaffThread>(
        sql, QVariantList { scope.userId } + scopeValues(scope), [](const SqlRow &row) {
            return api::StaffThread { row.integer(0),     row.text(1),
                                      row.caseRef(2),     { row.integer(4), row.text(5) },
                                      row.timestamp(6),   row.timestamp(7),
                                      int(row.integer(8)) };
        });
}

Result<api::ThreadDetail> SqlStaffThreads::detail(const StaffScope &scope, qint64 threadId, bool markRead)
{
    const auto access = markRead ? Database::Access::Write : Database::Access::Read;
    return m_database.inTransaction(access, [&]() -> Result<api::ThreadDetail> {
        auto caller = callerForThread(scope, threadId);
        if (!caller)
            return caller.error();
        return m_threads.detail(*caller, threadId, markRead);
    });
}

Result<api::Message> SqlStaffThreads::post(const StaffScope &scope, qint64 threadId, const QString &content)
{
    return m_database.inTransaction(Database::Access::Write, [&]() -> Result<api::Message> {
        auto caller = callerForThread(scope, threadId);
        if (!caller)
            return caller.error();
        return m_threads.post(*caller, threadId, content);
    });
}

Result<api::ThreadDetail> SqlStaffThreads::start(const StaffScope &scope, qint64 caseId,
                                                 const QString &subject, const QString &firstMessage)
{
    return m_database.inTransaction(Database::Access::Write, [&]() -> Result<api::ThreadDetail> {
        auto access = findStaffCase(m_database, scope, caseId);
        if (!access && access.error().kind != StoreError::Kind::NotFound)
            return access.error();
        // Out of scope, the client side is asked for no client at all (id 0), so that it reports "case" as
        // unknown together with the other fields' problems, exactly as it does for clients.
        const Caller caller { scope.userId, access ? access->clientId : 0 };
        return m_threads.start(caller, caseId, subject, firstMessage);
    });
}

Result<Caller> SqlStaffThreads::callerForThread(const StaffScope &scope, qint64 threadId)
{
    static const QString sql
        = QStringLiteral(
              "SELECT c.client_id FROM threads t JOIN cases c ON c.id = t.case_id WHERE t.id = ? AND %1")
              .arg(QLatin1StringView(kInStaffScope));
    return m_database.selectOne<Caller>(sql, QVariantList { threadId } + scopeValues(scope),
                                        [&](const SqlRow &row) {
                                            return Caller { scope.userId, row.integer(0) };
                                        });
}

} // namespace portal::store
