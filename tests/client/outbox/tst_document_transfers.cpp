// Document downloads against a real portal-server: progress, the kept file opening with the server gone,
// no second fetch of a file already here, and a cancelled download resumed from its .part.
#include "DocumentTransfers.h"
#include "OutboxTesting.h"
#include "UploadJob.h"

#include <QCryptographicHash>
#include <QSignalSpy>

using namespace portal;
using namespace portal::client;
using namespace portal::testing;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class DocumentTransfersTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<AccountPaths> m_paths;
    std::unique_ptr<ClientCache> m_cache;
    std::unique_ptr<FakeNetwork> m_network;
    std::unique_ptr<net::Session> m_session;
    std::unique_ptr<DocumentTransfers> m_transfers;

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->errorString()));
        m_paths = std::make_unique<AccountPaths>(m_dir.path(), m_server->url(QString()),
                                                 QStringLiteral("client_username"));
        QVERIFY(m_paths->create());
        auto opened = ClientCache::open(m_paths->databasePath());
        QVERIFY(opened.ok());
        m_cache = opened.take();
        // Through a forwarding fake network, so the test sees every request.
        m_network = std::make_unique<FakeNetwork>(
            [this](const FakeRequest &request) { return forward(*m_server, request); });
        m_session = std::make_unique<net::Session>(m_server->url(QString()), m_network.get());
        QVERIFY(signIn(*m_session));
        QVERIFY(loadBasics(*m_session, *m_cache));
        m_transfers = std::make_unique<DocumentTransfers>(*m_session, *m_cache, *m_paths);
    }

    void cleanup()
    {
        m_transfers.reset();
        m_session.reset();
        m_network.reset();
        m_cache.reset();
        m_server.reset();
        QDir(m_paths->accountDir()).removeRecursively();
    }

    void aDownloadIsKeptAndOpensWithTheServerGone()
    {
        QSignalSpy progress(m_transfers.get(), &DocumentTransfers::downloadProgress);
        QSignalSpy finished(m_transfers.get(), &DocumentTransfers::downloadFinished);
        QSignalSpy failed(m_transfers.get(), &DocumentTransfers::downloadFailed);
        QVERIFY(!m_transfers->localFile(1));
        QVERIFY(m_transfers->download(1));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 30000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        const QString path = finished.first().at(1).toString();
        QVERIFY(path.startsWith(m_paths->filesDir()));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(1).toLongLong(), QFileInfo(path).size());
        const QByteArray served
            = m_server->get(QStringLiteral("/api/portal/documents/1/download/"), m_server->clientToken())
                  .body;
        QCOMPARE(fileBytes(path), served);
        QCOMPARE(m_transfers->localFile(1).value_or(QString()), path);
        const int downloads = m_network->count(QStringLiteral("/api/portal/documents/1/download/"));
        QCOMPARE(downloads, 1);

        // Asked again: here already, no request.
        QVERIFY(m_transfers->download(1));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QCOMPARE(finished.at(1).at(1).toString(), path);
        QCOMPARE(m_network->count(QStringLiteral("/api/portal/documents/1/download/")), downloads);

        // The server gone: the kept file still opens.
        m_server.reset();
        m_network->setHandler([](const FakeRequest &) {
            return FakeAnswer { 0, {}, {}, -1, QNetworkReply::ConnectionRefusedError };
        });
        QCOMPARE(m_transfers->localFile(1).value_or(QString()), path);
        QVERIFY(m_transfers->download(1));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 30000);
        QVERIFY(failed.isEmpty());

        // A file that changed on disk is not trusted; the next download fetches it again (here: fails).
        QFile(path).resize(3);
        QVERIFY(!m_transfers->localFile(1));
        QVERIFY(m_transfers->download(1));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
    }

    void anUnknownDocumentFails()
    {
        QSignalSpy failed(m_transfers.get(), &DocumentTransfers::downloadFailed);
        QVERIFY(!m_transfers->download(999));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
    }

    void aCancelledDownloadResumes()
    {
        // A large document, uploaded straight through the network layer (real network: it streams).
        QByteArray bytes(24 * 1024 * 1024 + 7, Qt::Uninitialized);
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 131) >> 7);
        const QString source = m_dir.filePath(QStringLiteral("big.bin"));
        {
            QFile file(source);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        net::Session direct(m_server->url(QString()));
        QVERIFY(signIn(direct));
        auto *upload = new net::UploadJob(&direct, { source, {}, QStringLiteral("Big"), {}, 1 });
        QVERIFY(run(upload, 120000));
        QVERIFY2(upload->result().ok(), describe(upload->error()));
        const qint64 documentId = upload->result().value->document.id;
        delete upload;

        // Downloads through the real network too (the fake delivers a body at once).
        m_transfers.reset();
        m_session = std::make_unique<net::Session>(m_server->url(QString()));
        QVERIFY(signIn(*m_session));
        QVERIFY(loadBasics(*m_session, *m_cache));
        m_transfers = std::make_unique<DocumentTransfers>(*m_session, *m_cache, *m_paths);

        QSignalSpy progress(m_transfers.get(), &DocumentTransfers::downloadProgress);
        QSignalSpy cancelled(m_transfers.get(), &DocumentTransfers::downloadCancelled);
        QSignalSpy finished(m_transfers.get(), &DocumentTransfers::downloadFinished);
        connect(m_transfers.get(), &DocumentTransfers::downloadProgress, this,
                [&](qint64 id, qint64 received, qint64) {
                    if (id == documentId && cancelled.isEmpty() && received > 0)
                        m_transfers->cancelDownload(id);
                });
        QVERIFY(m_transfers->download(documentId));
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, 60000);
        QVERIFY(!m_transfers->isDownloading(documentId));
        QVERIFY(!m_transfers->localFile(documentId));
        auto document = m_cache->document(documentId);
        const QString target = m_paths->documentFilePath(documentId, documentFileName((*document)->document));
        const qint64 kept = QFileInfo(target + QStringLiteral(".part")).size();
        QVERIFY2(kept > 0 && kept < bytes.size(), QByteArray::number(kept));

        progress.clear();
        QVERIFY(m_transfers->download(documentId));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        QVERIFY(!progress.isEmpty());
        QVERIFY(progress.first().at(1).toLongLong() >= kept); // went on from the .part
        QCOMPARE(QCryptographicHash::hash(fileBytes(finished.first().at(1).toString()),
                                          QCryptographicHash::Sha256),
                 QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
        QCOMPARE(m_cache->documentFiles().find(documentId)->value().size, qint64(bytes.size()));
    }
};

QTEST_GUILESS_MAIN(DocumentTransfersTest)
#include "tst_document_transfers.moc"
