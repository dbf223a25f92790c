#include "WireTypes.h"

#include "JsonFields.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace portal::api {

using json::dateValue;
using json::FieldReader;
using json::integerOrNull;
using json::stringOrNull;
using json::timestampValue;

// ---- timestamps and dates ------------------------------------------------------------------------------

namespace {

// Text is matched against a pattern before Qt sees it, because QDate/QDateTime::fromString accept more than
// the API allows (single-digit fields, missing offsets). [0-9] rather than \d, which would match any
// Unicode digit; anchoredPattern() rather than ^...$, where $ would also match before a final newline.
QString datePattern()
{
    return uR"((?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2}))"_s;
}

const QRegularExpression &dateExpression()
{
    static const QRegularExpression expression(QRegularExpression::anchoredPattern(datePattern()));
    return expression;
}

// The offset is "Z" or ±HH:MM (also ±HHMM); a timestamp without one is ambiguous and rejected.
const QRegularExpression &timestampExpression()
{
    static const QRegularExpression expression(QRegularExpression::anchoredPattern(
        datePattern()
        + uR"([Tt](?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]+))?)"_s
        + uR"((?:[Zz]|(?<sign>[+-])(?<offsetHour>[0-9]{2}):?(?<offsetMinute>[0-9]{2})))"_s));
    return expression;
}

int capturedNumber(const QRegularExpressionMatch &match, QStringView group)
{
    return match.capturedView(group).toInt();
}

std::optional<QDate> dateFromMatch(const QRegularExpressionMatch &match)
{
    const QDate date(capturedNumber(match, u"year"), capturedNumber(match, u"month"),
                     capturedNumber(match, u"day"));
    return date.isValid() ? std::optional(date) : std::nullopt;
}

// The fraction may have any number of digits (DRF sends microseconds); QDateTime holds milliseconds, so
// the first three digits count and the rest are dropped.
int millisecondsFromFraction(QStringView fraction)
{
    return fraction.left(3).toString().leftJustified(3, u'0').toInt();
}

} // namespace

QString formatTimestamp(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime inUtc = utc.toUTC();
    return inUtc.toString(inUtc.time().msec() == 0 ? u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s
                                                   : u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

std::optional<QDateTime> parseTimestamp(const QString &text)
{
    const QRegularExpressionMatch match = timestampExpression().match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const auto date = dateFromMatch(match);
    const QTime time(capturedNumber(match, u"hour"), capturedNumber(match, u"minute"),
                     capturedNumber(match, u"second"),
                     millisecondsFromFraction(match.capturedView(u"fraction")));
    if (!date || !time.isValid())
        return std::nullopt;

    int offsetSeconds = 0; // "Z"
    if (match.hasCaptured(u"sign")) {
        const int hours = capturedNumber(match, u"offsetHour");
        const int minutes = capturedNumber(match, u"offsetMinute");
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        offsetSeconds = (hours * 60 + minutes) * 60 * (match.capturedView(u"sign") == u"-" ? -1 : 1);
    }
    // The wall-clock time read as UTC is ahead of the real instant by the offset.
    return QDateTime(*date, time, Qt::UTC).addSecs(-offsetSeconds);
}

QString formatDate(const QDate &date)
{
    return date.isValid() ? date.toString(u"yyyy-MM-dd") : QString();
}

std::optional<QDate> parseDate(const QString &text)
{
    const QRegularExpressionMatch match = dateExpression().match(text);
    return match.hasMatch() ? dateFromMatch(match) : std::nullopt;
}

// ---- references ----------------------------------------------------------------------------------------

QJsonObject CaseRef::toJson() const
{
    return { { "id", id }, { "title", title } };
}

std::optional<CaseRef> CaseRef::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    CaseRef ref {
        .id = fields.requiredInteger("id"_L1),
        .title = fields.requiredString("title"_L1),
    };
    return fields.result(std::move(ref));
}

QJsonObject PersonRef::toJson() const
{
    return { { "id", id }, { "name", name } };
}

std::optional<PersonRef> PersonRef::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    PersonRef person {
        .id = fields.requiredInteger("id"_L1),
        .name = fields.requiredString("name"_L1),
    };
    return fields.result(std::move(person));
}

QJsonObject Attorney::toJson() const
{
    return { { "id", id }, { "name", name }, { "email", email } };
}

