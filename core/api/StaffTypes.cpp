#include "StaffTypes.h"

#include "JsonFields.h"

using namespace Qt::StringLiterals;

namespace portal::api {

using json::FieldReader;

namespace {

// Records every key of `json` that `allowed` does not name.
void refuseUnknownKeys(const QJsonObject &json, std::initializer_list<QLatin1StringView> allowed,
                       FieldReader &fields)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
            fields.fail(it.key(), u"This field is not allowed."_s);
    }
}

// A PATCH key: read with `read` only when present, so that absent and null stay different.
template<typename Read>
auto whenPresent(const QJsonObject &json, QLatin1StringView key, Read read)
    -> std::optional<decltype(read(key))>
{
    if (!json.contains(key))
        return std::nullopt;
    return read(key);
}

} // namespace

QJsonObject ClientRef::toJson() const
{
    return { { "id", id }, { "company_name", companyName } };
}

QJsonObject StaffClient::toJson() const
{
    return { { "id", id },
             { "company_name", companyName },
             { "phone", phone },
             { "address", address },
             { "users", toJsonArray(users) } };
}

QJsonObject StaffCase::toJson() const
{
    QJsonObject json = summary.toJson();
    json.insert("client"_L1, client.toJson());
    json.insert("assigned_attorney"_L1,
                assignedAttorney ? QJsonValue(assignedAttorney->toJson()) : QJsonValue(QJsonValue::Null));
    json.insert("updated_at"_L1, json::timestampValue(updatedAt));
    return json;
}

QJsonObject StaffThread::toJson() const
{
    return { { "id", id },
             { "subject", subject },
             { "case", caseRef.toJson() },
             { "client", client.toJson() },
             { "created_at", json::timestampValue(createdAt) },
             { "updated_at", json::timestampValue(updatedAt) },
             { "unread_count", unreadCount } };
}

QJsonObject StaffTask::toJson() const
{
    QJsonObject json = task.toJson();
    json.insert("client"_L1, client.toJson());
    return json;
}

std::optional<NewStaffClient> NewStaffClient::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    refuseUnknownKeys(json, { "company_name"_L1, "phone"_L1, "address"_L1 }, fields);
    NewStaffClient client {
        .companyName = fields.requiredString("company_name"_L1),
        .phone = fields.optionalString("phone"_L1),
        .address = fields.optionalString("address"_L1),
    };
    return fields.result(std::move(client));
}

std::optional<NewStaffCase> NewStaffCase::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    refuseUnknownKeys(json,
                      { "client"_L1, "title"_L1, "case_number"_L1, "status"_L1, "open_date"_L1,
                        "description"_L1, "case_type"_L1, "assigned_attorney"_L1 },
                      fields);
    NewStaffCase item {
        .clientId = fields.requiredInteger("client"_L1),
        .title = fields.requiredString("title"_L1),
        .caseNumber = fields.requiredString("case_number"_L1),
        .status = fields.optionalString("status"_L1),
        .openDate = json.contains("open_date"_L1) ? fields.requiredDate("open_date"_L1) : QDate(),
        .description = fields.optionalString("description"_L1),
        .caseType = fields.optionalString("case_type"_L1),
        .assignedAttorneyId = json.contains("assigned_attorney"_L1)
            ? fields.nullableInteger("assigned_attorney"_L1)
            : std::nullopt,
    };
    return fields.result(std::move(item));
}

std::optional<CasePatch> CasePatch::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    refuseUnknownKeys(json, { "status"_L1, "title"_L1, "description"_L1, "assigned_attorney"_L1 }, fields);
    const auto text = [&](QLatin1StringView key) { return fields.requiredString(key); };
    CasePatch patch {
        .status = whenPresent(json, "status"_L1, text),
        .title = whenPresent(json, "title"_L1, text),
        .description = whenPresent(json, "description"_L1, text),
        .assignedAttorneyId = whenPresent(json, "assigned_attorney"_L1,
                                          [&](QLatin1StringView key) { return fields.nullableInteger(key); }),
    };
    return fields.result(std::move(patch));
}

std::optional<NewStaffTask> NewStaffTask::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    refuseUnknownKeys(json, { "case"_L1, "title"_L1, "description"_L1, "status"_L1, "due_date"_L1 }, fields);
    NewStaffTask task {
        .caseId = fields.requiredInteger("case"_L1),
        .title = fields.requiredString("title"_L1),
        .description = fields.optionalString("description"_L1),
        .status = fields.optionalString("status"_L1),
        .dueDate = json.contains("due_date"_L1) ? fields.nullableDate("due_date"_L1) : QDate(),
    };
    return fields.result(std::move(task));
}

std::optional<TaskPatch> TaskPatch::fromJson(const QJsonObject &json, FieldErrors *errors)
{
    FieldReader fields(json, errors);
    refuseUnknownKeys(json, { "title"_L1, "description"_L1, "status"_L1, "due_date"_L1 }, fields);
    const auto text = [&](QLatin1StringView key) { return fields.requiredString(key); };
    TaskPatch patch {
        .title = whenPresent(json, "title"_L1, text),
        .description = whenPresent(json, "description"_L1, text),
        .status = whenPresent(json, "status"_L1, text),
        .dueDate
        = whenPresent(json, "due_date"_L1, [&](QLatin1StringView key) { return fields.nullableDate(key); }),
    };
    return fields.result(std::move(patch));
}

} // namespace portal::api
