// Fills one signed-in account's cache from its server: on demand (syncNow), on a timer, soon after a push
// notification, and at once when the network comes back. One sync runs at a time; a request during a sync
// schedules one more after it. It uses the delta endpoint and, when the server answers 404/405 there, the
// document's lists for the rest of the session (see DeltaSyncRun and ListSyncRun). Nothing is sent while
// the session's network policy is Offline or Unreachable. Failures leave the cache as it was and are
// reported once, as a NetError a status bar can word.
#pragma once

#include "ClientCache.h"
#include "DetailFetcher.h"
#include "NetError.h"
#include "PushListener.h"
#include "Session.h"
#include "SyncOutcome.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <optional>

namespace portal::client {

class SyncEngine : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Syncing, Offline };
    Q_ENUM(State)
    enum class Method { Unknown, Delta, Lists }; // which way this session syncs
    Q_ENUM(Method)

    SyncEngine(net::Session &session, ClientCache &cache, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Starts the timer (and the push listener, when enabled) and syncs now.
    void start();
    // Stops the timer and the push listener; a sync in flight finishes.
    void stop();

    void syncNow();
    // The thread the person opens: fetched ahead of everything else (lists fallback), or a sync now (delta,
    // which brings the thread's new messages).
    void fetchThreadNow(qint64 threadId);

    void setInterval(int ms); // the timer; default 60 s
    int interval() const { return m_timer.interval(); }
    void setPageLimit(int limit) { m_pageLimit = limit; } // objects per delta page; default 5000
    void setDetailConcurrency(int concurrency) { m_details.setConcurrency(concurrency); }
    void setPushEnabled(bool enabled); // default true; the headless `portal sync` turns it off
    void setPushDebounce(int ms) { m_pushDebounce.setInterval(ms); }

    State state() const { return m_state; }
    Method method() const { return m_method; }
    bool isSyncing() const { return m_running; }
    QDateTime lastSyncedAt() const { return m_lastSyncedAt; }
    net::NetError lastError() const { return m_lastError; }
    int requestsSent() const { return m_requests; } // requests of all syncs so far (for --verbose, tests)
    PushListener *pushListener() const { return m_push.get(); }

signals:
    void stateChanged(portal::client::SyncEngine::State state);
    void lastSyncedAtChanged(const QDateTime &at);
    // A new error (not repeated while the same failure goes on), or kind None when syncing works again.
    void lastErrorChanged(const portal::net::NetError &error);
    // After every sync run, successful or not.
    void syncFinished(bool ok);

private:
    void runSync();
    void runFinished(const SyncOutcome &outcome);
    void onPolicyChanged();
    void onPushNotification(const api::Notification &notification);
    void setState(State state);
    void setLastError(const net::NetError &error);
    bool canSend() const;
    void updatePush();

    net::Session &m_session;
    ClientCache &m_cache;
    DetailFetcher m_details;
    std::unique_ptr<PushListener> m_push;
    QTimer m_timer;
    QTimer m_pushDebounce;
    QPointer<QObject> m_run;
    State m_state = State::Idle;
    Method m_method = Method::Unknown;
    bool m_started = false;
    bool m_running = false;
    bool m_again = false;
    bool m_pushEnabled = true;
    int m_pageLimit = 5000;
    int m_requests = 0;
    QDateTime m_lastSyncedAt;
    net::NetError m_lastError;
};

} // namespace portal::client
