// importFixture(): a checked fixture (FixtureReader) goes into the store all or nothing. The rows keep the
// fixture's ids, so that the API document's example ids hold; the document files are copied into the
// documents folder, measured and hashed from their bytes. Any failure rolls the transaction back and
// removes the copies, leaving the database and the folder as they were.
#include "DataDirLayout.h"
#include "Database.h"
#include "FixtureReader.h"
#include "SyncChanges.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>
#include <QUuid>

namespace portal::store {

namespace {

struct CopiedFile
{
    QString storageName;
    qint64 size = 0;
    QByteArray sha256; // hex
};

// The document files copied so far; removed again unless keep() is called.
class DocumentCopies
{
public:
    explicit DocumentCopies(const QString &documentsDir)
        : m_documentsDir(documentsDir)
    { }
    DocumentCopies(const DocumentCopies &) = delete;
    DocumentCopies &operator=(const DocumentCopies &) = delete;
    ~DocumentCopies()
    {
        if (m_kept)
            return;
        for (const QString &path : std::as_const(m_created))
            QFile::remove(path);
    }

    // Copies `source` under a new storage name; QSaveFile writes a temporary file and renames it only
    // when complete, so an interrupted copy never looks like a document.
    Result<CopiedFile> copy(const QString &jsonPath, const QString &source)
    {
        CopiedFile copied { QUuid::createUuid().toString(QUuid::WithoutBraces), 0, {} };
        const QString target = QDir(m_documentsDir).filePath(copied.storageName);
        QFile in(source);
        QSaveFile out(target);
        if (!in.open(QIODevice::ReadOnly))
            return failure(jsonPath, QStringLiteral("cannot read %1: %2").arg(source, in.errorString()));
        if (!out.open(QIODevice::WriteOnly))
            return failure(jsonPath, QStringLiteral("cannot write %1: %2").arg(target, out.errorString()));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QByteArray buffer(64 * 1024, Qt::Uninitialized);
        for (;;) {
            const qint64 read = in.read(buffer.data(), buffer.size());
            if (read < 0)
                return failure(jsonPath, QStringLiteral("cannot read %1: %2").arg(source, in.errorString()));
            if (read == 0)
                break;
            hash.addData(QByteArrayView(buffer.constData(), read));
            if (out.write(buffer.constData(), read) != read)
                return failure(jsonPath,
                               QStringLiteral("cannot write %1: %2").arg(target, out.errorString()));
            copied.size += read;
        }
        if (!out.commit())
            return failure(jsonPath, QStringLiteral("cannot write %1: %2").arg(target, out.errorString()));
        m_created.append(target);
        copied.sha256 = hash.result().toHex();
        return copied;
    }

    void keep() { m_kept = true; }

private:
    static StoreError failure(const QString &jsonPath, const QString &problem)
    {
        qCWarning(lcStore).noquote() << "fixture import:" << jsonPath << problem;
        return StoreError::failure(QStringLiteral("%1: %2").arg(jsonPath, problem));
    }

    const QString m_documentsDir;
    QStringList m_created;
    bool m_kept = false;
};

// Inserts the fixture's rows in the order of their foreign keys. Runs inside the import's transaction.
class FixtureWriter
{
public:
    FixtureWriter(Database &database, const Fixture &fixture, const QHash<qint64, QByteArray> &passwordHashes,
                  const QHash<qint64, CopiedFile> &copies)
        : m_database(database)
        , m_fixture(fixture)
        , m_passwordHashes(passwordHashes)
        , m_copies(copies)
    { }

    Result<Done> write()
    {
        for (const auto &step :
             { &FixtureWriter::writeClients, &FixtureWriter::writeUsers, &FixtureWriter::writeCases,
               &FixtureWriter::writeDocuments, &FixtureWriter::writeTasks, &FixtureWriter::writeThreads,
               &FixtureWriter::writeNotifications }) {
            if (auto done = (this->*step)(); !done)
                return done;
        }
        // The imported objects are the only ones the sync log does not know yet.
        for (const QString &statement : sync::trackUntrackedStatements()) {
            if (auto done = m_database.exec(statement); !done)
                return done;
        }
        return m_database.continueIdsAfterExplicitInserts(
            { QStringLiteral("clients"), QStringLiteral("users"), QStringLiteral("cases"),
              QStringLiteral("documents"), QStringLiteral("tasks"), QStringLiteral("threads"),
              QStringLiteral("messages"), QStringLiteral("notifications") });
    }

private:
    Result<Done> writeClients()
    {
        for (const FixtureClient &entry : m_fixture.clients) {
            const ClientRecord &c = entry.client;
            if (auto done = insert(entry.path, QStringLiteral("client"), QStringLiteral("clients"),
                                   { QStringLiteral("id"), QStringLiteral("company_name"),
                                     QStringLiteral("phone"), QStringLiteral("address") },
                                   { c.id, c.companyName, c.phone, c.address });
                !done)
                return done;
        }
        return Done {};
    }

