// A real portal-server for tests: a fresh store in a temporary folder (on PostgreSQL runs, see TestBackend.h,
// with a database of its own) loaded with the demo fixture,
// served on 127.0.0.1 with an OS-chosen port, and a small synchronous HTTP client to talk to it.
#pragma once

#include "PortalServer.h"
#include "TestBackend.h"

#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace portal::testing {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QByteArray header(const QByteArray &name) const;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    QJsonObject object() const { return json().object(); }
    QJsonArray array() const { return json().array(); }
    QString errorCode() const; // the envelope's error.code
};

class TestServer
{
public:
    // Starts a server on the demo fixture; `configure` may change the options first.
    explicit TestServer(const std::function<void(server::ServerOptions &)> &configure = {});
    // Starts a server on a store that exists already and that it does not own: another server's (several
    // servers on one PostgreSQL database; destroy it before the one that owns the store), or a moved one.
    TestServer(const QString &dataDir, const QUrl &database,
               const std::function<void(server::ServerOptions &)> &configure = {});
    ~TestServer();

    bool isValid() const { return m_server != nullptr; }
    QString errorString() const { return m_error; }
    server::PortalServer &server() { return *m_server; }
    QString dataDir() const { return m_dataDir; }
    // Empty on SQLite: Store::open(dataDir(), databaseUrl()) opens the same store.
    QUrl databaseUrl() const { return m_databaseUrl; }
    quint16 port() const { return m_port; }
    QUrl url(const QString &path) const;

    // Requests; `token` adds "Authorization: Bearer <token>".
    HttpResult get(const QString &path, const QByteArray &token = {},
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult post(const QString &path, const QJsonObject &body, const QByteArray &token = {});
    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body,
                    const QByteArray &token = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult postMultipart(const QString &path, QHttpMultiPart *multipart, const QByteArray &token);

    // Signs in and returns the access token (empty on failure).
    QByteArray signIn(const QString &username, const QString &password);
    QByteArray clientToken()
    {
        return signIn(QStringLiteral("client_username"), QStringLiteral("client_password"));
    }
    QByteArray otherClientToken()
    {
        return signIn(QStringLiteral("other_client"), QStringLiteral("other_password"));
    }
    QByteArray attorneyToken()
    {
        return signIn(QStringLiteral("jsmith"), QStringLiteral("attorney_password"));
    }

    static QString sharedDir(); // ../shared beside the source tree
    static QString fixturePath();

private:
    void start(const server::ServerOptions &options);
    HttpResult wait(QNetworkReply *reply);

    QTemporaryDir m_dir;
    QString m_dataDir;
    QUrl m_databaseUrl;
    std::unique_ptr<store::test::ScratchDatabase> m_database; // dropped after the server has gone
    std::unique_ptr<server::PortalServer> m_server;
    quint16 m_port = 0;
    QString m_error;
    QNetworkAccessManager m_network;
};

// The built portal-server binary (PORTAL_SERVER_BIN, set by CMake for the tests that run it).
QString serverBinary();

struct CommandResult
{
    int exitCode = -1; // -1 when it crashed or did not finish in time
    QByteArray out;
    QByteArray err;
};

// Runs portal-server with `arguments` and `input` on its standard input to its end (at most 60 s), while
// this thread's event loop keeps turning (servers and receivers of the test live on it).
CommandResult runServerCommand(const QStringList &arguments, const QByteArray &input = {});

// Raw HTTP over a socket, for what QNetworkAccessManager will not send (bad headers, odd methods).
QByteArray rawExchange(quint16 port, const QByteArray &request, int timeoutMs = 5000);

} // namespace portal::testing
