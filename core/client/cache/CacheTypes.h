// The plain values the client cache takes and gives besides the API's wire types: what a view lists, what
// a search finds, how a write treats the person's read state, and the names of the sync state's keys.
#pragma once

#include "WireTypes.h"

#include <QFlags>
#include <QList>
#include <QString>
#include <optional>

namespace portal::client {

// What a write does with read state (messages' is_read, threads' unread_count) the cache already has.
// KeepLocal is for servers that mark a thread read when it is fetched: messages the cache knows keep their
// is_read and known threads keep their unread count; only new objects take the server's values.
enum class ReadState { FromServer, KeepLocal };

// A case as the cache holds it: the list item and, when the server said, its assigned attorney (the delta's
// case items and the case detail carry it; plain list items do not, and then the cache keeps what it knew).
struct CachedCase
{
    api::Case summary;
    std::optional<api::Attorney> assignedAttorney;
    bool operator==(const CachedCase &) const = default;
};

// A message with the thread it belongs to, as the delta endpoint sends messages of many threads at once.
struct ThreadMessage
{
    qint64 threadId = 0;
    api::Message message;
    bool operator==(const ThreadMessage &) const = default;
};

// A thread list row: the wire item (with its unread count) and the title of its case.
struct ThreadSummary
{
    api::Thread thread;
    QString caseTitle; // empty when the case is not in the cache
    bool operator==(const ThreadSummary &) const = default;
};

// What the case view shows: the wire case detail, its documents and tasks read from those tables, and the
// case's threads (newest first).
struct CaseView
{
    api::CaseDetail detail;
    QList<api::Thread> threads;
    bool operator==(const CaseView &) const = default;
};

enum class CaseSort { OpenDateNewest, OpenDateOldest, Title, CaseNumber, Status };

struct CaseFilter
{
    QString status; // exact, e.g. "OPEN"; empty: any
    QString caseType; // exact, e.g. "CIVIL"; empty: any
    QString text; // a substring of the title, case number or description, any case; empty: any
    CaseSort sort = CaseSort::OpenDateNewest;
};

// For badges.
struct UnreadTotals
{
    int messages = 0; // the sum of the threads' unread counts
    int threads = 0; // threads with at least one unread message
    int notifications = 0;
    bool operator==(const UnreadTotals &) const = default;
};

// Codes are part of the search index's keys (see CacheSchema.cpp): never renumber.
enum class SearchKind { Case = 1, Thread = 2, Message = 3, Document = 4, Task = 5, Notification = 6 };

struct SearchHit
{
    SearchKind kind = SearchKind::Case;
    qint64 objectId = 0;
    qint64 threadId = 0; // for a message or a thread: the thread to open; else 0
    qint64 caseId = 0; // the case it belongs to, when known; else 0
    QString title; // the object's title; for a message, its thread's subject
    QString snippet; // the matching text with each match between MatchStart and MatchEnd
    double score = 0; // bm25: lower is better

    static constexpr QChar MatchStart = QChar(0x2);
    static constexpr QChar MatchEnd = QChar(0x3);
    // The snippet as HTML: the text escaped, matches in <b>.
    QString snippetHtml() const;
};

// What a write touched, for the views to refresh only what changed.
enum class CacheKind {
    Profile = 0x1,
    Cases = 0x2,
    Threads = 0x4,
    Messages = 0x8,
    Documents = 0x10,
    Tasks = 0x20,
    Notifications = 0x40,
    SyncState = 0x80,
    Outbox = 0x100,
    DocumentFiles = 0x200,
};
Q_DECLARE_FLAGS(CacheKinds, CacheKind)
Q_DECLARE_OPERATORS_FOR_FLAGS(CacheKinds)

// The keys of the sync state the sync engine keeps (any other key works too).
namespace SyncKeys {
inline const QString deltaCursor = QStringLiteral("delta_cursor");
inline const QString lastSyncAt = QStringLiteral("last_sync_at"); // ISO 8601 UTC
inline QString etag(const QString &url)
{
    return QStringLiteral("etag:") + url;
}
} // namespace SyncKeys

} // namespace portal::client
