// portal-server as an object: the store, the token service, the limits, the router with every endpoint,
// and the HTTP adapter that serves them. The command line (app/server) and the tests create one of these.
#pragma once

#include "HttpAdapter.h"
#include "LoginThrottle.h"
#include "PushChannel.h"
#include "RateLimiter.h"
#include "Router.h"
#include "Services.h"
#include "Store.h"
#include "TokenService.h"
#include "WebhookDispatcher.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>
#include <memory>
#include <optional>

namespace portal::server {

struct ServerOptions
{
    QString dataDir;
    // PostgreSQL's URL (postgresql://USER:PASSWORD@HOST:PORT/DATABASE), or empty for SQLite in dataDir.
    QUrl database;
    auth::RateLimits rateLimits;
    auth::LoginThrottleLimits loginThrottle;
    http::ServerLimits limits;
    std::optional<QSslConfiguration> tls;
    ServerFeatures features;
    auth::TokenLifetimes tokenLifetimes;
    webhooks::DispatcherOptions webhooks; // enabled by default; tests shorten the poll and retry delays
    PushOptions push; // the push channel, when features.push
    // Reverse proxies whose X-Forwarded-For is believed: a request from one of them counts as coming from
    // the address the proxy appended last (for the per-address sign-in throttle and the access log).
    QList<QHostAddress> trustedProxies;
};

class PortalServer : public QObject
{
    Q_OBJECT
public:
    // Opens the store in options.dataDir (creating it) and the signing key; nullptr with `error` set when
    // either cannot be had.
    static std::unique_ptr<PortalServer> create(const ServerOptions &options, QString *error);
    ~PortalServer() override;

    // Starts serving, and sending webhook deliveries when enabled; returns the port (useful with port 0) or
    // 0 with `error` set.
    quint16 listen(const QHostAddress &address, quint16 port, QString *error = nullptr);
    // Stops accepting connections and emits drained() once the requests in flight are answered. Webhook
    // deliveries in flight are abandoned; they stay pending in the outbox and go out after the next start.
    void shutdown();

    store::Store &store() { return *m_store; }
    ServerFeatures &features() { return m_services->features; } // tests switch extensions off and on
    webhooks::WebhookDispatcher *webhooks() { return m_webhooks.get(); } // null when disabled
    PushChannel *push() { return m_push.get(); } // null when features.push is off

    // Answers one request, as the HTTP adapter does for each (public so benchmarks and tests can call it
    // without sockets).
    http::Response handle(http::Request &request);

signals:
    void drained();

private:
    PortalServer() = default;

    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<auth::TokenService> m_tokens;
    std::unique_ptr<auth::RateLimiter> m_rateLimiter;
    std::unique_ptr<auth::LoginThrottle> m_loginThrottle;
    std::unique_ptr<AnswerCache> m_answers;
    std::unique_ptr<Services> m_services;
    http::Router m_router;
    std::unique_ptr<http::HttpAdapter> m_http;
    std::unique_ptr<webhooks::WebhookDispatcher> m_webhooks;
    std::unique_ptr<PushChannel> m_push; // after m_http: its sockets die before the HTTP layer's
    std::optional<QSslConfiguration> m_tls;
    QList<QHostAddress> m_trustedProxies;
    bool m_draining = false;
};

} // namespace portal::server
