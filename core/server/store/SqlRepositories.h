// The SQL implementations of Store.h's repositories (one per file: SqlUsers.cpp, SqlCases.cpp, ...) and the
// little they share. Internal to portal_store: the rest of the server sees only the interfaces of Store.h.
#pragma once

#include "Store.h"

namespace portal::store {

class SqlUsers final : public Users
{
public:
    explicit SqlUsers(Database &database)
        : m_database(database)
    { }
    Result<UserRecord> byName(const QString &username) override;
    Result<UserRecord> byId(qint64 id) override;
    Result<QList<UserRecord>> all() override;
    Result<qint64> addClient(const ClientRecord &client) override;
    Result<qint64> add(const UserRecord &user) override;
    Result<Done> setPasswordHash(qint64 userId, const QByteArray &hash) override;
    Result<Done> setActive(qint64 userId, bool active) override;
    Result<api::Profile> profile(const Caller &caller) override;

private:
    Database &m_database;
};

class SqlCases final : public Cases
{
public:
    explicit SqlCases(Database &database)
        : m_database(database)
    { }
    Result<QList<api::Case>> list(const Caller &caller) override;
    Result<api::CaseDetail> detail(const Caller &caller, qint64 caseId) override;

private:
    Database &m_database;
};

class SqlThreads final : public Threads
{
public:
    SqlThreads(Database &database, Events &events)
        : m_database(database)
        , m_events(events)
    { }
    Result<QList<api::Thread>> list(const Caller &caller) override;
    Result<api::ThreadDetail> detail(const Caller &caller, qint64 threadId, bool markRead) override;
    Result<api::Thread> markRead(const Caller &caller, qint64 threadId) override;
    Result<api::Message> post(const Caller &caller, qint64 threadId, const QString &content) override;
    Result<api::ThreadDetail> start(const Caller &caller, qint64 caseId, const QString &subject,
                                    const QString &firstMessage) override;

private:
    // NotFound unless the thread is on one of the caller's cases.
    Result<Done> requireCallerThread(const Caller &caller, qint64 threadId);
    Result<api::Thread> listItem(const Caller &caller, qint64 threadId);
    Result<api::ThreadDetail> readDetail(const Caller &caller, qint64 threadId);
    // Marks the thread's messages from others read for the caller; check requireCallerThread() first.
    Result<Done> markMessagesRead(const Caller &caller, qint64 threadId);
    // The messages `sql` selects by `id` (kMessagesOfThread, kMessageById), as the caller sees them.
    Result<QList<api::Message>> readMessages(const Caller &caller, const QString &sql, qint64 id);
    // Records message.created for a message just inserted, as `message` (read back) shows it.
    Result<qint64> recordMessage(const Caller &caller, qint64 threadId, const api::Message &message);

    Database &m_database;
    Events &m_events;
};

class SqlDocuments final : public Documents
{
public:
    SqlDocuments(Database &database, Events &events, const QString &documentsDir, const QString &incomingDir)
        : m_database(database)
        , m_events(events)
        , m_documentsDir(documentsDir)
        , m_incomingDir(incomingDir)
    { }
    Result<QList<api::Document>> list(const Caller &caller) override;
    Result<api::DocumentDetail> detail(const Caller &caller, qint64 documentId) override;
    Result<StoredFile> file(const Caller &caller, qint64 documentId) override;
    Result<api::DocumentDetail> add(const Caller &caller, const NewDocument &document) override;
    QString incomingDir() const override { return m_incomingDir; }

private:
    Result<api::DocumentDetail> insert(const Caller &caller, const NewDocument &document,
                                       const QString &storagePath);

    Database &m_database;
    Events &m_events;
    const QString m_documentsDir;
    const QString m_incomingDir;
};

class SqlTasks final : public Tasks
{
public:
    explicit SqlTasks(Database &database)
        : m_database(database)
    { }
    Result<QList<api::Task>> list(const Caller &caller) override;
    Result<api::Task> detail(const Caller &caller, qint64 taskId) override;

private:
    Database &m_database;
};

class SqlNotifications final : public Notifications
{
public:
    explicit SqlNotifications(Database &database)
        : m_database(database)
    { }
    Result<QList<api::Notification>> list(const Caller &caller) override;
    Result<api::Notification> markRead(const Caller &caller, qint64 notificationId) override;
    Result<Changes> changedAfter(qint64 afterSeq, int limit) override;
    Result<qint64> lastChange() override;

private:
    Database &m_database;
};

class SqlEvents final : public Events
{
public:
    explicit SqlEvents(Database &database)
        : m_database(database)
    { }
    Result<qint64> record(const EventRecord &event) override;

private:
    Database &m_database;
};

class SqlSync final : public Sync
{
public:
    SqlSync(Database &database, Users &users)
        : m_database(database)
        , m_users(users)
    { }
    Result<SyncBatch> changes(const Caller &caller, qint64 after, int limit) override;

private:
    Database &m_database;
    Users &m_users;
};

class SqlIdempotencyKeys final : public IdempotencyKeys
{
public:
    explicit SqlIdempotencyKeys(Database &database)
        : m_database(database)
    { }
    Result<IdempotentOutcome> once(qint64 userId, const QString &key, const QByteArray &requestHash,
                                   const std::function<StoredAnswer()> &perform) override;

private:
    Database &m_database;
};

class SqlTokenBlacklist final : public TokenBlacklist
{
public:
    explicit SqlTokenBlacklist(Database &database)
        : m_database(database)
    { }
    Result<Done> add(const QString &jti, const QDateTime &expiresAt) override;
    Result<bool> contains(const QString &jti) override;
    Result<Done> purgeExpired(const QDateTime &now) override;

private:
    Database &m_database;
};

class SqlRequestCounts final : public RequestCounts
{
public:
    explicit SqlRequestCounts(Database &database)
        : m_database(database)
    { }
    Result<RateWindows> countIfBelow(qint64 userId, qint64 minuteStart, qint64 hourStart, int perMinute,
                                     int perHour) override;

private:
    Database &m_database;
};

class SqlLoginFailures final : public LoginFailures
{
public:
    explicit SqlLoginFailures(Database &database)
        : m_database(database)
    { }
    Result<QHash<QString, FailureWindow>> windows(const QStringList &subjects) override;
    Result<Done> count(const QStringList &subjects, qint64 now, int windowSeconds) override;
    Result<Done> clear(const QString &subject) override;
    Result<Done> purgeExpired(qint64 now, int windowSeconds) override;

private:
    Database &m_database;
};

// "First Last", or the user name when both are empty: how people are named everywhere (UserRecord,
// message senders, assigned attorneys).
QString displayName(const QString &firstName, const QString &lastName, const QString &username);

// A case's own columns ("c." of cases c), kCaseColumnCount of them first in a row, and their reading.
// Plain characters, not a QString: other files' SQL constants are made from it during static
// initialisation, whose order across files is unspecified.
inline constexpr char kCaseColumns[]
    = "c.id, c.title, c.case_number, c.status, c.open_date, c.description, c.case_type";
constexpr int kCaseColumnCount = 7;
api::Case readCase(const SqlRow &row);

// The caller's case `caseId` as {id, title}; NotFound when there is none or it is another client's.
Result<api::CaseRef> findCallerCase(Database &database, const Caller &caller, qint64 caseId);

} // namespace portal::store
