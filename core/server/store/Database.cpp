#include "Database.h"

#include <QObject>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrlQuery>
#include <atomic>

Q_LOGGING_CATEGORY(lcStore, "portal.store", QtWarningMsg)

namespace portal::store {

namespace {

// QSqlDatabase keeps connections in a process-wide registry by name; one name per Database lets several
// stores (tests, an import next to a running server) live in one process.
QString uniqueConnectionName()
{
    static std::atomic<int> counter = 0;
    return QStringLiteral("portal.store.%1").arg(++counter);
}

QString savepointName(int depth)
{
    return QStringLiteral("nested_%1").arg(depth);
}

} // namespace

// ---- Transaction -----------------------------------------------------------------------------------------

Transaction::Transaction(Transaction &&other) noexcept
    : m_database(std::exchange(other.m_database, nullptr))
    , m_depth(other.m_depth)
{ }

Transaction::~Transaction()
{
    rollback();
}

Result<Done> Transaction::commit()
{
    if (!m_database)
        return StoreError::failure(QStringLiteral("commit of a transaction that has already ended"));
    Q_ASSERT_X(m_depth == m_database->m_transactionDepth, "Transaction::commit",
               "transactions end in reverse order");
    if (m_depth == 1 && m_database->m_ownWrites != m_database->m_ownWritesAtBegin) {
        if (auto notified = m_database->notifyChange(); !notified) {
            rollback();
            return notified.error();
        }
    }
    const QString sql = m_depth == 1 ? QStringLiteral("COMMIT")
                                     : QStringLiteral("RELEASE SAVEPOINT %1").arg(savepointName(m_depth));
    if (auto committed = m_database->exec(sql); !committed) {
        rollback(); // a failed COMMIT (a busy or full disk) leaves the transaction open
        return committed.error();
    }
    m_database->m_transactionDepth = m_depth - 1;
    // What the committed savepoint would have undone now belongs to the transaction around it.
    auto &actions = m_database->m_rollbackActions;
    if (m_depth == 1)
        actions.clear();
    for (auto &[depth, undo] : actions) {
        if (depth == m_depth)
            depth = m_depth - 1;
    }
    m_database = nullptr;
    return Done {};
}

void Transaction::rollback()
{
    if (!m_database)
        return;
    Q_ASSERT_X(m_depth == m_database->m_transactionDepth, "Transaction::rollback",
               "transactions end in reverse order");
    if (m_depth == 1) {
        // Errors are logged by exec(); there is nothing else to do about them here. SQLite may already have
        // rolled back by itself after some errors, which makes this ROLLBACK fail harmlessly.
        (void)m_database->exec(QStringLiteral("ROLLBACK"));
    } else {
        (void)m_database->exec(QStringLiteral("ROLLBACK TO SAVEPOINT %1").arg(savepointName(m_depth)));
        (void)m_database->exec(QStringLiteral("RELEASE SAVEPOINT %1").arg(savepointName(m_depth)));
    }
    m_database->m_transactionDepth = m_depth - 1;
    // Newest first, as the database undid its statements.
    auto &actions = m_database->m_rollbackActions;
    while (!actions.empty() && actions.back().first >= m_depth) {
        const auto undo = std::move(actions.back().second);
        actions.pop_back();
        undo();
    }
    m_database = nullptr;
}

// ---- Database --------------------------------------------------------------------------------------------

Database::Database(const QString &connectionName, Dialect dialect)
    : m_connectionName(connectionName)
    , m_dialect(dialect)
{ }

Database::~Database()
{
    // Statements first: removeDatabase() warns about, and invalidates, queries still alive.
    m_prepared.clear();
    m_connection.close();
    m_connection = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::openSqlite(const QString &filePath)
{
    const QString driver = QStringLiteral("QSQLITE");
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        return StoreError::failure(
            QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed (Debian: libqt6sql6-sqlite)"));
    }
    std::unique_ptr<Database> database(new Database(uniqueConnectionName(), Dialect::SQLite));
    database->m_connection = QSqlDatabase::addDatabase(driver, database->m_connectionName);
    database->m_connection.setDatabaseName(filePath);
    // Another connection (a command-line import next to the running server) may hold the write lock for a
    // moment: wait for it instead of failing at once.
    database->m_connection.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database->m_connection.open()) {
        const QString reason = database->m_connection.lastError().text();
        qCWarning(lcStore).noquote() << "cannot open" << filePath << ":" << reason;
        return StoreError::failure(QStringLiteral("cannot open the database %1: %2").arg(filePath, reason));
    }
    if (auto configured = database->configureSqlite(); !configured)
        return configured.error();
    return database;
}

bool Database::isPostgresUrl(const QUrl &url)
{
    return url.scheme() == QLatin1String("postgresql") || url.scheme() == QLatin1String("postgres");
}

QString Database::displayUrl(const QUrl &url)
{
    return url.toString(QUrl::RemovePassword);
}

QString Database::libpqQuoted(const QString &value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QStringList Database::libpqParameters(const QUrl &url)
{
    QStringList parameters;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        parameters.append(QStringLiteral("%1=%2").arg(key, libpqQuoted(value)));
    return parameters;
}

Result<std::unique_ptr<Database>> Database::openPostgres(const QUrl &url)
{
    const QString driver = QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        return StoreError::failure(
            QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)"));
    }
    const QString databaseName = url.path(QUrl::FullyDecoded).mid(1);
    if (!url.isValid() || !isPostgresUrl(url) || url.host().isEmpty() || databaseName.isEmpty()
        || databaseName.contains(QLatin1Char('/'))) {
        return StoreError::failure(
            QStringLiteral(
                "%1 is not a PostgreSQL URL of the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE")
                .arg(displayUrl(url)));
    }
    std::unique_ptr<Database> database(new Database(uniqueConnectionName(), Dialect::PostgreSQL));
    QSqlDatabase &connection = database->m_connection;
    connection = QSqlDatabase::addDatabase(driver, database->m_connectionName);
    connection.setHostName(url.host(QUrl::FullyDecoded));
    connection.setPort(url.port(5432));
    connection.setDatabaseName(databaseName);
    connection.setUserName(url.userName(QUrl::FullyDecoded));
    connection.setPassword(url.password(QUrl::FullyDecoded));
    // QPSQL hands "key=value;..." to libpq with the semicolons made spaces.
    connection.setConnectOptions(libpqParameters(url).join(QLatin1Char(';')));
    if (!connection.open()) {
        const QString reason = connection.lastError().text();
        qCWarning(lcStore).noquote() << "cannot connect to" << displayUrl(url) << ":" << reason;
        return StoreError::failure(
            QStringLiteral("cannot connect to the database %1: %2").arg(displayUrl(url), reason));
    }
    if (auto configured = database->configurePostgres(); !configured)
        return configured.error();
    return database;
}

Result<Done> Database::configurePostgres()
{
    // Notices ("relation already exists, skipping") would go to standard error.
    if (auto quiet = exec(QStringLiteral("SET client_min_messages TO warning")); !quiet)
        return quiet.error();
    QSqlDriver *driver = m_connection.driver();
    m_listening = driver->subscribeToNotification(QString::fromLatin1(kChangeChannel));
    if (m_listening) {
        // The driver lives as long as the connection, which this Database owns: `this` outlives it. Own
        // notifications are counted already (m_ownWrites). Delivered by the event loop (a socket notifier).
        QObject::connect(driver, &QSqlDriver::notification, driver,
                         [this](const QString &, QSqlDriver::NotificationSource source, const QVariant &) {
                             if (source == QSqlDriver::SelfSource)
                                 return;
                             ++m_othersVersion;
                             for (const auto &listener : m_othersCommittedListeners)
                                 listener();
                         });
    } else {
        qCWarning(lcStore) << "cannot LISTEN for other processes' changes:" << driver->lastError().text()
                           << "- cached answers then live at most" << kOthersCheckMs << "ms";
    }
    return Done {};
}

void Database::onOthersCommitted(std::function<void()> listener)
{
    m_othersCommittedListeners.push_back(std::move(listener));
}

Result<Done> Database::notifyChange()
{
    if (m_dialect != Dialect::PostgreSQL)
        return Done {};
    return exec(QStringLiteral("NOTIFY %1").arg(QString::fromLatin1(kChangeChannel)));
}

Result<Done> Database::configureSqlite()
{
    // WAL lets the readers go on while one connection writes. In WAL mode synchronous=NORMAL cannot corrupt
    // the database; a power loss may only lose the last commits, for much cheaper commits.
    QString journalMode;
    auto walSet = exec(QStringLiteral("PRAGMA journal_mode=WAL"), {},
                       [&](const SqlRow &row) { journalMode = row.text(0); });
    if (!walSet)
        return walSet.error();
    if (journalMode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        qCWarning(lcStore) << "journal mode is" << journalMode << "instead of WAL";
        return StoreError::failure(
            QStringLiteral("the database refused WAL mode (it stays in %1)").arg(journalMode));
    }
    for (const QString &pragma :
         { QStringLiteral("PRAGMA synchronous=NORMAL"), QStringLiteral("PRAGMA foreign_keys=ON") }) {
        if (auto done = exec(pragma); !done)
            return done.error();
    }
    return Done {};
}

Database::Prepared *Database::preparedQuery(const QString &sql, StoreError *error)
{
    // The SQL text is always a constant of the code (values are bound), so the cache stays small.
    if (auto found = m_prepared.find(sql); found != m_prepared.end())
        return &found->second;
    QSqlQuery query(m_connection);
    query.setForwardOnly(true); // no client-side buffering of the rows
    if (!query.prepare(sql)) {
        *error = errorOf(query.lastError(), sql);
        return nullptr;
    }
    // Writes to tables that no API answer shows (the webhook outbox's bookkeeping, the refresh-token
    // blacklist, the limits' counts) do not count: a failing webhook receiver would otherwise empty the
    // answer cache on every attempt, and counting a request would empty it on every request.
    static const QRegularExpression writing(
        QStringLiteral("^\\s*(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+"
                       "(?!(webhook_endpoints|webhook_deliveries|webhook_attempts|token_blacklist|"
                       "idempotency_keys|rate_limit_counts|login_failures)\\b)"),
        QRegularExpression::CaseInsensitiveOption);
    const bool writes = writing.match(sql).hasMatch();
    return &m_prepared.emplace(sql, Prepared { std::move(query), writes }).first->second;
}

// PostgreSQL prepares only SELECT, INSERT, UPDATE, DELETE and VALUES: transaction control and session
// settings run as they are.
static bool isUnpreparable(const QString &sql)
{
    static const QRegularExpression statement(
        QStringLiteral("^\\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|LOCK|NOTIFY)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return statement.match(sql).hasMatch();
}

Result<Done> Database::exec(const QString &sql, const QVariantList &values, const RowFunction &onRow)
{
    if (m_dialect == Dialect::PostgreSQL && values.isEmpty() && !onRow && isUnpreparable(sql)) {
        QSqlQuery query(m_connection);
        if (!query.exec(sql))
            return errorOf(query.lastError(), sql);
        return Done {};
    }
    StoreError prepareError;
    Prepared *prepared = preparedQuery(sql, &prepareError);
    if (!prepared)
        return prepareError;
    QSqlQuery *query = &prepared->query;
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // Qt binds a null QString as NULL, but a text the caller left unset is empty text in this schema:
        // NULL is only ever asked for explicitly, with sqlNull().
        const bool unsetText = value.typeId() == QMetaType::QString && value.toString().isNull();
        query->bindValue(i, unsetText ? QVariant(QStringLiteral("")) : value);
    }
    const bool ran = query->exec();
    if (prepared->writes)
        ++m_ownWrites; // even when it failed or is rolled back later: a needless change is harmless
    if (ran && onRow) {
        const SqlRow row(*query);
        while (query->next())
            onRow(row);
    }
    // Reading the rows can fail after the first one too (a busy database, an I/O error).
    const QSqlError error = query->lastError();
    // finish() resets the statement: a statement left active would hold SQLite's read snapshot.
    query->finish();
    if (!ran || error.isValid())
        return errorOf(error, sql);
    if (prepared->writes && m_transactionDepth == 0) {
        // A write in a transaction of its own: it has committed, the others must hear of it.
        if (auto notified = notifyChange(); !notified)
            return notified.error();
    }
    return Done {};
}

Result<bool> Database::exists(const QString &sql, const QVariantList &values)
{
    bool found = false;
    auto done = exec(sql, values, [&](const SqlRow &) { found = true; });
    if (!done)
        return done.error();
    return found;
}

Result<qint64> Database::insert(const QString &sql, const QVariantList &values)
{
    auto id = selectOne<qint64>(sql, values, [](const SqlRow &row) { return row.integer(0); });
    if (!id && id.error().kind == StoreError::Kind::NotFound)
        return StoreError::failure(QStringLiteral("the insert returned no id: %1").arg(sql));
    return id;
}

Result<qint64> Database::insertRow(const QString &table, const QStringList &columns,
                                   const QVariantList &values)
{
    Q_ASSERT(columns.size() == values.size());
    const QStringList placeholders(columns.size(), QStringLiteral("?"));
    const QString sql
        = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) RETURNING id")
              .arg(table, columns.join(QLatin1String(", ")), placeholders.join(QLatin1String(", ")));
    return insert(sql, values);
}

Result<Done> Database::execSchema(const QString &statement)
{
    const QString idColumn = m_dialect == Dialect::SQLite
        // AUTOINCREMENT: ids of removed rows are never given out again, as with PostgreSQL's identity.
        ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
        : QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    // Tables whose rows may be lost in a crash (counts): PostgreSQL then writes no WAL for them.
    const QString unlogged = m_dialect == Dialect::PostgreSQL ? QStringLiteral("UNLOGGED ") : QString();
    const QString sql = QString(statement)
                            .replace(QLatin1String("{id_column}"), idColumn)
                            .replace(QLatin1String("{unlogged} "), unlogged);
    QSqlQuery query(m_connection);
    ++m_ownWrites;
    if (!query.exec(sql))
        return errorOf(query.lastError(), sql);
    return Done {};
}

Result<Done> Database::continueIdsAfterExplicitInserts(const QStringList &tables)
{
    if (m_dialect == Dialect::SQLite)
        return Done {}; // sqlite_sequence follows explicit ids by itself
    for (const QString &table : tables) {
        const QString sql = QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                           "(SELECT COALESCE(MAX(id), 0) + 1 FROM %1), false)")
                                .arg(table);
        if (auto done = execSchema(sql); !done)
            return done.error();
    }
    return Done {};
}

