// How long a staff action takes to reach a signed-in client over the push channel: a real portal-server
// process serves the demo data; this process, as the attorney, posts replies in the client's thread and,
// as the client, listens on /api/portal/push/. Prints the latency from sending the POST to receiving the
// notification (target: under 50 ms), and the part of it after the POST's answer arrived.
// With --database URL (an empty PostgreSQL database), two servers share it: the attorney posts to one and
// the client listens on the other, so the notification crosses servers through PostgreSQL's NOTIFY.
// Usage: push-latency [--database URL] [FIXTURE.json] [ITERATIONS]   (the portal-server beside this one)
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
#include <memory>
#include <vector>

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// Turns the event loop until `done` holds or `timeoutMs` passes.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    return done();
}

QByteArray post(QNetworkAccessManager &network, const QUrl &url, const QJsonObject &body,
                const QByteArray &token = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    waitFor([reply] { return reply->isFinished(); }, 10000);
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, size_t(p * double(values.size()))));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("An empty PostgreSQL database two servers share."),
                                            QStringLiteral("URL"));
    parser.addOption(databaseOption);
    parser.addPositionalArgument(QStringLiteral("fixture"),
                                 QStringLiteral("The data (the demo by default)."));
    parser.addPositionalArgument(QStringLiteral("iterations"), QStringLiteral("Replies to time (200)."));
    parser.addHelpOption();
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    const QString fixture = !positional.isEmpty()
        ? positional.at(0)
        : QStringLiteral(PORTAL_SOURCE_DIR "/resources/demo/portal-demo.json");
    const int iterations = positional.size() > 1 ? positional.at(1).toInt() : 200;
    const QString database = parser.value(databaseOption);
    const QStringList store = database.isEmpty() ? QStringList() : QStringList { "--database", database };
    const QString serverBinary = QCoreApplication::applicationDirPath() + QStringLiteral("/portal-server");

    QTemporaryDir dir;
    if (QProcess::execute(serverBinary, QStringList { "import", "--data", dir.path(), fixture } + store)
        != 0) {
        err << "cannot import " << fixture << " with " << serverBinary << '\n';
        return 1;
    }
    // One server, or two on the shared database: replies go to the first, the client listens on the last.
    std::vector<std::unique_ptr<QProcess>> servers;
    std::vector<quint16> ports;
    for (int i = 0; i < (database.isEmpty() ? 1 : 2); ++i) {
        const quint16 port = freePort();
        auto &server = servers.emplace_back(std::make_unique<QProcess>());
        server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server->start(serverBinary,
                      QStringList { "serve", "--data", dir.path(), "--listen",
                                    QStringLiteral("127.0.0.1:%1").arg(port), "--rate-limit", "off" }
                          + store);
        const bool up = waitFor(
            [port] {
                QTcpSocket probe;
                probe.connectToHost(QHostAddress::LocalHost, port);
                return probe.waitForConnected(100);
            },
            10000);
        if (!up) {
            err << "portal-server did not start\n";
            return 1;
        }
        ports.push_back(port);
    }
    const quint16 port = ports.front();
    const quint16 pushPort = ports.back();

    QNetworkAccessManager network;
    const auto url = [port](const QString &path) {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path));
    };
    const auto signIn = [&](const char *user, const char *password) {
        return QJsonDocument::fromJson(
                   post(network, url("/api/token/"), { { "username", user }, { "password", password } }))
            .object()
            .value("access")
            .toString()
            .toUtf8();
    };
    const QByteArray clientToken = signIn("client_username", "client_password");
    const QByteArray attorneyToken = signIn("jsmith", "attorney_password");
    if (clientToken.isEmpty() || attorneyToken.isEmpty()) {
        err << "cannot sign in to the demo data\n";
        return 1;
    }

    QWebSocket push;
    int notifications = 0;
    bool authenticated = false;
    QElapsedTimer clock;
    clock.start();
    qint64 receivedAt = 0;
    QObject::connect(&push, &QWebSocket::textMessageReceived, [&](const QString &text) {
        const QString type = QJsonDocument::fromJson(text.toUtf8()).object().value("type").toString();
        if (type == QLatin1String("authenticated"))
            authenticated = true;
        else if (type == QLatin1String("notification")) {
            receivedAt = clock.nsecsElapsed();
            ++notifications;
        }
    });
    QNetworkRequest pushRequest(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/portal/push/").arg(pushPort)));
    pushRequest.setRawHeader("Authorization", "Bearer " + clientToken);
    push.open(pushRequest);
    if (!waitFor([&] { return authenticated; }, 10000)) {
        err << "the push channel did not authenticate\n";
        return 1;
    }

    std::vector<double> fromPost, afterAnswer;
    for (int i = 0; i < iterations; ++i) {
        const int before = notifications;
        QNetworkRequest request(url("/api/staff/messages/1/"));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setRawHeader("Authorization", "Bearer " + attorneyToken);
        const qint64 sentAt = clock.nsecsElapsed();
        QNetworkReply *reply
            = network.post(request,
                           QJsonDocument(QJsonObject { { "content", QStringLiteral("Update %1").arg(i) } })
                               .toJson(QJsonDocument::Compact));
        qint64 answeredAt = 0;
        QObject::connect(reply, &QNetworkReply::finished, [&] { answeredAt = clock.nsecsElapsed(); });
        if (!waitFor([&] { return notifications > before && answeredAt != 0; }, 10000)) {
            err << "no notification for reply " << i << '\n';
            return 1;
        }
        reply->deleteLater();
        fromPost.push_back(double(receivedAt - sentAt) / 1e6);
        afterAnswer.push_back(double(std::max<qint64>(0, receivedAt - answeredAt)) / 1e6);
    }

    out << "push latency over " << iterations << " staff replies ("
        << (servers.size() > 1
                ? "two portal-servers on one PostgreSQL database: posted to one, pushed by the other"
                : "portal-server on 127.0.0.1")
        << ", demo data)\n";
    out << QStringLiteral("  POST sent -> notification received:   median %1 ms  p95 %2 ms  max %3 ms\n")
               .arg(percentile(fromPost, 0.5), 0, 'f', 2)
               .arg(percentile(fromPost, 0.95), 0, 'f', 2)
               .arg(percentile(fromPost, 1.0), 0, 'f', 2);
    out << QStringLiteral("  POST answered -> notification received: median %1 ms  p95 %2 ms  max %3 ms\n")
               .arg(percentile(afterAnswer, 0.5), 0, 'f', 2)
               .arg(percentile(afterAnswer, 0.95), 0, 'f', 2)
               .arg(percentile(afterAnswer, 1.0), 0, 'f', 2);
    out << "  target: under 50 ms\n";
    out.flush();
    push.close();
    for (auto &server : servers) {
        server->terminate();
        server->waitForFinished(10000);
    }
    return 0;
}
