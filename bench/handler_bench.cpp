// The in-process cost of answering each read endpoint (PortalServer::handle, no sockets): microseconds
// per request, to tell the handlers' share from the HTTP layer's in bench/server-bench's figures.
// Usage: handler-bench FIXTURE.json [ITERATIONS]
#include "PasswordHasher.h"
#include "PortalServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>

using namespace portal;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        QTextStream(stderr) << "usage: handler-bench FIXTURE.json [ITERATIONS]\n";
        return 2;
    }
    const int iterations = arguments.size() > 2 ? arguments.at(2).toInt() : 20000;
    QTemporaryDir dir;
    {
        auto store = store::Store::open(dir.path());
        if (!store || !store::importFixture(**store, arguments.at(1), auth::hashPassword)) {
            QTextStream(stderr) << "cannot import " << arguments.at(1) << '\n';
            return 1;
        }
    }
    server::ServerOptions options;
    options.dataDir = dir.path();
    options.rateLimits.enabled = false;
    QString error;
    auto server = server::PortalServer::create(options, &error);
    if (!server) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }

    http::Request signIn;
    signIn.method = "POST";
    signIn.path = QStringLiteral("/api/token/");
    signIn.body = R"({"username":"client_username","password":"client_password"})";
    const QByteArray token
        = QJsonDocument::fromJson(server->handle(signIn).body()).object().value("access").toString().toUtf8();

    QTextStream out(stdout);
    for (const char *path :
         { "/api/portal/nothing/", "/api/portal/profile/", "/api/portal/cases/", "/api/portal/cases/1/",
           "/api/portal/messages/", "/api/portal/messages/1/?mark_read=false", "/api/portal/documents/",
           "/api/portal/tasks/", "/api/portal/notifications/" }) {
        const QUrl url(QString::fromLatin1(path));
        QElapsedTimer timer;
        timer.start();
        int status = 0;
        for (int i = 0; i < iterations; ++i) {
            http::Request request;
            request.method = "GET";
            request.path = url.path();
            request.query = QUrlQuery(url);
            request.headers = { { "authorization", "Bearer " + token } };
            status = server->handle(request).status();
        }
        out << qSetFieldWidth(45) << Qt::left << path << qSetFieldWidth(0) << status << "  "
            << QString::number(timer.nsecsElapsed() / 1000.0 / iterations, 'f', 2) << " us/request\n";
    }
    return 0;
}