    Result<Done> writeUsers()
    {
        for (const FixtureUser &entry : m_fixture.users) {
            const UserRecord &u = entry.user;
            if (auto free = requireFree(entry.path + QStringLiteral(".username"), QStringLiteral("users"),
                                        QStringLiteral("username"), u.username,
                                        QStringLiteral("a user named \"%1\"").arg(u.username));
                !free)
                return free;
            if (auto done
                = insert(entry.path, QStringLiteral("user"), QStringLiteral("users"),
                         { QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("password_hash"),
                           QStringLiteral("email"), QStringLiteral("first_name"), QStringLiteral("last_name"),
                           QStringLiteral("role"), QStringLiteral("client_id"), QStringLiteral("active") },
                         { u.id, u.username, QString::fromLatin1(m_passwordHashes.value(u.id)), u.email,
                           u.firstName, u.lastName, roleName(u.role), sqlOptionalInteger(u.clientId),
                           sqlFlag(u.active) });
                !done)
                return done;
        }
        return Done {};
    }

    Result<Done> writeCases()
    {
        for (const FixtureCase &entry : m_fixture.cases) {
            const api::Case &c = entry.summary;
            if (auto free = requireFree(entry.path + QStringLiteral(".case_number"), QStringLiteral("cases"),
                                        QStringLiteral("case_number"), c.caseNumber,
                                        QStringLiteral("a case numbered \"%1\"").arg(c.caseNumber));
                !free)
                return free;
            if (auto done = insert(entry.path, QStringLiteral("case"), QStringLiteral("cases"),
                                   { QStringLiteral("id"), QStringLiteral("client_id"),
                                     QStringLiteral("assigned_attorney_id"), QStringLiteral("title"),
                                     QStringLiteral("case_number"), QStringLiteral("status"),
                                     QStringLiteral("open_date"), QStringLiteral("description"),
                                     QStringLiteral("case_type"), QStringLiteral("updated_at") },
                                   { c.id, entry.clientId, sqlOptionalInteger(entry.attorneyId), c.title,
                                     c.caseNumber, c.status, sqlDate(c.openDate), c.description, c.caseType,
                                     sqlTimestamp(entry.updatedAt) });
                !done)
                return done;
        }
        return Done {};
    }

    Result<Done> writeDocuments()
    {
        for (const FixtureDocument &d : m_fixture.documents) {
            const CopiedFile copy = m_copies.value(d.id);
            if (auto done = insert(
                    d.path, QStringLiteral("document"), QStringLiteral("documents"),
                    { QStringLiteral("id"), QStringLiteral("case_id"), QStringLiteral("title"),
                      QStringLiteral("description"), QStringLiteral("file_type"), QStringLiteral("file_name"),
                      QStringLiteral("content_type"), QStringLiteral("storage_name"),
                      QStringLiteral("file_size"), QStringLiteral("sha256"), QStringLiteral("uploaded_at"),
                      QStringLiteral("uploaded_by") },
                    { d.id, d.caseId, d.title, d.description, d.fileType, d.fileName, d.contentType,
                      copy.storageName, copy.size, QString::fromLatin1(copy.sha256),
                      sqlTimestamp(d.uploadedAt), sqlOptionalInteger(d.uploadedBy) });
                !done)
                return done;
        }
        return Done {};
    }

    Result<Done> writeTasks()
    {
        for (const FixtureTask &t : m_fixture.tasks) {
            if (auto done = insert(t.path, QStringLiteral("task"), QStringLiteral("tasks"),
                                   { QStringLiteral("id"), QStringLiteral("case_id"), QStringLiteral("title"),
                                     QStringLiteral("description"), QStringLiteral("status"),
                                     QStringLiteral("due_date"), QStringLiteral("updated_at") },
                                   { t.id, t.caseId, t.title, t.description, t.status, sqlDate(t.dueDate),
                                     sqlTimestamp(t.updatedAt) });
                !done)
                return done;
        }
        return Done {};
    }

    Result<Done> writeThreads()
    {
        for (const FixtureThread &t : m_fixture.threads) {
            const std::optional<qint64> createdBy = t.createdBy ? std::optional(t.createdBy) : std::nullopt;
            if (auto done = insert(t.path, QStringLiteral("thread"), QStringLiteral("threads"),
                                   { QStringLiteral("id"), QStringLiteral("case_id"),
                                     QStringLiteral("subject"), QStringLiteral("created_at"),
                                     QStringLiteral("updated_at"), QStringLiteral("created_by") },
                                   { t.id, t.caseId, t.subject, sqlTimestamp(t.createdAt),
                                     sqlTimestamp(t.updatedAt), sqlOptionalInteger(createdBy) });
                !done)
                return done;
            for (const FixtureMessage &m : t.messages) {
                if (auto done
                    = insert(m.path, QStringLiteral("message"), QStringLiteral("messages"),
                             { QStringLiteral("id"), QStringLiteral("thread_id"), QStringLiteral("sender_id"),
                               QStringLiteral("content"), QStringLiteral("created_at") },
                             { m.id, t.id, m.senderId, m.content, sqlTimestamp(m.createdAt) });
                    !done)
                    return done;
                // The fixture says who has read a message, not when: the time it was sent stands in.
                for (qint64 reader : m.readBy) {
                    if (auto done = m_database.exec(
                            QStringLiteral(
                                "INSERT INTO message_reads (message_id, user_id, read_at) VALUES (?, ?, ?)"),
                            { m.id, reader, sqlTimestamp(m.createdAt) });
                        !done)
                        return located(m.path + QStringLiteral(".read_by"), done.error());
                }
            }
        }
        return Done {};
    }

