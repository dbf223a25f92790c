// What the desktop views ask of the account besides reading the cache: every write, transfer and sync goes
// through this interface, and its signals tell the views about state the cache does not hold (sync state,
// transfer progress, errors). The app implements it over the sync engine, the outbox sender and the
// document transfers; the UI tests implement it in a few lines. The views never wait on it: results come
// back through the cache (its changed() signal) or through these signals.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

namespace portal::ui {

class AccountActions : public QObject
{
    Q_OBJECT

public:
    enum class SyncState { Idle, Syncing, Offline };
    Q_ENUM(SyncState)

    using QObject::QObject;

    // ---- writes (usually: enqueue in the outbox, show at once through the cache) ----
    virtual void sendMessage(qint64 threadId, const QString &text) = 0;
    virtual void startThread(qint64 caseId, const QString &subject, const QString &text) = 0;
    virtual void markThreadRead(qint64 threadId) = 0;
    virtual void markNotificationRead(qint64 notificationId) = 0;
    virtual void markAllNotificationsRead() = 0;
    // A failed outbox item (e.g. a message shown as failed) is sent again or dropped.
    virtual void retryOutboxItem(qint64 outboxItemId) = 0;
    virtual void discardOutboxItem(qint64 outboxItemId) = 0;

    // ---- document transfers ----
    // Progress and the end come as downloadProgress / downloadFinished / downloadFailed.
    virtual void download(qint64 documentId) = 0;
    virtual void cancelDownload(qint64 documentId) = 0;
    // The downloaded file when it is there and whole; empty otherwise.
    virtual QString localFile(qint64 documentId) = 0;
    // Answers an id for the upload's signals (uploadProgress / uploadFinished / uploadFailed).
    virtual qint64 upload(qint64 caseId, const QString &filePath, const QString &title,
                          const QString &description)
        = 0;
    virtual void cancelUpload(qint64 uploadId) = 0;

    // ---- sync and account ----
    virtual void syncNow() = 0;
    virtual SyncState syncState() const = 0;
    virtual QDateTime lastSyncedAt() const = 0; // invalid: never
    virtual int pendingCount() const = 0; // outbox items not yet sent
    virtual QString accountName() const = 0; // e.g. "John Doe (client_username)"
    virtual void signOut() = 0;

signals:
    // syncState(), lastSyncedAt() or pendingCount() changed.
    void statusChanged();
    void downloadProgress(qint64 documentId, qint64 received, qint64 total);
    void downloadFinished(qint64 documentId, const QString &localPath);
    void downloadFailed(qint64 documentId, const QString &message); // not for a cancel
    void uploadProgress(qint64 uploadId, qint64 sent, qint64 total);
    void uploadFinished(qint64 uploadId);
    void uploadFailed(qint64 uploadId, const QString &message);
    // Anything that went wrong, in plain words, once (the window shows it in its one message bar).
    void errorOccurred(const QString &message);
};

} // namespace portal::ui
