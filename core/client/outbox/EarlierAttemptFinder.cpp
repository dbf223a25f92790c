#include "EarlierAttemptFinder.h"

#include "OutboxLog.h"
#include "ReadJobs.h"
#include "UploadStaging.h"

#include <algorithm>

namespace portal::client {

EarlierAttemptFinder::EarlierAttemptFinder(net::Session *session, OutboxItem item, Clues clues,
                                           QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_item(std::move(item))
    , m_clues(std::move(clues))
{ }

EarlierAttemptFinder::~EarlierAttemptFinder()
{
    cancel();
}

bool EarlierAttemptFinder::applies(OutboxKind kind)
{
    return kind == OutboxKind::NewMessage || kind == OutboxKind::NewThread || kind == OutboxKind::Upload;
}

void EarlierAttemptFinder::start(Finished finished)
{
    m_finished = std::move(finished);
    if (!m_session) {
        finish(net::NetError::make(net::NetError::Kind::Cancelled, QStringLiteral("The session is gone.")),
               std::nullopt);
        return;
    }
    qCDebug(lcOutbox) << "looking for an earlier attempt of item" << m_item.id << toString(m_item.kind);
    switch (m_item.kind) {
    case OutboxKind::NewMessage:
        findMessage();
        break;
    case OutboxKind::NewThread:
        findThread();
        break;
    case OutboxKind::Upload:
        findDocument();
        break;
    case OutboxKind::MarkThreadRead:
    case OutboxKind::MarkNotificationRead:
        QMetaObject::invokeMethod(
            this, [this] { finish({}, std::nullopt); }, Qt::QueuedConnection);
        break;
    }
}

void EarlierAttemptFinder::cancel()
{
    m_finished = nullptr;
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

template<typename Job> Job *EarlierAttemptFinder::track(Job *job)
{
    m_job = job;
    return job;
}

bool EarlierAttemptFinder::recentEnough(const QDateTime &serverTime) const
{
    return serverTime.isValid()
        && serverTime.toMSecsSinceEpoch() >= m_item.createdAt.toMSecsSinceEpoch() - m_clues.clockSlackMs;
}

bool EarlierAttemptFinder::claimed(qint64 objectId) const
{
    return m_clues.claimed.contains(CreatedObject(int(m_item.kind), objectId));
}

void EarlierAttemptFinder::findMessage()
{
    const auto wanted = api::NewMessage::fromJson(m_item.payload);
    if (!wanted) {
        finish({}, std::nullopt);
        return;
    }
    auto *job = track(new net::FetchThreadJob(m_session, m_item.targetId, /*markRead=*/false));
    job->then(this, [this, content = wanted->content](const net::FetchThreadJob::Result &result) {
        if (!result.ok()) {
            finish(result.error, std::nullopt);
            return;
        }
        for (const api::Message &message : result.value->messages) { // oldest first
            if (message.content == content && recentEnough(message.createdAt) && !claimed(message.id)
                && (!m_clues.ownUserId || message.sender.id == *m_clues.ownUserId)) {
                finish({}, SentAnswer(message));
                return;
            }
        }
        finish({}, std::nullopt);
    });
    job->start();
}

void EarlierAttemptFinder::findThread()
{
    const auto wanted = api::NewThread::fromJson(m_item.payload);
    if (!wanted) {
        finish({}, std::nullopt);
        return;
    }
    auto *job = track(new net::FetchThreadsJob(m_session));
    job->then(this, [this, wanted = *wanted](const net::FetchThreadsJob::Result &result) {
        if (!result.ok()) {
            finish(result.error, std::nullopt);
            return;
        }
        QList<api::Thread> candidates;
        for (const api::Thread &thread : *result.value) {
            if (thread.subject == wanted.subject && thread.caseId == wanted.caseId
                && recentEnough(thread.createdAt) && !claimed(thread.id))
                candidates.append(thread);
        }
        std::sort(candidates.begin(), candidates.end(),
                  [](const api::Thread &a, const api::Thread &b) { return a.createdAt < b.createdAt; });
        checkThreadCandidates(candidates);
    });
    job->start();
}

void EarlierAttemptFinder::checkThreadCandidates(QList<api::Thread> candidates)
{
    if (candidates.isEmpty()) {
        finish({}, std::nullopt);
        return;
    }
    const api::Thread candidate = candidates.takeFirst();
    const QString firstMessage = api::NewThread::fromJson(m_item.payload)->message;
    auto *job = track(new net::FetchThreadJob(m_session, candidate.id, /*markRead=*/false));
    job->then(this, [this, candidates, firstMessage](const net::FetchThreadJob::Result &result) {
        if (!result.ok()) {
            finish(result.error, std::nullopt);
            return;
        }
        const QList<api::Message> &messages = result.value->messages;
        if (!messages.isEmpty() && messages.first().content == firstMessage
            && (!m_clues.ownUserId || messages.first().sender.id == *m_clues.ownUserId)) {
            finish({}, SentAnswer(*result.value));
            return;
        }
        checkThreadCandidates(candidates);
    });
    job->start();
}

void EarlierAttemptFinder::findDocument()
{
    const QString title = m_item.payload.value(UploadField::title).toString();
    const qint64 size = m_item.payload.value(UploadField::fileSize).toInteger(-1);
    auto *job = track(new net::FetchDocumentsJob(m_session));
    job->then(this, [this, title, size](const net::FetchDocumentsJob::Result &result) {
        if (!result.ok()) {
            finish(result.error, std::nullopt);
            return;
        }
        std::optional<api::Document> best;
        for (const api::Document &document : *result.value) {
            if (document.title == title && document.caseRef.id == m_item.targetId
                && (size < 0 || document.fileSize == size) && recentEnough(document.uploadedAt)
                && !claimed(document.id) && (!best || document.uploadedAt < best->uploadedAt))
                best = document;
        }
        finish({}, best ? std::optional<SentAnswer>(SentAnswer(*best)) : std::nullopt);
    });
    job->start();
}

void EarlierAttemptFinder::finish(const net::NetError &error, const std::optional<SentAnswer> &found)
{
    m_job = nullptr;
    if (!m_finished)
        return;
    auto finished = std::move(m_finished);
    m_finished = nullptr;
    qCDebug(lcOutbox) << "item" << m_item.id
                      << (error.isError() ? "lookup failed"
                              : found     ? "found"
                                          : "not found");
    finished(error, found);
}

} // namespace portal::client
