#include "ApiJob.h"

#include "NetLog.h"
#include "Session.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSslError>

namespace portal::net {

namespace {

constexpr int kMaxRetryAfterServerErrorMs = 8000;

bool isNetworkLayerError(QNetworkReply::NetworkError error)
{
    // Qt's codes 1-99 are connection faults, 101-199 proxy faults; content, protocol and server errors
    // (2xx-4xx codes) come with an HTTP status and are judged by it.
    return error > QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}

} // namespace

ApiJob::ApiJob(Session *session, QByteArray verb, QString path, RequestOptions options)
    : QObject(session)
    , m_session(session)
    , m_verb(std::move(verb))
    , m_path(std::move(path))
    , m_options(std::move(options))
{
    m_timeout.setSingleShot(true);
    m_delay.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ApiJob::onTimeout);
}

ApiJob::~ApiJob()
{
    releaseReply();
}

void ApiJob::setJsonBody(const QJsonObject &body)
{
    m_body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_hasBody = true;
}

bool ApiJob::isIdempotent() const
{
    return m_verb == "GET" || m_verb == "HEAD" || m_verb == "PUT" || m_verb == "DELETE"
        || !m_options.idempotencyKey.isEmpty();
}

void ApiJob::start()
{
    if (m_started)
        return;
    m_started = true;
    // Never finish inside start(): callers connect to `finished` afterwards as often as before.
    QMetaObject::invokeMethod(this, &ApiJob::begin, Qt::QueuedConnection);
}

void ApiJob::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    m_delay.stop();
    if (m_reply) {
        m_reply->abort(); // finishes through onReplyFinished
        if (m_finished)
            return;
    }
    finish(NetError::make(NetError::Kind::Cancelled, QStringLiteral("Cancelled.")));
}

void ApiJob::begin()
{
    if (m_finished)
        return;
    if (!m_session) {
        finish(NetError::make(NetError::Kind::Cancelled, QStringLiteral("The session is gone.")));
        return;
    }
    if (m_session->connectivity()->workOffline()) {
        finish(NetError::make(NetError::Kind::Offline, QStringLiteral("Working offline.")));
        return;
    }
    if (!m_requiresAuth) {
        pace();
        return;
    }
    m_session->requestAccess(this, [this](const NetError &error) {
        if (m_finished)
            return;
        if (error.isError())
            finish(error);
        else
            pace();
    });
}

void ApiJob::pace()
{
    const qint64 delay = m_session->pacer().reserve(m_session->now());
    if (delay <= 0) {
        sendNow();
        return;
    }
    qCDebug(lcNet) << "pacing" << m_verb << m_path << "by" << delay << "ms";
    m_delay.disconnect(this);
    connect(&m_delay, &QTimer::timeout, this, &ApiJob::sendNow);
    m_delay.start(static_cast<int>(delay));
}

void ApiJob::retryAfter(qint64 delayMs)
{
    m_delay.disconnect(this);
    connect(&m_delay, &QTimer::timeout, this, [this] {
        if (!m_requiresAuth) {
            pace();
            return;
        }
        // The token may have expired while waiting.
        m_session->requestAccess(this, [this](const NetError &error) {
            if (m_finished)
                return;
            if (error.isError())
                finish(error);
            else
                pace();
        });
    });
    m_delay.start(static_cast<int>(std::max<qint64>(0, delayMs)));
}

QNetworkReply *ApiJob::send(QNetworkAccessManager &network, const QNetworkRequest &request)
{
    if (m_verb == "GET")
        return network.get(request);
    if (m_verb == "HEAD")
        return network.head(request);
    if (m_verb == "POST")
        return network.post(request, m_body);
    return network.sendCustomRequest(request, m_verb, m_body);
}

void ApiJob::sendNow()
{
    if (m_finished || !m_session)
        return;
    if (m_session->connectivity()->workOffline()) {
        finish(NetError::make(NetError::Kind::Offline, QStringLiteral("Working offline.")));
        return;
    }
    if (m_attempts > 0)
        onRetry();
    ++m_attempts;
    m_timedOut = false;
    m_sslErrors.clear();

    QUrl url = m_session->url(m_path);
    if (!m_query.isEmpty())
        url.setQuery(m_query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, m_session->userAgent());
    // Bearer tokens must not follow a redirect to another origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    if (m_hasBody)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (m_requiresAuth) {
        m_usedToken = m_session->accessToken();
        request.setRawHeader("Authorization", "Bearer " + m_usedToken.toLatin1());
    }
    if (!m_options.etag.isEmpty())
        request.setRawHeader("If-None-Match", m_options.etag);
    if (!m_options.idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", m_options.idempotencyKey);

    decorate(request);
    if (m_finished)
        return; // decorate() failed the job (a local file it needs)
    qCDebug(lcNet) << "sending" << m_verb << m_path << "attempt" << m_attempts;
    m_reply = send(*m_session->network(), request);
    if (!m_reply) {
        if (!m_finished)
            finish(NetError::make(NetError::Kind::Storage,
                                  QStringLiteral("The request could not be prepared.")));
        return;
    }
    connect(m_reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: the handshake fails and the messages say why.
        for (const QSslError &error : errors)
            m_sslErrors.append(error.errorString());
    });
    const auto restartTimeout = [this] {
        if (m_timeout.isActive())
            m_timeout.start();
    };
    connect(m_reply, &QNetworkReply::uploadProgress, this, restartTimeout);
    connect(m_reply, &QNetworkReply::downloadProgress, this, restartTimeout);
    if (streamsBody()) {
        connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
            if (m_reply)
                onMetaData(m_reply);
        });
        connect(m_reply, &QNetworkReply::readyRead, this, [this] {
            if (!m_reply)
                return;
            const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 200 && status < 300)
                onReadyRead(m_reply);
        });
    }
    m_timeout.start(m_options.timeoutMs > 0 ? m_options.timeoutMs : m_session->defaultTimeoutMs());
}