std::optional<Attorney> Attorney::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    Attorney attorney {
        .id = fields.requiredInteger("id"_L1),
        .name = fields.requiredString("name"_L1),
        .email = fields.requiredString("email"_L1),
    };
    return fields.result(std::move(attorney));
}

// ---- profile -------------------------------------------------------------------------------------------

QJsonObject User::toJson() const
{
    return { { "id", id },
             { "username", username },
             { "email", email },
             { "first_name", firstName },
             { "last_name", lastName } };
}

std::optional<User> User::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    User user {
        .id = fields.requiredInteger("id"_L1),
        .username = fields.requiredString("username"_L1),
        .email = fields.requiredString("email"_L1),
        .firstName = fields.requiredString("first_name"_L1),
        .lastName = fields.requiredString("last_name"_L1),
    };
    return fields.result(std::move(user));
}

QJsonObject Profile::toJson() const
{
    return { { "id", id },
             { "user", user.toJson() },
             { "company_name", companyName },
             { "phone", phone },
             { "address", address } };
}

std::optional<Profile> Profile::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    Profile profile {
        .id = fields.requiredInteger("id"_L1),
        .user = fields.nested<User>("user"_L1),
        .companyName = fields.requiredString("company_name"_L1),
        .phone = fields.requiredString("phone"_L1),
        .address = fields.requiredString("address"_L1),
    };
    return fields.result(std::move(profile));
}

// ---- cases ---------------------------------------------------------------------------------------------

QJsonObject Case::toJson() const
{
    return { { "id", id },
             { "title", title },
             { "case_number", caseNumber },
             { "status", status },
             { "open_date", dateValue(openDate) },
             { "description", description },
             { "case_type", caseType } };
}

std::optional<Case> Case::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    Case item {
        .id = fields.requiredInteger("id"_L1),
        .title = fields.requiredString("title"_L1),
        .caseNumber = fields.requiredString("case_number"_L1),
        .status = fields.requiredString("status"_L1),
        .openDate = fields.requiredDate("open_date"_L1),
        .description = fields.optionalString("description"_L1),
        .caseType = fields.requiredString("case_type"_L1),
    };
    return fields.result(std::move(item));
}

QJsonObject CaseDocument::toJson() const
{
    return { { "id", id },
             { "title", title },
             { "file_type", fileType },
             { "uploaded_at", timestampValue(uploadedAt) } };
}

std::optional<CaseDocument> CaseDocument::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    CaseDocument document {
        .id = fields.requiredInteger("id"_L1),
        .title = fields.requiredString("title"_L1),
        .fileType = fields.requiredString("file_type"_L1),
        .uploadedAt = fields.requiredTimestamp("uploaded_at"_L1),
    };
    return fields.result(std::move(document));
}

QJsonObject CaseTask::toJson() const
{
    return { { "id", id }, { "title", title }, { "status", status }, { "due_date", dateValue(dueDate) } };
}

std::optional<CaseTask> CaseTask::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    CaseTask task {
        .id = fields.requiredInteger("id"_L1),
        .title = fields.requiredString("title"_L1),
        .status = fields.requiredString("status"_L1),
        .dueDate = fields.nullableDate("due_date"_L1),
    };
    return fields.result(std::move(task));
}

QJsonObject CaseDetail::toJson() const
{
    QJsonObject json = summary.toJson();
    json.insert("assigned_attorney"_L1,
                assignedAttorney ? QJsonValue(assignedAttorney->toJson()) : QJsonValue(QJsonValue::Null));
    json.insert("documents"_L1, toJsonArray(documents));
    json.insert("tasks"_L1, toJsonArray(tasks));
    return json;
}

std::optional<CaseDetail> CaseDetail::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    CaseDetail detail {
        .summary = fields.flattened<Case>(),
        .assignedAttorney = fields.nullableNested<Attorney>("assigned_attorney"_L1),
        .documents = fields.list<CaseDocument>("documents"_L1),
        .tasks = fields.list<CaseTask>("tasks"_L1),
    };
    return fields.result(std::move(detail));
}

// ---- messages ------------------------------------------------------------------------------------------

QJsonObject Thread::toJson() const
{
    return { { "id", id },
             { "subject", subject },
             { "case", caseId },
             { "created_at", timestampValue(createdAt) },
             { "updated_at", timestampValue(updatedAt) },
             { "unread_count", unreadCount } };
}

