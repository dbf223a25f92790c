// The delta sync's read side: a page of the caller's change log (SyncChanges.h), then one query per kind of
// object for all the page's objects of that kind, so a page of thousands of objects costs a handful of
// queries. Each query reads the objects whose log rows lie in the page's range of seq, rather than a list of
// ids, and repeats the client check of the list endpoints' queries, whose shapes it gives.
#include "Database.h"
#include "SqlRepositories.h"
#include "SyncChanges.h"

namespace portal::store {

namespace {

// The page's objects of one kind, as a condition on `idColumn`. Binds: client, after, end, user.
QString inPage(const char *idColumn, sync::Kind kind)
{
    return QStringLiteral(
               "%1 IN (SELECT s.object_id FROM sync_changes s WHERE s.client_id = ? AND s.kind = '%2' "
               "AND s.seq > ? AND s.seq <= ? AND s.deleted = 0 AND (s.user_id IS NULL OR s.user_id = ?))")
        .arg(QLatin1StringView(idColumn), sync::kindName(kind));
}

struct LogRow
{
    QString kind;
    qint64 objectId = 0;
    qint64 seq = 0;
    bool deleted = false;
};

} // namespace

Result<SyncBatch> SqlSync::changes(const Caller &caller, qint64 after, int limit)
{
    // One read transaction: the page and its objects are one snapshot, and the counter read in it is a seq
    // below which every change is committed (writers update the counter in their own transaction).
    return m_database.inTransaction(Database::Access::Read, [&]() -> Result<SyncBatch> {
        auto counter
            = m_database.selectOne<qint64>(QStringLiteral("SELECT value FROM sync_counter WHERE id = 1"), {},
                                           [](const SqlRow &row) { return row.integer(0); });
        if (!counter)
            return counter.error();
        if (after > *counter)
            return StoreError::invalid(
                QStringLiteral("since"),
                QStringLiteral("This cursor is not of this server's data; sync from the start."));

        static const QString logSql = QStringLiteral(
            "SELECT kind, object_id, seq, deleted FROM sync_changes WHERE client_id = ? AND seq > ? "
            "AND (user_id IS NULL OR user_id = ?) ORDER BY seq LIMIT ?");
        auto rows = m_database.selectAll<LogRow>(
            logSql, { caller.clientId, after, caller.userId, limit + 1 }, [](const SqlRow &row) {
                return LogRow { row.text(0), row.integer(1), row.integer(2), row.flag(3) };
            });
        if (!rows)
            return rows.error();

        SyncBatch batch;
        batch.page.hasMore = rows->size() > limit;
        if (batch.page.hasMore)
            rows->resize(limit);
        // A last page ends at the counter: the caller's next request then skips the other clients' changes
        // made up to now.
        const qint64 end = batch.page.hasMore ? rows->constLast().seq : *counter;
        batch.position = end;

        QSet<QString> kinds;
        api::SyncDeletions &deleted = batch.page.deleted;
        for (const LogRow &row : std::as_const(*rows)) {
            if (!row.deleted) {
                kinds.insert(row.kind);
                continue;
            }
            using K = sync::Kind;
            const QHash<QString, QList<qint64> *> lists {
                { sync::kindName(K::Case), &deleted.cases },
                { sync::kindName(K::Thread), &deleted.threads },
                { sync::kindName(K::Message), &deleted.messages },
                { sync::kindName(K::Document), &deleted.documents },
                { sync::kindName(K::Task), &deleted.tasks },
                { sync::kindName(K::Notification), &deleted.notifications },
            };
            if (QList<qint64> *list = lists.value(row.kind))
                list->append(row.objectId);
        }
        const QVariantList range { caller.clientId, after, end, caller.userId };
        const auto wanted = [&](sync::Kind kind) { return kinds.contains(sync::kindName(kind)); };
        api::SyncPage &page = batch.page;

        if (wanted(sync::Kind::Profile)) {
            auto profile = m_users.profile(caller);
            if (!profile && profile.error().kind != StoreError::Kind::NotFound)
                return profile.error();
            if (profile)
                page.profile = profile.take();
        }
        if (wanted(sync::Kind::Case)) {
            static const QString sql
                = QStringLiteral(
                      "SELECT %1, a.id, a.first_name, a.last_name, a.username, a.email FROM cases c "
                      "LEFT JOIN users a ON a.id = c.assigned_attorney_id WHERE c.client_id = ? AND %2 "
                      "ORDER BY c.id")
                      .arg(QLatin1StringView(kCaseColumns), inPage("c.id", sync::Kind::Case));
            auto cases = m_database.selectAll<api::SyncCase>(
                sql, QVariantList { caller.clientId } + range, [](const SqlRow &row) {
                    api::SyncCase item { readCase(row), std::nullopt };
                    constexpr int a = kCaseColumnCount;
                    if (const auto id = row.optionalInteger(a))
                        item.assignedAttorney = api::Attorney { *id, row.personName(a + 1), row.text(a + 4) };
                    return item;
                });
            if (!cases)
                return cases.error();
            page.cases = cases.take();
        }
        if (wanted(sync::Kind::Thread)) {
            // As the thread list: unread_count counts others' messages the caller has not read.
            static const QString sql
                = QStringLiteral(
                      "SELECT t.id, t.subject, t.case_id, t.created_at, t.updated_at, "
                      "(SELECT COUNT(*) FROM messages m WHERE m.thread_id = t.id AND m.sender_id <> ? "
                      "AND NOT EXISTS (SELECT 1 FROM message_reads r WHERE r.message_id = m.id AND r.user_id "
                      "= ?)) "
                      "FROM threads t JOIN cases c ON c.id = t.case_id WHERE c.client_id = ? AND %1 ORDER BY "
                      "t.id")
                      .arg(inPage("t.id", sync::Kind::Thread));
            auto threads = m_database.selectAll<api::Thread>(
                sql, QVariantList { caller.userId, caller.userId, caller.clientId } + range,
                [](const SqlRow &row) {
                    return api::Thread { row.integer(0),   row.text(1),      row.integer(2),
                                         row.timestamp(3), row.timestamp(4), int(row.integer(5)) };
                });
            if (!threads)
                return threads.error();
            page.threads = threads.take();
        }
        if (wanted(sync::Kind::Message)) {
            // As a thread detail: one's own message is read once someone else read it, another's once the
            // caller did.
            static const QString sql
                = QStringLiteral("SELECT m.id, m.sender_id, u.first_name, u.last_name, u.username, "
                                 "m.content, m.created_at, "
                                 "CASE WHEN m.sender_id = ? "
                                 "THEN EXISTS (SELECT 1 FROM message_reads r WHERE r.message_id = m.id AND "
                                 "r.user_id <> m.sender_id) "
                                 "ELSE EXISTS (SELECT 1 FROM message_reads r WHERE r.message_id = m.id AND "
                                 "r.user_id = ?) END, "
                                 "m.thread_id FROM messages m JOIN users u ON u.id = m.sender_id "
                                 "JOIN threads t ON t.id = m.thread_id JOIN cases c ON c.id = t.case_id "
                                 "WHERE c.client_id = ? AND %1 ORDER BY m.id")
                      .arg(inPage("m.id", sync::Kind::Message));
            auto messages = m_database.selectAll<api::SyncMessage>(
                sql, QVariantList { caller.userId, caller.userId, caller.clientId } + range,
                [](const SqlRow &row) {
                    return api::SyncMessage { { row.integer(0),
                                                { row.integer(1), row.personName(2) },
                                                row.text(5),
                                                row.timestamp(6),
                                                row.flag(7) },
                                              row.integer(8) };
                });
            if (!messages)
                return messages.error();
            page.messages = messages.take();
        }
        if (wanted(sync::Kind::Document)) {
            static const QString sql
                = QStringLiteral(
                      "SELECT d.id, d.title, d.description, d.file_type, d.file_size, d.uploaded_at, "
                      "c.id, c.title FROM documents d JOIN cases c ON c.id = d.case_id "
                      "WHERE c.client_id = ? AND %1 ORDER BY d.id")
                      .arg(inPage("d.id", sync::Kind::Document));
            auto documents = m_database.selectAll<api::Document>(
                sql, QVariantList { caller.clientId } + range, [](const SqlRow &row) {
                    return api::Document { row.integer(0), row.text(1),      row.text(2),   row.text(3),
                                           row.integer(4), row.timestamp(5), row.caseRef(6) };
                });
            if (!documents)
                return documents.error();
            page.documents = documents.take();
        }
        if (wanted(sync::Kind::Task)) {
            static const QString sql
                = QStringLiteral("SELECT k.id, k.title, k.description, k.status, k.due_date, c.id, c.title "
                                 "FROM tasks k JOIN cases c ON c.id = k.case_id WHERE c.client_id = ? AND %1 "
                                 "ORDER BY k.id")
                      .arg(inPage("k.id", sync::Kind::Task));
            auto tasks = m_database.selectAll<api::Task>(
                sql, QVariantList { caller.clientId } + range, [](const SqlRow &row) {
                    return api::Task { row.integer(0), row.text(1), row.text(2),
                                       row.text(3),    row.date(4), row.caseRef(5) };
                });
            if (!tasks)
                return tasks.error();
            page.tasks = tasks.take();
        }
        if (wanted(sync::Kind::Notification)) {
            static const QString sql
                = QStringLiteral("SELECT id, notification_type, title, message, created_at, is_read, "
                                 "related_object_type, related_object_id FROM notifications n "
                                 "WHERE n.user_id = ? AND %1 ORDER BY n.id")
                      .arg(inPage("n.id", sync::Kind::Notification));
            auto notifications = m_database.selectAll<api::Notification>(
                sql, QVariantList { caller.userId } + range, [](const SqlRow &row) {
                    return api::Notification { row.integer(0), row.text(1),           row.text(2),
                                               row.text(3),    row.timestamp(4),      row.flag(5),
                                               row.text(6),    row.optionalInteger(7) };
                });
            if (!notifications)
                return notifications.error();
            page.notifications = notifications.take();
        }
        return batch;
    });
}

} // namespace portal::store
