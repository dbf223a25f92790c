// Cases as staff see them: the scope (an attorney's assigned cases, an administrator's all), creating a case,
// patching it (case.updated when something really changed) and adding a document to it.
#include "Database.h"
#include "EventWording.h"
#include "InputChecks.h"
#include "SqlStaffRepositories.h"
#include "SyncChanges.h"

#include <QFile>

namespace portal::store {

namespace {

constexpr qsizetype kMaxTitleLength = 200;
constexpr qsizetype kMaxDescriptionLength = 2000;
constexpr qsizetype kMaxShortTextLength = 50; // status, case_number, case_type

const QString kDefaultStatus = QStringLiteral("OPEN");

// Binds: the scope's two values.
const QString kSelectStaffCase
    = QStringLiteral(
          "SELECT %1, cl.id, cl.company_name, a.id, a.first_name, a.last_name, a.username, a.email, "
          "c.updated_at FROM cases c JOIN clients cl ON cl.id = c.client_id "
          "LEFT JOIN users a ON a.id = c.assigned_attorney_id WHERE %2 ")
          .arg(QLatin1StringView(kCaseColumns), QLatin1StringView(kInStaffScope));

api::StaffCase readStaffCase(const SqlRow &row)
{
    constexpr int n = kCaseColumnCount;
    api::StaffCase item {
        readCase(row), { row.integer(n), row.text(n + 1) }, std::nullopt, row.timestamp(n + 7)
    };
    if (const auto attorneyId = row.optionalInteger(n + 2))
        item.assignedAttorney = api::Attorney { *attorneyId, row.personName(n + 3), row.text(n + 6) };
    return item;
}

// A case just written, read past the scope: a write may take the case out of its author's scope (assigning
// it to a colleague), and the author still gets the object they wrote.
Result<api::StaffCase> readWritten(Database &database, qint64 caseId)
{
    static const QString sql = kSelectStaffCase + QStringLiteral("AND c.id = ?");
    return database.selectOne<api::StaffCase>(sql, { sqlFlag(true), 0, caseId }, readStaffCase);
}

// An assigned attorney must be a person who can act on the case: an active attorney or administrator.
// Anyone else is reported in `checks`; the result is an error only when the database failed.
Result<Done> checkAttorney(Database &database, InputChecks &checks, qint64 userId)
{
    auto staff = database.exists(
        QStringLiteral("SELECT 1 FROM users WHERE id = ? AND active = 1 AND role IN ('attorney', 'admin')"),
        { userId });
    if (!staff)
        return staff.error();
    if (!*staff)
        checks.unknownObject(QStringLiteral("assigned_attorney"), userId);
    return Done {};
}

// What a case's change changes for its client: the case itself, and with a new title the documents and
// tasks that name it ({"id", "title"}). Threads name their case by id only, and messages not at all.
Result<Done> touchChangedCase(Database &database, qint64 clientId, qint64 caseId, const QStringList &changed)
{
    if (auto touched = sync::touchOne(database, sync::Kind::Case, caseId, clientId); !touched)
        return touched;
    if (!changed.contains(QLatin1String("title")))
        return Done {};
    static const QString documents = QStringLiteral(
        "SELECT d.id AS object_id, CAST(? AS BIGINT) AS client_id, CAST(NULL AS BIGINT) AS user_id "
        "FROM documents d WHERE d.case_id = ?");
    if (auto touched = sync::touch(database, sync::Kind::Document, documents, { clientId, caseId }); !touched)
        return touched;
    static const QString tasks = QStringLiteral(
        "SELECT k.id AS object_id, CAST(? AS BIGINT) AS client_id, CAST(NULL AS BIGINT) AS user_id "
        "FROM tasks k WHERE k.case_id = ?");
    return sync::touch(database, sync::Kind::Task, tasks, { clientId, caseId });
}

} // namespace

QVariantList scopeValues(const StaffScope &scope)
{
    return { sqlFlag(scope.admin), scope.userId };
}

Result<StaffCaseAccess> findStaffCase(Database &database, const StaffScope &scope, qint64 caseId)
{
    static const QString sql
        = QStringLiteral(
              "SELECT c.id, c.client_id, c.title, c.case_number FROM cases c WHERE c.id = ? AND %1")
              .arg(QLatin1StringView(kInStaffScope));
    return database.selectOne<StaffCaseAccess>(
        sql, QVariantList { caseId } + scopeValues(scope), [](const SqlRow &row) {
            return StaffCaseAccess { row.integer(0), row.integer(1), row.text(2), row.text(3) };
        });
}

Result<QString> staffName(Database &database, qint64 userId)
{
    return database.selectOne<QString>(
        QStringLiteral("SELECT first_name, last_name, username FROM users WHERE id = ?"), { userId },
        [](const SqlRow &row) { return row.personName(0); });
}

Result<QList<api::StaffCase>> SqlStaffCases::list(const StaffScope &scope)
{
    static const QString sql = kSelectStaffCase + QStringLiteral("ORDER BY c.id");
    return m_database.selectAll<api::StaffCase>(sql, scopeValues(scope), readStaffCase);
}

Result<api::StaffCase> SqlStaffCases::detail(const StaffScope &scope, qint64 caseId)
{
    static const QString sql = kSelectStaffCase + QStringLiteral("AND c.id = ?");
    return m_database.selectOne<api::StaffCase>(sql, scopeValues(scope) << caseId, readStaffCase);
}

Result<api::StaffCase> SqlStaffCases::create(const StaffScope &scope, const api::NewStaffCase &newCase)
{
    InputChecks checks;
    checks.requireText(QStringLiteral("title"), newCase.title, kMaxTitleLength);
    checks.requireText(QStringLiteral("case_number"), newCase.caseNumber, kMaxShortTextLength);
    checks.limitText(QStringLiteral("status"), newCase.status, kMaxShortTextLength);
    checks.limitText(QStringLiteral("description"), newCase.description, kMaxDescriptionLength);
    checks.limitText(QStringLiteral("case_type"), newCase.caseType, kMaxShortTextLength);
    // The author's own case unless another attorney is named; then only they (and administrators) see it.
    const qint64 attorneyId = newCase.assignedAttorneyId.value_or(scope.userId);

    return m_database.inTransaction(Database::Access::Write, [&]() -> Result<api::StaffCase> {
        auto client
            = m_database.exists(QStringLiteral("SELECT 1 FROM clients WHERE id = ?"), { newCase.clientId });
        if (!client)
            return client.error();
        if (!*client)
            checks.unknownObject(QStringLiteral("client"), newCase.clientId);
        auto taken = m_database.exists(QStringLiteral("SELECT 1 FROM cases WHERE case_number = ?"),
                                       { newCase.caseNumber });
        if (!taken)
            return taken.error();
        if (*taken)
            checks.add(QStringLiteral("case_number"),
                       QStringLiteral("case with this case number already exists."));
        if (auto checked = checkAttorney(m_database, checks, attorneyId); !checked)
            return checked.error();
        if (!checks.passed())
            return checks.error();

        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto id = m_database.insertRow(QStringLiteral("cases"),
                                       { "client_id", "assigned_attorney_id", "title", "case_number",
                                         "status", "open_date", "description", "case_type", "updated_at" },
                                       { newCase.clientId, attorneyId, newCase.title, newCase.caseNumber,
                                         newCase.status.isEmpty() ? kDefaultStatus : newCase.status,
                                         sqlDate(newCase.openDate.isValid() ? newCase.openDate : now.date()),
                                         newCase.description, newCase.caseType, sqlTimestamp(now) });
        if (!id)
            return id.error();
        if (auto touched = sync::touchOne(m_database, sync::Kind::Case, *id, newCase.clientId); !touched)
            return touched.error();
        return readWritten(m_database, *id);
    });
}

Result<api::StaffCase> SqlStaffCases::update(const StaffScope &scope, qint64 caseId,
                                             const api::CasePatch &patch)
{
    return m_database.inTransaction(Database::Access::Write, [&]() -> Result<api::StaffCase> {
        // Out of scope is NotFound before anything is said about the fields, as on the client side.
        auto current = detail(scope, caseId);
        if (!current)
            return current.error();

        InputChecks checks;
        if (patch.title)
            checks.requireText(QStringLiteral("title"), *patch.title, kMaxTitleLength);
        if (patch.status)
            checks.requireText(QStringLiteral("status"), *patch.status, kMaxShortTextLength);
        if (patch.description)
            checks.limitText(QStringLiteral("description"), *patch.description, kMaxDescriptionLength);
        if (patch.assignedAttorneyId && *patch.assignedAttorneyId) {
            if (auto checked = checkAttorney(m_database, checks, **patch.assignedAttorneyId); !checked)
                return checked.error();
        }
        if (!checks.passed())
            return checks.error();

        // Only real changes count: a PATCH that repeats the present values writes nothing and tells no one.
        api::StaffCase next = *current;
        QStringList changed;
        const auto change = [&](const char *field, auto &target, const auto &value) {
            if (target != value) {
                target = value;
                changed << QLatin1String(field);
            }
        };
        if (patch.status)
            change("status", next.summary.status, *patch.status);
        if (patch.title)
            change("title", next.summary.title, *patch.title);
        if (patch.description)
            change("description", next.summary.description, *patch.description);
        std::optional<qint64> attorneyId
            = current->assignedAttorney ? std::optional(current->assignedAttorney->id) : std::nullopt;
        if (patch.assignedAttorneyId)
            change("assigned_attorney", attorneyId, *patch.assignedAttorneyId);
        if (changed.isEmpty())
            return current;

        auto updated = m_database.exec(
            QStringLiteral(
                "UPDATE cases SET status = ?, title = ?, description = ?, assigned_attorney_id = ?, "
                "updated_at = ? WHERE id = ?"),
            { next.summary.status, next.summary.title, next.summary.description,
              sqlOptionalInteger(attorneyId), sqlTimestamp(QDateTime::currentDateTimeUtc()), caseId });
        if (!updated)
            return updated.error();
        if (auto touched = touchChangedCase(m_database, current->client.id, caseId, changed); !touched)
            return touched.error();
        auto author = staffName(m_database, scope.userId);
        if (!author)
            return author.error();
        auto recorded
            = m_events.record(events::caseUpdated(current->client.id, scope.userId, *author, caseId,
                                                  next.summary.title, next.summary.caseNumber, changed));
        if (!recorded)
            return recorded.error();
        return readWritten(m_database, caseId);
    });
}

Result<api::DocumentDetail> SqlStaffCases::addDocument(const StaffScope &scope, const NewDocument &document)
{
    auto access = findStaffCase(m_database, scope, document.caseId);
    if (!access) {
        QFile::remove(document.incomingPath); // Documents::add() owns the upload only once it is called
        return access.error();
    }
    // The client side adds it (validation, the file's move, document.uploaded) for the case's client; it
    // checks the case against that client again inside its transaction.
    return m_documents.add(Caller { scope.userId, access->clientId }, document);
}

// Both read through the client side, for the case's client, once the case is known to be in scope: the
// client's rules (which documents, where their bytes are) exist once.
Result<QList<api::Document>> SqlStaffCases::documents(const StaffScope &scope, qint64 caseId)
{
    auto access = findStaffCase(m_database, scope, caseId);
    if (!access)
        return access.error();
    auto all = m_documents.list(Caller { scope.userId, access->clientId });
    if (!all)
        return all.error();
    QList<api::Document> ofCase;
    for (const api::Document &document : *all)
        if (document.caseRef.id == caseId)
            ofCase.append(document);
    return ofCase;
}

Result<StoredFile> SqlStaffCases::documentFile(const StaffScope &scope, qint64 documentId)
{
    auto caseId
        = m_database.selectOne<qint64>(QStringLiteral("SELECT case_id FROM documents WHERE id = ?"),
                                       { documentId }, [](const SqlRow &row) { return row.integer(0); });
    if (!caseId)
        return caseId.error();
    auto access = findStaffCase(m_database, scope, *caseId);
    if (!access)
        return access.error();
    return m_documents.file(Caller { scope.userId, access->clientId }, documentId);
}

} // namespace portal::store
