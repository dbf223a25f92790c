// AccountActions for the UI tests and the screenshots: records every call, and does what the real one
// shows in the cache at once (a sent message waits in the outbox, a read thread is read), so the views
// can be checked end to end without a server.
#pragma once

#include "AccountActions.h"
#include "ClientCache.h"

#include <QStringList>

namespace portal::ui {

class FakeAccountActions : public AccountActions
{
public:
    explicit FakeAccountActions(client::ClientCache &cache, QObject *parent = nullptr)
        : AccountActions(parent)
        , m_cache(cache)
    { }

    QStringList calls; // "sendMessage 1 text", "markThreadRead 1", ...
    SyncState state = SyncState::Idle;
    QDateTime lastSynced;
    QHash<qint64, QString> files; // documentId -> local file

    void sendMessage(qint64 threadId, const QString &text) override
    {
        calls << QStringLiteral("sendMessage %1 %2").arg(threadId).arg(text);
        (void)m_cache.outbox().enqueue(client::OutboxRequest::newMessage(threadId, api::NewMessage { text }));
        emit statusChanged();
    }
    void startThread(qint64 caseId, const QString &subject, const QString &text) override
    {
        calls << QStringLiteral("startThread %1 %2 %3").arg(caseId).arg(subject, text);
    }
    void markThreadRead(qint64 threadId) override
    {
        calls << QStringLiteral("markThreadRead %1").arg(threadId);
        (void)m_cache.apply([&](client::CacheWriter &writer) { writer.markThreadRead(threadId); });
    }
    void markNotificationRead(qint64 id) override
    {
        calls << QStringLiteral("markNotificationRead %1").arg(id);
        (void)m_cache.apply([&](client::CacheWriter &writer) { writer.markNotificationRead(id); });
    }
    void markAllNotificationsRead() override
    {
        calls << QStringLiteral("markAllNotificationsRead");
        auto all = m_cache.notifications();
        (void)m_cache.apply([&](client::CacheWriter &writer) {
            for (const api::Notification &n : *all)
                writer.markNotificationRead(n.id);
        });
    }
    void retryOutboxItem(qint64 id) override
    {
        calls << QStringLiteral("retryOutboxItem %1").arg(id);
        (void)m_cache.outbox().retry(id);
    }
    void discardOutboxItem(qint64 id) override
    {
        calls << QStringLiteral("discardOutboxItem %1").arg(id);
        (void)m_cache.outbox().remove(id);
    }
    void download(qint64 documentId) override { calls << QStringLiteral("download %1").arg(documentId); }
    void cancelDownload(qint64 documentId) override
    {
        calls << QStringLiteral("cancelDownload %1").arg(documentId);
    }
    QString localFile(qint64 documentId) override { return files.value(documentId); }
    qint64 upload(qint64 caseId, const QString &filePath, const QString &title, const QString &) override
    {
        calls << QStringLiteral("upload %1 %2 %3").arg(caseId).arg(filePath, title);
        return ++m_lastUpload;
    }
    void cancelUpload(qint64 uploadId) override { calls << QStringLiteral("cancelUpload %1").arg(uploadId); }
    void syncNow() override { calls << QStringLiteral("syncNow"); }
    SyncState syncState() const override { return state; }
    QDateTime lastSyncedAt() const override { return lastSynced; }
    int pendingCount() const override
    {
        auto unsent = m_cache.outbox().unsentItems();
        return unsent ? int(unsent->size()) : 0;
    }
    QString accountName() const override { return QStringLiteral("John Doe (client_username)"); }
    void signOut() override { calls << QStringLiteral("signOut"); }

    void setState(SyncState s)
    {
        state = s;
        emit statusChanged();
    }

private:
    client::ClientCache &m_cache;
    qint64 m_lastUpload = 0;
};

} // namespace portal::ui
