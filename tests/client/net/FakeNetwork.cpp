#include "FakeNetwork.h"

#include <QTimer>

namespace portal::testing {

namespace {

class FakeReply : public QNetworkReply
{
public:
    FakeReply(const FakeRequest &request, const FakeAnswer &answer, QObject *parent)
        : QNetworkReply(parent)
        , m_answer(answer)
    {
        setRequest(request.request);
        setUrl(request.request.url());
        setOperation(QNetworkAccessManager::CustomOperation);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        QTimer::singleShot(0, this, &FakeReply::deliver);
    }

    void abort() override
    {
        if (isFinished())
            return;
        m_aborted = true;
        setError(OperationCanceledError, QStringLiteral("Operation canceled"));
        setFinished(true);
        emit errorOccurred(OperationCanceledError);
        emit finished();
    }
    qint64 bytesAvailable() const override { return m_data.size() - m_offset + QIODevice::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_offset);
        memcpy(data, m_data.constData() + m_offset, n);
        m_offset += n;
        return n;
    }

private:
    void deliver()
    {
        if (m_aborted || m_answer.hang)
            return;
        if (m_answer.status == 0) {
            const auto error = m_answer.error == NoError ? ConnectionRefusedError : m_answer.error;
            setError(error, QStringLiteral("Connection refused (fake)"));
            setFinished(true);
            emit errorOccurred(error);
            emit finished();
            return;
        }
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_answer.status);
        for (const auto &[name, value] : m_answer.headers)
            setRawHeader(name, value);
        setHeader(QNetworkRequest::ContentLengthHeader, m_answer.body.size());
        emit metaDataChanged();
        m_data = m_answer.dropAfter >= 0 ? m_answer.body.left(m_answer.dropAfter) : m_answer.body;
        if (!m_data.isEmpty()) {
            emit downloadProgress(m_data.size(), m_answer.body.size());
            emit readyRead();
        }
        if (m_aborted)
            return;
        if (m_answer.dropAfter >= 0) {
            setError(RemoteHostClosedError, QStringLiteral("Connection closed (fake)"));
            emit errorOccurred(RemoteHostClosedError);
        }
        setFinished(true);
        emit finished();
    }

    FakeAnswer m_answer;
    QByteArray m_data;
    qint64 m_offset = 0;
    bool m_aborted = false;
};

} // namespace

FakeAnswer FakeAnswer::json(int status, const QByteArray &body)
{
    FakeAnswer answer;
    answer.status = status;
    answer.body = body;
    answer.headers.append(
        qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
    return answer;
}

FakeNetwork::FakeNetwork(Handler handler, QObject *parent)
    : QNetworkAccessManager(parent)
    , m_handler(std::move(handler))
{ }

int FakeNetwork::count(const QString &path) const
{
    return static_cast<int>(std::count_if(m_requests.cbegin(), m_requests.cend(),
                                          [&](const FakeRequest &r) { return r.path() == path; }));
}

QNetworkReply *FakeNetwork::createRequest(Operation op, const QNetworkRequest &request,
                                          QIODevice *outgoingData)
{
    FakeRequest recorded;
    recorded.request = request;
    switch (op) {
    case GetOperation:
        recorded.verb = "GET";
        break;
    case PostOperation:
        recorded.verb = "POST";
        break;
    case HeadOperation:
        recorded.verb = "HEAD";
        break;
    case PutOperation:
        recorded.verb = "PUT";
        break;
    case DeleteOperation:
        recorded.verb = "DELETE";
        break;
    default:
        recorded.verb = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        break;
    }
    if (outgoingData)
        recorded.body = outgoingData->readAll();
    m_requests.append(recorded);
    return new FakeReply(recorded, m_handler(recorded), this);
}

} // namespace portal::testing
