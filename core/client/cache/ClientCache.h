// The per-account offline cache: the one source the desktop views read, filled by the sync engine. It opens
// (and migrates) one SQLite file, takes each sync step's writes in one transaction (apply()), answers the
// views' reads and the full-text search as plain values, and holds the outbox and the records of downloaded
// files. Use it from one thread. Every failure is a CacheError, never a crash.
#pragma once

#include "CacheError.h"
#include "CacheTypes.h"
#include "CacheWriter.h"
#include "DocumentFiles.h"
#include "Outbox.h"
#include "WireTypes.h"

#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace portal::client {

class CacheDatabase;

class ClientCache : public QObject
{
    Q_OBJECT

public:
    // Opens the file (creating it and its folder), upgrades its schema, and puts outbox items interrupted
    // while sending back to pending. Corrupt for a file that is not a database, TooNew for one written by a
    // newer program.
    static CacheResult<std::unique_ptr<ClientCache>> open(const QString &filePath);
    ~ClientCache() override;

    QString filePath() const;

    // ---- writes: one transaction per call ----
    // Runs `write` and commits what it wrote, or nothing: when an operation fails, the writer aborts or
    // throws, everything is rolled back and the error is returned (Aborted for abort() and exceptions).
    CacheResult<Done> apply(const std::function<void(CacheWriter &)> &write);

    // ---- reads for the views ----
    CacheResult<std::optional<api::Profile>> profile();
    CacheResult<QList<CachedCase>> cases(const CaseFilter &filter = {});
    CacheResult<std::optional<CachedCase>> caseById(qint64 caseId);
    CacheResult<std::optional<CaseView>> caseDetail(qint64 caseId);
    // Newest first (by updated_at); all threads, or one case's.
    CacheResult<QList<ThreadSummary>> threads(std::optional<qint64> caseId = std::nullopt);
    CacheResult<std::optional<api::Thread>> thread(qint64 threadId);
    // Oldest first; `limit` > 0 gives only the newest `limit` (still oldest first).
    CacheResult<QList<api::Message>> messages(qint64 threadId, int limit = 0);
    // Newest first; all, or one case's.
    CacheResult<QList<api::Document>> documents(std::optional<qint64> caseId = std::nullopt);
    CacheResult<std::optional<api::DocumentDetail>> document(qint64 documentId);
    // By due date, undated last; all, or one case's.
    CacheResult<QList<api::Task>> tasks(std::optional<qint64> caseId = std::nullopt);
    CacheResult<std::optional<api::Task>> task(qint64 taskId);
    // Newest first; `limit` > 0 gives only the newest `limit`.
    CacheResult<QList<api::Notification>> notifications(int limit = 0);
    CacheResult<UnreadTotals> unreadTotals();

    // ---- sync state (written with CacheWriter::setSyncValue) ----
    CacheResult<std::optional<QString>> syncValue(const QString &key);

    // ---- full-text search ----
    // Any text is safe: words become quoted prefix terms that must all match ("contr caf" finds "Contract"
    // and "café"). Best first (bm25, titles count more); at most `limit` hits; empty input finds nothing.
    CacheResult<QList<SearchHit>> search(const QString &text, int limit = 50);

    Outbox &outbox() { return m_outbox; }
    DocumentFiles &documentFiles() { return m_documentFiles; }

signals:
    // After every committed write: what it touched.
    void changed(portal::client::CacheKinds kinds);

private:
    explicit ClientCache(std::unique_ptr<CacheDatabase> database);

    std::unique_ptr<CacheDatabase> m_database;
    Outbox m_outbox;
    DocumentFiles m_documentFiles;
};

} // namespace portal::client