QString Database::skipLockedRows(const QString &alias) const
{
    if (m_dialect == Dialect::SQLite)
        return {};
    return QStringLiteral(" FOR UPDATE OF %1 SKIP LOCKED").arg(alias);
}

Result<Transaction> Database::begin(Access access)
{
    const int depth = m_transactionDepth + 1;
    QString sql;
    if (depth > 1)
        sql = QStringLiteral("SAVEPOINT %1").arg(savepointName(depth));
    else if (m_dialect == Dialect::SQLite && access == Access::Write)
        sql = QStringLiteral("BEGIN IMMEDIATE");
    else
        sql = QStringLiteral("BEGIN");
    if (auto began = exec(sql); !began)
        return began.error();
    if (depth == 1)
        m_ownWritesAtBegin = m_ownWrites;
    m_transactionDepth = depth;
    return Transaction(this, depth);
}

void Database::onRollback(std::function<void()> undo)
{
    if (m_transactionDepth > 0)
        m_rollbackActions.emplace_back(m_transactionDepth, std::move(undo));
}

bool Database::isDuplicateKey(const QSqlError &error) const
{
    const QString code = error.nativeErrorCode();
    if (m_dialect == Dialect::PostgreSQL)
        return code == QLatin1String("23505"); // unique_violation
    // QSQLITE turns on SQLite's extended result codes: SQLITE_CONSTRAINT_UNIQUE and _PRIMARYKEY.
    return code == QLatin1String("2067") || code == QLatin1String("1555");
}

