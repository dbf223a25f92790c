// Sends the outbox's deliveries: polls for what is due (and at once when woken after a write), claims it
// (so that other servers on the same database leave it alone), posts each signed payload with a
// QNetworkAccessManager, and records every attempt. Lives on the server's thread and
// never blocks it: requests are asynchronous, the outbox queries are short local SQL, and a slow or dead
// receiver only holds one of a few request slots. Delivery is at least once: a delivery becomes
// "delivered" only after a 2xx, so a crash in between sends it again (with the same UUID) after the restart.
#pragma once

#include "RetrySchedule.h"
#include "WebhookOutbox.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcWebhooks)

class QNetworkReply;

namespace portal::webhooks {

struct DispatcherOptions
{
    bool enabled = true;
    int pollIntervalMs = 1000; // how soon deliveries written by other processes, and retries, are seen
    int maxInFlight = 8; // requests at once, over all endpoints
    int timeoutMs = 10 * 1000; // a receiver that has not answered by then counts as failed
    RetryPolicy retry;
};

class WebhookDispatcher : public QObject
{
    Q_OBJECT
public:
    WebhookDispatcher(store::Database &database, const DispatcherOptions &options, QObject *parent = nullptr);
    ~WebhookDispatcher() override;

    void start();
    // Stops polling and abandons the requests in flight without recording them: their deliveries stay
    // pending and go out again after the next start.
    void stop();
    int inFlight() const { return int(m_inFlight.size()); }

public slots:
    // Looks for due deliveries soon (on the next turn of the event loop, so that many writes in a row
    // cost one query). The server calls it after every successful write.
    void wake();

signals:
    // After each attempt has been recorded; for tests and monitoring.
    void attempted(const QString &deliveryId, DeliveryState state);

private:
    // How much longer than a request may take a delivery stays claimed: time to record the attempt.
    static constexpr int kClaimMarginMs = 5 * 1000;

    void dispatchDue();
    void send(const DueDelivery &delivery);
    void finish(QNetworkReply *reply);

    struct Sending
    {
        DueDelivery delivery;
        QDateTime startedAt;
        QElapsedTimer elapsed;
    };

    WebhookOutbox m_outbox;
    const DispatcherOptions m_options;
    QNetworkAccessManager m_network;
    QTimer m_poll;
    bool m_wakeQueued = false;
    bool m_running = false;
    // Keyed by reply; the delivery ids in here are never asked for again until their attempt is recorded.
    QHash<QNetworkReply *, Sending> m_inFlight;
};

} // namespace portal::webhooks