std::optional<Thread> Thread::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    Thread thread {
        .id = fields.requiredInteger("id"_L1),
        .subject = fields.requiredString("subject"_L1),
        .caseId = fields.requiredInteger("case"_L1),
        .createdAt = fields.requiredTimestamp("created_at"_L1),
        .updatedAt = fields.requiredTimestamp("updated_at"_L1),
        .unreadCount = fields.requiredInt("unread_count"_L1),
    };
    return fields.result(std::move(thread));
}

QJsonObject Message::toJson() const
{
    return { { "id", id },
             { "sender", sender.toJson() },
             { "content", content },
             { "created_at", timestampValue(createdAt) },
             { "is_read", isRead } };
}

std::optional<Message> Message::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    Message message {
        .id = fields.requiredInteger("id"_L1),
        .sender = fields.nested<PersonRef>("sender"_L1),
        .content = fields.requiredString("content"_L1),
        .createdAt = fields.requiredTimestamp("created_at"_L1),
        .isRead = fields.requiredBool("is_read"_L1),
    };
    return fields.result(std::move(message));
}

QJsonObject ThreadDetail::toJson() const
{
    return { { "id", id },
             { "subject", subject },
             { "case", caseRef.toJson() },
             { "created_at", timestampValue(createdAt) },
             { "updated_at", timestampValue(updatedAt) },
             { "messages", toJsonArray(messages) } };
}

std::optional<ThreadDetail> ThreadDetail::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    ThreadDetail thread {
        .id = fields.requiredInteger("id"_L1),
        .subject = fields.requiredString("subject"_L1),
        .caseRef = fields.nested<CaseRef>("case"_L1),
        .createdAt = fields.requiredTimestamp("created_at"_L1),
        .updatedAt = fields.requiredTimestamp("updated_at"_L1),
        .messages = fields.list<Message>("messages"_L1),
    };
    return fields.result(std::move(thread));
}

// ---- documents -----------------------------------------------------------------------------------------

QJsonObject Document::toJson() const
{
    return { { "id", id },
             { "title", title },
             { "description", description },
             { "file_type", fileType },
             { "file_size", fileSize },
             { "uploaded_at", timestampValue(uploadedAt) },
             { "case", caseRef.toJson() } };
}

std::optional<Document> Document::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    Document document {
        .id = fields.requiredInteger("id"_L1),
        .title = fields.requiredString("title"_L1),
        .description = fields.optionalString("description"_L1),
        .fileType = fields.requiredString("file_type"_L1),
        .fileSize = fields.requiredInteger("file_size"_L1),
        .uploadedAt = fields.requiredTimestamp("uploaded_at"_L1),
        .caseRef = fields.nested<CaseRef>("case"_L1),
    };
    return fields.result(std::move(document));
}

QJsonObject DocumentDetail::toJson() const
{
    QJsonObject json = document.toJson();
    json.insert("download_url"_L1, downloadUrl);
    return json;
}

std::optional<DocumentDetail> DocumentDetail::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    DocumentDetail detail {
        .document = fields.flattened<Document>(),
        .downloadUrl = fields.requiredString("download_url"_L1),
    };
    return fields.result(std::move(detail));
}

// ---- tasks and notifications ---------------------------------------------------------------------------

QJsonObject Task::toJson() const
{
    return { { "id", id },
             { "title", title },
             { "description", description },
             { "status", status },
             { "due_date", dateValue(dueDate) },
             { "case", caseRef.toJson() } };
}

std::optional<Task> Task::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    Task task {
        .id = fields.requiredInteger("id"_L1),
        .title = fields.requiredString("title"_L1),
        .description = fields.optionalString("description"_L1),
        .status = fields.requiredString("status"_L1),
        .dueDate = fields.nullableDate("due_date"_L1),
        .caseRef = fields.nested<CaseRef>("case"_L1),
    };
    return fields.result(std::move(task));
}

QJsonObject Notification::toJson() const
{
    return { { "id", id },
             { "notification_type", notificationType },
             { "title", title },
             { "message", message },
             { "created_at", timestampValue(createdAt) },
             { "is_read", isRead },
             { "related_object_type", stringOrNull(relatedObjectType) },
             { "related_object_id", integerOrNull(relatedObjectId) } };
}

std::optional<Notification> Notification::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    Notification notification {
        .id = fields.requiredInteger("id"_L1),
        .notificationType = fields.requiredString("notification_type"_L1),
        .title = fields.requiredString("title"_L1),
        .message = fields.requiredString("message"_L1),
        .createdAt = fields.requiredTimestamp("created_at"_L1),
        .isRead = fields.requiredBool("is_read"_L1),
        .relatedObjectType = fields.nullableString("related_object_type"_L1),
        .relatedObjectId = fields.nullableInteger("related_object_id"_L1),
    };
    return fields.result(std::move(notification));
}

