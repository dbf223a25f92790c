// The writes of one sync step, handed to the function given to ClientCache::apply() and committed together.
// Each operation takes the API's wire types as decoded, so the sync engine feeds what it received. The first
// failing statement (a full disk, a value the schema refuses) or abort() stops the writer: later operations
// do nothing and answer false, and apply() rolls everything back and returns that error. Search rows follow
// every write through triggers in the same transaction.
#pragma once

#include "CacheError.h"
#include "CacheTypes.h"
#include "Outbox.h"
#include "WireTypes.h"

#include <QList>
#include <QString>
#include <optional>

namespace portal::client {

class CacheDatabase;

class CacheWriter
{
public:
    explicit CacheWriter(CacheDatabase &database)
        : m_database(database)
    { }
    CacheWriter(const CacheWriter &) = delete;
    CacheWriter &operator=(const CacheWriter &) = delete;

    bool setProfile(const api::Profile &profile);

    // Cases: with the attorney as given (nullopt: none assigned), or, from plain list items, keeping the
    // attorney the cache knew. A case detail also sets the case's documents and tasks: those it lists are
    // added or updated with the fields it carries, the case's others are removed.
    bool upsertCases(const QList<CachedCase> &cases);
    bool upsertCases(const QList<api::Case> &cases);
    bool upsertCaseDetail(const api::CaseDetail &detail);

    // Threads from the list (with unread_count); a thread detail sets the thread and replaces its messages
    // (its unread count then follows the messages' is_read, or with KeepLocal stays as it was).
    bool upsertThreads(const QList<api::Thread> &threads, ReadState readState = ReadState::FromServer);
    bool upsertThreadDetail(const api::ThreadDetail &detail, ReadState readState = ReadState::FromServer);

    // Messages of one thread, or of many (the delta). KeepLocal keeps the is_read of known messages.
    bool upsertMessages(qint64 threadId, const QList<api::Message> &messages,
                        ReadState readState = ReadState::FromServer);
    bool upsertMessages(const QList<ThreadMessage> &messages, ReadState readState = ReadState::FromServer);
    // The thread's messages become exactly `messages` (the others are removed).
    bool replaceThreadMessages(qint64 threadId, const QList<api::Message> &messages,
                               ReadState readState = ReadState::FromServer);

    bool upsertDocuments(const QList<api::Document> &documents);
    bool upsertDocument(const api::DocumentDetail &detail); // also keeps the download URL
    bool upsertTasks(const QList<api::Task> &tasks);
    bool upsertNotifications(const QList<api::Notification> &notifications);

    // A full list from the server: what it no longer lists disappears locally. Removing a case removes its
    // threads (with their messages), documents and tasks; removing a thread removes its messages.
    bool replaceAllCases(const QList<CachedCase> &cases);
    bool replaceAllCases(const QList<api::Case> &cases);
    bool replaceAllThreads(const QList<api::Thread> &threads, ReadState readState = ReadState::FromServer);
    bool replaceAllDocuments(const QList<api::Document> &documents);
    bool replaceAllTasks(const QList<api::Task> &tasks);
    bool replaceAllNotifications(const QList<api::Notification> &notifications);

    // The delta's `deleted` lists (same cascades as above).
    bool deleteCases(const QList<qint64> &ids);
    bool deleteThreads(const QList<qint64> &ids);
    bool deleteMessages(const QList<qint64> &ids);
    bool deleteDocuments(const QList<qint64> &ids);
    bool deleteTasks(const QList<qint64> &ids);
    bool deleteNotifications(const QList<qint64> &ids);

    // The person's own reads, shown at once (the outbox carries them to the server).
    bool markThreadRead(qint64 threadId);
    bool markNotificationRead(qint64 notificationId);

    bool setSyncValue(const QString &key, const QString &value);
    bool removeSyncValue(const QString &key);

    // An outbox item in the same transaction as a local change (e.g. markThreadRead()).
    std::optional<OutboxItem> enqueue(const OutboxRequest &request);
    // A sent item leaves the outbox in the same transaction as the server's answer enters the cache, so a
    // view never shows both the pending and the sent copy. An item already gone (discarded) is no error.
    bool removeOutboxItem(qint64 id);

    // Gives up: nothing of this apply() is written, and apply() returns Aborted with `message`.
    void abort(const QString &message);

    const std::optional<CacheError> &error() const { return m_error; }
    CacheKinds changes() const { return m_changes; }

private:
    bool run(const QString &sql, const QVariantList &values);
    bool touch(CacheKinds kinds);
    bool upsertCase(const api::Case &summary, const std::optional<api::Attorney> *attorney);
    bool upsertMessage(qint64 threadId, const api::Message &message, ReadState readState);
    bool setThreadUnreadFromMessages(qint64 threadId);
    bool removeCasesWhere(const QString &condition, const QVariantList &values);
    bool removeThreadsWhere(const QString &condition, const QVariantList &values);

    CacheDatabase &m_database;
    std::optional<CacheError> m_error;
    CacheKinds m_changes;
};

} // namespace portal::client
