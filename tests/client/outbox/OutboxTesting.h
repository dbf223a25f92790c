// What the outbox tests share: an account (cache, session, signed in) against a TestServer, and a
// FakeNetwork handler that forwards every request to that real server, so a test can break a connection
// after the server did its part (a lost answer) or never answer at all.
#pragma once

#include "ClientCache.h"
#include "FakeNetwork.h"
#include "NetTesting.h"
#include "ReadJobs.h"
#include "Session.h"
#include "TestServer.h"
#include "TokenJobs.h"

#include <QTemporaryDir>
#include <QUrlQuery>

namespace portal::testing {

// Sends `request` to the real server and answers what it answered.
inline FakeAnswer forward(TestServer &server, const FakeRequest &request)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QByteArray name :
         { QByteArray("Authorization"), QByteArray("Content-Type"), QByteArray("Idempotency-Key"),
           QByteArray("Range"), QByteArray("If-Range"), QByteArray("If-None-Match") }) {
        if (request.request.hasRawHeader(name))
            headers.append({ name, request.request.rawHeader(name) });
    }
    QString path = request.request.url().path();
    if (request.request.url().hasQuery())
        path += QLatin1Char('?') + request.request.url().query(QUrl::FullyEncoded);
    const HttpResult result = server.send(request.verb, path, request.body, {}, headers);
    FakeAnswer answer;
    answer.status = result.status;
    if (result.status == 0) {
        answer.error = QNetworkReply::ConnectionRefusedError;
        return answer;
    }
    for (const auto &[name, value] : result.headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) != 0)
            answer.headers.append({ name, value });
    }
    answer.body = result.body;
    return answer;
}

// The answer was lost on the way back (the server did the work).
inline FakeAnswer dropped()
{
    FakeAnswer answer;
    answer.status = 0;
    answer.error = QNetworkReply::RemoteHostClosedError;
    return answer;
}

inline bool signIn(net::Session &session, const QString &user = QStringLiteral("client_username"),
                   const QString &password = QStringLiteral("client_password"))
{
    auto *job = new net::SignInJob(&session, user, password);
    const bool ok = run(job) && job->result().ok();
    delete job;
    return ok;
}

// Loads the profile and the document list into the cache, as a sync would.
inline bool loadBasics(net::Session &session, client::ClientCache &cache)
{
    auto *profile = new net::FetchProfileJob(&session);
    auto *documents = new net::FetchDocumentsJob(&session);
    const bool fetched = run(profile) && run(documents) && profile->result().ok() && documents->result().ok();
    bool ok = false;
    if (fetched) {
        ok = cache
                 .apply([&](client::CacheWriter &writer) {
                     writer.setProfile(*profile->result().value);
                     writer.upsertDocuments(*documents->result().value);
                 })
                 .ok();
    }
    delete profile;
    delete documents;
    return ok;
}

// The messages of a thread as the server holds them (without marking anything read).
inline QJsonArray serverMessages(TestServer &server, const QByteArray &token, qint64 threadId)
{
    return server.get(QStringLiteral("/api/portal/messages/%1/?mark_read=false").arg(threadId), token)
        .object()
        .value(QStringLiteral("messages"))
        .toArray();
}

inline int countWhere(const QJsonArray &array, const QString &key, const QString &value)
{
    int count = 0;
    for (const QJsonValue &entry : array)
        count += entry.toObject().value(key).toString() == value ? 1 : 0;
    return count;
}

} // namespace portal::testing
