#include "OutboxSender.h"

#include "OutboxLog.h"
#include "ReadJobs.h"
#include "UploadJob.h"
#include "UploadStaging.h"
#include "WriteJobs.h"

namespace portal::client {

using net::NetError;

OutboxSender::OutboxSender(net::Session &session, ClientCache &cache, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(cache)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &OutboxSender::schedule);
    connect(&m_cache, &ClientCache::changed, this, &OutboxSender::onCacheChanged);
    connect(m_session.connectivity(), &net::ConnectivityMonitor::policyChanged, this,
            &OutboxSender::onPolicyChanged);
    connect(&m_session, &net::Session::signedIn, this, [this] {
        m_heldSignedOut = false;
        kick();
    });
    connect(&m_session, &net::Session::signedOut, this, [this] { m_heldSignedOut = true; });
    updatePendingCount();
}

OutboxSender::~OutboxSender()
{
    if (m_finder) {
        m_finder->cancel();
        delete m_finder;
    }
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

void OutboxSender::start()
{
    m_running = true;
    m_heldSignedOut = m_session.state() == net::Session::State::SignedOut;
    schedule();
}

void OutboxSender::stop()
{
    m_running = false;
    m_retryTimer.stop();
    if (m_current) {
        const qint64 id = m_current->id;
        abandonCurrent();
        (void)m_cache.outbox().requeue(id, QStringLiteral("Stopped."));
    }
}

void OutboxSender::kick()
{
    m_retryTimer.stop();
    m_nextDelayMs = m_minDelayMs;
    schedule();
}

void OutboxSender::setRetryIntervals(int minMs, int maxMs)
{
    m_minDelayMs = qMax(1, minMs);
    m_maxDelayMs = qMax(m_minDelayMs, maxMs);
    m_nextDelayMs = m_minDelayMs;
}

std::optional<qint64> OutboxSender::currentItemId() const
{
    return m_current ? std::optional<qint64>(m_current->id) : std::nullopt;
}

void OutboxSender::schedule()
{
    if (!m_running || m_scheduled)
        return;
    m_scheduled = true;
    // Never inside a cache write's signal or a job's: the next step starts from the event loop.
    QMetaObject::invokeMethod(this, &OutboxSender::sendNext, Qt::QueuedConnection);
}

void OutboxSender::onCacheChanged(CacheKinds kinds)
{
    if (!kinds.testFlag(CacheKind::Outbox))
        return;
    updatePendingCount();
    schedule();
}

void OutboxSender::onPolicyChanged()
{
    if (m_session.connectivity()->isOnline())
        kick();
}

void OutboxSender::updatePendingCount()
{
    auto items = m_cache.outbox().unsentItems();
    if (!items)
        return;
    const int count = int(std::count_if(items->cbegin(), items->cend(), [](const OutboxItem &item) {
        return item.state == OutboxState::Pending || item.state == OutboxState::Sending;
    }));
    if (count == m_pendingCount)
        return;
    m_pendingCount = count;
    emit pendingCountChanged(count);
}

void OutboxSender::sendNext()
{
    m_scheduled = false;
    if (!m_running || m_current || m_retryTimer.isActive() || m_heldSignedOut)
        return;
    if (m_session.connectivity()->workOffline())
        return; // policyChanged brings us back
    auto next = m_cache.outbox().nextPending();
    if (!next) {
        qCWarning(lcOutbox) << "cannot read the outbox:" << next.error().message;
        m_retryTimer.start(m_nextDelayMs);
        return;
    }
    if (!next->has_value())
        return; // nothing to send
    OutboxItem item = **next;
    if (auto marked = m_cache.outbox().markSending(item.id); !marked) {
        schedule(); // discarded meanwhile, or the disk is full: look again
        return;
    }
    m_current = item;
    qCDebug(lcOutbox) << "sending item" << item.id << toString(item.kind) << "attempt" << item.attempts + 1;

    const bool look = m_lookBeforeResend && item.attempts > 0 && !m_notReached.contains(item.id)
        && EarlierAttemptFinder::applies(item.kind);
    if (!look) {
        send();
        return;
    }
    EarlierAttemptFinder::Clues clues;
    clues.claimed = m_claimed;
    if (auto profile = m_cache.profile(); profile && profile->has_value())
        clues.ownUserId = (*profile)->user.id;
    m_finder = new EarlierAttemptFinder(&m_session, item, clues, this);
    m_finder->start([this](const NetError &error, const std::optional<SentAnswer> &found) {
        m_finder->deleteLater();
        m_finder = nullptr;
        if (error.isError())
            failed(error);
        else if (found)
            succeeded(*found);
        else
            send();
    });
}

template<typename Job, typename Value> void OutboxSender::run(Job *job)
{
    m_job = job;
    job->then(this, [this](const typename Job::Result &result) {
        m_job = nullptr;
        if (result.ok())
            succeeded(SentAnswer(Value(*result.value)));
        else
            failed(result.error);
    });
    job->start();
}

void OutboxSender::send()
{
    const OutboxItem &item = *m_current;
    net::RequestOptions options;
    options.idempotencyKey = item.idempotencyKey.toLatin1();
    switch (item.kind) {
    case OutboxKind::NewMessage: {
        const auto message = api::NewMessage::fromJson(item.payload);
        run<net::PostMessageJob, api::Message>(new net::PostMessageJob(
            &m_session, item.targetId, message ? message->content : QString(), options));
        return;
    }
    case OutboxKind::NewThread: {
        api::NewThread thread = api::NewThread::fromJson(item.payload).value_or(api::NewThread {});
        if (thread.caseId == 0)
            thread.caseId = item.targetId;
        run<net::CreateThreadJob, api::ThreadDetail>(new net::CreateThreadJob(&m_session, thread, options));
        return;
    }
    case OutboxKind::Upload: {
        net::UploadRequest upload;
        upload.filePath = item.filePath;
        upload.fileName = item.payload.value(UploadField::fileName).toString();
        upload.title = item.payload.value(UploadField::title).toString();
        upload.description = item.payload.value(UploadField::description).toString();
        upload.caseId = item.targetId;
        auto *job = new net::UploadJob(&m_session, upload, options);
        connect(job, &net::ApiJob::progress, this,
                [this, id = item.id](qint64 sent, qint64 total) { emit uploadProgress(id, sent, total); });
        run<net::UploadJob, api::DocumentDetail>(job);
        return;
    }
    case OutboxKind::MarkThreadRead: {
        auto *job = new net::MarkThreadReadJob(&m_session, item.targetId, options);
        m_job = job;
        job->then(this, [this](const net::MarkThreadReadJob::Result &result) {
            m_job = nullptr;
            if (result.ok())
                succeeded(SentAnswer(*result.value));
            else if (result.error.kind == NetError::Kind::Http
                     && (result.error.httpStatus == 404 || result.error.httpStatus == 405))
                sendMarkThreadReadFallback();
            else
                failed(result.error);
        });
        job->start();
        return;
    }
    case OutboxKind::MarkNotificationRead: {
        auto *job = new net::MarkNotificationReadJob(&m_session, item.targetId, options);
        m_job = job;
        job->then(this, [this](const net::MarkNotificationReadJob::Result &result) {
            m_job = nullptr;
            if (result.ok())
                succeeded(SentAnswer(*result.value));
            else if (result.error.kind == NetError::Kind::Http && result.error.httpStatus == 404)
                succeeded(SentAnswer()); // gone: nothing left to mark
            else
                failed(result.error);
        });
        job->start();
        return;
    }
    }
}

void OutboxSender::sendMarkThreadReadFallback()
{
    // A server of the bare API document marks a thread read when it is fetched.
    auto *job = new net::FetchThreadJob(&m_session, m_current->targetId, /*markRead=*/true);
    m_job = job;
    job->then(this, [this](const net::FetchThreadJob::Result &result) {
        m_job = nullptr;
        if (result.ok())
            succeeded(SentAnswer(*result.value));
        else if (result.error.kind == NetError::Kind::Http && result.error.httpStatus == 404)
            succeeded(SentAnswer()); // the thread is gone: nothing left to mark
        else
            failed(result.error);
    });
    job->start();
}

void OutboxSender::succeeded(const SentAnswer &answer)
{
    const OutboxItem item = *m_current;
    if (auto recorded = recordSent(m_cache, item, answer); !recorded) {
        // The server has it but the cache could not take it (a full disk): try again later; the next
        // attempt finds the object (or the server replays its answer) instead of making another.
        qCWarning(lcOutbox) << "item" << item.id << "was sent but not recorded:" << recorded.error().message;
        m_current.reset();
        m_notReached.remove(item.id);
        (void)m_cache.outbox().requeue(item.id, recorded.error().message);
        m_retryTimer.start(m_nextDelayMs);
        m_nextDelayMs = qMin(m_nextDelayMs * 2, m_maxDelayMs);
        return;
    }
    qCDebug(lcOutbox) << "item" << item.id << "sent";
    if (const auto id = createdId(answer))
        m_claimed.insert(CreatedObject(int(item.kind), *id));
    m_notReached.remove(item.id);
    removeStagedCopy(item);
    m_current.reset();
    m_nextDelayMs = m_minDelayMs;
    emit itemSent(item.id);
    schedule();
}

void OutboxSender::failed(const NetError &error)
{
    const OutboxItem item = *m_current;
    const SendFailure failure = SendFailure::from(error);
    qCDebug(lcOutbox) << "item" << item.id << "failed:" << net::kindName(error.kind) << error.httpStatus;
    if (failure.action == SendFailure::Action::Cancelled) {
        // Cancelled by someone else than us (the session went away): wait as pending.
        m_current.reset();
        (void)m_cache.outbox().requeue(item.id, failure.message);
        return;
    }
    m_current.reset();
    if (failure.mayHaveReached)
        m_notReached.remove(item.id);
    else
        m_notReached.insert(item.id);

    switch (failure.action) {
    case SendFailure::Action::Refused:
        (void)m_cache.outbox().markFailed(item.id, failure.message);
        emit itemFailed(item.id, failure.message);
        schedule(); // later items still go
        return;
    case SendFailure::Action::SignedOut:
        m_heldSignedOut = true;
        (void)m_cache.outbox().requeue(item.id, failure.message);
        return;
    case SendFailure::Action::WaitOnline:
        (void)m_cache.outbox().requeue(item.id, failure.message);
        if (!m_session.connectivity()->workOffline())
            schedule();
        return;
    case SendFailure::Action::Retry:
    case SendFailure::Action::Cancelled:
        break;
    }
    (void)m_cache.outbox().requeue(item.id, failure.message);
    const int delay = qMax(m_nextDelayMs, failure.minimumDelayMs);
    m_nextDelayMs = qMin(m_nextDelayMs * 2, m_maxDelayMs);
    qCDebug(lcOutbox) << "retrying in" << delay << "ms";
    m_retryTimer.start(delay);
}

void OutboxSender::abandonCurrent()
{
    if (m_finder) {
        m_finder->cancel();
        m_finder->deleteLater();
        m_finder = nullptr;
    }
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job = nullptr;
    }
    m_current.reset();
}

CacheResult<Done> OutboxSender::retry(qint64 itemId)
{
    auto done = m_cache.outbox().retry(itemId);
    if (done) {
        m_notReached.insert(itemId); // it was refused: the server did not perform it
        schedule();
    }
    return done;
}

CacheResult<Done> OutboxSender::discard(qint64 itemId)
{
    if (m_current && m_current->id == itemId)
        abandonCurrent();
    auto item = m_cache.outbox().item(itemId);
    if (!item)
        return item.error();
    if (!item->has_value())
        return CacheError::make(CacheError::Kind::NotFound, QStringLiteral("no outbox item %1").arg(itemId));
    auto removed = m_cache.outbox().remove(itemId);
    if (removed)
        removeStagedCopy(**item);
    m_notReached.remove(itemId);
    schedule();
    return removed;
}

} // namespace portal::client
