// The Client Portal API's wire types: the JSON shapes of ../shared/api/client-portal-api.md, once.
// The server encodes with them and the client decodes with them. fromJson() is strict about key types:
// a missing required key or a wrong type gives std::nullopt and, when `errors` is given, a per-field
// message in the shape of the API's error envelope `details`.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace portal::api {

// Per-field validation messages: {"field_name": ["Error details"]}.
using FieldErrors = QMap<QString, QStringList>;

// Timestamps travel as ISO 8601 UTC with a "Z" ("2023-01-17T10:15:00Z"); milliseconds are written only
// when non-zero, and any ISO 8601 offset or fraction is accepted on input.
QString formatTimestamp(const QDateTime &utc);
std::optional<QDateTime> parseTimestamp(const QString &text);
// Dates travel as "2023-01-30".
QString formatDate(const QDate &date);
std::optional<QDate> parseDate(const QString &text);

struct CaseRef // {"id", "title"}: how a case is named inside other objects
{
    qint64 id = 0;
    QString title;
    QJsonObject toJson() const;
    static std::optional<CaseRef> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const CaseRef &) const = default;
};

struct PersonRef // a message's sender: {"id", "name"}
{
    qint64 id = 0;
    QString name;
    QJsonObject toJson() const;
    static std::optional<PersonRef> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const PersonRef &) const = default;
};

struct Attorney // a case's assigned_attorney: {"id", "name", "email"}
{
    qint64 id = 0;
    QString name;
    QString email;
    QJsonObject toJson() const;
    static std::optional<Attorney> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const Attorney &) const = default;
};

struct User // the profile's "user"
{
    qint64 id = 0;
    QString username;
    QString email;
    QString firstName;
    QString lastName;
    QJsonObject toJson() const;
    static std::optional<User> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const User &) const = default;
};

struct Profile // GET /api/portal/profile/
{
    qint64 id = 0;
    User user;
    QString companyName;
    QString phone;
    QString address;
    QJsonObject toJson() const;
    static std::optional<Profile> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const Profile &) const = default;
};

struct Case // an item of GET /api/portal/cases/
{
    qint64 id = 0;
    QString title;
    QString caseNumber;
    QString status; // OPEN, CLOSED, ... (kept as text: other servers may add values)
    QDate openDate;
    QString description;
    QString caseType;
    QJsonObject toJson() const;
    static std::optional<Case> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const Case &) const = default;
};

struct CaseDocument // a document inside a case detail: {"id", "title", "file_type", "uploaded_at"}
{
    qint64 id = 0;
    QString title;
    QString fileType;
    QDateTime uploadedAt;
    QJsonObject toJson() const;
    static std::optional<CaseDocument> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const CaseDocument &) const = default;
};

struct CaseTask // a task inside a case detail: {"id", "title", "status", "due_date"}
{
    qint64 id = 0;
    QString title;
    QString status;
    QDate dueDate; // null on the wire when invalid
    QJsonObject toJson() const;
    static std::optional<CaseTask> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const CaseTask &) const = default;
};

struct CaseDetail // GET /api/portal/cases/{id}/
{
    Case summary; // flattened into the same object on the wire
    std::optional<Attorney> assignedAttorney; // null on the wire when none is assigned
    QList<CaseDocument> documents;
    QList<CaseTask> tasks;
    QJsonObject toJson() const;
    static std::optional<CaseDetail> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const CaseDetail &) const = default;
};

struct Thread // an item of GET /api/portal/messages/: "case" is the case's id here
{
    qint64 id = 0;
    QString subject;
    qint64 caseId = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    int unreadCount = 0;
    QJsonObject toJson() const;
    static std::optional<Thread> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const Thread &) const = default;
};

struct Message // a message of a thread, and the answer to posting one
{
    qint64 id = 0;
    PersonRef sender;
    QString content;
    QDateTime createdAt;
    bool isRead = false;
    QJsonObject toJson() const;
    static std::optional<Message> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const Message &) const = default;
};

struct ThreadDetail // GET /api/portal/messages/{id}/ and the answer to creating a thread: "case" is
                    // {id,title}
{
    qint64 id = 0;
    QString subject;
    CaseRef caseRef;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<Message> messages; // oldest first
    QJsonObject toJson() const;
    static std::optional<ThreadDetail> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const ThreadDetail &) const = default;
};

