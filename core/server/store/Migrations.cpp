#include "Migrations.h"

#include "Database.h"
#include "SyncChanges.h"

#include <QDateTime>

namespace portal::store {

namespace {

// Migration 3. The backfill statements come from SyncChanges.cpp, which keeps what each kind of object is
// in one place; should those definitions change, the change needs a migration of its own.
QStringList changeLogStatements()
{
    QStringList statements {
        // The last seq handed out; one row, updated by every write transaction (see SyncChanges.h).
        QStringLiteral("CREATE TABLE sync_counter (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), "
                       "value BIGINT NOT NULL)"),
        QStringLiteral("INSERT INTO sync_counter (id, value) VALUES (1, 0)"),
        // One row per object a client sees, so the log stays as large as the data: a change moves the
        // object's row to a new seq; a deletion keeps it as a tombstone (deleted = 1). `user_id` is NULL
        // when all the client's users see the object, else the one who does (notifications, the profile).
        QStringLiteral(R"(CREATE TABLE sync_changes (
    kind TEXT NOT NULL CHECK (kind IN ('profile', 'case', 'thread', 'message', 'document', 'task', 'notification')),
    object_id BIGINT NOT NULL,
    client_id BIGINT NOT NULL REFERENCES clients (id),
    user_id BIGINT REFERENCES users (id),
    seq BIGINT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    PRIMARY KEY (kind, object_id)))"),
        // A page of the sync: the client's rows after a seq, in order.
        QStringLiteral("CREATE INDEX sync_changes_by_client ON sync_changes (client_id, seq)"),
        // Each seq names one change; and MAX(seq) for the counter is a lookup.
        QStringLiteral("CREATE UNIQUE INDEX sync_changes_by_seq ON sync_changes (seq)"),
    };
    return statements + sync::trackUntrackedStatements();
}

// The SQL is standard so that it runs on SQLite and PostgreSQL alike: INTEGER, BIGINT and TEXT only;
// timestamps and dates as sortable ISO 8601 text (see SqlRow.h); flags as INTEGER 0/1 with a CHECK.
// Every index serves a WHERE or ORDER BY of a repository query, named in its comment.
QList<Migration> allMigrations()
{
    return {
        { 1,
          QStringLiteral(
              "the client portal: clients, users, cases, documents, tasks, messages, notifications"),
          {
              QStringLiteral(R"(CREATE TABLE clients (
    id {id_column},
    company_name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT ''))"),
              QStringLiteral(R"(CREATE TABLE users (
    id {id_column},
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('client', 'attorney', 'admin')),
    client_id BIGINT REFERENCES clients (id),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    CHECK (role <> 'client' OR client_id IS NOT NULL)))"),
              QStringLiteral(R"(CREATE TABLE cases (
    id {id_column},
    client_id BIGINT NOT NULL REFERENCES clients (id),
    assigned_attorney_id BIGINT REFERENCES users (id),
    title TEXT NOT NULL,
    case_number TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    open_date TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    case_type TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL))"),
              // The case list and every "is this the caller's case" join.
              QStringLiteral("CREATE INDEX cases_by_client ON cases (client_id)"),
              QStringLiteral(R"(CREATE TABLE documents (
    id {id_column},
    case_id BIGINT NOT NULL REFERENCES cases (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    file_type TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    storage_name TEXT NOT NULL UNIQUE,
    file_size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by BIGINT REFERENCES users (id)))"),
              // The documents of a case detail, oldest first; the document list's join.
              QStringLiteral("CREATE INDEX documents_by_case ON documents (case_id, uploaded_at)"),
              QStringLiteral(R"(CREATE TABLE tasks (
    id {id_column},
    case_id BIGINT NOT NULL REFERENCES cases (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    due_date TEXT,
    updated_at TEXT NOT NULL))"),
              // The tasks of a case detail by due date; the task list's join.
              QStringLiteral("CREATE INDEX tasks_by_case ON tasks (case_id, due_date)"),
              QStringLiteral(R"(CREATE TABLE threads (
    id {id_column},
    case_id BIGINT NOT NULL REFERENCES cases (id),
    subject TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id)))"),
              // The thread list's join, newest first.
              QStringLiteral("CREATE INDEX threads_by_case ON threads (case_id, updated_at)"),
              QStringLiteral(R"(CREATE TABLE messages (
    id {id_column},
    thread_id BIGINT NOT NULL REFERENCES threads (id),
    sender_id BIGINT NOT NULL REFERENCES users (id),
    content TEXT NOT NULL,
    created_at TEXT NOT NULL))"),
              // A thread's messages in order, and the unread counts of the thread list.
              QStringLiteral("CREATE INDEX messages_by_thread ON messages (thread_id, created_at)"),
              // The primary key answers "has this user read this message".
              QStringLiteral(R"(CREATE TABLE message_reads (
    message_id BIGINT NOT NULL REFERENCES messages (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    read_at TEXT NOT NULL,
    PRIMARY KEY (message_id, user_id)))"),
              QStringLiteral(R"(CREATE TABLE notifications (
    id {id_column},
    user_id BIGINT NOT NULL REFERENCES users (id),
    notification_type TEXT NOT NULL,
    title TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    is_read INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1)),
    related_object_type TEXT,
    related_object_id BIGINT))"),
              // A user's notifications, newest first.
              QStringLiteral("CREATE INDEX notifications_by_user ON notifications (user_id, created_at)"),
              // The primary key makes blacklisting a refresh token atomic: the second use is a duplicate.
              QStringLiteral(R"(CREATE TABLE token_blacklist (
    jti TEXT NOT NULL PRIMARY KEY,
    expires_at TEXT NOT NULL))"),
              // purgeExpired().
              QStringLiteral("CREATE INDEX token_blacklist_by_expiry ON token_blacklist (expires_at)"),
          } },
        { 2,
          QStringLiteral("events and their webhook outbox"),
          {
              // One row per write that matters (message.created, document.uploaded, task.assigned,
              // case.updated), inserted in the write's own transaction. `data` is the webhook payload's
              // "data" object as compact JSON.
              QStringLiteral(R"(CREATE TABLE events (
    id {id_column},
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    client_id BIGINT NOT NULL REFERENCES clients (id),
    actor_user_id BIGINT REFERENCES users (id),
    created_at TEXT NOT NULL))"),
              // The push channel and the staff views read events after a cursor.
              QStringLiteral("CREATE INDEX events_by_client ON events (client_id, id)"),
              // Endpoints registered by the administrator. `events` is a comma-separated list of event
              // types, or '*' for all. During a secret rotation `previous_secret` signs too, until it
              // expires.
              QStringLiteral(R"(CREATE TABLE webhook_endpoints (
    id {id_column},
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_expires_at TEXT,
    events TEXT NOT NULL DEFAULT '*',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL))"),
              // The durable outbox: one delivery per (event, subscribed endpoint), inserted with the event.
              // `id` is the X-Portal-Delivery UUID, the same on every attempt. state: pending, delivered,
              // failed (gave up after the retry window).
              QStringLiteral(R"(CREATE TABLE webhook_deliveries (
    id TEXT NOT NULL PRIMARY KEY,
    endpoint_id BIGINT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id BIGINT NOT NULL REFERENCES events (id),
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    finished_at TEXT))"),
              // The dispatcher's "what is due" query.
              QStringLiteral(
                  "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at)"),
              // Every attempt, for `portal-server webhook deliveries`.
              QStringLiteral(R"(CREATE TABLE webhook_attempts (
    id {id_column},
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at TEXT NOT NULL,
    status_code INTEGER,
    duration_ms INTEGER NOT NULL,
    error TEXT NOT NULL DEFAULT ''))"),
              QStringLiteral(
                  "CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id)"),
          } },
        { 3, QStringLiteral("the change log of the delta sync"), changeLogStatements() },
        { 4,
          QStringLiteral("idempotency keys of POST requests"),
          {
              // One row per (user, Idempotency-Key) whose POST succeeded, inserted in the write's own
              // transaction; the answer is kept to be replayed. `request_hash` is the SHA-256 (hex) of the
              // method, path, query and body, to refuse the same key for another request.
              QStringLiteral(R"(CREATE TABLE idempotency_keys (
    user_id BIGINT NOT NULL REFERENCES users (id),
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)))"),
              // purgeExpired().
              QStringLiteral("CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at)"),
          } },
        { 5,
          QStringLiteral("several servers on one database: shared limit counts, webhook delivery claims"),
          {
              // The rate limits' counts (LimitCounts.h), one row per user, both windows in it so that one
              // statement decides and counts. Counts are worth nothing after a crash: on PostgreSQL the
              // table is UNLOGGED (no WAL, emptied by crash recovery), which makes counting cheap. No
              // foreign key: a count may outlive its user for the hour it matters.
              QStringLiteral(R"(CREATE {unlogged} TABLE rate_limit_counts (
    user_id BIGINT NOT NULL PRIMARY KEY,
    minute_start BIGINT NOT NULL,
    minute_count INTEGER NOT NULL,
    hour_start BIGINT NOT NULL,
    hour_count INTEGER NOT NULL))"),
              // The sign-in throttle's failures by subject ("user:NAME", "address:ADDR").
              QStringLiteral(R"(CREATE {unlogged} TABLE login_failures (
    subject TEXT NOT NULL PRIMARY KEY,
    window_start BIGINT NOT NULL,
    failures INTEGER NOT NULL))"),
              // purgeExpired().
              QStringLiteral("CREATE INDEX login_failures_by_start ON login_failures (window_start)"),
              // A server that takes a due delivery claims it until then (ISO 8601, like every timestamp),
              // so that no other server sends it meanwhile; NULL when nobody does (WebhookOutbox.h).
              QStringLiteral("ALTER TABLE webhook_deliveries ADD COLUMN claimed_until TEXT"),
          } },
    };
}

