#include "CacheWriter.h"

#include "CacheDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace portal::client {

namespace {

// A list of ids as one bound value: SQL reads it with json_each(), so a list of any length is one statement.
QString idArray(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

template<typename T> QList<qint64> idsOf(const QList<T> &items)
{
    QList<qint64> ids;
    ids.reserve(items.size());
    for (const T &item : items)
        ids.append(item.id);
    return ids;
}

QList<qint64> caseIdsOf(const QList<CachedCase> &cases)
{
    QList<qint64> ids;
    ids.reserve(cases.size());
    for (const CachedCase &item : cases)
        ids.append(item.summary.id);
    return ids;
}

const QString inList = QStringLiteral("id IN (SELECT value FROM json_each(?))");
const QString notInList = QStringLiteral("id NOT IN (SELECT value FROM json_each(?))");

} // namespace

bool CacheWriter::run(const QString &sql, const QVariantList &values)
{
    if (m_error)
        return false;
    if (auto done = m_database.exec(sql, values); !done) {
        m_error = done.error();
        return false;
    }
    return true;
}

bool CacheWriter::touch(CacheKinds kinds)
{
    m_changes |= kinds;
    return !m_error;
}

void CacheWriter::abort(const QString &message)
{
    if (!m_error)
        m_error = CacheError::make(CacheError::Kind::Aborted, message);
}

// ---- profile and cases -----------------------------------------------------------------------------------

bool CacheWriter::setProfile(const api::Profile &profile)
{
    // One row as the wire JSON: nothing queries inside it, and the wire type stays the one place of its keys.
    const QString json = QString::fromUtf8(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Compact));
    run(QStringLiteral("INSERT INTO profile (id, json) VALUES (1, ?) "
                       "ON CONFLICT (id) DO UPDATE SET json = excluded.json"),
        { json });
    return touch(CacheKind::Profile);
}

bool CacheWriter::upsertCase(const api::Case &c, const std::optional<api::Attorney> *attorney)
{
    const QVariantList summary { c.id,
                                 sqlText(c.title),
                                 sqlText(c.caseNumber),
                                 sqlText(c.status),
                                 sqlDate(c.openDate),
                                 sqlText(c.description),
                                 sqlText(c.caseType) };
    if (!attorney) {
        return run(
            QStringLiteral(
                "INSERT INTO cases (id, title, case_number, status, open_date, description, case_type) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
                "case_number = excluded.case_number, status = excluded.status, "
                "open_date = excluded.open_date, description = excluded.description, "
                "case_type = excluded.case_type"),
            summary);
    }
    QVariantList values = summary;
    if (attorney->has_value())
        values << (*attorney)->id << sqlText((*attorney)->name) << sqlText((*attorney)->email);
    else
        values << sqlNull() << sqlNull() << sqlNull();
    return run(QStringLiteral("INSERT INTO cases (id, title, case_number, status, open_date, description, "
                              "case_type, attorney_id, attorney_name, attorney_email) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                              "title = excluded.title, case_number = excluded.case_number, "
                              "status = excluded.status, open_date = excluded.open_date, "
                              "description = excluded.description, case_type = excluded.case_type, "
                              "attorney_id = excluded.attorney_id, attorney_name = excluded.attorney_name, "
                              "attorney_email = excluded.attorney_email"),
               values);
}

bool CacheWriter::upsertCases(const QList<CachedCase> &cases)
{
    for (const CachedCase &c : cases) {
        if (!upsertCase(c.summary, &c.assignedAttorney))
            break;
    }
    return touch(CacheKind::Cases);
}

bool CacheWriter::upsertCases(const QList<api::Case> &cases)
{
    for (const api::Case &c : cases) {
        if (!upsertCase(c, nullptr))
            break;
    }
    return touch(CacheKind::Cases);
}

