// The account's network policy, as Trojitá keeps one: Online; Offline because the user chose it (nothing is
// sent); Unreachable because requests failed with network errors. While Unreachable, a cheap probe
// (GET /api/token/, which answers 405: any HTTP answer at all means the server is there) runs with
// growing pauses until the server answers, and any job that gets an HTTP answer sets Online at once.
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace portal::net {

class ConnectivityMonitor : public QObject
{
    Q_OBJECT
public:
    enum class Policy { Online, Offline, Unreachable };
    Q_ENUM(Policy)

    // `probeUrl`: a cheap address of the server that answers without authentication.
    ConnectivityMonitor(QNetworkAccessManager *network, QUrl probeUrl, QObject *parent = nullptr);

    Policy policy() const { return m_policy; }
    bool isOnline() const { return m_policy == Policy::Online; }

    // The user's choice: offline stops every request before it is sent; going online again probes first.
    void setWorkOffline(bool offline);
    bool workOffline() const { return m_policy == Policy::Offline; }

    // Reports from the jobs.
    void reportNetworkFailure();
    void reportServerAnswered();

    // The pauses between probes: first `minMs`, doubling to `maxMs` (tests shorten them).
    void setProbeIntervals(int minMs, int maxMs);
    // Probes now (e.g. when the system says the network came back); no effect unless Unreachable.
    void probeNow();

signals:
    void policyChanged(portal::net::ConnectivityMonitor::Policy policy);

private:
    void setPolicy(Policy policy);
    void scheduleProbe();
    void probe();

    QNetworkAccessManager *m_network;
    QUrl m_probeUrl;
    Policy m_policy = Policy::Online;
    QTimer m_probeTimer;
    QPointer<QNetworkReply> m_probe;
    int m_minIntervalMs = 2000;
    int m_maxIntervalMs = 5 * 60 * 1000;
    int m_nextIntervalMs = 2000;
};

} // namespace portal::net
