// The server's storage: the database (SQLite in the data folder, or PostgreSQL; the SQL is portable) and
// the document folder. Handlers reach the data through the repositories below, each scoped to
// a Caller so that one client can never read another's rows: what is not the caller's is NotFound.
// All repositories run on the thread that opened the Store.
#pragma once

#include "LimitCounts.h"
#include "Result.h"
#include "SyncTypes.h"
#include "WireTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

namespace portal::store {

class Database;
class StaffClients; // StaffRepositories.h
class StaffCases;
class StaffTasks;
class StaffThreads;

enum class Role { Client, Attorney, Admin };
QString roleName(Role role); // "client", "attorney", "admin"
std::optional<Role> roleFromName(const QString &name);

struct UserRecord
{
    qint64 id = 0; // 0 when adding: the database chooses
    QString username;
    QByteArray passwordHash; // libsodium's crypto_pwhash_str format
    QString email;
    QString firstName;
    QString lastName;
    Role role = Role::Client;
    std::optional<qint64> clientId; // set for clients
    bool active = true;
    QString displayName() const; // "First Last", or the user name when both are empty
};

struct ClientRecord
{
    qint64 id = 0;
    QString companyName;
    QString phone;
    QString address;
};

// Who is asking. Every client-facing read and write is scoped by it.
struct Caller
{
    qint64 userId = 0;
    qint64 clientId = 0;
};

struct StoredFile // where a document's bytes are, for downloads
{
    QString path; // absolute path of the file on disk
    QString fileName; // the name the user knows it by, for Content-Disposition
    QString contentType; // e.g. application/pdf
    qint64 size = 0;
    QByteArray sha256; // hex, for the ETag
};

struct NewDocument // a document about to be added; the file is already written, in the store's incoming
                   // folder
{
    qint64 caseId = 0;
    QString title;
    QString description;
    QString fileName; // as uploaded, e.g. "contract.pdf"
    QString contentType; // as uploaded, or guessed from the name
    QString fileType; // "PDF", "DOCX", ... (derived from the name when empty)
    QString
        incomingPath; // the store moves this file into its document folder on success, removes it on failure
    qint64 size = 0;
    QByteArray sha256; // hex
    std::optional<QDateTime> uploadedAt; // now when unset
};

class Users
{
public:
    virtual ~Users() = default;
    virtual Result<UserRecord> byName(const QString &username) = 0;
    virtual Result<UserRecord> byId(qint64 id) = 0;
    virtual Result<QList<UserRecord>> all() = 0;
    virtual Result<qint64> addClient(const ClientRecord &client) = 0; // id 0: the database chooses
    virtual Result<qint64> add(const UserRecord &user) = 0; // Conflict when the user name is taken
    virtual Result<Done> setPasswordHash(qint64 userId, const QByteArray &hash) = 0;
    virtual Result<Done> setActive(qint64 userId, bool active) = 0;
    virtual Result<api::Profile> profile(const Caller &caller) = 0;
};

class Cases
{
public:
    virtual ~Cases() = default;
    virtual Result<QList<api::Case>> list(const Caller &caller) = 0;
    virtual Result<api::CaseDetail> detail(const Caller &caller, qint64 caseId) = 0;
};

class Threads
{
public:
    virtual ~Threads() = default;
    virtual Result<QList<api::Thread>> list(const Caller &caller) = 0; // newest updated_at first
    // The thread with its messages, oldest first; with markRead, the caller's unread messages become read
    // (in the same transaction) before the answer is made.
    virtual Result<api::ThreadDetail> detail(const Caller &caller, qint64 threadId, bool markRead) = 0;
    virtual Result<api::Thread> markRead(const Caller &caller, qint64 threadId) = 0;
    // Adds a message from the caller and moves the thread's updated_at; Invalid on empty content.
    virtual Result<api::Message> post(const Caller &caller, qint64 threadId, const QString &content) = 0;
    // Starts a thread on one of the caller's cases (Invalid "case" when it is not theirs).
    virtual Result<api::ThreadDetail> start(const Caller &caller, qint64 caseId, const QString &subject,
                                            const QString &firstMessage)
        = 0;
};

class Documents
{
public:
    virtual ~Documents() = default;
    virtual Result<QList<api::Document>> list(const Caller &caller) = 0; // newest first
    virtual Result<api::DocumentDetail> detail(const Caller &caller, qint64 documentId) = 0;
    virtual Result<StoredFile> file(const Caller &caller, qint64 documentId) = 0;
    // Adds an uploaded document to one of the caller's cases (Invalid "case" when it is not theirs).
    virtual Result<api::DocumentDetail> add(const Caller &caller, const NewDocument &document) = 0;
    // Where uploads are written before add() moves them into place (same file system).
    virtual QString incomingDir() const = 0;
};

class Tasks
{
public:
    virtual ~Tasks() = default;
    virtual Result<QList<api::Task>> list(const Caller &caller) = 0; // by due date, undated last
    virtual Result<api::Task> detail(const Caller &caller, qint64 taskId) = 0;
};

class Notifications
{
public:
    virtual ~Notifications() = default;
    virtual Result<QList<api::Notification>> list(const Caller &caller) = 0; // newest first
    virtual Result<api::Notification> markRead(const Caller &caller, qint64 notificationId) = 0;

