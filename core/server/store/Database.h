// The store's one database connection: opening it, running SQL through a cache of prepared statements,
// transactions, and turning every driver error into a StoreError (logged under "portal.store").
// Repositories write standard SQL with `?` placeholders; what differs between SQLite and PostgreSQL (how ids
// are generated, how a write transaction starts, which error code means "duplicate") is decided here.
#pragma once

#include "Result.h"
#include "SqlRow.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QUrl>
#include <QVariantList>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace portal::store {

class Database;

// A transaction that rolls back when it goes out of scope without commit(). Transactions nest: an inner one
// is a savepoint of the outer, so a repository may call another without knowing whether it is the outermost.
class [[nodiscard]] Transaction
{
public:
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    ~Transaction();

    Result<Done> commit();

private:
    friend class Database;
    Transaction(Database *database, int depth)
        : m_database(database)
        , m_depth(depth)
    { }
    void rollback();

    Database *m_database; // null once committed, rolled back or moved from
    int m_depth; // 1 for the outermost transaction
};

class Database
{
public:
    enum class Dialect { SQLite, PostgreSQL };
    // What a transaction intends. SQLite takes the write lock at the start of a Write transaction, so a
    // transaction that reads and then writes cannot fail half-way because another connection wrote first.
    enum class Access { Read, Write };
    using RowFunction = std::function<void(const SqlRow &row)>;

    // Opens (creating when missing) an SQLite database file in WAL mode with foreign keys enforced.
    static Result<std::unique_ptr<Database>> openSqlite(const QString &filePath);
    // Connects to PostgreSQL (QPSQL) at `url`: postgresql://USER:PASSWORD@HOST:PORT/DATABASE, each query
    // item a libpq connection parameter (?sslmode=require&connect_timeout=10). Subscribes to kChangeChannel.
    static Result<std::unique_ptr<Database>> openPostgres(const QUrl &url);
    // Whether `url` names a PostgreSQL database (scheme postgresql or postgres).
    static bool isPostgresUrl(const QUrl &url);
    // `url` without its password, for messages.
    static QString displayUrl(const QUrl &url);
    // The query items of `url` as libpq connection parameters, key='value' (sslmode='verify-full'): how
    // openPostgres() and PostgreSQL's client programs (PgTools.h) both read them.
    static QStringList libpqParameters(const QUrl &url);
    // `value` as a libpq connection string wants it: in single quotes, with \ and ' escaped.
    static QString libpqQuoted(const QString &value);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Dialect dialect() const { return m_dialect; }

    // Runs `sql` with `values` bound to its `?` placeholders in order and calls `onRow` for each row of the
    // result. A null QString binds as empty text; NULL is bound with sqlNull(). The statement is prepared
    // once per connection and kept. `onRow` must only read the row: the statement stays busy until all rows
    // are read, so it may not run queries itself. A duplicate key comes back as StoreError Conflict (with the
    // driver's text), any other error as Failure.
    Result<Done> exec(const QString &sql, const QVariantList &values = {}, const RowFunction &onRow = {});

    // Every row of `sql`, each read by `read(const SqlRow &) -> T`.
    template<typename T, typename Read>
    Result<QList<T>> selectAll(const QString &sql, const QVariantList &values, Read read)
    {
        QList<T> rows;
        auto done = exec(sql, values, [&](const SqlRow &row) { rows.append(read(row)); });
        if (!done)
            return done.error();
        return rows;
    }

    // The first row of `sql`, read by `read`; NotFound when there is none.
    template<typename T, typename Read>
    Result<T> selectOne(const QString &sql, const QVariantList &values, Read read)
    {
        std::optional<T> first;
        auto done = exec(sql, values, [&](const SqlRow &row) {
            if (!first)
                first = read(row);
        });
        if (!done)
            return done.error();
        if (!first)
            return StoreError::notFound();
        return std::move(*first);
    }

    // Whether `sql` gives at least one row.
    Result<bool> exists(const QString &sql, const QVariantList &values);

    // Runs an `INSERT ... RETURNING id` and gives the new row's id.
    Result<qint64> insert(const QString &sql, const QVariantList &values);
    // Inserts one row into `table`, `values` in the order of `columns`, and gives the new row's id.
    Result<qint64> insertRow(const QString &table, const QStringList &columns, const QVariantList &values);

