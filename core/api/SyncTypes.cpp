#include "SyncTypes.h"

#include "JsonFields.h"

using namespace Qt::StringLiterals;

namespace portal::api {

using json::FieldReader;

namespace {

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return array;
}

// A required array of whole numbers; each bad element is reported as "key[i]".
QList<qint64> readIds(const QJsonObject &json, QLatin1StringView key, FieldReader &fields)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined()) {
        fields.fail(key, u"This field is required."_s);
        return {};
    }
    if (!value.isArray()) {
        fields.fail(key, u"Expected a list."_s);
        return {};
    }
    QList<qint64> ids;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const auto id = json::integralValue(array.at(i));
        if (!id)
            fields.fail(QStringLiteral("%1[%2]").arg(key).arg(i), u"A valid integer is required."_s);
        else
            ids.append(*id);
    }
    return ids;
}

} // namespace

QJsonObject SyncCase::toJson() const
{
    QJsonObject json = summary.toJson();
    json.insert("assigned_attorney"_L1,
                assignedAttorney ? QJsonValue(assignedAttorney->toJson()) : QJsonValue(QJsonValue::Null));
    return json;
}

std::optional<SyncCase> SyncCase::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    SyncCase item {
        .summary = fields.flattened<Case>(),
        .assignedAttorney = fields.nullableNested<Attorney>("assigned_attorney"_L1),
    };
    return fields.result(std::move(item));
}

QJsonObject SyncMessage::toJson() const
{
    QJsonObject json = message.toJson();
    json.insert("thread"_L1, threadId);
    return json;
}

std::optional<SyncMessage> SyncMessage::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    SyncMessage item {
        .message = fields.flattened<Message>(),
        .threadId = fields.requiredInteger("thread"_L1),
    };
    return fields.result(std::move(item));
}

bool SyncDeletions::isEmpty() const
{
    return cases.isEmpty() && threads.isEmpty() && messages.isEmpty() && documents.isEmpty()
        && tasks.isEmpty() && notifications.isEmpty();
}

QJsonObject SyncDeletions::toJson() const
{
    return { { "cases", idArray(cases) },       { "threads", idArray(threads) },
             { "messages", idArray(messages) }, { "documents", idArray(documents) },
             { "tasks", idArray(tasks) },       { "notifications", idArray(notifications) } };
}

std::optional<SyncDeletions> SyncDeletions::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    SyncDeletions deletions {
        .cases = readIds(json, "cases"_L1, fields),
        .threads = readIds(json, "threads"_L1, fields),
        .messages = readIds(json, "messages"_L1, fields),
        .documents = readIds(json, "documents"_L1, fields),
        .tasks = readIds(json, "tasks"_L1, fields),
        .notifications = readIds(json, "notifications"_L1, fields),
    };
    return fields.result(std::move(deletions));
}

qsizetype SyncPage::objectCount() const
{
    return (profile ? 1 : 0) + cases.size() + threads.size() + messages.size() + documents.size()
        + tasks.size() + notifications.size() + deleted.cases.size() + deleted.threads.size()
        + deleted.messages.size() + deleted.documents.size() + deleted.tasks.size()
        + deleted.notifications.size();
}

QJsonObject SyncPage::toJson() const
{
    return { { "cursor", cursor },
             { "has_more", hasMore },
             { "profile", profile ? QJsonValue(profile->toJson()) : QJsonValue(QJsonValue::Null) },
             { "cases", toJsonArray(cases) },
             { "threads", toJsonArray(threads) },
             { "messages", toJsonArray(messages) },
             { "documents", toJsonArray(documents) },
             { "tasks", toJsonArray(tasks) },
             { "notifications", toJsonArray(notifications) },
             { "deleted", deleted.toJson() } };
}

std::optional<SyncPage> SyncPage::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    SyncPage page {
        .cursor = fields.requiredString("cursor"_L1),
        .hasMore = fields.requiredBool("has_more"_L1),
        .profile = fields.nullableNested<Profile>("profile"_L1),
        .cases = fields.list<SyncCase>("cases"_L1),
        .threads = fields.list<Thread>("threads"_L1),
        .messages = fields.list<SyncMessage>("messages"_L1),
        .documents = fields.list<Document>("documents"_L1),
        .tasks = fields.list<Task>("tasks"_L1),
        .notifications = fields.list<Notification>("notifications"_L1),
        .deleted = fields.nested<SyncDeletions>("deleted"_L1),
    };
    return fields.result(std::move(page));
}

} // namespace portal::api