    // For the push channel, across all users: the notifications whose row of the change log (SyncChanges.h)
    // moved after `afterSeq` (created, or marked read), in the log's order, at most `limit`, and the
    // position up to which the log was read: pass it back as `afterSeq` next time. It moves past the rows of
    // other kinds too, so that a quiet spell of notifications does not make every call read the same rows
    // again. The log's order is the order of the commits, which ids are not: two servers on one database
    // may take ids 7 and 8 and commit 8 first, and a reader following ids would then never see 7.
    // lastChange(): the log's last seq (0 when empty).
    struct Changed
    {
        qint64 seq = 0;
        qint64 userId = 0;
        api::Notification notification;
    };
    struct Changes
    {
        QList<Changed> notifications;
        qint64 position = 0;
    };
    virtual Result<Changes> changedAfter(qint64 afterSeq, int limit) = 0;
    virtual Result<qint64> lastChange() = 0;
};

// The delta sync (GET /api/portal/sync/): the caller's objects that changed after a position of the change
// log (SyncChanges.h), each once, in its latest state and as the caller sees it.
struct SyncBatch
{
    api::SyncPage page; // everything but the cursor, which the API layer encodes from `position`
    qint64 position = 0; // pass it back as `after` to continue
};

class Sync
{
public:
    virtual ~Sync() = default;
    // At most `limit` objects changed after `after` (0: from the start), oldest change first;
    // page.hasMore when more follow. Invalid "since" when `after` lies beyond the log's end (a cursor of
    // another database, or of this one before a restore).
    virtual Result<SyncBatch> changes(const Caller &caller, qint64 after, int limit) = 0;
};

// Idempotency-Key: a POST done once per (user, key) for a day, its answer kept for repeats. The answer is
// recorded in the same transaction as the write it guards, so neither exists without the other.
struct StoredAnswer
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

struct IdempotentOutcome
{
    enum class Kind {
        Performed, // the request was new and ran (`answer` is its answer, recorded when 2xx)
        Replayed, // the same request was done before: `answer` is the one recorded then
        KeyReused, // the key was used for another request within the day
    };
    Kind kind = Kind::Performed;
    StoredAnswer answer;
};

class IdempotencyKeys
{
public:
    virtual ~IdempotencyKeys() = default;
    static constexpr int kLifetimeHours = 24;
    // Runs `perform` at most once per (userId, key) within kLifetimeHours, inside one write transaction
    // with the record of its answer: a 2xx answer is committed together with its key; any other answer
    // rolls everything back and records nothing. Keys older than the lifetime are purged on the way.
    // `perform`'s own transactions nest in this one (as savepoints).
    virtual Result<IdempotentOutcome> once(qint64 userId, const QString &key, const QByteArray &requestHash,
                                           const std::function<StoredAnswer()> &perform)
        = 0;
};

// Something that happened which others must hear of: the client's users by a notification, webhook
// endpoints by a delivery. Recorded by the write that causes it, inside that write's transaction.
struct EventRecord
{
    QString type; // message.created, document.uploaded, task.assigned, case.updated
    QJsonObject data; // the webhook payload's "data": the ids involved, e.g. message_id, thread_id, case_id
    qint64 clientId = 0; // the client whose case it concerns
    std::optional<qint64> actorUserId; // who caused it (gets no notification); none for the system
    // The notification each active user of the client other than the actor gets.
    QString notificationType; // MESSAGE, DOCUMENT, TASK, CASE
    QString notificationTitle;
    QString notificationMessage;
    QString relatedObjectType; // MessageThread, Document, Task, Case
    qint64 relatedObjectId = 0;
};

class Events
{
public:
    virtual ~Events() = default;
    // Inserts the event, one pending webhook delivery for each active endpoint subscribed to its type, and
    // the notifications. Must run inside the causing write's transaction (Database::inTransaction), so that
    // the write and its event exist together or not at all. Gives the event's id.
    virtual Result<qint64> record(const EventRecord &event) = 0;
};

// The refresh-token blacklist (rotation blacklists each refresh token once it is used).
class TokenBlacklist
{
public:
    virtual ~TokenBlacklist() = default;
    // Conflict when the jti is already blacklisted: used refresh tokens cannot be used twice.
    virtual Result<Done> add(const QString &jti, const QDateTime &expiresAt) = 0;
    virtual Result<bool> contains(const QString &jti) = 0;
    virtual Result<Done> purgeExpired(const QDateTime &now) = 0;
};

class Store
{
public:
    // Opens (creating when missing) the store in `dataDir`: the documents/ and incoming/ folders and the
    // database with its migrations applied in order. The database is portal.sqlite3 in `dataDir` (WAL,
    // foreign keys on), or, when `database` is given, the PostgreSQL database it names
    // (postgresql://USER:PASSWORD@HOST:PORT/DATABASE, see Database::openPostgres()); `dataDir` then holds
    // only the documents, in a folder every instance using that database reaches.
    static Result<std::unique_ptr<Store>> open(const QString &dataDir, const QUrl &database = {});
    ~Store();

