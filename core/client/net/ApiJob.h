// One request to the API, as a Nextcloud job: it owns its reply and its timeout and finishes once. On the
// way it asks the session for a valid access token (waiting while a refresh runs), waits as the rate-limit
// pacer says, replays itself once after a 401 with a refreshed token, waits out a 429's Retry-After (a few
// times), and retries idempotent requests after a 502/503/504. Subclasses say what to send and decode what
// comes back (JsonJob<T> for JSON answers; DownloadJob and UploadJob stream).
//
// Jobs delete themselves after `finished` unless setAutoDelete(false); start() never finishes synchronously,
// so connecting after start() is safe.
#pragma once

#include "NetError.h"
#include "Session.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

namespace portal::net {

struct RequestOptions
{
    QByteArray etag; // sent as If-None-Match; a 304 answers NotModified
    QByteArray idempotencyKey; // sent as Idempotency-Key (POSTs: the caller keeps it across retries)
    int timeoutMs = 0; // no progress for this long is a Timeout; 0: the session's default
};

class ApiJob : public QObject
{
    Q_OBJECT
public:
    ~ApiJob() override;

    void start();
    // Aborts; finishes with Cancelled (a no-op once finished).
    void cancel();

    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    const NetError &error() const { return m_error; }
    QByteArray etag() const { return m_etag; } // the answer's ETag, if any
    int httpStatus() const { return m_httpStatus; }
    int attempts() const { return m_attempts; } // requests actually sent (replays and retries included)
    QByteArray verb() const { return m_verb; }
    QString path() const { return m_path; }

    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    Session *session() const { return m_session; }

signals:
    void finished();
    void progress(qint64 done, qint64 total); // bytes; total -1 when unknown (streaming jobs)

protected:
    ApiJob(Session *session, QByteArray verb, QString path, RequestOptions options = {});

    void setQuery(const QUrlQuery &query) { m_query = query; }
    void setJsonBody(const QJsonObject &body);
    void setRequiresAuth(bool requiresAuth) { m_requiresAuth = requiresAuth; }
    void setRateLimitRetries(int retries) { m_rateLimitRetriesLeft = retries; }
    const RequestOptions &options() const { return m_options; }

    // Adds what a subclass needs to the request of each attempt (Range, Accept...).
    virtual void decorate(QNetworkRequest &request) { Q_UNUSED(request); }
    // Sends the prepared request; the default sends the verb with the JSON body (if any).
    virtual QNetworkReply *send(QNetworkAccessManager &network, const QNetworkRequest &request);
    // Streaming jobs read the body as it arrives (only when the status is 2xx) instead of at the end.
    virtual bool streamsBody() const { return false; }
    virtual void onMetaData(QNetworkReply *reply) { Q_UNUSED(reply); }
    virtual void onReadyRead(QNetworkReply *reply) { Q_UNUSED(reply); }
    // A 2xx answer (the whole body unless streaming): decode it, return the outcome (kind None: success).
    virtual NetError onSuccess(QNetworkReply *reply, const QByteArray &body) = 0;
    // Before each send after the first (a replay after 401, a retry after 429/5xx): start over.
    virtual void onRetry() { }
    // Called once, with the final outcome, just before `finished`.
    virtual void onFinished() { }

    // Streaming subclasses fail the transfer themselves (disk full...): aborts the reply, finishes.
    void fail(const NetError &error);
    QNetworkReply *reply() const { return m_reply; }
    void reportProgress(qint64 done, qint64 total) { emit progress(done, total); }
    bool isIdempotent() const;
    void finish(const NetError &error);

private:
    void begin();
    void pace();
    void sendNow();
    void onReplyFinished();
    void onTimeout();
    void retryAfter(qint64 delayMs);
    void releaseReply();
    NetError networkError(QNetworkReply *reply) const;

    QPointer<Session> m_session;
    QByteArray m_verb;
    QString m_path;
    QUrlQuery m_query;
    RequestOptions m_options;
    QByteArray m_body;
    bool m_hasBody = false;
    bool m_requiresAuth = true;

    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout; // restarted by every sign of progress
    QTimer m_delay; // pacing and retry waits
    QString m_usedToken;
    QStringList m_sslErrors;
    bool m_timedOut = false;
    bool m_cancelled = false;
    bool m_replayedAfter401 = false;
    int m_rateLimitRetriesLeft = 3;
    int m_serverRetriesLeft = 2;
    int m_attempts = 0;

    bool m_started = false;
    bool m_finished = false;
    bool m_autoDelete = true;
    NetError m_error;
    QByteArray m_etag;
    int m_httpStatus = 0;
};

} // namespace portal::net
