#include "TestServer.h"

#include "PasswordHasher.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QTcpSocket>
#include <QTimer>

namespace portal::testing {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpResult::errorCode() const
{
    return object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QString TestServer::sharedDir()
{
    const QByteArray fromEnv = qgetenv("PORTAL_SHARED_DIR");
    return fromEnv.isEmpty() ? QStringLiteral("../shared") : QString::fromLocal8Bit(fromEnv);
}

QString TestServer::fixturePath()
{
    return sharedDir() + QStringLiteral("/fixtures/portal-demo.json");
}

namespace {

// Importing hashes the fixture's passwords with Argon2id, which is slow on purpose; so the fixture is
// imported once per test program into a template folder (and on PostgreSQL a template database), and every
// TestServer starts from a copy of it.
struct ImportedTemplate
{
    QString dir;
    QString databaseName; // PostgreSQL runs: CREATE DATABASE ... TEMPLATE this
};

ImportedTemplate importedTemplate(QString *error)
{
    static QTemporaryDir dir;
    static store::test::ScratchDatabase *database = nullptr; // dropped as the application ends
    static QString failure;
    static bool done = false;
    if (!done) {
        done = true;
        database = new store::test::ScratchDatabase;
        qAddPostRoutine([] { delete std::exchange(database, nullptr); });
        failure = database->errorString();
        if (failure.isEmpty()) {
            // Closed at the end of this scope: nobody may be connected to a template database.
            auto store = store::Store::open(dir.path(), database->url());
            if (!store) {
                failure = store.error().message;
            } else if (const auto imported
                       = store::importFixture(**store, TestServer::fixturePath(), auth::hashPassword);
                       !imported) {
                failure = imported.error().message;
            }
        }
    }
    *error = failure;
    if (!failure.isEmpty())
        return {};
    return { dir.path(), database ? database->name() : QString() };
}

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo &entry : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + entry.fileName();
        if (entry.isDir() ? !copyTree(entry.filePath(), target) : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

} // namespace

TestServer::TestServer(const std::function<void(server::ServerOptions &)> &configure)
{
    server::ServerOptions options;
    options.dataDir = m_dir.path();
    if (configure)
        configure(options);
    const ImportedTemplate source = importedTemplate(&m_error);
    if (source.dir.isEmpty())
        return;
    if (!copyTree(source.dir, options.dataDir)) {
        m_error = QStringLiteral("cannot copy the imported fixture to %1").arg(options.dataDir);
        return;
    }
    if (store::test::onPostgres()) {
        m_database = std::make_unique<store::test::ScratchDatabase>(source.databaseName);
        if (!m_database->errorString().isEmpty()) {
            m_error = m_database->errorString();
            return;
        }
        options.database = m_database->url();
    }
    start(options);
}

TestServer::TestServer(const QString &dataDir, const QUrl &database,
                       const std::function<void(server::ServerOptions &)> &configure)
{
    server::ServerOptions options;
    if (configure)
        configure(options);
    options.dataDir = dataDir;
    options.database = database;
    start(options);
}

void TestServer::start(const server::ServerOptions &options)
{
    m_dataDir = options.dataDir;
    m_databaseUrl = options.database;
    m_server = server::PortalServer::create(options, &m_error);
    if (!m_server)
        return;
    m_port = m_server->listen(QHostAddress::LocalHost, 0, &m_error);
    if (m_port == 0)
        m_server.reset();
}

TestServer::~TestServer() = default;

QUrl TestServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

HttpResult TestServer::wait(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.error = reply->error();
    reply->deleteLater();
    return result;
}

HttpResult TestServer::send(const QByteArray &method, const QString &path, const QByteArray &body,
                            const QByteArray &token, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url(path));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    // QNetworkAccessManager treats a custom "HEAD" as a request with a body to wait for; head() knows better.
    if (method == "HEAD")
        return wait(m_network.head(request));
    return wait(m_network.sendCustomRequest(request, method, body));
}

HttpResult TestServer::get(const QString &path, const QByteArray &token,
                           const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET", path, {}, token, headers);
}

HttpResult TestServer::post(const QString &path, const QJsonObject &body, const QByteArray &token)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpResult TestServer::postMultipart(const QString &path, QHttpMultiPart *multipart, const QByteArray &token)
{
    QNetworkRequest request(url(path));
    request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = m_network.post(request, multipart);
    multipart->setParent(reply);
    return wait(reply);
}

QByteArray TestServer::signIn(const QString &username, const QString &password)
{
    const HttpResult result
        = post(QStringLiteral("/api/token/"),
               { { QStringLiteral("username"), username }, { QStringLiteral("password"), password } });
    return result.object().value(QStringLiteral("access")).toString().toUtf8();
}

QString serverBinary()
{
    return QString::fromLocal8Bit(qgetenv("PORTAL_SERVER_BIN"));
}

CommandResult runServerCommand(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(serverBinary(), arguments);
    process.waitForStarted();
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return { -1, process.readAllStandardOutput(), process.readAllStandardError() };
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
             process.readAllStandardOutput(), process.readAllStandardError() };
}

QByteArray rawExchange(quint16 port, const QByteArray &request, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(request);
    QByteArray answer;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        answer += socket.readAll();
        // Stop once a whole response (headers + Content-Length body) is in.
        const qsizetype end = answer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : answer.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (answer.size() >= end + 4 + length)
            loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return answer;
}

} // namespace portal::testing