bool CacheWriter::upsertCaseDetail(const api::CaseDetail &detail)
{
    const qint64 caseId = detail.summary.id;
    upsertCase(detail.summary, &detail.assignedAttorney);
    for (const api::CaseDocument &document : detail.documents) {
        run(QStringLiteral(
                "INSERT INTO documents (id, case_id, case_title, title, file_type, uploaded_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, "
                "case_title = excluded.case_title, title = excluded.title, "
                "file_type = excluded.file_type, uploaded_at = excluded.uploaded_at"),
            { document.id, caseId, sqlText(detail.summary.title), sqlText(document.title),
              sqlText(document.fileType), sqlTimestamp(document.uploadedAt) });
    }
    for (const api::CaseTask &task : detail.tasks) {
        run(QStringLiteral(
                "INSERT INTO tasks (id, case_id, case_title, title, status, due_date) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, "
                "case_title = excluded.case_title, title = excluded.title, "
                "status = excluded.status, due_date = excluded.due_date"),
            { task.id, caseId, sqlText(detail.summary.title), sqlText(task.title), sqlText(task.status),
              sqlDate(task.dueDate) });
    }
    run(QStringLiteral("DELETE FROM documents WHERE case_id = ? AND ") + notInList,
        { caseId, idArray(idsOf(detail.documents)) });
    run(QStringLiteral("DELETE FROM tasks WHERE case_id = ? AND ") + notInList,
        { caseId, idArray(idsOf(detail.tasks)) });
    return touch(CacheKind::Cases | CacheKind::Documents | CacheKind::Tasks | CacheKind::DocumentFiles);
}

// ---- threads and messages --------------------------------------------------------------------------------

bool CacheWriter::upsertThreads(const QList<api::Thread> &threads, ReadState readState)
{
    const QString sql = readState == ReadState::FromServer
        ? QStringLiteral(
            "INSERT INTO threads (id, case_id, subject, created_at, updated_at, unread_count) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, "
            "subject = excluded.subject, created_at = excluded.created_at, "
            "updated_at = excluded.updated_at, unread_count = excluded.unread_count")
        : QStringLiteral(
            "INSERT INTO threads (id, case_id, subject, created_at, updated_at, unread_count) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, "
            "subject = excluded.subject, created_at = excluded.created_at, "
            "updated_at = excluded.updated_at");
    for (const api::Thread &thread : threads) {
        if (!run(sql,
                 { thread.id, thread.caseId, sqlText(thread.subject), sqlTimestamp(thread.createdAt),
                   sqlTimestamp(thread.updatedAt), qMax(0, thread.unreadCount) }))
            break;
    }
    return touch(CacheKind::Threads);
}

bool CacheWriter::upsertThreadDetail(const api::ThreadDetail &detail, ReadState readState)
{
    // A thread the cache did not know starts with the unread count of its messages either way.
    const bool known = [&] {
        bool found = false;
        if (!m_error) {
            auto read = m_database.exec(QStringLiteral("SELECT 1 FROM threads WHERE id = ?"), { detail.id },
                                        [&](const CacheRow &) { found = true; });
            if (!read)
                m_error = read.error();
        }
        return found;
    }();
    run(QStringLiteral("INSERT INTO threads (id, case_id, subject, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, "
                       "subject = excluded.subject, created_at = excluded.created_at, "
                       "updated_at = excluded.updated_at"),
        { detail.id, detail.caseRef.id, sqlText(detail.subject), sqlTimestamp(detail.createdAt),
          sqlTimestamp(detail.updatedAt) });
    replaceThreadMessages(detail.id, detail.messages, readState);
    if (readState == ReadState::FromServer || !known)
        setThreadUnreadFromMessages(detail.id);
    return touch(CacheKind::Threads | CacheKind::Messages);
}

bool CacheWriter::setThreadUnreadFromMessages(qint64 threadId)
{
    return run(QStringLiteral("UPDATE threads SET unread_count = "
                              "(SELECT count(*) FROM messages WHERE thread_id = threads.id AND is_read = 0) "
                              "WHERE id = ?"),
               { threadId });
}

bool CacheWriter::upsertMessage(qint64 threadId, const api::Message &message, ReadState readState)
{
    const QString sql = readState == ReadState::FromServer
        ? QStringLiteral("INSERT INTO messages (id, thread_id, sender_id, sender_name, content, created_at, "
                         "is_read) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                         "thread_id = excluded.thread_id, sender_id = excluded.sender_id, "
                         "sender_name = excluded.sender_name, content = excluded.content, "
                         "created_at = excluded.created_at, is_read = excluded.is_read")
        : QStringLiteral("INSERT INTO messages (id, thread_id, sender_id, sender_name, content, created_at, "
                         "is_read) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                         "thread_id = excluded.thread_id, sender_id = excluded.sender_id, "
                         "sender_name = excluded.sender_name, content = excluded.content, "
                         "created_at = excluded.created_at");
    return run(sql,
               { message.id, threadId, message.sender.id, sqlText(message.sender.name),
                 sqlText(message.content), sqlTimestamp(message.createdAt), message.isRead ? 1 : 0 });
}

bool CacheWriter::upsertMessages(qint64 threadId, const QList<api::Message> &messages, ReadState readState)
{
    for (const api::Message &message : messages) {
        if (!upsertMessage(threadId, message, readState))
            break;
    }
    return touch(CacheKind::Messages);
}