// ---- requests ------------------------------------------------------------------------------------------
// Only presence and type are checked here: emptiness and length are the server's validation, which answers
// them in the error envelope with its own messages.

QJsonObject TokenRequest::toJson() const
{
    return { { "username", username }, { "password", password } };
}

std::optional<TokenRequest> TokenRequest::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    TokenRequest request {
        .username = fields.requiredString("username"_L1),
        .password = fields.requiredString("password"_L1),
    };
    return fields.result(std::move(request));
}

QJsonObject RefreshRequest::toJson() const
{
    return { { "refresh", refresh } };
}

std::optional<RefreshRequest> RefreshRequest::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    RefreshRequest request { .refresh = fields.requiredString("refresh"_L1) };
    return fields.result(std::move(request));
}

QJsonObject TokenPair::toJson() const
{
    QJsonObject json { { "access", access } };
    if (!refresh.isEmpty())
        json.insert("refresh"_L1, refresh);
    return json;
}

std::optional<TokenPair> TokenPair::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    TokenPair pair {
        .access = fields.requiredString("access"_L1),
        .refresh = fields.optionalString("refresh"_L1),
    };
    return fields.result(std::move(pair));
}

QJsonObject NewMessage::toJson() const
{
    return { { "content", content } };
}

std::optional<NewMessage> NewMessage::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    NewMessage message { .content = fields.requiredString("content"_L1) };
    return fields.result(std::move(message));
}

QJsonObject NewThread::toJson() const
{
    return { { "subject", subject }, { "case", caseId }, { "message", message } };
}

std::optional<NewThread> NewThread::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    NewThread thread {
        .subject = fields.requiredString("subject"_L1),
        .caseId = fields.requiredInteger("case"_L1),
        .message = fields.requiredString("message"_L1),
    };
    return fields.result(std::move(thread));
}

// ---- webhooks and errors -------------------------------------------------------------------------------

QJsonObject WebhookEvent::toJson() const
{
    return { { "event", event }, { "timestamp", timestampValue(timestamp) }, { "data", data } };
}

std::optional<WebhookEvent> WebhookEvent::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    WebhookEvent webhook {
        .event = fields.requiredString("event"_L1),
        .timestamp = fields.requiredTimestamp("timestamp"_L1),
        .data = fields.requiredObject("data"_L1),
    };
    return fields.result(std::move(webhook));
}

namespace {

QJsonObject detailsToJson(const FieldErrors &details)
{
    QJsonObject json;
    for (auto it = details.cbegin(); it != details.cend(); ++it)
        json.insert(it.key(), QJsonArray::fromStringList(it.value()));
    return json;
}

// A lone string is taken as a list of one: the client would rather show an error that a server shaped
// slightly differently than lose it.
std::optional<QStringList> messagesFromJson(const QJsonValue &value)
{
    if (value.isString())
        return QStringList { value.toString() };
    if (!value.isArray())
        return std::nullopt;
    QStringList messages;
    for (const QJsonValue &message : value.toArray()) {
        if (!message.isString())
            return std::nullopt;
        messages.append(message.toString());
    }
    return messages;
}

FieldErrors detailsFromJson(const QJsonObject &json, FieldReader &fields)
{
    FieldErrors details;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (const auto messages = messagesFromJson(it.value()))
            details.insert(it.key(), *messages);
        else
            fields.fail(u"details."_s + it.key(), u"Expected a list of strings."_s);
    }
    return details;
}

} // namespace

QJsonObject ErrorEnvelope::toJson() const
{
    QJsonObject error { { "code", code }, { "message", message } };
    if (!details.isEmpty())
        error.insert("details"_L1, detailsToJson(details));
    return { { "error", error } };
}

std::optional<ErrorEnvelope> ErrorEnvelope::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader envelope(json, errors);
    const QJsonObject body = envelope.requiredObject("error"_L1);
    if (!envelope.ok())
        return std::nullopt;

    FieldReader fields(body, errors, u"error"_s);
    ErrorEnvelope error {
        .code = fields.requiredString("code"_L1),
        .message = fields.requiredString("message"_L1),
        .details = detailsFromJson(fields.optionalObject("details"_L1), fields),
    };
    return fields.result(std::move(error));
}

} // namespace portal::api