StoreError Database::errorOf(const QSqlError &error, const QString &sql) const
{
    // Only the statement and the first line of the database's text are logged or passed on, never the
    // bound values: they may be secrets (password hashes, token ids, webhook secrets). PostgreSQL's further
    // lines (DETAIL: Key (jti)=(…), Failing row contains (…)) quote them.
    const QString databaseText = error.databaseText().section(QLatin1Char('\n'), 0, 0).trimmed();
    const QString text = databaseText.isEmpty()
        ? error.driverText()
        : QStringLiteral("%1 %2").arg(databaseText, error.driverText());
    if (isDuplicateKey(error)) {
        // Expected in normal operation (a refresh token used twice, a user name taken): the caller decides
        // what it means, so it is not a warning here.
        qCDebug(lcStore).noquote() << "duplicate key:" << text << "in:" << sql.simplified();
        return { StoreError::Kind::Conflict, databaseText, {} };
    }
    qCWarning(lcStore).noquote() << "SQL error:" << text << "in:" << sql.simplified();
    return StoreError::failure(QStringLiteral("database error: %1").arg(text));
}

ChangeStamp Database::changeStamp()
{
    if (m_dialect == Dialect::PostgreSQL) {
        // Other processes' commits arrive as notifications (configurePostgres()), which the event loop
        // delivers as soon as they are committed and visible. Without them, nothing is trusted for long.
        if (!m_listening && (!m_othersCheckedAt.isValid() || m_othersCheckedAt.hasExpired(kOthersCheckMs))) {
            ++m_othersVersion;
            m_othersCheckedAt.start();
        }
        return ChangeStamp { m_ownWrites, m_othersVersion };
    }
    // Other connections' commits are seen through SQLite's data_version, which costs a statement (a read
    // transaction with its file locks): so it is asked at most every kOthersCheckMs, not on every call.
    if (!m_othersCheckedAt.isValid() || m_othersCheckedAt.hasExpired(kOthersCheckMs)) {
        const auto version = selectOne<qint64>(QStringLiteral("PRAGMA data_version"), {},
                                               [](const SqlRow &row) { return row.integer(0); });
        // On an error the stamp moves, so that nothing cached is trusted.
        m_othersVersion = version ? *version : m_othersVersion + 1;
        m_othersCheckedAt.start();
    }
    return ChangeStamp { m_ownWrites, m_othersVersion };
}

} // namespace portal::store
