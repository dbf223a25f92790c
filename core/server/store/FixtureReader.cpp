#include "FixtureReader.h"

#include "DocumentTypes.h"
#include "FixtureJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

namespace portal::store {

namespace {

const QString kFormat = QStringLiteral("client-portal-fixture/1");

// The ids of one kind of object, with the path that defined each, for duplicate and reference checks.
class IdIndex
{
public:
    explicit IdIndex(const QString &noun)
        : m_noun(noun)
    { }

    void define(qint64 id, const QString &idPath, FixtureProblems &problems)
    {
        if (id == 0)
            return; // already reported as not a valid id
        if (const auto previous = m_paths.constFind(id); previous != m_paths.cend())
            problems.add(idPath,
                         QStringLiteral("duplicate %1 id %2 (also %3)").arg(m_noun).arg(id).arg(*previous));
        else
            m_paths.insert(id, idPath);
    }
    bool contains(qint64 id) const { return m_paths.contains(id); }
    // Records "no <noun> with id N" under `path` unless `id` is defined (or was not an id at all).
    bool require(qint64 id, const QString &path, FixtureProblems &problems) const
    {
        if (id == 0 || contains(id))
            return id != 0;
        problems.add(path, QStringLiteral("no %1 with id %2").arg(m_noun).arg(id));
        return false;
    }

private:
    QString m_noun;
    QHash<qint64, QString> m_paths;
};

class FixtureParser
{
public:
    FixtureParser(const QString &fixtureDir, const QDateTime &now)
        : m_fixtureDir(fixtureDir)
        , m_now(now)
    { }

    Result<Fixture> parse(const QJsonObject &root)
    {
        FixtureObject fields(root, QString(), m_problems);
        const QString format = root.value(QLatin1String("format")).toString();
        if (format != kFormat) {
            return StoreError { StoreError::Kind::Invalid,
                                QStringLiteral("format: expected \"%1\", found \"%2\"").arg(kFormat, format),
                                { { QStringLiteral("format"),
                                    { QStringLiteral("expected \"%1\"").arg(kFormat) } } } };
        }
        fields.string(QStringLiteral("format"));
        fields.optionalString(QStringLiteral("comment"));
        // In the order of the references: each section refers only to the ones read before it.
        forEachObject(fields, QStringLiteral("users"),
                      [this](FixtureObject &f, const QString &p) { readUser(f, p); });
        forEachObject(fields, QStringLiteral("cases"),
                      [this](FixtureObject &f, const QString &p) { readCase(f, p); });
        forEachObject(fields, QStringLiteral("documents"),
                      [this](FixtureObject &f, const QString &p) { readDocument(f, p); });
        forEachObject(fields, QStringLiteral("tasks"),
                      [this](FixtureObject &f, const QString &p) { readTask(f, p); });
        forEachObject(fields, QStringLiteral("threads"),
                      [this](FixtureObject &f, const QString &p) { readThread(f, p); });
        forEachObject(fields, QStringLiteral("notifications"),
                      [this](FixtureObject &f, const QString &p) { readNotification(f, p); });
        fields.rejectUnknownKeys();
        if (!m_problems.isEmpty())
            return m_problems.error();
        return std::move(m_fixture);
    }

private:
    // Reads each element of the array `key` of `parent` as an object, with its path ("cases[2]").
    template<typename Read> void forEachObject(FixtureObject &parent, const QString &key, Read read)
    {
        const QJsonArray array = parent.optionalArray(key);
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = QStringLiteral("%1[%2]").arg(parent.pathOf(key)).arg(i);
            if (!array.at(i).isObject()) {
                m_problems.add(path, QStringLiteral("expected an object"));
                continue;
            }
            FixtureObject fields(array.at(i).toObject(), path, m_problems);
            read(fields, path);
            fields.rejectUnknownKeys();
        }
    }

    const UserRecord *findUser(qint64 id) const
    {
        const auto found = m_userById.constFind(id);
        return found == m_userById.cend() ? nullptr : &*found;
    }

