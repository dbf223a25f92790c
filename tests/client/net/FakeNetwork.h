// A QNetworkAccessManager whose answers the test scripts, for what a real server will not do on demand:
// malformed bodies, dropped connections, error storms. Every request is recorded; the answer comes from a
// handler, asynchronously, as from a socket.
#pragma once

#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <functional>

namespace portal::testing {

struct FakeAnswer
{
    int status = 200; // 0: no HTTP answer (see `error`)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qint64 dropAfter = -1; // send this many body bytes, then fail with RemoteHostClosedError
    QNetworkReply::NetworkError error = QNetworkReply::NoError; // with status 0: ConnectionRefused...
    bool hang = false; // never answer (until aborted)

    static FakeAnswer json(int status, const QByteArray &body);
};

struct FakeRequest
{
    QByteArray verb;
    QNetworkRequest request;
    QByteArray body;
    QByteArray header(const QByteArray &name) const { return request.rawHeader(name); }
    QString path() const { return request.url().path(); }
};

class FakeNetwork : public QNetworkAccessManager
{
    Q_OBJECT
public:
    using Handler = std::function<FakeAnswer(const FakeRequest &request)>;
    explicit FakeNetwork(Handler handler, QObject *parent = nullptr);

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<FakeRequest> &requests() const { return m_requests; }
    int count(const QString &path) const;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    Handler m_handler;
    QList<FakeRequest> m_requests;
};

} // namespace portal::testing
