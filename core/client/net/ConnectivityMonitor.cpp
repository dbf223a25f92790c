#include "ConnectivityMonitor.h"

#include "NetLog.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace portal::net {

ConnectivityMonitor::ConnectivityMonitor(QNetworkAccessManager *network, QUrl probeUrl, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_probeUrl(std::move(probeUrl))
{
    m_probeTimer.setSingleShot(true);
    connect(&m_probeTimer, &QTimer::timeout, this, &ConnectivityMonitor::probe);
}

void ConnectivityMonitor::setPolicy(Policy policy)
{
    if (m_policy == policy)
        return;
    m_policy = policy;
    qCDebug(lcNet) << "network policy" << policy;
    emit policyChanged(policy);
}

void ConnectivityMonitor::setWorkOffline(bool offline)
{
    if (offline) {
        m_probeTimer.stop();
        if (m_probe)
            m_probe->abort();
        setPolicy(Policy::Offline);
    } else if (m_policy == Policy::Offline) {
        // Back from offline: assume reachable until a request says otherwise, so nothing waits on a probe.
        m_nextIntervalMs = m_minIntervalMs;
        setPolicy(Policy::Online);
    }
}

void ConnectivityMonitor::reportNetworkFailure()
{
    if (m_policy != Policy::Online)
        return;
    m_nextIntervalMs = m_minIntervalMs;
    setPolicy(Policy::Unreachable);
    scheduleProbe();
}

void ConnectivityMonitor::reportServerAnswered()
{
    if (m_policy != Policy::Unreachable)
        return;
    m_probeTimer.stop();
    setPolicy(Policy::Online);
}

void ConnectivityMonitor::setProbeIntervals(int minMs, int maxMs)
{
    m_minIntervalMs = minMs;
    m_maxIntervalMs = std::max(minMs, maxMs);
    m_nextIntervalMs = minMs;
}

void ConnectivityMonitor::probeNow()
{
    if (m_policy != Policy::Unreachable)
        return;
    m_probeTimer.stop();
    probe();
}

void ConnectivityMonitor::scheduleProbe()
{
    if (m_policy != Policy::Unreachable || m_probe)
        return;
    m_probeTimer.start(m_nextIntervalMs);
    m_nextIntervalMs = std::min(m_nextIntervalMs * 2, m_maxIntervalMs);
}

void ConnectivityMonitor::probe()
{
    if (m_policy != Policy::Unreachable || m_probe)
        return;
    QNetworkRequest request(m_probeUrl);
    request.setTransferTimeout(10000);
    m_probe = m_network->get(request);
    connect(m_probe, &QNetworkReply::finished, this, [this, reply = m_probe.data()] {
        reply->deleteLater();
        m_probe = nullptr;
        const bool answered = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid();
        qCDebug(lcNet) << "probe" << (answered ? "answered" : "failed");
        if (answered)
            reportServerAnswered();
        else
            scheduleProbe();
    });
}

} // namespace portal::net
