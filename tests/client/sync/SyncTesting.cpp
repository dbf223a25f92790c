#include "SyncTesting.h"

#include "NetTesting.h"
#include "TokenJobs.h"

#include <QHttpPart>
#include <QSignalSpy>

namespace portal::testing {

int CountingNetwork::countPrefix(const QString &prefix) const
{
    int sum = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        if (it.key().startsWith(prefix))
            sum += it.value();
    }
    return sum;
}

void CountingNetwork::reset()
{
    m_counts.clear();
    m_total = 0;
}

QNetworkReply *CountingNetwork::createRequest(Operation op, const QNetworkRequest &request, QIODevice *data)
{
    QNetworkRequest changed = request;
    ++m_total;
    ++m_counts[request.url().path()];
    if (m_rewrite)
        m_rewrite(changed);
    return QNetworkAccessManager::createRequest(op, changed, data);
}

SyncAccount::SyncAccount(TestServer &server, const QString &user, const QString &password)
{
    session = std::make_unique<net::Session>(server.url(QStringLiteral("/")).adjusted(QUrl::RemovePath),
                                             &network);
    auto *signIn = new net::SignInJob(session.get(), user, password);
    if (!run(signIn) || signIn->error().isError()) {
        m_error = QStringLiteral("sign-in failed: ") + signIn->error().message;
        delete signIn;
        return;
    }
    delete signIn;
    auto opened = client::ClientCache::open(m_dir.filePath(QStringLiteral("cache.sqlite")));
    if (!opened) {
        m_error = opened.error().message;
        return;
    }
    cache = opened.take();
    engine = std::make_unique<client::SyncEngine>(*session, *cache);
    engine->setPushEnabled(false);
    network.reset();
}

bool syncOnce(client::SyncEngine &engine, int timeoutMs)
{
    QSignalSpy finished(&engine, &client::SyncEngine::syncFinished);
    engine.syncNow();
    if (finished.isEmpty() && !finished.wait(timeoutMs))
        return false;
    return finished.last().at(0).toBool();
}

bool staffReply(TestServer &server, qint64 threadId, const QString &content)
{
    return server
               .post(QStringLiteral("/api/staff/messages/%1/").arg(threadId),
                     { { QStringLiteral("content"), content } }, server.attorneyToken())
               .status
        == 201;
}

bool staffTask(TestServer &server, qint64 caseId, const QString &title)
{
    return server
               .post(QStringLiteral("/api/staff/tasks/"),
                     { { QStringLiteral("case"), caseId }, { QStringLiteral("title"), title } },
                     server.attorneyToken())
               .status
        == 201;
}

bool staffPatchCase(TestServer &server, qint64 caseId, const QJsonObject &change)
{
    return server
               .send("PATCH", QStringLiteral("/api/staff/cases/%1/").arg(caseId),
                     QJsonDocument(change).toJson(QJsonDocument::Compact), server.attorneyToken(),
                     { { "Content-Type", "application/json" } })
               .status
        == 200;
}

bool staffUpload(TestServer &server, qint64 caseId, const QString &title, const QByteArray &bytes)
{
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart file;
    file.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QStringLiteral("form-data; name=\"file\"; filename=\"note.txt\""));
    file.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/plain"));
    file.setBody(bytes);
    QHttpPart titlePart;
    titlePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                        QStringLiteral("form-data; name=\"title\""));
    titlePart.setBody(title.toUtf8());
    multipart->append(file);
    multipart->append(titlePart);
    return server
               .postMultipart(QStringLiteral("/api/staff/cases/%1/documents/").arg(caseId), multipart,
                              server.attorneyToken())
               .status
        == 201;
}

QHash<qint64, int> serverMessageCounts(TestServer &server, const QByteArray &token)
{
    QHash<qint64, int> counts;
    const QJsonArray threads = server.get(QStringLiteral("/api/portal/messages/"), token).array();
    for (const QJsonValue &thread : threads) {
        const qint64 id = thread.toObject().value(QStringLiteral("id")).toInteger();
        const auto detail
            = server.get(QStringLiteral("/api/portal/messages/%1/?mark_read=false").arg(id), token);
        counts.insert(id, int(detail.object().value(QStringLiteral("messages")).toArray().size()));
    }
    return counts;
}

} // namespace portal::testing