Result<Done> createVersionTable(Database &database)
{
    return database.execSchema(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER "
                                              "PRIMARY KEY, applied_at TEXT NOT NULL)"));
}

Result<Done> apply(Database &database, const Migration &migration)
{
    return database.inTransaction(Database::Access::Write, [&]() -> Result<Done> {
        // Another process may have applied it since we looked; the write lock makes this check final.
        // PostgreSQL's transactions take no such lock by themselves: the version table's lock serialises
        // migrating processes (readers go on).
        if (database.dialect() == Database::Dialect::PostgreSQL) {
            if (auto locked
                = database.exec(QStringLiteral("LOCK TABLE schema_migrations IN SHARE ROW EXCLUSIVE MODE"));
                !locked)
                return locked.error();
        }
        auto applied = database.exists(QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = ?"),
                                       { migration.version });
        if (!applied)
            return applied.error();
        if (*applied)
            return Done {};
        for (const QString &statement : migration.statements) {
            if (auto done = database.execSchema(statement); !done)
                return done.error();
        }
        return database.exec(
            QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"),
            { migration.version, sqlTimestamp(QDateTime::currentDateTimeUtc()) });
    });
}

} // namespace

const QList<Migration> &schemaMigrations()
{
    static const QList<Migration> migrations = allMigrations();
    return migrations;
}