    void readUser(FixtureObject &f, const QString &path)
    {
        FixtureUser entry;
        entry.path = path;
        UserRecord &user = entry.user;
        user.id = f.id(QStringLiteral("id"));
        m_users.define(user.id, f.pathOf(QStringLiteral("id")), m_problems);
        user.username = f.nonBlankString(QStringLiteral("username"));
        if (!user.username.isEmpty()) {
            if (m_usernames.contains(user.username))
                f.problem(QStringLiteral("username"),
                          QStringLiteral("duplicate user name \"%1\"").arg(user.username));
            m_usernames.insert(user.username);
        }
        entry.password = f.nonBlankString(QStringLiteral("password"));
        user.email = f.optionalString(QStringLiteral("email"));
        user.firstName = f.optionalString(QStringLiteral("first_name"));
        user.lastName = f.optionalString(QStringLiteral("last_name"));
        user.active = f.optionalBool(QStringLiteral("active"), true);
        const QString roleText = f.string(QStringLiteral("role"));
        const auto role = roleFromName(roleText);
        if (!role && !roleText.isEmpty())
            f.problem(QStringLiteral("role"),
                      QStringLiteral("expected \"client\", \"attorney\" or \"admin\""));
        user.role = role.value_or(Role::Client);

        const auto client = f.optionalObject(QStringLiteral("client"));
        if (role == Role::Client && !client)
            f.problem(QStringLiteral("client"), QStringLiteral("is required for a client user"));
        if (role && role != Role::Client && client)
            f.problem(QStringLiteral("client"), QStringLiteral("only client users have a client"));
        if (client) {
            const QString clientPath = f.pathOf(QStringLiteral("client"));
            FixtureObject c(*client, clientPath, m_problems);
            FixtureClient record { clientPath, {} };
            record.client.id = c.id(QStringLiteral("id"));
            m_clients.define(record.client.id, c.pathOf(QStringLiteral("id")), m_problems);
            record.client.companyName = c.optionalString(QStringLiteral("company_name"));
            record.client.phone = c.optionalString(QStringLiteral("phone"));
            record.client.address = c.optionalString(QStringLiteral("address"));
            c.rejectUnknownKeys();
            user.clientId = record.client.id;
            m_fixture.clients.append(record);
        }
        if (!m_userById.contains(user.id))
            m_userById.insert(user.id, user);
        m_fixture.users.append(entry);
    }

    void readCase(FixtureObject &f, const QString &path)
    {
        FixtureCase entry;
        entry.path = path;
        api::Case &summary = entry.summary;
        summary.id = f.id(QStringLiteral("id"));
        m_cases.define(summary.id, f.pathOf(QStringLiteral("id")), m_problems);
        entry.clientId = f.id(QStringLiteral("client"));
        m_clients.require(entry.clientId, f.pathOf(QStringLiteral("client")), m_problems);
        summary.title = f.nonBlankString(QStringLiteral("title"));
        summary.caseNumber = f.nonBlankString(QStringLiteral("case_number"));
        if (!summary.caseNumber.isEmpty()) {
            if (m_caseNumbers.contains(summary.caseNumber)) {
                f.problem(QStringLiteral("case_number"),
                          QStringLiteral("duplicate case number \"%1\"").arg(summary.caseNumber));
            }
            m_caseNumbers.insert(summary.caseNumber);
        }
        summary.status = f.nonBlankString(QStringLiteral("status"));
        summary.openDate = f.date(QStringLiteral("open_date"));
        summary.description = f.optionalString(QStringLiteral("description"));
        summary.caseType = f.optionalString(QStringLiteral("case_type"));
        entry.attorneyId = f.optionalId(QStringLiteral("assigned_attorney"));
        if (entry.attorneyId
            && m_users.require(*entry.attorneyId, f.pathOf(QStringLiteral("assigned_attorney")),
                               m_problems)) {
            if (findUser(*entry.attorneyId)->role != Role::Attorney) {
                f.problem(QStringLiteral("assigned_attorney"),
                          QStringLiteral("user %1 is not an attorney").arg(*entry.attorneyId));
            }
        }
        entry.updatedAt = f.optionalTimestamp(QStringLiteral("updated_at"));
        if (!entry.updatedAt.isValid())
            entry.updatedAt = m_now;
        m_caseClients.insert(summary.id, entry.clientId);
        m_fixture.cases.append(entry);
    }

