// One signed-in account as the desktop window sees it (ui::AccountActions): its cache, and the engines that
// fill it and send what the person writes (SyncEngine, OutboxSender, DocumentTransfers), over one Session.
// What the person does is shown at once through the cache (an outbox item, a local read) and sent later;
// every failure reaches the window once, in words.
#pragma once

#include "AccountActions.h"
#include "AccountPaths.h"
#include "ClientCache.h"
#include "CredentialStore.h"
#include "DocumentTransfers.h"
#include "OutboxSender.h"
#include "Session.h"
#include "SyncEngine.h"

#include <QSet>
#include <memory>

namespace portal::app {

class DesktopAccount : public ui::AccountActions
{
    Q_OBJECT

public:
    // Takes a signed-in (or restored) session; `remember` keeps its rotating refresh token in the keyring.
    // A signed-out session set to work offline (portal --offline) shows the cache read-only-until-signed-in:
    // what the person writes waits in the outbox, and syncing or signing out asks for the sign-in dialog.
    DesktopAccount(std::unique_ptr<net::Session> session, std::unique_ptr<client::ClientCache> cache,
                   const client::AccountPaths &paths, bool remember, QObject *parent = nullptr);
    ~DesktopAccount() override;

    client::ClientCache &cache() { return *m_cache; }
    client::SyncEngine &syncEngine() { return *m_sync; }
    void start();
    void setSyncIntervalMinutes(int minutes);

    void sendMessage(qint64 threadId, const QString &text) override;
    void startThread(qint64 caseId, const QString &subject, const QString &text) override;
    void markThreadRead(qint64 threadId) override;
    void markNotificationRead(qint64 notificationId) override;
    void markAllNotificationsRead() override;
    void retryOutboxItem(qint64 outboxItemId) override;
    void discardOutboxItem(qint64 outboxItemId) override;
    void download(qint64 documentId) override;
    void cancelDownload(qint64 documentId) override;
    QString localFile(qint64 documentId) override;
    qint64 upload(qint64 caseId, const QString &filePath, const QString &title,
                  const QString &description) override;
    void cancelUpload(qint64 uploadId) override;
    void syncNow() override;
    SyncState syncState() const override;
    QDateTime lastSyncedAt() const override;
    int pendingCount() const override;
    QString accountName() const override;
    void signOut() override;

signals:
    // The session ended: the person signed out, or the server no longer accepts it.
    void ended(bool expired);
    // Working offline without a session, the person asked to sync: the app shows the sign-in dialog.
    void signInRequested();

private:
    // Runs a local change with its outbox item in one transaction; reports a failure once.
    void writeLocally(const std::function<void(client::CacheWriter &)> &change);

    std::unique_ptr<net::Session> m_session;
    std::unique_ptr<client::ClientCache> m_cache;
    client::AccountPaths m_paths;
    bool m_remember = false;
    net::CredentialStore m_keyring;
    std::unique_ptr<client::SyncEngine> m_sync;
    std::unique_ptr<client::OutboxSender> m_sender;
    std::unique_ptr<client::DocumentTransfers> m_transfers;
    QSet<qint64> m_uploads; // outbox item ids of uploads, for their own signals
};

// A network failure in words, for a person.
QString describeNetError(const net::NetError &error, const QUrl &server);

} // namespace portal::app