struct Document // an item of GET /api/portal/documents/
{
    qint64 id = 0;
    QString title;
    QString description;
    QString fileType;
    qint64 fileSize = 0;
    QDateTime uploadedAt;
    CaseRef caseRef;
    QJsonObject toJson() const;
    static std::optional<Document> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const Document &) const = default;
};

struct DocumentDetail // GET /api/portal/documents/{id}/: the list item plus "download_url"
{
    Document document; // flattened into the same object on the wire
    QString downloadUrl;
    QJsonObject toJson() const;
    static std::optional<DocumentDetail> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const DocumentDetail &) const = default;
};

struct Task // an item of GET /api/portal/tasks/
{
    qint64 id = 0;
    QString title;
    QString description;
    QString status; // PENDING, IN_PROGRESS, COMPLETED, ...
    QDate dueDate; // null on the wire when invalid
    CaseRef caseRef;
    QJsonObject toJson() const;
    static std::optional<Task> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const Task &) const = default;
};

struct Notification // an item of GET /api/portal/notifications/ and the answer to marking one read
{
    qint64 id = 0;
    QString notificationType; // MESSAGE, DOCUMENT, TASK, CASE
    QString title;
    QString message;
    QDateTime createdAt;
    bool isRead = false;
    QString relatedObjectType; // MessageThread, Document, Task, Case; empty means null on the wire
    std::optional<qint64> relatedObjectId;
    QJsonObject toJson() const;
    static std::optional<Notification> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const Notification &) const = default;
};

// ---- requests --------------------------------------------------------------------------------------------

struct TokenRequest // POST /api/token/
{
    QString username;
    QString password;
    QJsonObject toJson() const;
    static std::optional<TokenRequest> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const TokenRequest &) const = default;
};

struct RefreshRequest // POST /api/token/refresh/
{
    QString refresh;
    QJsonObject toJson() const;
    static std::optional<RefreshRequest> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const RefreshRequest &) const = default;
};

struct TokenPair // the answer of both token endpoints (refresh rotates, so it answers both tokens too)
{
    QString access;
    QString refresh; // may be absent from a refresh answer of a server that does not rotate
    QJsonObject toJson() const;
    static std::optional<TokenPair> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const TokenPair &) const = default;
};

struct NewMessage // POST /api/portal/messages/{id}/
{
    QString content;
    QJsonObject toJson() const;
    static std::optional<NewMessage> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const NewMessage &) const = default;
};

struct NewThread // POST /api/portal/messages/
{
    QString subject;
    qint64 caseId = 0;
    QString message;
    QJsonObject toJson() const;
    static std::optional<NewThread> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const NewThread &) const = default;
};

struct WebhookEvent // the body of a webhook delivery
{
    QString event; // message.created, document.uploaded, task.assigned, case.updated
    QDateTime timestamp;
    QJsonObject data; // the ids of the objects involved, e.g. message_id, thread_id, sender_id, case_id
    QJsonObject toJson() const;
    static std::optional<WebhookEvent> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const WebhookEvent &) const = default;
};

struct ErrorEnvelope // {"error": {"code", "message", "details"}}
{
    QString code;
    QString message;
    FieldErrors details; // omitted from the wire when empty
    QJsonObject toJson() const;
    static std::optional<ErrorEnvelope> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const ErrorEnvelope &) const = default;
};

// Lists travel as JSON arrays of objects.
template<typename T> QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}

// Decodes every element or nothing; an error names the element as "[index].field".
template<typename T>
std::optional<QList<T>> listFromJson(const QJsonArray &array, FieldErrors *errors = nullptr)
{
    QList<T> items;
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        FieldErrors itemErrors;
        if (!array.at(i).isObject()) {
            if (errors)
                (*errors)[QStringLiteral("[%1]").arg(i)].append(QStringLiteral("Expected an object."));
            return std::nullopt;
        }
        auto item = T::fromJson(array.at(i).toObject(), errors ? &itemErrors : nullptr);
        if (!item) {
            if (errors) {
                for (auto it = itemErrors.cbegin(); it != itemErrors.cend(); ++it)
                    (*errors)[QStringLiteral("[%1].%2").arg(i).arg(it.key())] += it.value();
            }
            return std::nullopt;
        }
        items.append(std::move(*item));
    }
    return items;
}

} // namespace portal::api