    void readDocument(FixtureObject &f, const QString &path)
    {
        FixtureDocument entry;
        entry.path = path;
        entry.id = f.id(QStringLiteral("id"));
        m_documents.define(entry.id, f.pathOf(QStringLiteral("id")), m_problems);
        entry.caseId = f.id(QStringLiteral("case"));
        m_cases.require(entry.caseId, f.pathOf(QStringLiteral("case")), m_problems);
        entry.title = f.nonBlankString(QStringLiteral("title"));
        entry.description = f.optionalString(QStringLiteral("description"));
        const QString file = f.nonBlankString(QStringLiteral("file"));
        if (!file.trimmed().isEmpty()) {
            // QDir::filePath() keeps an absolute path as it is; a relative one is the fixture folder's.
            entry.sourceFile = QDir::cleanPath(QDir(m_fixtureDir).absoluteFilePath(file));
            const QFileInfo info(entry.sourceFile);
            if (!info.isFile() || !info.isReadable())
                f.problem(QStringLiteral("file"),
                          QStringLiteral("no readable file at %1").arg(entry.sourceFile));
        }
        entry.fileName = f.optionalString(QStringLiteral("file_name"));
        if (entry.fileName.isEmpty())
            entry.fileName = QFileInfo(file).fileName();
        entry.fileType = f.optionalString(QStringLiteral("file_type"));
        if (entry.fileType.isEmpty())
            entry.fileType = fileTypeFromName(entry.fileName);
        entry.contentType = f.optionalString(QStringLiteral("content_type"));
        if (entry.contentType.isEmpty())
            entry.contentType = contentTypeFromName(entry.fileName);
        entry.uploadedAt = f.timestamp(QStringLiteral("uploaded_at"));
        entry.uploadedBy = f.optionalId(QStringLiteral("uploaded_by"));
        if (entry.uploadedBy) {
            m_users.require(*entry.uploadedBy, f.pathOf(QStringLiteral("uploaded_by")), m_problems);
            requireParticipant(f, QStringLiteral("uploaded_by"), *entry.uploadedBy, entry.caseId);
        }
        m_fixture.documents.append(entry);
    }

    void readTask(FixtureObject &f, const QString &path)
    {
        FixtureTask entry;
        entry.path = path;
        entry.id = f.id(QStringLiteral("id"));
        m_tasks.define(entry.id, f.pathOf(QStringLiteral("id")), m_problems);
        entry.caseId = f.id(QStringLiteral("case"));
        m_cases.require(entry.caseId, f.pathOf(QStringLiteral("case")), m_problems);
        entry.title = f.nonBlankString(QStringLiteral("title"));
        entry.description = f.optionalString(QStringLiteral("description"));
        entry.status = f.nonBlankString(QStringLiteral("status"));
        entry.dueDate = f.optionalDate(QStringLiteral("due_date"));
        entry.updatedAt = f.optionalTimestamp(QStringLiteral("updated_at"));
        if (!entry.updatedAt.isValid())
            entry.updatedAt = m_now;
        m_fixture.tasks.append(entry);
    }

    void readThread(FixtureObject &f, const QString &path)
    {
        FixtureThread entry;
        entry.path = path;
        entry.id = f.id(QStringLiteral("id"));
        m_threads.define(entry.id, f.pathOf(QStringLiteral("id")), m_problems);
        entry.caseId = f.id(QStringLiteral("case"));
        m_cases.require(entry.caseId, f.pathOf(QStringLiteral("case")), m_problems);
        entry.subject = f.nonBlankString(QStringLiteral("subject"));
        entry.createdAt = f.timestamp(QStringLiteral("created_at"));
        const auto createdBy = f.optionalId(QStringLiteral("created_by"));
        if (createdBy) {
            m_users.require(*createdBy, f.pathOf(QStringLiteral("created_by")), m_problems);
            requireParticipant(f, QStringLiteral("created_by"), *createdBy, entry.caseId);
        }

        forEachObject(f, QStringLiteral("messages"), [&](FixtureObject &m, const QString &messagePath) {
            entry.messages.append(readMessage(m, messagePath, entry.caseId));
        });

        entry.createdBy
            = createdBy.value_or(entry.messages.isEmpty() ? 0 : entry.messages.constFirst().senderId);
        entry.updatedAt = entry.createdAt;
        for (const FixtureMessage &message : std::as_const(entry.messages))
            entry.updatedAt = std::max(entry.updatedAt, message.createdAt);
        m_fixture.threads.append(entry);
    }

    FixtureMessage readMessage(FixtureObject &m, const QString &path, qint64 caseId)
    {
        FixtureMessage message;
        message.path = path;
        message.id = m.id(QStringLiteral("id"));
        m_messages.define(message.id, m.pathOf(QStringLiteral("id")), m_problems);
        message.senderId = m.id(QStringLiteral("sender"));
        if (m_users.require(message.senderId, m.pathOf(QStringLiteral("sender")), m_problems))
            requireParticipant(m, QStringLiteral("sender"), message.senderId, caseId);
        message.content = m.nonBlankString(QStringLiteral("content"));
        message.createdAt = m.timestamp(QStringLiteral("created_at"));
        const QJsonArray readBy = m.optionalArray(QStringLiteral("read_by"));
        for (qsizetype i = 0; i < readBy.size(); ++i) {
            const QString key = QStringLiteral("read_by[%1]").arg(i);
            const auto reader = FixtureObject::idValue(readBy.at(i), m.pathOf(key), m_problems);
            if (!reader || !m_users.require(*reader, m.pathOf(key), m_problems))
                continue;
            if (message.readBy.contains(*reader))
                m.problem(key, QStringLiteral("user %1 is listed twice").arg(*reader));
            else
                message.readBy.append(*reader);
            requireParticipant(m, key, *reader, caseId);
        }
        return message;
    }

