// The wire types of GET /api/portal/sync/ (our delta-sync extension, docs/api.md "Delta sync"): one page of
// the objects of the caller's account that changed after a cursor, each in its latest state and in the
// shape its list endpoint gives it, plus the ids of objects that were deleted. Strict fromJson() as in
// WireTypes.h: a missing key or a wrong type fails with per-field errors.
#pragma once

#include "WireTypes.h"

namespace portal::api {

struct SyncCase // a case list item plus its assigned attorney (null when none)
{
    Case summary; // flattened into the same object on the wire
    std::optional<Attorney> assignedAttorney;
    QJsonObject toJson() const;
    static std::optional<SyncCase> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const SyncCase &) const = default;
};

struct SyncMessage // a message as in a thread detail, plus "thread": the thread's id
{
    Message message; // flattened into the same object on the wire
    qint64 threadId = 0;
    QJsonObject toJson() const;
    static std::optional<SyncMessage> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const SyncMessage &) const = default;
};

struct SyncDeletions // {"cases": [ids], "threads": [...], ...}: objects gone since the cursor
{
    QList<qint64> cases;
    QList<qint64> threads;
    QList<qint64> messages;
    QList<qint64> documents;
    QList<qint64> tasks;
    QList<qint64> notifications;
    bool isEmpty() const;
    QJsonObject toJson() const;
    static std::optional<SyncDeletions> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const SyncDeletions &) const = default;
};

struct SyncPage // the answer of GET /api/portal/sync/
{
    QString cursor; // opaque: pass it back as ?since= next time
    bool hasMore = false; // true: ask again at once with the new cursor
    std::optional<Profile> profile; // null on the wire when unchanged
    QList<SyncCase> cases;
    QList<Thread> threads; // with the caller's unread_count
    QList<SyncMessage> messages; // is_read from the caller's side
    QList<Document> documents;
    QList<Task> tasks;
    QList<Notification> notifications; // the caller's own
    SyncDeletions deleted;
    // The number of objects the page carries (the profile, the lists and the deletions).
    qsizetype objectCount() const;
    QJsonObject toJson() const;
    static std::optional<SyncPage> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);
    bool operator==(const SyncPage &) const = default;
};

} // namespace portal::api
