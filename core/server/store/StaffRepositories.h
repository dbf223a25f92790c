// What attorneys and administrators read and write (/api/staff/…). Every call takes a StaffScope instead of
// a Caller: an attorney reaches the cases assigned to them (and the threads, tasks and documents on those
// cases), an administrator every case; any other case is NotFound, as for clients. Clients are the firm's
// directory and visible to all staff. Writes that matter record their event (EventWording.h) in their own
// transaction.
#pragma once

#include "StaffTypes.h"
#include "Store.h"

namespace portal::store {

struct StaffScope
{
    qint64 userId = 0;
    bool admin = false; // sees every case
};

class StaffClients
{
public:
    virtual ~StaffClients() = default;
    virtual Result<QList<api::StaffClient>> list(const StaffScope &scope) = 0; // by id
    virtual Result<api::StaffClient> create(const StaffScope &scope, const api::NewStaffClient &client) = 0;
};

class StaffCases
{
public:
    virtual ~StaffCases() = default;
    virtual Result<QList<api::StaffCase>> list(const StaffScope &scope) = 0; // by id
    virtual Result<api::StaffCase> detail(const StaffScope &scope, qint64 caseId) = 0;
    virtual Result<api::StaffCase> create(const StaffScope &scope, const api::NewStaffCase &newCase) = 0;
    // Changes what the patch names; records case.updated when something really changed.
    virtual Result<api::StaffCase> update(const StaffScope &scope, qint64 caseId, const api::CasePatch &patch)
        = 0;
    // Adds an upload to the case (NotFound when the case is out of scope); records document.uploaded.
    virtual Result<api::DocumentDetail> addDocument(const StaffScope &scope, const NewDocument &document) = 0;
    // The case's documents, newest first, as the client lists them (NotFound when out of scope).
    virtual Result<QList<api::Document>> documents(const StaffScope &scope, qint64 caseId) = 0;
    // Where a document's bytes are, when its case is in scope.
    virtual Result<StoredFile> documentFile(const StaffScope &scope, qint64 documentId) = 0;
};

class StaffTasks
{
public:
    virtual ~StaffTasks() = default;
    virtual Result<QList<api::StaffTask>> list(const StaffScope &scope) = 0; // by due date, undated last
    // Gives the task to the case's client: records task.assigned.
    virtual Result<api::StaffTask> create(const StaffScope &scope, const api::NewStaffTask &task) = 0;
    virtual Result<api::StaffTask> update(const StaffScope &scope, qint64 taskId, const api::TaskPatch &patch)
        = 0;
};

class StaffThreads
{
public:
    virtual ~StaffThreads() = default;
    virtual Result<QList<api::StaffThread>> list(const StaffScope &scope) = 0; // newest updated_at first
    // As the client's Threads, seen by the staff member: marking read marks for them.
    virtual Result<api::ThreadDetail> detail(const StaffScope &scope, qint64 threadId, bool markRead) = 0;
    virtual Result<api::Message> post(const StaffScope &scope, qint64 threadId, const QString &content) = 0;
    virtual Result<api::ThreadDetail> start(const StaffScope &scope, qint64 caseId, const QString &subject,
                                            const QString &firstMessage)
        = 0;
};

} // namespace portal::store
