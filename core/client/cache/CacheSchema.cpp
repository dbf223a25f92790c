#include "CacheSchema.h"

#include "CacheDatabase.h"

namespace portal::client {

namespace {

// Search rows are keyed by rowid = object id * 8 + the kind's code (SearchKind in CacheTypes.h), so keeping
// them in step costs one rowid lookup, and a hit says what it is without a join. The triggers keep them in
// step inside the same transaction as every write, whichever code path writes; the UPDATE triggers fire only
// when an indexed text changes (re-upserting 100,000 unchanged messages leaves the index alone).
QStringList searchTriggers(const QString &table, int code, const QString &titleSql, const QString &bodySql,
                           const QString &columns)
{
    const QString key = QStringLiteral("%1.id * 8 + %2");
    const QString insertRow
        = QStringLiteral("INSERT INTO search_index (rowid, title, body) VALUES (%1, %2, %3);")
              .arg(key.arg(QStringLiteral("new")).arg(code),
                   QString(titleSql).replace(QLatin1String("$"), QLatin1String("new.")),
                   QString(bodySql).replace(QLatin1String("$"), QLatin1String("new.")));
    const QString deleteRow = QStringLiteral("DELETE FROM search_index WHERE rowid = %1;")
                                  .arg(key.arg(QStringLiteral("old")).arg(code));
    QStringList changed;
    for (const QString &column : columns.split(QLatin1Char(','), Qt::SkipEmptyParts))
        changed << QStringLiteral("old.%1 IS NOT new.%1").arg(column.trimmed());
    return {
        QStringLiteral("CREATE TRIGGER %1_search_insert AFTER INSERT ON %1 BEGIN %2 END")
            .arg(table, insertRow),
        QStringLiteral("CREATE TRIGGER %1_search_update AFTER UPDATE OF %2 ON %1 WHEN %3 BEGIN %4 %5 END")
            .arg(table, columns, changed.join(QLatin1String(" OR ")), deleteRow, insertRow),
        QStringLiteral("CREATE TRIGGER %1_search_delete AFTER DELETE ON %1 BEGIN %2 END")
            .arg(table, deleteRow),
    };
}

QList<CacheMigration> makeMigrations()
{
    // Version 1: everything the API returns, the sync state, the outbox, downloaded files and the search
    // index. Server objects carry no foreign keys between each other: a delta page may bring a thread before
    // its case or a message before its thread (each object appears where its latest change falls), and the
    // writer deletes children explicitly. Local rows that only make sense with their object (a downloaded
    // file's record) do cascade. Ids from the server are positive: an id of 0 is a decoding slip, refused.
    QStringList v1 {
        QStringLiteral("CREATE TABLE profile (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL)"),
        QStringLiteral(R"(CREATE TABLE cases (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    title TEXT NOT NULL,
    case_number TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    open_date TEXT,
    description TEXT NOT NULL DEFAULT '',
    case_type TEXT NOT NULL DEFAULT '',
    attorney_id INTEGER,
    attorney_name TEXT,
    attorney_email TEXT))"),
        QStringLiteral(R"(CREATE TABLE threads (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    case_id INTEGER NOT NULL,
    subject TEXT NOT NULL,
    created_at INTEGER,
    updated_at INTEGER,
    unread_count INTEGER NOT NULL DEFAULT 0 CHECK (unread_count >= 0)))"),
        // The thread list, newest first; a case's threads.
        QStringLiteral("CREATE INDEX threads_by_update ON threads (updated_at, id)"),
        QStringLiteral("CREATE INDEX threads_by_case ON threads (case_id, updated_at)"),
        QStringLiteral(R"(CREATE TABLE messages (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    thread_id INTEGER NOT NULL CHECK (thread_id > 0),
    sender_id INTEGER NOT NULL DEFAULT 0,
    sender_name TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    created_at INTEGER,
    is_read INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1))))"),
        // A thread's messages in order; replacing or deleting a thread's messages.
        QStringLiteral("CREATE INDEX messages_by_thread ON messages (thread_id, created_at, id)"),
        QStringLiteral(R"(CREATE TABLE documents (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    case_id INTEGER NOT NULL,
    case_title TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    file_type TEXT NOT NULL DEFAULT '',
    file_size INTEGER NOT NULL DEFAULT 0,
    uploaded_at INTEGER,
    download_url TEXT NOT NULL DEFAULT ''))"),
        // A case detail's documents, oldest first; the document list, newest first.
        QStringLiteral("CREATE INDEX documents_by_case ON documents (case_id, uploaded_at)"),
        QStringLiteral("CREATE INDEX documents_by_upload ON documents (uploaded_at)"),
        QStringLiteral(R"(CREATE TABLE tasks (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    case_id INTEGER NOT NULL,
    case_title TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    due_date TEXT))"),
        // A case detail's tasks by due date.
        QStringLiteral("CREATE INDEX tasks_by_case ON tasks (case_id, due_date)"),
        QStringLiteral(R"(CREATE TABLE notifications (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    notification_type TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    created_at INTEGER,
    is_read INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1)),
    related_object_type TEXT,
    related_object_id INTEGER))"),
        // Newest first.
        QStringLiteral("CREATE INDEX notifications_by_time ON notifications (created_at, id)"),
        QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral(R"(CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('new_message', 'new_thread', 'upload', 'mark_thread_read',
                                       'mark_notification_read')),
    target_id INTEGER,
    payload TEXT NOT NULL,
    file_path TEXT,
    idempotency_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'failed', 'sent')),
    last_error TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    result_id INTEGER))"),
        // The next pending item in order; a conversation's unsent messages.
        QStringLiteral("CREATE INDEX outbox_by_state ON outbox (state, id)"),
        QStringLiteral("CREATE INDEX outbox_by_target ON outbox (target_id, kind)"),
        QStringLiteral(R"(CREATE TABLE document_files (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    local_path TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    etag TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    downloaded_at INTEGER NOT NULL))"),
        // "prefix" keeps 2- and 3-character prefixes in the index, so a short prefix query reads one list
        // instead of scanning every term that starts with it.
        QStringLiteral("CREATE VIRTUAL TABLE search_index USING fts5(title, body, "
                       "tokenize = \"unicode61 remove_diacritics 2\", prefix = '2 3')"),
    };
    v1 += searchTriggers(QStringLiteral("cases"), 1, QStringLiteral("$title"),
                         QStringLiteral("$description || ' ' || $case_number"),
                         QStringLiteral("title, description, case_number"));
    v1 += searchTriggers(QStringLiteral("threads"), 2, QStringLiteral("$subject"), QStringLiteral("''"),
                         QStringLiteral("subject"));
    v1 += searchTriggers(QStringLiteral("messages"), 3, QStringLiteral("''"), QStringLiteral("$content"),
                         QStringLiteral("content"));
    v1 += searchTriggers(QStringLiteral("documents"), 4, QStringLiteral("$title"),
                         QStringLiteral("$description"), QStringLiteral("title, description"));
    v1 += searchTriggers(QStringLiteral("tasks"), 5, QStringLiteral("$title"), QStringLiteral("$description"),
                         QStringLiteral("title, description"));
    v1 += searchTriggers(QStringLiteral("notifications"), 6, QStringLiteral("$title"),
                         QStringLiteral("$message"), QStringLiteral("title, message"));

    return {
        { 1, QStringLiteral("the API's objects, sync state, outbox, downloaded files, search index"), v1 },
        // A migration 2 goes here, and tst_cachemigrations gets a filler that writes version-1 data.
    };
}

} // namespace