void ApiJob::onTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

NetError ApiJob::networkError(QNetworkReply *reply) const
{
    if (m_cancelled)
        return NetError::make(NetError::Kind::Cancelled, QStringLiteral("Cancelled."));
    if (m_timedOut)
        return NetError::make(NetError::Kind::Timeout, QStringLiteral("The server did not answer in time."));
    const QNetworkReply::NetworkError code = reply->error();
    if (code == QNetworkReply::TimeoutError)
        return NetError::make(NetError::Kind::Timeout, reply->errorString());
    if (code == QNetworkReply::SslHandshakeFailedError || !m_sslErrors.isEmpty()) {
        const QString why
            = m_sslErrors.isEmpty() ? reply->errorString() : m_sslErrors.join(QStringLiteral("; "));
        return NetError::make(NetError::Kind::Tls, QStringLiteral("Secure connection failed: %1").arg(why));
    }
    if (code == QNetworkReply::OperationCanceledError)
        return NetError::make(NetError::Kind::Cancelled, QStringLiteral("Cancelled."));
    if (code == QNetworkReply::TooManyRedirectsError || code == QNetworkReply::InsecureRedirectError)
        return NetError::make(NetError::Kind::Http, reply->errorString());
    return NetError::make(NetError::Kind::Unreachable, reply->errorString());
}

void ApiJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || reply != sender())
        return;
    m_timeout.stop();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.toInt();
    m_httpStatus = status;

    if (isNetworkLayerError(reply->error()) || !statusAttribute.isValid() || m_cancelled || m_timedOut) {
        const NetError error = networkError(reply);
        if (error.kind == NetError::Kind::Unreachable || error.kind == NetError::Kind::Timeout)
            m_session->connectivity()->reportNetworkFailure();
        qCDebug(lcNet) << m_verb << m_path << "failed:" << kindName(error.kind) << error.message;
        releaseReply();
        finish(error);
        return;
    }

    m_session->noteAnswer(status, reply->rawHeader("X-RateLimit-Remaining"),
                          reply->rawHeader("X-RateLimit-Reset"));
    qCDebug(lcNet) << m_verb << m_path << "answered" << status;

    if (status == 401 && m_requiresAuth && !m_replayedAfter401
        && m_session->state() == Session::State::SignedIn) {
        m_replayedAfter401 = true;
        releaseReply();
        m_session->refreshAfterUnauthorized(m_usedToken, this, [this](const NetError &error) {
            if (m_finished)
                return;
            if (error.isError())
                finish(error);
            else
                pace();
        });
        return;
    }
    if (status == 429) {
        const qint64 wait
            = m_session->pacer().recordTooManyRequests(reply->rawHeader("Retry-After"), m_session->now());
        if (m_rateLimitRetriesLeft > 0) {
            --m_rateLimitRetriesLeft;
            qCDebug(lcNet) << m_verb << m_path << "rate limited; retrying in" << wait << "ms";
            releaseReply();
            retryAfter(0); // the pacer holds every request, this one included, until Retry-After has passed
            return;
        }
        NetError error = NetError::fromHttpAnswer(
            status, reply->readAll(),
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
        const qint64 asked
            = RateLimitPacer::parseRetryAfter(reply->rawHeader("Retry-After"), m_session->now());
        error.retryAfterSeconds = static_cast<int>((asked >= 0 ? asked : wait) / 1000);
        releaseReply();
        finish(error);
        return;
    }
    if ((status == 502 || status == 503 || status == 504) && isIdempotent() && m_serverRetriesLeft > 0) {
        const int delay = std::min(kMaxRetryAfterServerErrorMs, 1000 << (2 - m_serverRetriesLeft));
        --m_serverRetriesLeft;
        releaseReply();
        retryAfter(delay);
        return;
    }

    m_etag = reply->rawHeader("ETag");
    if (status == 304) {
        if (m_etag.isEmpty())
            m_etag = m_options.etag;
        releaseReply();
        finish(NetError::make(NetError::Kind::NotModified, QString(), status));
        return;
    }
    if (status >= 200 && status < 300) {
        const QByteArray body = streamsBody() ? QByteArray() : reply->readAll();
        NetError outcome = onSuccess(reply, body);
        outcome.httpStatus = status;
        releaseReply();
        finish(outcome);
        return;
    }
    const NetError error = NetError::fromHttpAnswer(
        status, reply->readAll(), reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
    releaseReply();
    finish(error);
}

void ApiJob::fail(const NetError &error)
{
    if (m_finished)
        return;
    m_timeout.stop();
    m_delay.stop();
    releaseReply();
    finish(error);
}

void ApiJob::releaseReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    if (!reply->isFinished())
        reply->abort();
    reply->deleteLater();
}

void ApiJob::finish(const NetError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_timeout.stop();
    m_delay.stop();
    releaseReply();
    onFinished();
    emit finished();
    if (m_autoDelete)
        deleteLater();
}

} // namespace portal::net