Result<int> appliedSchemaVersion(Database &database)
{
    if (auto created = createVersionTable(database); !created)
        return created.error();
    return database.selectOne<int>(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"),
                                   {}, [](const SqlRow &row) { return int(row.integer(0)); });
}

Result<Done> migrate(Database &database, const QList<Migration> &migrations)
{
    for (qsizetype i = 1; i < migrations.size(); ++i)
        Q_ASSERT_X(migrations.at(i - 1).version < migrations.at(i).version, "migrate",
                   "versions must increase");

    auto current = appliedSchemaVersion(database);
    if (!current)
        return current.error();
    const int newest = migrations.isEmpty() ? 0 : migrations.constLast().version;
    if (*current > newest) {
        return StoreError::failure(
            QStringLiteral("the database has schema version %1, newer than this build's newest (%2): it was "
                           "written by a newer portal-server; use that one, or restore a backup")
                .arg(*current)
                .arg(newest));
    }
    for (const Migration &migration : migrations) {
        if (migration.version <= *current)
            continue;
        if (auto applied = apply(database, migration); !applied) {
            return StoreError::failure(QStringLiteral("migration %1 (%2) failed: %3")
                                           .arg(migration.version)
                                           .arg(migration.description, applied.error().message));
        }
        qCInfo(lcStore) << "applied migration" << migration.version << migration.description;
    }
    return Done {};
}

} // namespace portal::store