const QList<CacheMigration> &cacheMigrations()
{
    static const QList<CacheMigration> migrations = makeMigrations();
    return migrations;
}

int latestCacheVersion()
{
    return cacheMigrations().isEmpty() ? 0 : cacheMigrations().constLast().version;
}

CacheResult<int> schemaVersion(CacheDatabase &database)
{
    int version = 0;
    auto read = database.exec(QStringLiteral("PRAGMA user_version"), {},
                              [&](const CacheRow &row) { version = int(row.integer(0)); });
    if (!read)
        return read.error();
    return version;
}

CacheResult<Done> upgradeSchema(CacheDatabase &database, int target)
{
    auto current = schemaVersion(database);
    if (!current)
        return current.error();
    if (*current > latestCacheVersion()) {
        return CacheError::make(
            CacheError::Kind::TooNew,
            QStringLiteral("the cache %1 is at schema version %2; this program knows versions up to %3")
                .arg(database.filePath())
                .arg(*current)
                .arg(latestCacheVersion()));
    }
    for (const CacheMigration &migration : cacheMigrations()) {
        if (migration.version <= *current || migration.version > target)
            continue;
        qCInfo(lcCache).noquote() << "migrating" << database.filePath() << "to version" << migration.version
                                  << "-" << migration.description;
        if (auto begun = database.begin(); !begun)
            return begun;
        for (const QString &statement : migration.statements) {
            if (auto done = database.execOnce(statement); !done) {
                database.rollback();
                return done;
            }
        }
        if (auto done = database.execOnce(QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
            !done) {
            database.rollback();
            return done;
        }
        if (auto committed = database.commit(); !committed)
            return committed;
    }
    return Done {};
}

} // namespace portal::client
