#include "CacheDatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <atomic>

Q_LOGGING_CATEGORY(lcCache, "portal.cache", QtWarningMsg)

namespace portal::client {

namespace {

// QSqlDatabase keeps connections in a process-wide registry by name: one name per cache lets several
// accounts (and tests) live in one process.
QString uniqueConnectionName()
{
    static std::atomic<int> counter = 0;
    return QStringLiteral("portal.cache.%1").arg(++counter);
}

// SQLite's primary result codes (sqlite3.h), which QSQLITE reports as the native error code.
enum SqliteCode {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoErr = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteConstraint = 19,
    SqliteNotADb = 26,
};

} // namespace

QString toString(CacheError::Kind kind)
{
    switch (kind) {
    case CacheError::Kind::CannotOpen:
        return QStringLiteral("cannot open");
    case CacheError::Kind::Corrupt:
        return QStringLiteral("corrupt");
    case CacheError::Kind::TooNew:
        return QStringLiteral("too new");
    case CacheError::Kind::DiskFull:
        return QStringLiteral("disk full");
    case CacheError::Kind::Busy:
        return QStringLiteral("busy");
    case CacheError::Kind::Constraint:
        return QStringLiteral("constraint");
    case CacheError::Kind::Aborted:
        return QStringLiteral("aborted");
    case CacheError::Kind::NotFound:
        return QStringLiteral("not found");
    case CacheError::Kind::Failure:
        return QStringLiteral("failure");
    }
    return QStringLiteral("failure");
}

// ---- rows and values -------------------------------------------------------------------------------------

qint64 CacheRow::integer(int column) const
{
    return m_query.value(column).toLongLong();
}

std::optional<qint64> CacheRow::optionalInteger(int column) const
{
    const QVariant value = m_query.value(column);
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

QString CacheRow::text(int column) const
{
    const QVariant value = m_query.value(column);
    return value.isNull() ? QString() : value.toString();
}

bool CacheRow::flag(int column) const
{
    return m_query.value(column).toLongLong() != 0;
}

double CacheRow::real(int column) const
{
    return m_query.value(column).toDouble();
}

QDate CacheRow::date(int column) const
{
    const QVariant value = m_query.value(column);
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

QDateTime CacheRow::timestamp(int column) const
{
    const QVariant value = m_query.value(column);
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

bool CacheRow::isNull(int column) const
{
    return m_query.value(column).isNull();
}

QVariant sqlNull()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant sqlText(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

QVariant sqlTimestamp(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : sqlNull();
}

QVariant sqlDate(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : sqlNull();
}

QVariant sqlOptionalInteger(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : sqlNull();
}

// ---- the connection --------------------------------------------------------------------------------------

CacheDatabase::~CacheDatabase()
{
    if (m_inTransaction)
        rollback();
    // Statements first: removeDatabase() warns about, and invalidates, queries still alive.
    m_prepared.clear();
    m_connection.close();
    m_connection = QSqlDatabase();
    if (!m_connectionName.isEmpty())
        QSqlDatabase::removeDatabase(m_connectionName);
}

CacheResult<std::unique_ptr<CacheDatabase>> CacheDatabase::open(const QString &filePath)
{
    const QString driver = QStringLiteral("QSQLITE");
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        return CacheError::make(
            CacheError::Kind::CannotOpen,
            QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed (Debian: libqt6sql6-sqlite)"));
    }
    const QFileInfo file(filePath);
    if (filePath.isEmpty() || file.isDir())
        return CacheError::make(CacheError::Kind::CannotOpen,
                                QStringLiteral("not a database file path: \"%1\"").arg(filePath));
    if (!QDir().mkpath(file.absolutePath())) {
        return CacheError::make(CacheError::Kind::CannotOpen,
                                QStringLiteral("cannot create the folder %1").arg(file.absolutePath()));
    }

    std::unique_ptr<CacheDatabase> database(new CacheDatabase);
    database->m_filePath = filePath;
    database->m_connectionName = uniqueConnectionName();
    database->m_connection = QSqlDatabase::addDatabase(driver, database->m_connectionName);
    database->m_connection.setDatabaseName(filePath);
    // The sync engine and a second instance of the program may hold the write lock for a moment.
    database->m_connection.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database->m_connection.open())
        return database->errorOf(database->m_connection.lastError(), QStringLiteral("open %1").arg(filePath));

    // The first statement reads the header: a file that is not a database fails here (as Corrupt).
    QString journalMode;
    auto walSet = database->exec(QStringLiteral("PRAGMA journal_mode=WAL"), {},
                                 [&](const CacheRow &row) { journalMode = row.text(0); });
    if (!walSet)
        return walSet.error();
    if (journalMode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return CacheError::make(
            CacheError::Kind::CannotOpen,
            QStringLiteral("the database refused WAL mode (it stays in %1)").arg(journalMode));
    }
    // In WAL mode synchronous=NORMAL cannot corrupt the file; a power loss may lose the last commits, which
    // the next sync fetches again.
    for (const char *pragma : { "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON" }) {
        if (auto done = database->execOnce(QLatin1String(pragma)); !done)
            return done.error();
    }
    return database;
}

CacheError CacheDatabase::errorOf(const QSqlError &error, const QString &what) const
{
    bool isNumber = false;
    const int code = error.nativeErrorCode().toInt(&isNumber) & 0xff; // extended codes carry the primary one
    CacheError::Kind kind = CacheError::Kind::Failure;
    if (isNumber) {
        switch (code) {
        case SqliteBusy:
        case SqliteLocked:
            kind = CacheError::Kind::Busy;
            break;
        case SqliteCorrupt:
        case SqliteNotADb:
            kind = CacheError::Kind::Corrupt;
            break;
        case SqliteFull:
            kind = CacheError::Kind::DiskFull;
            break;
        case SqliteCantOpen:
        case SqliteReadOnly:
            kind = CacheError::Kind::CannotOpen;
            break;
        case SqliteConstraint:
            kind = CacheError::Kind::Constraint;
            break;
        case SqliteIoErr:
            kind = CacheError::Kind::Failure;
            break;
        default:
            break;
        }
    }
    const QString text = error.text().trimmed();
    qCWarning(lcCache).noquote() << what << "failed in" << m_filePath << ":" << toString(kind) << "-" << text;
    return CacheError::make(kind, QStringLiteral("%1: %2").arg(toString(kind), text));
}

CacheResult<Done> CacheDatabase::exec(const QString &sql, const QVariantList &values,
                                      const RowFunction &onRow)
{
    // The SQL text is always a constant of the code (values are bound), so the cache of statements stays
    // small.
    auto found = m_prepared.find(sql);
    if (found == m_prepared.end()) {
        QSqlQuery query(m_connection);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return errorOf(query.lastError(),
                           QStringLiteral("prepare \"%1\"").arg(sql.simplified().left(80)));
        found = m_prepared.emplace(sql, std::move(query)).first;
    }
    QSqlQuery &query = found->second;
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec()) {
        const QSqlError error = query.lastError();
        query.finish();
        return errorOf(error, QStringLiteral("\"%1\"").arg(sql.simplified().left(80)));
    }
    if (onRow) {
        const CacheRow row(query);
        while (query.next())
            onRow(row);
        if (query.lastError().isValid()) {
            const QSqlError error = query.lastError();
            query.finish();
            return errorOf(error, QStringLiteral("reading \"%1\"").arg(sql.simplified().left(80)));
        }
    }
    m_rowsAffected = query.numRowsAffected();
    m_lastInsertId = query.lastInsertId().toLongLong();
    query.finish();
    return Done {};
}

CacheResult<Done> CacheDatabase::execOnce(const QString &sql)
{
    QSqlQuery query(m_connection);
    if (!query.exec(sql))
        return errorOf(query.lastError(), QStringLiteral("\"%1\"").arg(sql.simplified().left(80)));
    return Done {};
}

CacheResult<Done> CacheDatabase::begin()
{
    Q_ASSERT(!m_inTransaction);
    // IMMEDIATE takes the write lock at once, so a transaction cannot fail half-way on a lock.
    auto begun = exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (begun)
        m_inTransaction = true;
    return begun;
}

CacheResult<Done> CacheDatabase::commit()
{
    auto committed = exec(QStringLiteral("COMMIT"));
    if (!committed) {
        rollback(); // a failed COMMIT (a full disk) leaves the transaction open
        return committed;
    }
    m_inTransaction = false;
    return Done {};
}

void CacheDatabase::rollback()
{
    // SQLite may already have rolled back by itself after some errors; then this fails harmlessly.
    if (m_inTransaction)
        (void)exec(QStringLiteral("ROLLBACK"));
    m_inTransaction = false;
}

} // namespace portal::client