    void readNotification(FixtureObject &f, const QString &path)
    {
        FixtureNotification entry;
        entry.path = path;
        api::Notification &n = entry.notification;
        n.id = f.id(QStringLiteral("id"));
        m_notifications.define(n.id, f.pathOf(QStringLiteral("id")), m_problems);
        entry.userId = f.id(QStringLiteral("user"));
        m_users.require(entry.userId, f.pathOf(QStringLiteral("user")), m_problems);
        n.notificationType = f.nonBlankString(QStringLiteral("notification_type"));
        n.title = f.nonBlankString(QStringLiteral("title"));
        n.message = f.optionalString(QStringLiteral("message"));
        n.createdAt = f.timestamp(QStringLiteral("created_at"));
        n.isRead = f.optionalBool(QStringLiteral("is_read"), false);
        n.relatedObjectType = f.optionalString(QStringLiteral("related_object_type"));
        n.relatedObjectId = f.optionalId(QStringLiteral("related_object_id"));

        const QString typeKey = QStringLiteral("related_object_type");
        const QString idKey = QStringLiteral("related_object_id");
        const QHash<QString, const IdIndex *> related = { { QStringLiteral("MessageThread"), &m_threads },
                                                          { QStringLiteral("Document"), &m_documents },
                                                          { QStringLiteral("Task"), &m_tasks },
                                                          { QStringLiteral("Case"), &m_cases } };
        if (n.relatedObjectType.isEmpty()) {
            if (n.relatedObjectId)
                f.problem(idKey, QStringLiteral("given without related_object_type"));
        } else if (!related.contains(n.relatedObjectType)) {
            f.problem(typeKey, QStringLiteral("expected MessageThread, Document, Task or Case"));
        } else if (!n.relatedObjectId) {
            f.problem(idKey, QStringLiteral("is required with related_object_type"));
        } else {
            related.value(n.relatedObjectType)->require(*n.relatedObjectId, f.pathOf(idKey), m_problems);
        }
        m_fixture.notifications.append(entry);
    }

    void requireParticipant(FixtureObject &f, const QString &key, qint64 userId, qint64 caseId)
    {
        // Attorneys and admins take part in every case; a client's users only in their client's cases.
        const UserRecord *user = findUser(userId);
        if (!user || user->role != Role::Client || !m_caseClients.contains(caseId))
            return; // a missing user or case is reported by itself
        const qint64 caseClient = m_caseClients.value(caseId);
        if (user->clientId != caseClient) {
            f.problem(key,
                      QStringLiteral("user %1 is a user of client %2, not of case %3's client %4")
                          .arg(userId)
                          .arg(user->clientId.value_or(0))
                          .arg(caseId)
                          .arg(caseClient));
        }
    }

    const QString m_fixtureDir;
    const QDateTime m_now;
    FixtureProblems m_problems;
    Fixture m_fixture;
    IdIndex m_clients { QStringLiteral("client") };
    IdIndex m_users { QStringLiteral("user") };
    IdIndex m_cases { QStringLiteral("case") };
    IdIndex m_documents { QStringLiteral("document") };
    IdIndex m_tasks { QStringLiteral("task") };
    IdIndex m_threads { QStringLiteral("thread") };
    IdIndex m_messages { QStringLiteral("message") };
    IdIndex m_notifications { QStringLiteral("notification") };
    QSet<QString> m_usernames;
    QSet<QString> m_caseNumbers;
    QHash<qint64, UserRecord> m_userById; // the first definition of each id
    QHash<qint64, qint64> m_caseClients; // case id -> client id
};

} // namespace

Result<Fixture> readFixture(const QString &fixturePath, const QDateTime &now)
{
    QFile file(fixturePath);
    if (!file.open(QIODevice::ReadOnly))
        return StoreError::failure(
            QStringLiteral("cannot read the fixture %1: %2").arg(fixturePath, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return StoreError { StoreError::Kind::Invalid,
                            QStringLiteral("%1: not valid JSON at offset %2: %3")
                                .arg(fixturePath)
                                .arg(parseError.offset)
                                .arg(parseError.errorString()),
                            {} };
    }
    if (!document.isObject()) {
        return StoreError { StoreError::Kind::Invalid,
                            QStringLiteral("%1: expected a JSON object at the top").arg(fixturePath),
                            {} };
    }
    return FixtureParser(QFileInfo(fixturePath).absolutePath(), now).parse(document.object());
}

} // namespace portal::store
