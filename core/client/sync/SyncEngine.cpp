#include "SyncEngine.h"

#include "DeltaSyncRun.h"
#include "ListSyncRun.h"
#include "SyncLog.h"

namespace portal::client {

using net::ConnectivityMonitor;
using net::NetError;

SyncEngine::SyncEngine(net::Session &session, ClientCache &cache, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(cache)
    , m_details(session, cache)
{
    m_timer.setInterval(60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_pushDebounce.setSingleShot(true);
    m_pushDebounce.setInterval(300);
    connect(&m_pushDebounce, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(session.connectivity(), &ConnectivityMonitor::policyChanged, this, &SyncEngine::onPolicyChanged);
    connect(&session, &net::Session::signedOut, this, [this] { stop(); });

    if (auto stored = cache.syncValue(SyncKeys::lastSyncAt); stored && *stored) {
        if (auto at = api::parseTimestamp(**stored))
            m_lastSyncedAt = *at;
    }
    if (!canSend())
        m_state = State::Offline;
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::start()
{
    m_started = true;
    m_timer.start();
    updatePush();
    syncNow();
}

void SyncEngine::stop()
{
    m_started = false;
    m_timer.stop();
    m_pushDebounce.stop();
    updatePush();
}

void SyncEngine::setInterval(int ms)
{
    m_timer.setInterval(ms);
}

void SyncEngine::setPushEnabled(bool enabled)
{
    m_pushEnabled = enabled;
    updatePush();
}

bool SyncEngine::canSend() const
{
    return m_session.connectivity()->policy() == ConnectivityMonitor::Policy::Online;
}

void SyncEngine::syncNow()
{
    if (!canSend()) {
        setState(State::Offline);
        emit syncFinished(false);
        return;
    }
    if (m_running) {
        m_again = true;
        return;
    }
    runSync();
}

void SyncEngine::fetchThreadNow(qint64 threadId)
{
    if (!canSend())
        return;
    if (m_method == Method::Lists)
        m_details.prioritize(threadId);
    else
        syncNow();
}

void SyncEngine::runSync()
{
    m_running = true;
    m_again = false;
    setState(State::Syncing);
    if (m_method == Method::Lists) {
        auto *run = new ListSyncRun(m_session, m_cache, m_details, this);
        m_run = run;
        connect(run, &ListSyncRun::finished, this, &SyncEngine::runFinished);
        run->start();
    } else {
        auto *run = new DeltaSyncRun(m_session, m_cache, m_pageLimit, this);
        m_run = run;
        connect(run, &DeltaSyncRun::finished, this, &SyncEngine::runFinished);
        run->start();
    }
}

void SyncEngine::runFinished(const SyncOutcome &outcome)
{
    if (QObject *run = sender())
        run->deleteLater();
    m_requests += outcome.requests;
    if (outcome.unsupported) {
        // Remembered for the session: the delta endpoint is not asked again.
        qCDebug(lcSync) << "no delta endpoint: syncing with the lists";
        m_method = Method::Lists;
        runSync();
        return;
    }
    if (m_method == Method::Unknown && outcome.ok())
        m_method = Method::Delta;
    m_running = false;
    if (outcome.ok()) {
        m_lastSyncedAt = QDateTime::currentDateTimeUtc();
        emit lastSyncedAtChanged(m_lastSyncedAt);
        setLastError({});
    } else {
        qCDebug(lcSync) << "sync failed:" << net::kindName(outcome.error.kind) << outcome.error.message;
        setLastError(outcome.error);
    }
    setState(canSend() ? State::Idle : State::Offline);
    emit syncFinished(outcome.ok());
    if (m_again && canSend())
        runSync();
}

void SyncEngine::onPolicyChanged()
{
    if (canSend()) {
        updatePush();
        if (!m_running) {
            setState(State::Idle);
            syncNow(); // coming back: catch up at once
        }
    } else {
        updatePush();
        if (!m_running)
            setState(State::Offline);
    }
}

void SyncEngine::onPushNotification(const api::Notification &notification)
{
    auto applied = m_cache.apply([&](CacheWriter &writer) { writer.upsertNotifications({ notification }); });
    if (!applied)
        qCWarning(lcSync) << "push: notification not written:" << applied.error().message;
    // A burst of notifications (a bulk change) becomes one sync.
    m_pushDebounce.start();
}

void SyncEngine::updatePush()
{
    const bool wanted = m_pushEnabled && m_started && canSend();
    if (wanted && !m_push) {
        m_push = std::make_unique<PushListener>(m_session);
        connect(m_push.get(), &PushListener::notificationReceived, this, &SyncEngine::onPushNotification);
        // Nothing is replayed after a (re)connect: a sync catches up on what came meanwhile.
        connect(m_push.get(), &PushListener::connectedChanged, this, [this](bool connected) {
            if (connected)
                m_pushDebounce.start();
        });
    }
    if (!m_push)
        return;
    if (wanted)
        m_push->start();
    else
        m_push->stop();
}

void SyncEngine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SyncEngine::setLastError(const NetError &error)
{
    const bool same = error.kind == m_lastError.kind && error.httpStatus == m_lastError.httpStatus
        && error.message == m_lastError.message;
    m_lastError = error;
    if (!same)
        emit lastErrorChanged(error);
}

} // namespace portal::client
