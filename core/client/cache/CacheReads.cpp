// ClientCache's reads for the views: each one query (or a few) answered as wire types. The indexes that
// serve them are named in CacheSchema.cpp.
#include "CacheDatabase.h"
#include "ClientCache.h"

#include <QJsonDocument>
#include <algorithm>

namespace portal::client {

namespace {

const QString caseColumns = QStringLiteral(
    "id, title, case_number, status, open_date, description, case_type, attorney_id, attorney_name, "
    "attorney_email");

CachedCase readCase(const CacheRow &row)
{
    CachedCase c;
    c.summary = api::Case { row.integer(0), row.text(1), row.text(2), row.text(3),
                            row.date(4),    row.text(5), row.text(6) };
    if (!row.isNull(7))
        c.assignedAttorney = api::Attorney { row.integer(7), row.text(8), row.text(9) };
    return c;
}

api::Thread readThread(const CacheRow &row) // id, subject, case_id, created_at, updated_at, unread_count
{
    return api::Thread { row.integer(0),   row.text(1),      row.integer(2),
                         row.timestamp(3), row.timestamp(4), int(row.integer(5)) };
}

const QString threadColumns
    = QStringLiteral("t.id, t.subject, t.case_id, t.created_at, t.updated_at, t.unread_count");

api::Message readMessage(const CacheRow &row) // id, sender_id, sender_name, content, created_at, is_read
{
    return api::Message { row.integer(0), api::PersonRef { row.integer(1), row.text(2) }, row.text(3),
                          row.timestamp(4), row.flag(5) };
}

// The case's current title wins over the one the object was fetched with (a renamed case).
const QString documentColumns
    = QStringLiteral("d.id, d.title, d.description, d.file_type, d.file_size, d.uploaded_at, d.case_id, "
                     "coalesce(c.title, d.case_title), d.download_url");

api::Document readDocument(const CacheRow &row)
{
    return api::Document { row.integer(0),
                           row.text(1),
                           row.text(2),
                           row.text(3),
                           row.integer(4),
                           row.timestamp(5),
                           api::CaseRef { row.integer(6), row.text(7) } };
}

const QString taskColumns = QStringLiteral(
    "t.id, t.title, t.description, t.status, t.due_date, t.case_id, coalesce(c.title, t.case_title)");

api::Task readTask(const CacheRow &row)
{
    return api::Task { row.integer(0), row.text(1), row.text(2),
                       row.text(3),    row.date(4), api::CaseRef { row.integer(5), row.text(6) } };
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1String("\\"), QLatin1String("\\\\"))
        .replace(QLatin1String("%"), QLatin1String("\\%"))
        .replace(QLatin1String("_"), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

CacheResult<std::optional<api::Profile>> ClientCache::profile()
{
    auto json = m_database->selectOne<QString>(QStringLiteral("SELECT json FROM profile WHERE id = 1"), {},
                                               [](const CacheRow &row) { return row.text(0); });
    if (!json)
        return json.error();
    if (!json->has_value())
        return std::optional<api::Profile>();
    auto profile = api::Profile::fromJson(QJsonDocument::fromJson((*json)->toUtf8()).object());
    if (!profile)
        return CacheError::make(CacheError::Kind::Corrupt,
                                QStringLiteral("the cached profile does not decode"));
    return profile;
}

CacheResult<QList<CachedCase>> ClientCache::cases(const CaseFilter &filter)
{
    QString order;
    switch (filter.sort) {
    case CaseSort::OpenDateNewest:
        order = QStringLiteral("open_date DESC, id DESC");
        break;
    case CaseSort::OpenDateOldest:
        order = QStringLiteral("open_date, id");
        break;
    case CaseSort::Title:
        order = QStringLiteral("title COLLATE NOCASE, id");
        break;
    case CaseSort::CaseNumber:
        order = QStringLiteral("case_number, id");
        break;
    case CaseSort::Status:
        order = QStringLiteral("status, open_date DESC, id DESC");
        break;
    }
    const QString text = filter.text.trimmed();
    const QString pattern = likePattern(text);
    return m_database->selectAll<CachedCase>(
        QStringLiteral("SELECT %1 FROM cases WHERE (? = '' OR status = ?) AND (? = '' OR case_type = ?) "
                       "AND (? = '' OR title LIKE ? ESCAPE '\\' OR case_number LIKE ? ESCAPE '\\' "
                       "OR description LIKE ? ESCAPE '\\') ORDER BY %2")
            .arg(caseColumns, order),
        // QSQLITE counts `?NNN` placeholders wrongly: each value is bound as often as it is used.
        { sqlText(filter.status), sqlText(filter.status), sqlText(filter.caseType), sqlText(filter.caseType),
          sqlText(text), pattern, pattern, pattern },
        readCase);
}

CacheResult<std::optional<CachedCase>> ClientCache::caseById(qint64 caseId)
{
    return m_database->selectOne<CachedCase>(
        QStringLiteral("SELECT %1 FROM cases WHERE id = ?").arg(caseColumns), { caseId }, readCase);
}

CacheResult<std::optional<CaseView>> ClientCache::caseDetail(qint64 caseId)
{
    auto found = caseById(caseId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return std::optional<CaseView>();
    CaseView view;
    view.detail.summary = (*found)->summary;
    view.detail.assignedAttorney = (*found)->assignedAttorney;

    auto documents = m_database->selectAll<api::CaseDocument>(
        QStringLiteral("SELECT id, title, file_type, uploaded_at FROM documents WHERE case_id = ? "
                       "ORDER BY uploaded_at, id"),
        { caseId }, [](const CacheRow &row) {
            return api::CaseDocument { row.integer(0), row.text(1), row.text(2), row.timestamp(3) };
        });
    if (!documents)
        return documents.error();
    view.detail.documents = documents.take();

    auto tasks = m_database->selectAll<api::CaseTask>(
        QStringLiteral("SELECT id, title, status, due_date FROM tasks WHERE case_id = ? "
                       "ORDER BY due_date IS NULL, due_date, id"),
        { caseId }, [](const CacheRow &row) {
            return api::CaseTask { row.integer(0), row.text(1), row.text(2), row.date(3) };
        });
    if (!tasks)
        return tasks.error();
    view.detail.tasks = tasks.take();

    auto threads = m_database->selectAll<api::Thread>(
        QStringLiteral("SELECT %1 FROM threads t WHERE t.case_id = ? ORDER BY t.updated_at DESC, t.id DESC")
            .arg(threadColumns),
        { caseId }, readThread);
    if (!threads)
        return threads.error();
    view.threads = threads.take();
    return std::optional<CaseView>(std::move(view));
}

CacheResult<QList<ThreadSummary>> ClientCache::threads(std::optional<qint64> caseId)
{
    const auto read = [](const CacheRow &row) { return ThreadSummary { readThread(row), row.text(6) }; };
    if (caseId) {
        return m_database->selectAll<ThreadSummary>(
            QStringLiteral(
                "SELECT %1, coalesce(c.title, '') FROM threads t LEFT JOIN cases c ON c.id = t.case_id "
                "WHERE t.case_id = ? ORDER BY t.updated_at DESC, t.id DESC")
                .arg(threadColumns),
            { *caseId }, read);
    }
    return m_database->selectAll<ThreadSummary>(
        QStringLiteral(
            "SELECT %1, coalesce(c.title, '') FROM threads t LEFT JOIN cases c ON c.id = t.case_id "
            "ORDER BY t.updated_at DESC, t.id DESC")
            .arg(threadColumns),
        {}, read);
}

CacheResult<std::optional<api::Thread>> ClientCache::thread(qint64 threadId)
{
    return m_database->selectOne<api::Thread>(
        QStringLiteral("SELECT %1 FROM threads t WHERE t.id = ?").arg(threadColumns), { threadId },
        readThread);
}

CacheResult<QList<api::Message>> ClientCache::messages(qint64 threadId, int limit)
{
    if (limit <= 0) {
        return m_database->selectAll<api::Message>(
            QStringLiteral("SELECT id, sender_id, sender_name, content, created_at, is_read FROM messages "
                           "WHERE thread_id = ? ORDER BY created_at, id"),
            { threadId }, readMessage);
    }
    auto newest = m_database->selectAll<api::Message>(
        QStringLiteral("SELECT id, sender_id, sender_name, content, created_at, is_read FROM messages "
                       "WHERE thread_id = ? ORDER BY created_at DESC, id DESC LIMIT ?"),
        { threadId, limit }, readMessage);
    if (newest)
        std::reverse(newest->begin(), newest->end());
    return newest;
}

CacheResult<QList<api::Document>> ClientCache::documents(std::optional<qint64> caseId)
{
    return m_database->selectAll<api::Document>(
        QStringLiteral("SELECT %1 FROM documents d LEFT JOIN cases c ON c.id = d.case_id "
                       "WHERE ? IS NULL OR d.case_id = ? ORDER BY d.uploaded_at DESC, d.id DESC")
            .arg(documentColumns),
        { caseId ? QVariant(*caseId) : sqlNull(), caseId ? QVariant(*caseId) : sqlNull() }, readDocument);
}

CacheResult<std::optional<api::DocumentDetail>> ClientCache::document(qint64 documentId)
{
    return m_database->selectOne<api::DocumentDetail>(
        QStringLiteral("SELECT %1 FROM documents d LEFT JOIN cases c ON c.id = d.case_id WHERE d.id = ?")
            .arg(documentColumns),
        { documentId }, [](const CacheRow &row) {
            return api::DocumentDetail { readDocument(row), row.text(8) };
        });
}

CacheResult<QList<api::Task>> ClientCache::tasks(std::optional<qint64> caseId)
{
    return m_database->selectAll<api::Task>(
        QStringLiteral("SELECT %1 FROM tasks t LEFT JOIN cases c ON c.id = t.case_id "
                       "WHERE ? IS NULL OR t.case_id = ? ORDER BY t.due_date IS NULL, t.due_date, t.id")
            .arg(taskColumns),
        { caseId ? QVariant(*caseId) : sqlNull(), caseId ? QVariant(*caseId) : sqlNull() }, readTask);
}

CacheResult<std::optional<api::Task>> ClientCache::task(qint64 taskId)
{
    return m_database->selectOne<api::Task>(
        QStringLiteral("SELECT %1 FROM tasks t LEFT JOIN cases c ON c.id = t.case_id WHERE t.id = ?")
            .arg(taskColumns),
        { taskId }, readTask);
}

CacheResult<QList<api::Notification>> ClientCache::notifications(int limit)
{
    return m_database->selectAll<api::Notification>(
        QStringLiteral(
            "SELECT id, notification_type, title, message, created_at, is_read, related_object_type, "
            "related_object_id FROM notifications ORDER BY created_at DESC, id DESC LIMIT ?"),
        { limit > 0 ? limit : -1 }, [](const CacheRow &row) {
            return api::Notification { row.integer(0),   row.text(1), row.text(2), row.text(3),
                                       row.timestamp(4), row.flag(5), row.text(6), row.optionalInteger(7) };
        });
}

CacheResult<UnreadTotals> ClientCache::unreadTotals()
{
    UnreadTotals totals;
    auto threads = m_database->exec(
        QStringLiteral("SELECT coalesce(sum(unread_count), 0), count(*) FILTER (WHERE unread_count > 0) "
                       "FROM threads"),
        {}, [&](const CacheRow &row) {
            totals.messages = int(row.integer(0));
            totals.threads = int(row.integer(1));
        });
    if (!threads)
        return threads.error();
    auto notifications
        = m_database->exec(QStringLiteral("SELECT count(*) FROM notifications WHERE is_read = 0"), {},
                           [&](const CacheRow &row) { totals.notifications = int(row.integer(0)); });
    if (!notifications)
        return notifications.error();
    return totals;
}

CacheResult<std::optional<QString>> ClientCache::syncValue(const QString &key)
{
    return m_database->selectOne<QString>(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"),
                                          { sqlText(key) }, [](const CacheRow &row) { return row.text(0); });
}

} // namespace portal::client
