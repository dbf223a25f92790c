// The SQL implementations of StaffRepositories.h (SqlStaffClients.cpp, SqlStaffCases.cpp, SqlStaffTasks.cpp,
// SqlStaffThreads.cpp) and what they share: finding a case within a StaffScope. Internal to portal_store.
// Where the client side already does the work (posting, starting threads, adding documents), the staff side
// checks the scope and hands over to it with a Caller of the case's client, so validation, wording and
// events live once.
#pragma once

#include "SqlRepositories.h"
#include "StaffRepositories.h"

namespace portal::store {

struct StaffCaseAccess // a case within a StaffScope: enough to act on it and to word its events
{
    qint64 caseId = 0;
    qint64 clientId = 0;
    QString title;
    QString caseNumber;
};

// NotFound unless the case exists and is within the scope.
Result<StaffCaseAccess> findStaffCase(Database &database, const StaffScope &scope, qint64 caseId);
// The acting person's display name, for the wording of their events.
Result<QString> staffName(Database &database, qint64 userId);
// Bind values for the "(? = 1 OR c.assigned_attorney_id = ?)" scope condition.
QVariantList scopeValues(const StaffScope &scope);
// The scope as a condition on "cases c"; plain characters for the reason given at kCaseColumns.
inline constexpr char kInStaffScope[] = "(? = 1 OR c.assigned_attorney_id = ?)";

class SqlStaffClients final : public StaffClients
{
public:
    explicit SqlStaffClients(Database &database)
        : m_database(database)
    { }
    Result<QList<api::StaffClient>> list(const StaffScope &scope) override;
    Result<api::StaffClient> create(const StaffScope &scope, const api::NewStaffClient &client) override;

private:
    Result<QList<api::StaffClient>> select(const QString &where, const QVariantList &values);
    Database &m_database;
};

class SqlStaffCases final : public StaffCases
{
public:
    SqlStaffCases(Database &database, Events &events, Documents &documents)
        : m_database(database)
        , m_events(events)
        , m_documents(documents)
    { }
    Result<QList<api::StaffCase>> list(const StaffScope &scope) override;
    Result<api::StaffCase> detail(const StaffScope &scope, qint64 caseId) override;
    Result<api::StaffCase> create(const StaffScope &scope, const api::NewStaffCase &newCase) override;
    Result<api::StaffCase> update(const StaffScope &scope, qint64 caseId,
                                  const api::CasePatch &patch) override;
    Result<api::DocumentDetail> addDocument(const StaffScope &scope, const NewDocument &document) override;
    Result<QList<api::Document>> documents(const StaffScope &scope, qint64 caseId) override;
    Result<StoredFile> documentFile(const StaffScope &scope, qint64 documentId) override;

private:
    Database &m_database;
    Events &m_events;
    Documents &m_documents;
};

class SqlStaffTasks final : public StaffTasks
{
public:
    SqlStaffTasks(Database &database, Events &events)
        : m_database(database)
        , m_events(events)
    { }
    Result<QList<api::StaffTask>> list(const StaffScope &scope) override;
    Result<api::StaffTask> create(const StaffScope &scope, const api::NewStaffTask &task) override;
    Result<api::StaffTask> update(const StaffScope &scope, qint64 taskId,
                                  const api::TaskPatch &patch) override;

private:
    Result<api::StaffTask> read(const StaffScope &scope, qint64 taskId);
    Database &m_database;
    Events &m_events;
};

class SqlStaffThreads final : public StaffThreads
{
public:
    SqlStaffThreads(Database &database, Threads &threads)
        : m_database(database)
        , m_threads(threads)
    { }
    Result<QList<api::StaffThread>> list(const StaffScope &scope) override;
    Result<api::ThreadDetail> detail(const StaffScope &scope, qint64 threadId, bool markRead) override;
    Result<api::Message> post(const StaffScope &scope, qint64 threadId, const QString &content) override;
    Result<api::ThreadDetail> start(const StaffScope &scope, qint64 caseId, const QString &subject,
                                    const QString &firstMessage) override;

private:
    // The Caller the client-side Threads acts for: the staff member, on the thread's client. NotFound when
    // the thread's case is out of scope.
    Result<Caller> callerForThread(const StaffScope &scope, qint64 threadId);
    Database &m_database;
    Threads &m_threads;
};

} // namespace portal::store