bool CacheWriter::upsertMessages(const QList<ThreadMessage> &messages, ReadState readState)
{
    for (const ThreadMessage &item : messages) {
        if (!upsertMessage(item.threadId, item.message, readState))
            break;
    }
    return touch(CacheKind::Messages);
}

bool CacheWriter::replaceThreadMessages(qint64 threadId, const QList<api::Message> &messages,
                                        ReadState readState)
{
    run(QStringLiteral("DELETE FROM messages WHERE thread_id = ? AND ") + notInList,
        { threadId, idArray(idsOf(messages)) });
    return upsertMessages(threadId, messages, readState);
}

// ---- documents, tasks, notifications ---------------------------------------------------------------------

bool CacheWriter::upsertDocuments(const QList<api::Document> &documents)
{
    for (const api::Document &d : documents) {
        if (!run(QStringLiteral(
                     "INSERT INTO documents (id, case_id, case_title, title, description, file_type, "
                     "file_size, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO "
                     "UPDATE SET case_id = excluded.case_id, case_title = excluded.case_title, "
                     "title = excluded.title, description = excluded.description, "
                     "file_type = excluded.file_type, file_size = excluded.file_size, "
                     "uploaded_at = excluded.uploaded_at"),
                 { d.id, d.caseRef.id, sqlText(d.caseRef.title), sqlText(d.title), sqlText(d.description),
                   sqlText(d.fileType), d.fileSize, sqlTimestamp(d.uploadedAt) }))
            break;
    }
    return touch(CacheKind::Documents);
}

bool CacheWriter::upsertDocument(const api::DocumentDetail &detail)
{
    upsertDocuments({ detail.document });
    run(QStringLiteral("UPDATE documents SET download_url = ? WHERE id = ?"),
        { sqlText(detail.downloadUrl), detail.document.id });
    return touch(CacheKind::Documents);
}

bool CacheWriter::upsertTasks(const QList<api::Task> &tasks)
{
    for (const api::Task &t : tasks) {
        if (!run(QStringLiteral("INSERT INTO tasks (id, case_id, case_title, title, description, status, "
                                "due_date) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                                "case_id = excluded.case_id, case_title = excluded.case_title, "
                                "title = excluded.title, description = excluded.description, "
                                "status = excluded.status, due_date = excluded.due_date"),
                 { t.id, t.caseRef.id, sqlText(t.caseRef.title), sqlText(t.title), sqlText(t.description),
                   sqlText(t.status), sqlDate(t.dueDate) }))
            break;
    }
    return touch(CacheKind::Tasks);
}

bool CacheWriter::upsertNotifications(const QList<api::Notification> &notifications)
{
    for (const api::Notification &n : notifications) {
        if (!run(QStringLiteral(
                     "INSERT INTO notifications (id, notification_type, title, message, created_at, "
                     "is_read, related_object_type, related_object_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT (id) DO UPDATE SET notification_type = excluded.notification_type, "
                     "title = excluded.title, message = excluded.message, "
                     "created_at = excluded.created_at, is_read = excluded.is_read, "
                     "related_object_type = excluded.related_object_type, "
                     "related_object_id = excluded.related_object_id"),
                 { n.id, sqlText(n.notificationType), sqlText(n.title), sqlText(n.message),
                   sqlTimestamp(n.createdAt), n.isRead ? 1 : 0,
                   n.relatedObjectType.isEmpty() ? sqlNull() : QVariant(n.relatedObjectType),
                   sqlOptionalInteger(n.relatedObjectId) }))
            break;
    }
    return touch(CacheKind::Notifications);
}

// ---- removals --------------------------------------------------------------------------------------------

bool CacheWriter::removeThreadsWhere(const QString &condition, const QVariantList &values)
{
    run(QStringLiteral("DELETE FROM messages WHERE thread_id IN (SELECT id FROM threads WHERE %1)")
            .arg(condition),
        values);
    run(QStringLiteral("DELETE FROM threads WHERE %1").arg(condition), values);
    return touch(CacheKind::Threads | CacheKind::Messages);
}

bool CacheWriter::removeCasesWhere(const QString &condition, const QVariantList &values)
{
    const QString ofRemovedCases
        = QStringLiteral("case_id IN (SELECT id FROM cases WHERE %1)").arg(condition);
    removeThreadsWhere(ofRemovedCases, values);
    run(QStringLiteral("DELETE FROM documents WHERE %1").arg(ofRemovedCases), values);
    run(QStringLiteral("DELETE FROM tasks WHERE %1").arg(ofRemovedCases), values);
    run(QStringLiteral("DELETE FROM cases WHERE %1").arg(condition), values);
    return touch(CacheKind::Cases | CacheKind::Documents | CacheKind::Tasks | CacheKind::DocumentFiles);
}

