#include "PortalServer.h"

#include "ConditionalGet.h"
#include "Endpoints.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcAccess, "portal.access", QtWarningMsg)

namespace portal::server {

namespace {

const QByteArray kPushPath = QByteArrayLiteral("/api/portal/push/");

// The client's address as a trusted proxy saw it: the last entry of X-Forwarded-For, which that proxy
// appended (earlier entries are whatever the client claimed).
std::optional<QHostAddress> forwardedFor(const http::Request &request)
{
    const QList<QByteArray> hops = request.header("x-forwarded-for").split(',');
    QHostAddress address;
    if (hops.isEmpty() || !address.setAddress(QString::fromLatin1(hops.constLast().trimmed())))
        return std::nullopt;
    return address;
}

} // namespace

std::unique_ptr<PortalServer> PortalServer::create(const ServerOptions &options, QString *error)
{
    auto store = store::Store::open(options.dataDir, options.database);
    if (!store) {
        if (error)
            *error = store.error().message;
        return nullptr;
    }
    const QByteArray key = auth::loadOrCreateSigningKey(options.dataDir, error);
    if (key.isEmpty())
        return nullptr;

    std::unique_ptr<PortalServer> server(new PortalServer);
    server->m_store = store.take();
    server->m_tokens = std::make_unique<auth::TokenService>(key, server->m_store->tokenBlacklist(),
                                                            options.tokenLifetimes);
    // Servers that share a database count together (PostgreSQL); a lone one counts in memory (SQLite).
    store::Store &shared = *server->m_store;
    const bool sharesCounts = shared.sharesLimitCounts();
    server->m_rateLimiter = std::make_unique<auth::RateLimiter>(
        options.rateLimits, sharesCounts ? &shared.requestCounts() : nullptr);
    server->m_loginThrottle = std::make_unique<auth::LoginThrottle>(
        options.loginThrottle, sharesCounts ? &shared.loginFailures() : nullptr);
    server->m_answers = std::make_unique<AnswerCache>();
    server->m_services = std::make_unique<Services>(
        Services { *server->m_store, *server->m_tokens, *server->m_rateLimiter, *server->m_loginThrottle,
                   *server->m_answers, options.features });

    http::Router &router = server->m_router;
    Services &services = *server->m_services;
    registerTokenEndpoints(router, services);
    registerProfileEndpoints(router, services);
    registerCaseEndpoints(router, services);
    registerMessageEndpoints(router, services);
    registerDocumentEndpoints(router, services);
    registerTaskEndpoints(router, services);
    registerNotificationEndpoints(router, services);
    registerStaffCaseEndpoints(router, services);
    registerStaffTaskEndpoints(router, services);
    registerStaffMessageEndpoints(router, services);
    registerSyncEndpoints(router, services);

    PortalServer *self = server.get();
    server->m_http = std::make_unique<http::HttpAdapter>(
        [self](http::Request &request) { return self->handle(request); }, options.limits);
    connect(server->m_http.get(), &http::HttpAdapter::idle, server.get(), [self] {
        if (self->m_draining)
            emit self->drained();
    });
    if (options.features.push) {
        server->m_push = std::make_unique<PushChannel>(*server->m_store, *server->m_tokens,
                                                       *server->m_rateLimiter, options.push);
        server->m_http->acceptWebSockets(kPushPath, [self](std::unique_ptr<QWebSocket> socket) {
            self->m_push->accept(std::move(socket));
        });
    }
    server->m_tls = options.tls;
    server->m_trustedProxies = options.trustedProxies;
    if (options.webhooks.enabled)
        server->m_webhooks
            = std::make_unique<webhooks::WebhookDispatcher>(server->m_store->database(), options.webhooks);
    return server;
}

PortalServer::~PortalServer() = default;

quint16 PortalServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    const quint16 bound = m_http->listen(address, port, m_tls, error);
    if (bound != 0 && m_webhooks)
        m_webhooks->start();
    return bound;
}

void PortalServer::shutdown()
{
    m_draining = true;
    m_http->stopListening();
    if (m_webhooks)
        m_webhooks->stop();
    if (m_push)
        m_push->closeAll();
    if (!m_http->isBusy())
        emit drained();
}

http::Response PortalServer::handle(http::Request &request)
{
    QElapsedTimer timer;
    timer.start();
    if (m_trustedProxies.contains(request.remoteAddress))
        request.remoteAddress = forwardedFor(request).value_or(request.remoteAddress);
    http::Response response = m_router.dispatch(request);
    if (m_services->features.etags)
        applyConditionalGet(request, response);
    // A successful write may have recorded events: their webhook deliveries and notifications go out now
    // rather than at the next poll.
    const bool wrote = response.status() < 300 && request.method != "GET" && request.method != "HEAD"
        && request.method != "OPTIONS";
    if (wrote && m_webhooks)
        m_webhooks->wake();
    if (wrote && m_push)
        m_push->notifyChanged();
    qCDebug(lcAccess).noquote() << request.remoteAddress.toString() << request.method << request.path
                                << response.status() << response.bodyLength() << timer.nsecsElapsed() / 1000
                                << "us";
    return response;
}

} // namespace portal::server
