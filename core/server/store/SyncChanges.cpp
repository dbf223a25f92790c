#include "SyncChanges.h"

#include "Database.h"

namespace portal::store::sync {

namespace {

// Every new seq is above all present ones (the counter is their maximum), so the UNIQUE index on seq never
// conflicts; ON CONFLICT is about the object's own row. "WHERE 1 = 1" resolves SQLite's parsing ambiguity
// of INSERT ... SELECT ... ON CONFLICT (the ON could belong to a join).
QString upsertSql(Kind kind, const QString &selectSql)
{
    return QStringLiteral(
               "INSERT INTO sync_changes (kind, object_id, client_id, user_id, seq, deleted) "
               "SELECT '%1', s.object_id, s.client_id, s.user_id, "
               "(SELECT value FROM sync_counter WHERE id = 1) + ROW_NUMBER() OVER (ORDER BY s.object_id), 0 "
               "FROM (%2) AS s WHERE 1 = 1 "
               "ON CONFLICT (kind, object_id) DO UPDATE SET seq = excluded.seq, client_id = "
               "excluded.client_id, "
               "user_id = excluded.user_id, deleted = 0")
        .arg(kindName(kind), selectSql);
}

// The counter follows the rows: their largest seq (an index lookup, thanks to the UNIQUE index).
const QString kAdvanceCounter = QStringLiteral(
    "UPDATE sync_counter SET value = (SELECT COALESCE(MAX(seq), 0) FROM sync_changes) WHERE id = 1");

// What each kind of object is, and who sees it, as the columns touch() wants.
QString everyObjectOf(Kind kind)
{
    switch (kind) {
    case Kind::Profile:
        return QStringLiteral(
            "SELECT u.id AS object_id, u.client_id AS client_id, u.id AS user_id FROM users u "
            "WHERE u.role = 'client' AND u.client_id IS NOT NULL");
    case Kind::Case:
        return QStringLiteral("SELECT c.id AS object_id, c.client_id AS client_id, CAST(NULL AS BIGINT) AS "
                              "user_id FROM cases c");
    case Kind::Thread:
        return QStringLiteral("SELECT t.id AS object_id, c.client_id AS client_id, CAST(NULL AS BIGINT) AS "
                              "user_id FROM threads t JOIN cases c ON c.id = t.case_id");
    case Kind::Message:
        return QStringLiteral("SELECT m.id AS object_id, c.client_id AS client_id, CAST(NULL AS BIGINT) AS "
                              "user_id FROM messages m JOIN threads t ON t.id = m.thread_id "
                              "JOIN cases c ON c.id = t.case_id");
    case Kind::Document:
        return QStringLiteral("SELECT d.id AS object_id, c.client_id AS client_id, CAST(NULL AS BIGINT) AS "
                              "user_id FROM documents d JOIN cases c ON c.id = d.case_id");
    case Kind::Task:
        return QStringLiteral("SELECT k.id AS object_id, c.client_id AS client_id, CAST(NULL AS BIGINT) AS "
                              "user_id FROM tasks k JOIN cases c ON c.id = k.case_id");
    case Kind::Notification:
        return QStringLiteral(
            "SELECT n.id AS object_id, u.client_id AS client_id, n.user_id AS user_id "
            "FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.client_id IS NOT NULL");
    }
    Q_UNREACHABLE();
}

} // namespace

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Profile:
        return QStringLiteral("profile");
    case Kind::Case:
        return QStringLiteral("case");
    case Kind::Thread:
        return QStringLiteral("thread");
    case Kind::Message:
        return QStringLiteral("message");
    case Kind::Document:
        return QStringLiteral("document");
    case Kind::Task:
        return QStringLiteral("task");
    case Kind::Notification:
        return QStringLiteral("notification");
    }
    Q_UNREACHABLE();
}

Result<Done> touch(Database &database, Kind kind, const QString &selectSql, const QVariantList &values)
{
    if (auto done = database.exec(upsertSql(kind, selectSql), values); !done)
        return done;
    return database.exec(kAdvanceCounter);
}

Result<Done> touchOne(Database &database, Kind kind, qint64 objectId, qint64 clientId,
                      std::optional<qint64> userId)
{
    static const QString one = QStringLiteral("SELECT CAST(? AS BIGINT) AS object_id, CAST(? AS BIGINT) AS "
                                              "client_id, CAST(? AS BIGINT) AS user_id");
    return touch(database, kind, one, { objectId, clientId, sqlOptionalInteger(userId) });
}

Result<Done> markDeleted(Database &database, Kind kind, qint64 objectId)
{
    auto moved = database.exec(QStringLiteral("UPDATE sync_changes SET deleted = 1, "
                                              "seq = (SELECT value FROM sync_counter WHERE id = 1) + 1 "
                                              "WHERE kind = ? AND object_id = ?"),
                               { kindName(kind), objectId });
    if (!moved)
        return moved;
    return database.exec(kAdvanceCounter);
}

QStringList trackUntrackedStatements()
{
    QStringList statements;
    for (const Kind kind : { Kind::Profile, Kind::Case, Kind::Thread, Kind::Message, Kind::Document,
                             Kind::Task, Kind::Notification }) {
        const QString untracked
            = QStringLiteral(
                  "SELECT o.object_id, o.client_id, o.user_id FROM (%1) AS o WHERE NOT EXISTS "
                  "(SELECT 1 FROM sync_changes x WHERE x.kind = '%2' AND x.object_id = o.object_id)")
                  .arg(everyObjectOf(kind), kindName(kind));
        statements << upsertSql(kind, untracked) << kAdvanceCounter;
    }
    return statements;
}

} // namespace portal::store::sync