    Users &users();
    Cases &cases();
    Threads &threads();
    Documents &documents();
    Tasks &tasks();
    Notifications &notifications();
    TokenBlacklist &tokenBlacklist();
    Events &events();
    Sync &sync();
    IdempotencyKeys &idempotencyKeys();
    StaffClients &staffClients();
    StaffCases &staffCases();
    StaffTasks &staffTasks();
    StaffThreads &staffThreads();
    // The limits' counts in the database. Servers use them when sharesLimitCounts(): on PostgreSQL, where
    // several servers may serve one database and must count together. On SQLite one server process serves
    // a data folder, and counting in memory spares a write per request.
    RequestCounts &requestCounts();
    LoginFailures &loginFailures();
    bool sharesLimitCounts() const;
    Database &database();
    QString dataDir() const;

    // Changes whenever the data may have changed: at once for writes through this store, within 100 ms
    // for other processes' (the command line's). Caches of answers stay valid while it holds; cheap enough
    // to ask on every request.
    ChangeStamp changeStamp();

    static int schemaVersion(); // the newest migration this build knows

private:
    Store();
    struct Private;
    std::unique_ptr<Private> d;
};

// Loads a fixture in the format of shared/fixtures/portal-demo.json (format "client-portal-fixture/1";
// document "file" paths relative to the fixture's folder) into the store, all or nothing. An error names the
// JSON path, e.g. "cases[2].client: no client with id 7". Passwords go in through `hashPassword`.
Result<Done> importFixture(Store &store, const QString &fixturePath,
                           const std::function<QByteArray(const QString &password)> &hashPassword);

} // namespace portal::store
