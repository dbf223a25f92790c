// The staff API's wire types (/api/staff/…, our extension documented in docs/api.md): what attorneys and
// administrators see of clients, cases, threads and tasks, and what they send. Kept apart from WireTypes.h,
// which holds the client API's shapes of the shared document and stays exactly that.
// The requests' fromJson() are strict: unknown keys are refused ("This field is not allowed."), so that a
// misspelt PATCH field fails instead of silently changing nothing.
#pragma once

#include "WireTypes.h"

namespace portal::api {

struct ClientRef // {"id", "company_name"}: how a client is named inside other staff objects
{
    qint64 id = 0;
    QString companyName;
    QJsonObject toJson() const;
    bool operator==(const ClientRef &) const = default;
};

struct StaffClient // an item of GET /api/staff/clients/ and the answer to creating one
{
    qint64 id = 0;
    QString companyName;
    QString phone;
    QString address;
    QList<User> users; // the client's active portal accounts
    QJsonObject toJson() const;
    bool operator==(const StaffClient &) const = default;
};

struct StaffCase // GET /api/staff/cases/ items, the case detail and the answer to POST and PATCH
{
    Case summary; // flattened into the same object on the wire
    ClientRef client;
    std::optional<Attorney> assignedAttorney; // null on the wire when none is assigned
    QDateTime updatedAt;
    QJsonObject toJson() const;
    bool operator==(const StaffCase &) const = default;
};

struct StaffThread // an item of GET /api/staff/messages/
{
    qint64 id = 0;
    QString subject;
    CaseRef caseRef;
    ClientRef client;
    QDateTime createdAt;
    QDateTime updatedAt;
    int unreadCount = 0; // the client's messages the caller has not read
    QJsonObject toJson() const;
    bool operator==(const StaffThread &) const = default;
};

struct StaffTask // GET /api/staff/tasks/ items and the answer to POST and PATCH: a Task plus "client"
{
    Task task; // flattened into the same object on the wire
    ClientRef client;
    QJsonObject toJson() const;
    bool operator==(const StaffTask &) const = default;
};

// ---- requests --------------------------------------------------------------------------------------------

struct NewStaffClient // POST /api/staff/clients/
{
    QString companyName;
    QString phone;
    QString address;
    static std::optional<NewStaffClient> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
};

struct NewStaffCase // POST /api/staff/cases/
{
    qint64 clientId = 0;
    QString title;
    QString caseNumber;
    QString status; // empty: OPEN
    QDate openDate; // invalid: today
    QString description;
    QString caseType;
    std::optional<qint64> assignedAttorneyId; // absent: the caller
    static std::optional<NewStaffCase> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
};

struct CasePatch // PATCH /api/staff/cases/{id}/: only the keys present change
{
    std::optional<QString> status;
    std::optional<QString> title;
    std::optional<QString> description;
    std::optional<std::optional<qint64>> assignedAttorneyId; // present and null: unassign
    static std::optional<CasePatch> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
};

struct NewStaffTask // POST /api/staff/tasks/
{
    qint64 caseId = 0;
    QString title;
    QString description;
    QString status; // empty: PENDING
    QDate dueDate; // invalid: none
    static std::optional<NewStaffTask> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
};

struct TaskPatch // PATCH /api/staff/tasks/{id}/: only the keys present change
{
    std::optional<QString> title;
    std::optional<QString> description;
    std::optional<QString> status;
    std::optional<QDate> dueDate; // present and null: an invalid QDate, no due date
    static std::optional<TaskPatch> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
};

} // namespace portal::api
