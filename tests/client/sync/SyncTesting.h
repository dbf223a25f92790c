// What the sync tests share: a network manager that counts (and may redirect) requests, an account signed
// in against a TestServer with an empty cache and an engine, and the staff actions that change its data.
#pragma once

#include "ClientCache.h"
#include "Session.h"
#include "SyncEngine.h"
#include "TestServer.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <functional>
#include <memory>

namespace portal::testing {

class CountingNetwork : public QNetworkAccessManager
{
    Q_OBJECT
public:
    using Rewrite = std::function<void(QNetworkRequest &request)>;

    int total() const { return m_total; }
    int count(const QString &path) const { return m_counts.value(path); }
    int countPrefix(const QString &prefix) const;
    void reset();
    void setRewrite(Rewrite rewrite) { m_rewrite = std::move(rewrite); }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override;

private:
    QHash<QString, int> m_counts;
    int m_total = 0;
    Rewrite m_rewrite;
};

// A client account on `server`, signed in, with an empty cache in a temporary folder.
class SyncAccount
{
public:
    explicit SyncAccount(TestServer &server, const QString &user = QStringLiteral("client_username"),
                         const QString &password = QStringLiteral("client_password"));

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    CountingNetwork network;
    std::unique_ptr<net::Session> session;
    std::unique_ptr<client::ClientCache> cache;
    std::unique_ptr<client::SyncEngine> engine;

private:
    QTemporaryDir m_dir;
    QString m_error;
};

// Runs one sync and waits for it; the run's success.
bool syncOnce(client::SyncEngine &engine, int timeoutMs = 120000);

// Staff actions through the staff API as the attorney (jsmith); true on success.
bool staffReply(TestServer &server, qint64 threadId, const QString &content);
bool staffTask(TestServer &server, qint64 caseId, const QString &title);
bool staffPatchCase(TestServer &server, qint64 caseId, const QJsonObject &change);
bool staffUpload(TestServer &server, qint64 caseId, const QString &title, const QByteArray &bytes);

// Every message of the account, per thread, as the server has them (read without marking them read).
QHash<qint64, int> serverMessageCounts(TestServer &server, const QByteArray &token);

} // namespace portal::testing
