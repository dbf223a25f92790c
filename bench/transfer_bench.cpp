// The client's transfers at scale: starts a real portal-server (the built binary, in its own process, so
// the figures below are the client's alone) on the demo data, uploads a generated file of SIZE_MB
// (default 1024) with UploadJob, downloads it back with DownloadJob, and prints MB/s and this process's
// peak RSS (VmHWM) after each. Usage: transfer-bench [SIZE_MB]
#include "DownloadJob.h"
#include "Session.h"
#include "TokenJobs.h"
#include "UploadJob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>

using namespace portal::net;

namespace {

QByteArray statusLine(const char *name)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return "?";
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(name))
            return line.mid(qstrlen(name)).trimmed();
    }
    return "?";
}

void waitFor(ApiJob *job)
{
    QEventLoop loop;
    QObject::connect(job, &ApiJob::finished, &loop, &QEventLoop::quit);
    job->setAutoDelete(false);
    job->start();
    loop.exec();
}

int fail(const QString &message)
{
    std::fprintf(stderr, "transfer-bench: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 sizeMb = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1024;
    const qint64 size = sizeMb * 1024 * 1024;
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("server"));

    QProcess import;
    import.start(
        QStringLiteral(PORTAL_SERVER_BIN),
        { QStringLiteral("import"), QStringLiteral("--data"), data, QStringLiteral(PORTAL_FIXTURE) });
    if (!import.waitForFinished(120000) || import.exitCode() != 0)
        return fail(QStringLiteral("import failed: ")
                    + QString::fromLocal8Bit(import.readAllStandardError()));

    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(PORTAL_SERVER_BIN),
                 { QStringLiteral("serve"), QStringLiteral("--data"), data, QStringLiteral("--listen"),
                   QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--rate-limit"),
                   QStringLiteral("off"), QStringLiteral("--max-upload-size"),
                   QStringLiteral("%1M").arg(sizeMb + 16) });
    if (!server.waitForStarted())
        return fail(QStringLiteral("portal-server did not start"));

    Session session(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    session.setDefaultTimeoutMs(120000);
    for (int attempt = 0; session.state() != Session::State::SignedIn; ++attempt) {
        if (attempt == 100)
            return fail(QStringLiteral("cannot sign in"));
        auto *signIn
            = new SignInJob(&session, QStringLiteral("client_username"), QStringLiteral("client_password"));
        waitFor(signIn);
        delete signIn;
        if (session.state() != Session::State::SignedIn)
            QThread::msleep(100);
    }

    const QString source = dir.filePath(QStringLiteral("upload.bin"));
    {
        QFile file(source);
        if (!file.open(QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write ") + source);
        QByteArray block(1024 * 1024, Qt::Uninitialized);
        for (int i = 0; i < block.size(); ++i)
            block[i] = static_cast<char>((i * 7919) >> 3);
        for (qint64 written = 0; written < size; written += block.size()) {
            if (file.write(block) != block.size())
                return fail(QStringLiteral("disk full?"));
        }
    }
    std::printf("file: %lld MB; RSS before transfers: %s (peak %s)\n", sizeMb,
                statusLine("VmRSS:").constData(), statusLine("VmHWM:").constData());

    QElapsedTimer timer;
    timer.start();
    auto *upload = new UploadJob(&session, UploadRequest { source, {}, QStringLiteral("Bench"), {}, 1 });
    waitFor(upload);
    const double uploadSeconds = timer.elapsed() / 1000.0;
    if (!upload->result().ok())
        return fail(QStringLiteral("upload: ") + upload->error().message);
    const qint64 documentId = upload->result().value->document.id;
    delete upload;
    std::printf("upload:   %8.1f MB/s (%.1f s); peak RSS so far %s\n", sizeMb / uploadSeconds, uploadSeconds,
                statusLine("VmHWM:").constData());

    const QString target = dir.filePath(QStringLiteral("download.bin"));
    timer.restart();
    auto *download = new DownloadJob(&session, DownloadJob::documentPath(documentId), target,
                                     DownloadOptions { size, 0 });
    waitFor(download);
    const double downloadSeconds = timer.elapsed() / 1000.0;
    if (download->error().isError())
        return fail(QStringLiteral("download: ") + download->error().message);
    delete download;
    std::printf("download: %8.1f MB/s (%.1f s); peak RSS so far %s\n", sizeMb / downloadSeconds,
                downloadSeconds, statusLine("VmHWM:").constData());

    server.terminate();
    server.waitForFinished(10000);
    return QFileInfo(target).size() == size ? 0 : fail(QStringLiteral("downloaded size differs"));
}
