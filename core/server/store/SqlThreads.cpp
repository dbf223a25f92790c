// Message threads on a client's cases: listing with unread counts, reading (and so marking read), posting,
// and starting a thread.
//
// Reading is per user: a message_reads row says that one user has read one message. To the caller, another
// person's message is read once the caller has read it; the caller's own message is read once anyone else
// has (the "seen" of a chat), and it never counts as unread to them.
#include "Database.h"
#include "EventWording.h"
#include "InputChecks.h"
#include "SqlRepositories.h"
#include "SyncChanges.h"

namespace portal::store {

namespace {

constexpr qsizetype kMaxSubjectLength = 200;
constexpr qsizetype kMaxContentLength = 10000;

// Binds: caller's user id twice, caller's client id.
const QString kSelectThread = QStringLiteral(
    "SELECT t.id, t.subject, t.case_id, t.created_at, t.updated_at, "
    "(SELECT COUNT(*) FROM messages m WHERE m.thread_id = t.id AND m.sender_id <> ? "
    "AND NOT EXISTS (SELECT 1 FROM message_reads r WHERE r.message_id = m.id AND r.user_id = ?)) "
    "FROM threads t JOIN cases c ON c.id = t.case_id WHERE c.client_id = ? ");

// Binds: caller's user id twice.
const QString kSelectMessage = QStringLiteral(
    "SELECT m.id, m.sender_id, u.first_name, u.last_name, u.username, m.content, m.created_at, "
    "CASE WHEN m.sender_id = ? "
    "THEN EXISTS (SELECT 1 FROM message_reads r WHERE r.message_id = m.id AND r.user_id <> m.sender_id) "
    "ELSE EXISTS (SELECT 1 FROM message_reads r WHERE r.message_id = m.id AND r.user_id = ?) END "
    "FROM messages m JOIN users u ON u.id = m.sender_id ");
const QString kMessagesOfThread
    = kSelectMessage + QStringLiteral("WHERE m.thread_id = ? ORDER BY m.created_at, m.id");
const QString kMessageById = kSelectMessage + QStringLiteral("WHERE m.id = ?");

const QString kInsertMessage = QStringLiteral(
    "INSERT INTO messages (thread_id, sender_id, content, created_at) VALUES (?, ?, ?, ?) RETURNING id");

api::Thread readThread(const SqlRow &row)
{
    return { row.integer(0),   row.text(1),      row.integer(2),
             row.timestamp(3), row.timestamp(4), int(row.integer(5)) };
}

api::Message readMessage(const SqlRow &row)
{
    return {
        row.integer(0), { row.integer(1), row.personName(2) }, row.text(5), row.timestamp(6), row.flag(7)
    };
}

} // namespace

Result<QList<api::Thread>> SqlThreads::list(const Caller &caller)
{
    static const QString sql = kSelectThread + QStringLiteral("ORDER BY t.updated_at DESC, t.id DESC");
    return m_database.selectAll<api::Thread>(sql, { caller.userId, caller.userId, caller.clientId },
                                             readThread);
}

Result<api::ThreadDetail> SqlThreads::detail(const Caller &caller, qint64 threadId, bool markRead)
{
    const auto access = markRead ? Database::Access::Write : Database::Access::Read;
    return m_database.inTransaction(access, [&]() -> Result<api::ThreadDetail> {
        if (markRead) {
            if (auto mine = requireCallerThread(caller, threadId); !mine)
                return mine.error();
            if (auto marked = markMessagesRead(caller, threadId); !marked)
                return marked.error();
        }
        return readDetail(caller, threadId);
    });
}

Result<api::Thread> SqlThreads::markRead(const Caller &caller, qint64 threadId)
{
    return m_database.inTransaction(Database::Access::Write, [&]() -> Result<api::Thread> {
        if (auto mine = requireCallerThread(caller, threadId); !mine)
            return mine.error();
        if (auto marked = markMessagesRead(caller, threadId); !marked)
            return marked.error();
        return listItem(caller, threadId);
    });
}

Result<api::Message> SqlThreads::post(const Caller &caller, qint64 threadId, const QString &content)
{
    return m_database.inTransaction(Database::Access::Write, [&]() -> Result<api::Message> {
        // A thread that is not the caller's is NotFound before anything is said about the content.
        if (auto mine = requireCallerThread(caller, threadId); !mine)
            return mine.error();
        InputChecks checks;
        checks.requireText(QStringLiteral("content"), content, kMaxContentLength);
        if (!checks.passed())
            return checks.error();

        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto messageId
            = m_database.insert(kInsertMessage, { threadId, caller.userId, content, sqlTimestamp(now) });
        if (!messageId)
            return messageId.error();
        auto moved = m_database.exec(QStringLiteral("UPDATE threads SET updated_at = ? WHERE id = ?"),
                                     { sqlTimestamp(now), threadId });
        if (!moved)
            return moved.error();
        // The thread's updated_at moved too: both change for every user of the client.
        if (auto touched = sync::touchOne(m_database, sync::Kind::Thread, threadId, caller.clientId);
            !touched)
            return touched.error();
        if (auto touched = sync::touchOne(m_database, sync::Kind::Message, *messageId, caller.clientId);
            !touched)
            return touched.error();
        auto message = readMessages(caller, kMessageById, *messageId);
        if (!message)
            return message.error();
        if (message->isEmpty())
            return StoreError::failure(
                QStringLiteral("message %1 vanished after its insert").arg(*messageId));
        if (auto recorded = recordMessage(caller, threadId, message->constFirst()); !recorded)
            return recorded.error();
        return message->constFirst();
    });
}

Result<api::ThreadDetail> SqlThreads::start(const Caller &caller, qint64 caseId, const QString &subject,
                                            const QString &firstMessage)
{
    InputChecks checks;
    checks.requireText(QStringLiteral("subject"), subject, kMaxSubjectLength);
    checks.requireText(QStringLiteral("message"), firstMessage, kMaxContentLength);

    return m_database.inTransaction(Database::Access::Write, [&]() -> Result<api::ThreadDetail> {
        // Another client's case is reported like a missing one, and with the other fields' problems.
        if (auto found = findCallerCase(m_database, caller, caseId); !found) {
            if (found.error().kind != StoreError::Kind::NotFound)
                return found.error();
            checks.unknownObject(QStringLiteral("case"), caseId);
        }
        if (!checks.passed())
            return checks.error();

        const QVariant now = sqlTimestamp(QDateTime::currentDateTimeUtc());
        auto threadId
            = m_database.insert(QStringLiteral("INSERT INTO threads (case_id, subject, created_at, "
                                               "updated_at, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id"),
                                { caseId, subject, now, now, caller.userId });
        if (!threadId)
            return threadId.error();
        auto messageId = m_database.insert(kInsertMessage, { *threadId, caller.userId, firstMessage, now });
        if (!messageId)
            return messageId.error();
        if (auto touched = sync::touchOne(m_database, sync::Kind::Thread, *threadId, caller.clientId);
            !touched)
            return touched.error();
        if (auto touched = sync::touchOne(m_database, sync::Kind::Message, *messageId, caller.clientId);
            !touched)
            return touched.error();
        auto detail = readDetail(caller, *threadId);
        if (!detail)
            return detail;
        if (auto recorded = recordMessage(caller, *threadId, detail->messages.value(0)); !recorded)
            return recorded.error();
        return detail;
    });
}

Result<qint64> SqlThreads::recordMessage(const Caller &caller, qint64 threadId, const api::Message &message)
{
    struct ThreadFacts
    {
        QString subject;
        qint64 caseId = 0;
    };
    auto thread = m_database.selectOne<ThreadFacts>(
        QStringLiteral("SELECT subject, case_id FROM threads WHERE id = ?"), { threadId },
        [](const SqlRow &row) {
            return ThreadFacts { row.text(0), row.integer(1) };
        });
    if (!thread)
        return thread.error();
    return m_events.record(events::messageCreated(caller.clientId, caller.userId, message.sender.name,
                                                  message.id, threadId, thread->caseId, thread->subject));
}

Result<Done> SqlThreads::requireCallerThread(const Caller &caller, qint64 threadId)
{
    auto mine = m_database.exists(
        QStringLiteral(
            "SELECT 1 FROM threads t JOIN cases c ON c.id = t.case_id WHERE t.id = ? AND c.client_id = ?"),
        { threadId, caller.clientId });
    if (!mine)
        return mine.error();
    if (!*mine)
        return StoreError::notFound();
    return Done {};
}

Result<api::Thread> SqlThreads::listItem(const Caller &caller, qint64 threadId)
{
    static const QString sql = kSelectThread + QStringLiteral("AND t.id = ?");
    return m_database.selectOne<api::Thread>(sql, { caller.userId, caller.userId, caller.clientId, threadId },
                                             readThread);
}

Result<api::ThreadDetail> SqlThreads::readDetail(const Caller &caller, qint64 threadId)
{
    static const QString sql = QStringLiteral(
        "SELECT t.id, t.subject, c.id, c.title, t.created_at, t.updated_at "
        "FROM threads t JOIN cases c ON c.id = t.case_id WHERE t.id = ? AND c.client_id = ?");
    auto detail
        = m_database.selectOne<api::ThreadDetail>(sql, { threadId, caller.clientId }, [](const SqlRow &row) {
              api::ThreadDetail detail;
              detail.id = row.integer(0);
              detail.subject = row.text(1);
              detail.caseRef = row.caseRef(2);
              detail.createdAt = row.timestamp(4);
              detail.updatedAt = row.timestamp(5);
              return detail;
          });
    if (!detail)
        return detail;
    auto messages = readMessages(caller, kMessagesOfThread, threadId);
    if (!messages)
        return messages.error();
    detail->messages = messages.take();
    return detail;
}

Result<Done> SqlThreads::markMessagesRead(const Caller &caller, qint64 threadId)
{
    // The messages this changes: from others, not yet read by the caller. Binds: thread, caller twice.
    static const QString unread = QStringLiteral(
        "FROM messages m WHERE m.thread_id = ? AND m.sender_id <> ? "
        "AND NOT EXISTS (SELECT 1 FROM message_reads r WHERE r.message_id = m.id AND r.user_id = ?)");
    const QVariantList unreadValues { threadId, caller.userId, caller.userId };
    // Reading a thread that has nothing unread (clients poll) changes nothing, and so tells the sync nothing.
    auto any = m_database.exists(QStringLiteral("SELECT 1 ") + unread, unreadValues);
    if (!any)
        return any.error();
    if (!*any)
        return Done {};

    // Their is_read changes for the caller and, for the first reader, for their sender; the thread's
    // unread_count changes for the caller. The sync log learns of both before the reads hide which ones.
    static const QString touchedMessages
        = QStringLiteral("SELECT m.id AS object_id, CAST(? AS BIGINT) AS client_id, CAST(NULL AS BIGINT) AS "
                         "user_id ")
        + unread;
    if (auto touched = sync::touch(m_database, sync::Kind::Message, touchedMessages,
                                   QVariantList { caller.clientId } + unreadValues);
        !touched)
        return touched;
    if (auto touched = sync::touchOne(m_database, sync::Kind::Thread, threadId, caller.clientId); !touched)
        return touched;

    // The CASTs give the selected parameters a type: PostgreSQL cannot infer one from the target columns.
    static const QString sql = QStringLiteral("INSERT INTO message_reads (message_id, user_id, read_at) "
                                              "SELECT m.id, CAST(? AS BIGINT), CAST(? AS TEXT) ")
        + unread;
    return m_database.exec(
        sql, QVariantList { caller.userId, sqlTimestamp(QDateTime::currentDateTimeUtc()) } + unreadValues);
}

Result<QList<api::Message>> SqlThreads::readMessages(const Caller &caller, const QString &sql, qint64 id)
{
    return m_database.selectAll<api::Message>(sql, { caller.userId, caller.userId, id }, readMessage);
}

} // namespace portal::store