    Result<Done> writeNotifications()
    {
        for (const FixtureNotification &entry : m_fixture.notifications) {
            const api::Notification &n = entry.notification;
            const QVariant relatedType
                = n.relatedObjectType.isEmpty() ? sqlNull() : QVariant(n.relatedObjectType);
            if (auto done = insert(
                    entry.path, QStringLiteral("notification"), QStringLiteral("notifications"),
                    { QStringLiteral("id"), QStringLiteral("user_id"), QStringLiteral("notification_type"),
                      QStringLiteral("title"), QStringLiteral("message"), QStringLiteral("created_at"),
                      QStringLiteral("is_read"), QStringLiteral("related_object_type"),
                      QStringLiteral("related_object_id") },
                    { n.id, entry.userId, n.notificationType, n.title, n.message, sqlTimestamp(n.createdAt),
                      sqlFlag(n.isRead), relatedType, sqlOptionalInteger(n.relatedObjectId) });
                !done)
                return done;
        }
        return Done {};
    }

    // Conflict naming `jsonPath` when `table` already has a row whose `column` is `value`: an import adds
    // to a store, it never merges into or overwrites what is there.
    Result<Done> requireFree(const QString &jsonPath, const QString &table, const QString &column,
                             const QVariant &value, const QString &what)
    {
        auto taken = m_database.exists(QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ?").arg(table, column),
                                       { value });
        if (!taken)
            return located(jsonPath, taken.error());
        if (*taken)
            return StoreError::conflict(QStringLiteral("%1: the store already has %2").arg(jsonPath, what));
        return Done {};
    }

    // Inserts one row whose first column is its id, after checking that the id is free.
    Result<Done> insert(const QString &jsonPath, const QString &noun, const QString &table,
                        const QStringList &columns, const QVariantList &values)
    {
        const qint64 id = values.constFirst().toLongLong();
        if (auto free = requireFree(jsonPath + QStringLiteral(".id"), table, QStringLiteral("id"), id,
                                    QStringLiteral("a %1 with id %2").arg(noun).arg(id));
            !free)
            return free;
        if (auto inserted = m_database.insertRow(table, columns, values); !inserted)
            return located(jsonPath, inserted.error());
        return Done {};
    }

    // The same error, its message prefixed with where in the fixture it happened.
    static StoreError located(const QString &jsonPath, StoreError error)
    {
        error.message = QStringLiteral("%1: %2").arg(jsonPath, error.message);
        return error;
    }

    Database &m_database;
    const Fixture &m_fixture;
    const QHash<qint64, QByteArray> &m_passwordHashes; // by user id
    const QHash<qint64, CopiedFile> &m_copies; // by document id
};

} // namespace

Result<Done> importFixture(Store &store, const QString &fixturePath,
                           const std::function<QByteArray(const QString &password)> &hashPassword)
{
    auto fixture = readFixture(fixturePath, QDateTime::currentDateTimeUtc());
    if (!fixture)
        return fixture.error();

    // Hashed before the transaction starts: a memory-hard hash takes a good part of a second per password,
    // and the server's writes would wait for the transaction's lock meanwhile.
    QHash<qint64, QByteArray> passwordHashes;
    for (const FixtureUser &entry : std::as_const(fixture->users)) {
        const QByteArray hash = hashPassword(entry.password);
        if (hash.isEmpty())
            return StoreError::failure(
                QStringLiteral("%1.password: the password could not be hashed").arg(entry.path));
        passwordHashes.insert(entry.user.id, hash);
    }

    DocumentCopies copies(layout::documentsDir(store.dataDir()));
    QHash<qint64, CopiedFile> copiedFiles;
    for (const FixtureDocument &document : std::as_const(fixture->documents)) {
        auto copied = copies.copy(document.path + QStringLiteral(".file"), document.sourceFile);
        if (!copied)
            return copied.error();
        copiedFiles.insert(document.id, copied.take());
    }

    Database &database = store.database();
    auto written = database.inTransaction(Database::Access::Write, [&] {
        return FixtureWriter(database, *fixture, passwordHashes, copiedFiles).write();
    });
    if (!written)
        return written.error(); // rolled back; the copies are removed as `copies` goes
    copies.keep();
    qCInfo(lcStore).noquote() << "imported" << fixturePath;
    return Done {};
}

} // namespace portal::store
