// Uploads and downloads against the real server: progress, the exact bytes (SHA-256), cancel and resume
// with Range, a restart when the .part no longer matches, size mismatches and a full disk.
#include "DownloadJob.h"
#include "NetTesting.h"
#include "Session.h"
#include "TestServer.h"
#include "TokenJobs.h"
#include "UploadJob.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace portal;
using namespace portal::net;
using portal::testing::describe;
using portal::testing::run;
using portal::testing::TestServer;

namespace {

QByteArray sha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

} // namespace

class TransfersTest : public QObject
{
    Q_OBJECT

    static constexpr qint64 kSize = 24 * 1024 * 1024 + 123; // odd, so no chunk boundary hides an error

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Session> m_session;
    QTemporaryDir m_dir;
    QString m_source;
    qint64 m_documentId = 0;

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->errorString()));
        m_session = std::make_unique<Session>(m_server->url(QString()));
        auto *signIn = new SignInJob(m_session.get(), QStringLiteral("client_username"),
                                     QStringLiteral("client_password"));
        QVERIFY(run(signIn));
        QVERIFY2(signIn->result().ok(), describe(signIn->error()));
        delete signIn;

        m_source = m_dir.filePath(QStringLiteral("source.bin"));
        QFile file(m_source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray block(1024 * 1024, Qt::Uninitialized);
        for (qint64 written = 0; written < kSize; written += block.size()) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()),
                                                  block.size() / 4);
            QVERIFY(file.write(block.constData(), std::min<qint64>(block.size(), kSize - written)) > 0);
        }
        file.close();
        QCOMPARE(QFileInfo(m_source).size(), kSize);
    }

    void cleanupTestCase()
    {
        m_session.reset();
        m_server.reset();
    }

    void uploadWithProgress()
    {
        auto *job = new UploadJob(m_session.get(),
                                  UploadRequest { m_source, QStringLiteral("evidence.bin"),
                                                  QStringLiteral("Evidence"), QStringLiteral("Large"), 1 },
                                  RequestOptions { {}, QByteArrayLiteral("upload-1"), 0 });
        QSignalSpy progress(job, &ApiJob::progress);
        QVERIFY(run(job, 120000));
        QVERIFY2(job->result().ok(), describe(job->error()));
        const api::DocumentDetail detail = *job->result().value;
        QCOMPARE(detail.document.fileSize, kSize);
        QCOMPARE(detail.document.title, QStringLiteral("Evidence"));
        QCOMPARE(detail.document.fileType, QStringLiteral("BIN"));
        QVERIFY(progress.size() >= 2);
        qint64 sent = 0;
        for (const QList<QVariant> &step : progress)
            sent = std::max(sent, step.at(0).toLongLong());
        QVERIFY2(sent >= kSize, qPrintable(QString::number(sent)));
        m_documentId = detail.document.id;
        delete job;
    }

    void uploadOfAMissingFileIsAStorageError()
    {
        auto *job = new UploadJob(
            m_session.get(),
            UploadRequest { m_dir.filePath(QStringLiteral("nope")), {}, QStringLiteral("x"), {}, 1 });
        QVERIFY(run(job));
        QCOMPARE(job->error().kind, NetError::Kind::Storage);
        QCOMPARE(job->attempts(), 1);
        delete job;
    }

    void downloadWithProgressReplacesTheTarget()
    {
        QVERIFY(m_documentId > 0);
        const QString target = m_dir.filePath(QStringLiteral("whole.bin"));
        {
            QFile old(target);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("an older version");
        }
        auto *job = new DownloadJob(m_session.get(), DownloadJob::documentPath(m_documentId), target,
                                    DownloadOptions { kSize, 0 });
        QSignalSpy progress(job, &ApiJob::progress);
        QVERIFY(run(job, 120000));
        QVERIFY2(!job->error().isError(), describe(job->error()));
        QVERIFY(progress.size() >= 2);
        QCOMPARE(progress.last().at(0).toLongLong(), kSize);
        QCOMPARE(sha256(target), sha256(m_source));
        QVERIFY(!QFile::exists(job->partFile()));
        delete job;
    }

    void cancelKeepsThePartAndResumeCompletesIt()
    {
        const QString target = m_dir.filePath(QStringLiteral("resumed.bin"));
        auto *first = new DownloadJob(m_session.get(), DownloadJob::documentPath(m_documentId), target);
        connect(first, &ApiJob::progress, first, [first](qint64 done) {
            if (done >= 2 * 1024 * 1024)
                first->cancel();
        });
        QVERIFY(run(first, 120000));
        QCOMPARE(first->error().kind, NetError::Kind::Cancelled);
        const qint64 kept = QFileInfo(first->partFile()).size();
        QVERIFY2(kept >= 2 * 1024 * 1024 && kept < kSize, qPrintable(QString::number(kept)));
        QVERIFY(!QFile::exists(target));
        delete first;

        auto *second = new DownloadJob(m_session.get(), DownloadJob::documentPath(m_documentId), target,
                                       DownloadOptions { kSize, 0 });
        QVERIFY(run(second, 120000));
        QVERIFY2(!second->error().isError(), describe(second->error()));
        QCOMPARE(second->httpStatus(), 206);
        QCOMPARE(second->resumedFrom(), kept);
        QCOMPARE(sha256(target), sha256(m_source));
        delete second;
    }

    void aPartOfAnotherVersionStartsOver()
    {
        const QString target = m_dir.filePath(QStringLiteral("restarted.bin"));
        {
            QFile part(target + QStringLiteral(".part"));
            QVERIFY(part.open(QIODevice::WriteOnly));
            part.write(QByteArray(5000, 'x'));
            QFile etag(target + QStringLiteral(".part.etag"));
            QVERIFY(etag.open(QIODevice::WriteOnly));
            etag.write("\"an-older-version\"");
        }
        auto *job = new DownloadJob(m_session.get(), DownloadJob::documentPath(m_documentId), target);
        QVERIFY(run(job, 120000));
        QVERIFY2(!job->error().isError(), describe(job->error()));
        QCOMPARE(job->httpStatus(), 200); // If-Range did not match: the whole file
        QCOMPARE(job->resumedFrom(), 0);
        QCOMPARE(sha256(target), sha256(m_source));
        delete job;
    }

    void sizeMismatchIsDetected()
    {
        const QString target = m_dir.filePath(QStringLiteral("mismatch.bin"));
        auto *job = new DownloadJob(m_session.get(), DownloadJob::documentPath(m_documentId), target,
                                    DownloadOptions { kSize + 1, 0 });
        QVERIFY(run(job, 120000));
        QCOMPARE(job->error().kind, NetError::Kind::Malformed);
        QVERIFY(!QFile::exists(target));
        QVERIFY(!QFile::exists(job->partFile()));
        delete job;
    }

    void aFullDiskIsAStorageError()
    {
        if (!QFile::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full here");
        const QString target = m_dir.filePath(QStringLiteral("full.bin"));
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), target + QStringLiteral(".part")));
        auto *job = new DownloadJob(m_session.get(), DownloadJob::documentPath(m_documentId), target);
        QVERIFY(run(job, 120000));
        QCOMPARE(job->error().kind, NetError::Kind::Storage);
        QVERIFY2(job->error().message.contains(QLatin1String("space"), Qt::CaseInsensitive),
                 qPrintable(job->error().message));
        QVERIFY(!QFile::exists(target));
        delete job;
        QFile::remove(target + QStringLiteral(".part"));
    }

    void anotherClientsDocumentIsNotFound()
    {
        const QString target = m_dir.filePath(QStringLiteral("theirs.bin"));
        auto *job = new DownloadJob(m_session.get(), DownloadJob::documentPath(3), target);
        QVERIFY(run(job));
        QCOMPARE(job->error().kind, NetError::Kind::Http);
        QCOMPARE(job->error().httpStatus, 404);
        QCOMPARE(job->error().code, QStringLiteral("not_found"));
        QVERIFY(!QFile::exists(target));
        delete job;
    }
};

QTEST_GUILESS_MAIN(TransfersTest)
#include "tst_net_transfers.moc"