bool CacheWriter::replaceAllCases(const QList<CachedCase> &cases)
{
    removeCasesWhere(notInList, { idArray(caseIdsOf(cases)) });
    return upsertCases(cases);
}

bool CacheWriter::replaceAllCases(const QList<api::Case> &cases)
{
    removeCasesWhere(notInList, { idArray(idsOf(cases)) });
    return upsertCases(cases);
}

bool CacheWriter::replaceAllThreads(const QList<api::Thread> &threads, ReadState readState)
{
    removeThreadsWhere(notInList, { idArray(idsOf(threads)) });
    return upsertThreads(threads, readState);
}

bool CacheWriter::replaceAllDocuments(const QList<api::Document> &documents)
{
    run(QStringLiteral("DELETE FROM documents WHERE ") + notInList, { idArray(idsOf(documents)) });
    touch(CacheKind::DocumentFiles);
    return upsertDocuments(documents);
}

bool CacheWriter::replaceAllTasks(const QList<api::Task> &tasks)
{
    run(QStringLiteral("DELETE FROM tasks WHERE ") + notInList, { idArray(idsOf(tasks)) });
    return upsertTasks(tasks);
}

bool CacheWriter::replaceAllNotifications(const QList<api::Notification> &notifications)
{
    run(QStringLiteral("DELETE FROM notifications WHERE ") + notInList, { idArray(idsOf(notifications)) });
    return upsertNotifications(notifications);
}

bool CacheWriter::deleteCases(const QList<qint64> &ids)
{
    return removeCasesWhere(inList, { idArray(ids) });
}

bool CacheWriter::deleteThreads(const QList<qint64> &ids)
{
    return removeThreadsWhere(inList, { idArray(ids) });
}

bool CacheWriter::deleteMessages(const QList<qint64> &ids)
{
    run(QStringLiteral("DELETE FROM messages WHERE ") + inList, { idArray(ids) });
    return touch(CacheKind::Messages);
}

bool CacheWriter::deleteDocuments(const QList<qint64> &ids)
{
    run(QStringLiteral("DELETE FROM documents WHERE ") + inList, { idArray(ids) });
    return touch(CacheKind::Documents | CacheKind::DocumentFiles);
}

bool CacheWriter::deleteTasks(const QList<qint64> &ids)
{
    run(QStringLiteral("DELETE FROM tasks WHERE ") + inList, { idArray(ids) });
    return touch(CacheKind::Tasks);
}

bool CacheWriter::deleteNotifications(const QList<qint64> &ids)
{
    run(QStringLiteral("DELETE FROM notifications WHERE ") + inList, { idArray(ids) });
    return touch(CacheKind::Notifications);
}

// ---- local read state, sync state, outbox ----------------------------------------------------------------

bool CacheWriter::markThreadRead(qint64 threadId)
{
    run(QStringLiteral("UPDATE messages SET is_read = 1 WHERE thread_id = ? AND is_read = 0"), { threadId });
    run(QStringLiteral("UPDATE threads SET unread_count = 0 WHERE id = ?"), { threadId });
    return touch(CacheKind::Threads | CacheKind::Messages);
}

bool CacheWriter::markNotificationRead(qint64 notificationId)
{
    run(QStringLiteral("UPDATE notifications SET is_read = 1 WHERE id = ?"), { notificationId });
    return touch(CacheKind::Notifications);
}

bool CacheWriter::setSyncValue(const QString &key, const QString &value)
{
    run(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        { sqlText(key), sqlText(value) });
    return touch(CacheKind::SyncState);
}

bool CacheWriter::removeSyncValue(const QString &key)
{
    run(QStringLiteral("DELETE FROM sync_state WHERE key = ?"), { sqlText(key) });
    return touch(CacheKind::SyncState);
}

std::optional<OutboxItem> CacheWriter::enqueue(const OutboxRequest &request)
{
    if (m_error)
        return std::nullopt;
    auto item = Outbox::insert(m_database, request);
    if (!item) {
        m_error = item.error();
        return std::nullopt;
    }
    touch(CacheKind::Outbox);
    return item.take();
}

bool CacheWriter::removeOutboxItem(qint64 id)
{
    run(QStringLiteral("DELETE FROM outbox WHERE id = ?"), { id });
    return touch(CacheKind::Outbox);
}

} // namespace portal::client