    // Runs a schema statement (not cached). "{id_column}" stands for this dialect's auto-generated 64-bit
    // primary key column type, the one thing of a portable schema the two dialects must spell differently;
    // "CREATE {unlogged} TABLE" makes a table whose rows may be lost in a crash UNLOGGED on PostgreSQL.
    Result<Done> execSchema(const QString &statement);

    // After rows were inserted with explicit ids (the fixture import), makes generated ids continue above
    // them. SQLite's AUTOINCREMENT does that by itself; PostgreSQL's identity sequences do not.
    Result<Done> continueIdsAfterExplicitInserts(const QStringList &tables);

    // What ends a SELECT that claims the rows of `alias` it gives, skipping rows another transaction is
    // claiming: " FOR UPDATE OF alias SKIP LOCKED" on PostgreSQL; nothing on SQLite, whose write
    // transaction holds the whole database (run it in a Write transaction).
    QString skipLockedRows(const QString &alias) const;

    Result<Transaction> begin(Access access);

    // Runs `undo` should the innermost open transaction be rolled back, by itself or with one around it:
    // for what a transaction did outside the database (an upload moved into the documents folder) and
    // must not outlive it. Forgotten once the outermost transaction commits; ignored outside transactions.
    void onRollback(std::function<void()> undo);

    // Changes whenever the data may have changed: at once for writes through this connection, and within
    // kOthersCheckMs for commits of other connections (another process such as the command line).
    // Costs nothing most of the time, so it can be asked on every request.
    ChangeStamp changeStamp();
    static constexpr int kOthersCheckMs = 100;
    // Calls `listener` (on this thread, from the event loop) whenever another connection's commit is
    // announced, as it happens: on PostgreSQL while LISTENing. SQLite announces nothing; there other
    // processes' commits show only in changeStamp().
    void onOthersCommitted(std::function<void()> listener);
    // PostgreSQL: every transaction that wrote (and every write outside one) NOTIFYs this channel as it
    // commits, and every connection LISTENs to it, which is how a server hears of other processes' commits.
    static constexpr const char *kChangeChannel = "portal_changes";

    // Runs `work` (returning a Result) in a transaction that is committed when the result is a value and
    // rolled back when it is an error.
    template<typename Work> auto inTransaction(Access access, Work &&work) -> decltype(work())
    {
        auto transaction = begin(access);
        if (!transaction)
            return transaction.error();
        auto result = work();
        if (!result)
            return result; // the transaction rolls back as it goes out of scope
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
        return result;
    }

private:
    friend class Transaction;
    Database(const QString &connectionName, Dialect dialect);
    Result<Done> configureSqlite();
    Result<Done> configurePostgres();
    Result<Done> notifyChange(); // PostgreSQL: tells the other connections at commit
    struct Prepared
    {
        QSqlQuery query;
        bool writes = false; // INSERT, UPDATE or DELETE: running it counts as a change of this connection
    };
    Prepared *preparedQuery(const QString &sql, StoreError *error);
    StoreError errorOf(const QSqlError &error, const QString &sql) const;
    bool isDuplicateKey(const QSqlError &error) const;

    const QString m_connectionName;
    const Dialect m_dialect;
    QSqlDatabase m_connection;
    // Statements by their SQL text, prepared once: the hot reads (the case list, the thread list) then cost
    // one bind and one step. std::unordered_map because its elements never move, and QSqlQuery is not
    // meant to be copied.
    std::unordered_map<QString, Prepared> m_prepared;
    qint64 m_ownWrites = 0;
    qint64 m_othersVersion = 0;
    qint64 m_ownWritesAtBegin = 0; // m_ownWrites when the outermost transaction began
    bool m_listening = false; // PostgreSQL: subscribed to kChangeChannel
    std::vector<std::function<void()>> m_othersCommittedListeners;
    QElapsedTimer m_othersCheckedAt;
    int m_transactionDepth = 0;
    std::vector<std::pair<int, std::function<void()>>> m_rollbackActions; // with the depth they belong to
};

} // namespace portal::store
