#include "DesktopAccount.h"

#include "CacheWriter.h"

#include <QCoreApplication>

namespace portal::app {

// A free function, so its strings take the translation context "NetErrorWording" explicitly.
QString describeNetError(const net::NetError &error, const QUrl &server)
{
    using Kind = net::NetError::Kind;
    const QString host = server.host().isEmpty() ? server.toString() : server.host();
    switch (error.kind) {
    case Kind::Unauthorized:
        return QCoreApplication::translate("NetErrorWording",
                                           "The user name or password is wrong, or the account is disabled.");
    case Kind::Offline:
        return QCoreApplication::translate("NetErrorWording", "You are working offline.");
    case Kind::Unreachable:
        return QCoreApplication::translate("NetErrorWording",
                                           "Cannot reach %1. Check the address and your connection.")
            .arg(host);
    case Kind::Timeout:
        return QCoreApplication::translate("NetErrorWording", "%1 did not answer in time.").arg(host);
    case Kind::Tls:
        return QCoreApplication::translate("NetErrorWording", "The secure connection to %1 failed: %2")
            .arg(host, error.message);
    case Kind::RateLimited:
        return QCoreApplication::translate("NetErrorWording",
                                           "The server asks to slow down; trying again in %n second(s).",
                                           nullptr, error.retryAfterSeconds);
    case Kind::Http:
        return QCoreApplication::translate("NetErrorWording", "The server refused: %1").arg(error.message);
    case Kind::Malformed:
        return QCoreApplication::translate("NetErrorWording", "The server's answer was not understood (%1).")
            .arg(error.message);
    case Kind::Storage:
        return QCoreApplication::translate("NetErrorWording", "Cannot write to this computer's disk: %1")
            .arg(error.message);
    default:
        return error.message;
    }
}

DesktopAccount::DesktopAccount(std::unique_ptr<net::Session> session,
                               std::unique_ptr<client::ClientCache> cache, const client::AccountPaths &paths,
                               bool remember, QObject *parent)
    : ui::AccountActions(parent)
    , m_session(std::move(session))
    , m_cache(std::move(cache))
    , m_paths(paths)
    , m_remember(remember)
    , m_sync(std::make_unique<client::SyncEngine>(*m_session, *m_cache))
    , m_sender(std::make_unique<client::OutboxSender>(*m_session, *m_cache))
    , m_transfers(std::make_unique<client::DocumentTransfers>(*m_session, *m_cache, m_paths))
{
    // The refresh token rotates: the keyring gets each new one before it is used again.
    connect(m_session.get(), &net::Session::refreshTokenChanged, this,
            [this](const QString &username, const QString &token) {
                if (!m_remember)
                    return;
                m_keyring.write(m_session->serverUrl(), username, { token, {} }, this,
                                [this](const net::CredentialResult &result) {
                                    if (result.status == net::CredentialResult::Status::KeyringUnavailable)
                                        m_remember = false; // said once at sign-in; nothing to keep it in
                                });
            });
    connect(m_session.get(), &net::Session::signedOut, this, [this](net::Session::SignOutReason reason) {
        const bool expired = reason == net::Session::SignOutReason::SessionExpired;
        if (expired)
            emit errorOccurred(tr("Your session has ended. Please sign in again."));
        emit ended(expired);
    });

    connect(m_sync.get(), &client::SyncEngine::stateChanged, this, &AccountActions::statusChanged);
    connect(m_sync.get(), &client::SyncEngine::lastSyncedAtChanged, this, &AccountActions::statusChanged);
    connect(m_sync.get(), &client::SyncEngine::lastErrorChanged, this, [this](const net::NetError &error) {
        // Offline is shown by the banner, not as an error.
        if (error.isError() && error.kind != net::NetError::Kind::Offline
            && error.kind != net::NetError::Kind::Unreachable)
            emit errorOccurred(describeNetError(error, m_session->serverUrl()));
    });

    connect(m_sender.get(), &client::OutboxSender::pendingCountChanged, this, &AccountActions::statusChanged);
    connect(m_sender.get(), &client::OutboxSender::uploadProgress, this, &AccountActions::uploadProgress);
    connect(m_sender.get(), &client::OutboxSender::itemSent, this, [this](qint64 itemId) {
        if (m_uploads.remove(itemId))
            emit uploadFinished(itemId);
    });
    connect(m_sender.get(), &client::OutboxSender::itemFailed, this,
            [this](qint64 itemId, const QString &message) {
                if (m_uploads.contains(itemId))
                    emit uploadFailed(itemId, message);
                else
                    emit errorOccurred(tr("Not sent: %1").arg(message));
            });

    connect(m_transfers.get(), &client::DocumentTransfers::downloadProgress, this,
            &AccountActions::downloadProgress);
    connect(m_transfers.get(), &client::DocumentTransfers::downloadFinished, this,
            &AccountActions::downloadFinished);
    connect(m_transfers.get(), &client::DocumentTransfers::downloadFailed, this,
            &AccountActions::downloadFailed);
}

DesktopAccount::~DesktopAccount()
{
    // The engines use the session and the cache: they go first.
    m_transfers.reset();
    m_sender.reset();
    m_sync.reset();
}

void DesktopAccount::start()
{
    m_sync->start();
    m_sender->start();
}

void DesktopAccount::setSyncIntervalMinutes(int minutes)
{
    m_sync->setInterval(qMax(1, minutes) * 60 * 1000);
}

void DesktopAccount::writeLocally(const std::function<void(client::CacheWriter &)> &change)
{
    if (auto written = m_cache->apply(change); !written)
        emit errorOccurred(tr("Could not save on this computer: %1").arg(written.error().message));
}

void DesktopAccount::sendMessage(qint64 threadId, const QString &text)
{
    writeLocally([&](client::CacheWriter &writer) {
        writer.enqueue(client::OutboxRequest::newMessage(threadId, api::NewMessage { text }));
    });
}

void DesktopAccount::startThread(qint64 caseId, const QString &subject, const QString &text)
{
    writeLocally([&](client::CacheWriter &writer) {
        writer.enqueue(client::OutboxRequest::newThread(api::NewThread { subject, caseId, text }));
    });
}

void DesktopAccount::markThreadRead(qint64 threadId)
{
    // Opening a thread is reading it: fetch it first if the sync has not brought it yet.
    m_sync->fetchThreadNow(threadId);
    const auto thread = m_cache->thread(threadId); // one row, not the whole thread list
    if (!thread || !*thread || (*thread)->unreadCount == 0)
        return;
    writeLocally([&](client::CacheWriter &writer) {
        writer.markThreadRead(threadId);
        writer.enqueue(client::OutboxRequest::markThreadRead(threadId));
    });
}

void DesktopAccount::markNotificationRead(qint64 notificationId)
{
    writeLocally([&](client::CacheWriter &writer) {
        writer.markNotificationRead(notificationId);
        writer.enqueue(client::OutboxRequest::markNotificationRead(notificationId));
    });
}

void DesktopAccount::markAllNotificationsRead()
{
    auto notifications = m_cache->notifications();
    if (!notifications)
        return;
    QList<qint64> unread;
    for (const api::Notification &notification : *notifications)
        if (!notification.isRead)
            unread.append(notification.id);
    if (unread.isEmpty())
        return;
    writeLocally([&](client::CacheWriter &writer) {
        for (qint64 id : unread) {
            writer.markNotificationRead(id);
            writer.enqueue(client::OutboxRequest::markNotificationRead(id));
        }
    });
}

void DesktopAccount::retryOutboxItem(qint64 outboxItemId)
{
    if (auto retried = m_sender->retry(outboxItemId); !retried)
        emit errorOccurred(retried.error().message);
}

void DesktopAccount::discardOutboxItem(qint64 outboxItemId)
{
    m_uploads.remove(outboxItemId);
    if (auto discarded = m_sender->discard(outboxItemId); !discarded)
        emit errorOccurred(discarded.error().message);
}

void DesktopAccount::download(qint64 documentId)
{
    m_transfers->download(documentId);
}

void DesktopAccount::cancelDownload(qint64 documentId)
{
    m_transfers->cancelDownload(documentId);
}

QString DesktopAccount::localFile(qint64 documentId)
{
    return m_transfers->localFile(documentId).value_or(QString());
}

qint64 DesktopAccount::upload(qint64 caseId, const QString &filePath, const QString &title,
                              const QString &description)
{
    auto item = m_transfers->upload(caseId, filePath, title, description);
    if (!item) {
        emit errorOccurred(tr("Cannot upload %1: %2").arg(filePath, item.error().message));
        return 0;
    }
    m_uploads.insert(item->id);
    return item->id;
}

void DesktopAccount::cancelUpload(qint64 uploadId)
{
    discardOutboxItem(uploadId);
}

void DesktopAccount::syncNow()
{
    if (m_session->state() != net::Session::State::SignedIn) {
        emit signInRequested();
        return;
    }
    m_sync->syncNow();
    m_sender->kick();
}

ui::AccountActions::SyncState DesktopAccount::syncState() const
{
    switch (m_sync->state()) {
    case client::SyncEngine::State::Syncing:
        return SyncState::Syncing;
    case client::SyncEngine::State::Offline:
        return SyncState::Offline;
    case client::SyncEngine::State::Idle:
        break;
    }
    return SyncState::Idle;
}

QDateTime DesktopAccount::lastSyncedAt() const
{
    return m_sync->lastSyncedAt();
}

int DesktopAccount::pendingCount() const
{
    return m_sender->pendingCount();
}

QString DesktopAccount::accountName() const
{
    return QStringLiteral("%1 @ %2").arg(m_session->username(), m_session->serverUrl().host());
}

void DesktopAccount::signOut()
{
    m_remember = false;
    m_keyring.remove(m_session->serverUrl(), m_session->username(), this,
                     [](const net::CredentialResult &) {});
    m_sync->stop();
    m_sender->stop();
    if (m_session->state() != net::Session::State::SignedIn) {
        emit ended(false); // working offline, never signed in: nothing to sign out of
        return;
    }
    m_session->signOut(); // emits signedOut(UserRequest) -> ended(false)
}

} // namespace portal::app
