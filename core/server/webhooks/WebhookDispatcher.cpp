#include "WebhookDispatcher.h"

#include "WebhookPayload.h"
#include "WebhookSignature.h"

#include <QNetworkReply>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcWebhooks, "portal.webhooks", QtWarningMsg)

namespace portal::webhooks {

WebhookDispatcher::WebhookDispatcher(store::Database &database, const DispatcherOptions &options,
                                     QObject *parent)
    : QObject(parent)
    , m_outbox(database)
    , m_options(options)
{
    m_poll.setInterval(options.pollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &WebhookDispatcher::dispatchDue);
}

WebhookDispatcher::~WebhookDispatcher()
{
    stop();
}

void WebhookDispatcher::start()
{
    if (m_running)
        return;
    m_running = true;
    m_poll.start();
    wake(); // what a previous run left pending (a crash, a shutdown) goes out now, not a poll later
}

void WebhookDispatcher::stop()
{
    m_running = false;
    m_poll.stop();
    if (m_inFlight.isEmpty())
        return;
    QStringList abandoned;
    for (const Sending &sending : std::as_const(m_inFlight))
        abandoned.append(sending.delivery.id);
    const auto replies = m_inFlight.keys();
    m_inFlight.clear(); // before abort(): finish() ignores replies it no longer knows
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    // Whoever starts next, this server or another one, sends them at once rather than when the claims end.
    if (auto released = m_outbox.release(abandoned); !released)
        qCWarning(lcWebhooks) << "cannot give up the claims of the deliveries in flight:"
                              << released.error().message;
}

void WebhookDispatcher::wake()
{
    if (!m_running || m_wakeQueued)
        return;
    m_wakeQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_wakeQueued = false;
        dispatchDue();
    });
}

void WebhookDispatcher::dispatchDue()
{
    if (!m_running)
        return;
    const int free = m_options.maxInFlight - int(m_inFlight.size());
    if (free <= 0)
        return;
    // The claims outlast the requests (bounded by the timeout), so nobody else sends these meanwhile, and
    // none of them is one of ours in flight.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto due = m_outbox.claimDue(now, free, now.addMSecs(m_options.timeoutMs + kClaimMarginMs));
    if (!due) {
        qCWarning(lcWebhooks) << "cannot claim due deliveries:" << due.error().message;
        return;
    }
    for (const DueDelivery &delivery : std::as_const(*due))
        send(delivery);
}

void WebhookDispatcher::send(const DueDelivery &delivery)
{
    const QByteArray body = webhookPayload(delivery.eventType, delivery.eventCreatedAt, delivery.eventData);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    QNetworkRequest request(delivery.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("portal-server-webhooks"));
    request.setRawHeader("X-Portal-Event", delivery.eventType.toUtf8());
    request.setRawHeader("X-Portal-Delivery", delivery.id.toUtf8());
    request.setRawHeader("X-Portal-Signature",
                         signatureHeader(now.toSecsSinceEpoch(), body, delivery.secrets));
    // A redirect is an answer like any non-2xx: following it would hand the signed payload to another URL.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // Each delivery stands alone: no cookie set by one receiver's answer goes along with the next request.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    QNetworkReply *reply = m_network.post(request, body);
    // The whole exchange, not only a silence, is bounded: the delivery's claim ends soon after.
    QTimer::singleShot(m_options.timeoutMs, reply, [reply] { reply->abort(); });
    Sending &sending = m_inFlight[reply];
    sending.delivery = delivery;
    sending.startedAt = now;
    sending.elapsed.start();
    // The answer's body means nothing to us; reading it as it comes keeps a chatty receiver from filling
    // memory.
    connect(reply, &QNetworkReply::readyRead, reply, [reply] { reply->skip(reply->bytesAvailable()); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
    qCDebug(lcWebhooks).noquote() << "sending" << delivery.eventType << delivery.id << "to endpoint"
                                  << delivery.endpointId << "attempt" << delivery.attempts + 1;
}

void WebhookDispatcher::finish(QNetworkReply *reply)
{
    reply->deleteLater();
    const auto found = m_inFlight.constFind(reply);
    if (found == m_inFlight.cend())
        return; // abandoned by stop()
    const Sending sending = *found;
    m_inFlight.erase(found);

    DeliveryAttempt attempt;
    attempt.attemptedAt = sending.startedAt;
    attempt.durationMs = sending.elapsed.elapsed();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid())
        attempt.statusCode = status.toInt();
    const bool delivered = attempt.statusCode && *attempt.statusCode >= 200 && *attempt.statusCode < 300;
    if (!delivered) {
        if (attempt.statusCode)
            attempt.error = QStringLiteral("HTTP %1").arg(*attempt.statusCode);
        else if (reply->error() == QNetworkReply::OperationCanceledError)
            // Only the timeout aborts a reply that stop() has not abandoned.
            attempt.error = QStringLiteral("timed out after %1 ms").arg(m_options.timeoutMs);
        else
            attempt.error = reply->errorString();
    }

    DeliveryState state = DeliveryState::Delivered;
    QDateTime nextAttemptAt;
    if (!delivered) {
        const auto next
            = nextAttemptAfterFailure(m_options.retry, sending.delivery.createdAt,
                                      sending.delivery.attempts + 1, QDateTime::currentDateTimeUtc());
        state = next ? DeliveryState::Pending : DeliveryState::Failed;
        nextAttemptAt = next.value_or(QDateTime());
        // The URL may carry credentials in its query; the endpoint id names it well enough in a log.
        qCInfo(lcWebhooks).noquote() << "delivery" << sending.delivery.id << "to endpoint"
                                     << sending.delivery.endpointId << "failed:" << attempt.error
                                     << (next ? QStringLiteral("(will retry)")
                                              : QStringLiteral("(giving up)"));
    }
    if (auto recorded = m_outbox.recordAttempt(sending.delivery.id, attempt, state, nextAttemptAt);
        !recorded) {
        // The delivery stays as it was (pending, due): it is sent again once its claim ends, which
        // at-least-once allows. No wake(): a database that refuses writes must not turn into a tight resend
        // loop.
        qCWarning(lcWebhooks) << "cannot record the attempt of delivery" << sending.delivery.id << ":"
                              << recorded.error().message;
        return;
    }
    emit attempted(sending.delivery.id, state);
    // A slot came free; more may be waiting.
    wake();
}

} // namespace portal::webhooks
