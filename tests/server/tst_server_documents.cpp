// portal-server's documents: list and detail shapes, downloads (headers, ETag, Range, HEAD), and uploads
// (multipart, validation, the size limit decided before the body is read).
#include "TestServer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QtTest>

using namespace portal;
using portal::testing::HttpResult;
using portal::testing::TestServer;

namespace {

QByteArray fixtureFile(const QString &name)
{
    QFile file(TestServer::sharedDir() + QStringLiteral("/fixtures/files/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QHttpPart textPart(const QByteArray &name, const QByteArray &value)
{
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader, "form-data; name=\"" + name + "\"");
    part.setBody(value);
    return part;
}

QHttpPart filePart(const QByteArray &fileName, const QByteArray &contentType, const QByteArray &bytes)
{
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader,
                   "form-data; name=\"file\"; filename=\"" + fileName + "\"");
    part.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    part.setBody(bytes);
    return part;
}

} // namespace

class ServerDocumentsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PORTAL_SKIP_WITHOUT_TEST_DATABASE(); }
    void init()
    {
        m_server = std::make_unique<TestServer>(
            [](server::ServerOptions &options) { options.limits.maxBodySize = 1024 * 1024; });
        QVERIFY2(m_server->isValid(), qPrintable(m_server->errorString()));
        m_token = m_server->clientToken();
    }

    void listAndDetail()
    {
        const HttpResult list = m_server->get("/api/portal/documents/", m_token);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.array().size(), 2);
        const QJsonObject contract = list.array().at(1).toObject(); // newest first: the contract is older
        QCOMPARE(contract.value("id").toInt(), 1);
        QCOMPARE(
            contract.keys(),
            QStringList({ "case", "description", "file_size", "file_type", "id", "title", "uploaded_at" }));
        QCOMPARE(contract.value("file_size").toInteger(),
                 fixtureFile("contract.pdf").size()); // the real size
        QCOMPARE(contract.value("case").toObject().value("title").toString(),
                 QStringLiteral("Contract Dispute"));

        const HttpResult detail = m_server->get("/api/portal/documents/1/", m_token);
        QCOMPARE(detail.status, 200);
        QCOMPARE(detail.object().value("download_url").toString(),
                 QStringLiteral("/api/portal/documents/1/download/"));
        QCOMPARE(detail.object().value("title").toString(), QStringLiteral("Contract"));
    }

    void download()
    {
        const QByteArray expected = fixtureFile("contract.pdf");
        const HttpResult result = m_server->get("/api/portal/documents/1/download/", m_token);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.body, expected);
        QCOMPARE(result.header("Content-Type"), QByteArray("application/pdf"));
        QCOMPARE(result.header("Content-Length").toLongLong(), expected.size());
        QVERIFY(result.header("Content-Disposition").contains("filename=\"contract.pdf\""));
        QCOMPARE(result.header("Accept-Ranges"), QByteArray("bytes"));
        const QByteArray etag = result.header("ETag");
        QCOMPARE(etag, '"' + QCryptographicHash::hash(expected, QCryptographicHash::Sha256).toHex() + '"');
        QVERIFY(!result.header("X-RateLimit-Remaining").isEmpty());

        const HttpResult cached
            = m_server->get("/api/portal/documents/1/download/", m_token, { { "If-None-Match", etag } });
        QCOMPARE(cached.status, 304);
        QVERIFY(cached.body.isEmpty());
    }

    void ranges_data()
    {
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<qint64>("length");
        QTest::newRow("first 100") << QByteArray("bytes=0-99") << qint64(0) << qint64(100);
        QTest::newRow("from 500") << QByteArray("bytes=500-") << qint64(500) << qint64(-1);
        QTest::newRow("last 28") << QByteArray("bytes=-28") << qint64(-28) << qint64(28);
        QTest::newRow("end past size") << QByteArray("bytes=600-100000") << qint64(600) << qint64(-1);
    }

    void ranges()
    {
        QFETCH(QByteArray, range);
        QFETCH(qint64, offset);
        QFETCH(qint64, length);
        const QByteArray whole = fixtureFile("contract.pdf");
        if (offset < 0)
            offset += whole.size();
        const QByteArray expected = whole.mid(offset, length);
        const HttpResult result
            = m_server->get("/api/portal/documents/1/download/", m_token, { { "Range", range } });
        QCOMPARE(result.status, 206);
        QCOMPARE(result.body, expected);
        QCOMPARE(result.header("Content-Range"),
                 "bytes " + QByteArray::number(offset) + '-'
                     + QByteArray::number(offset + expected.size() - 1) + '/'
                     + QByteArray::number(whole.size()));
    }

    void unsatisfiableRange()
    {
        const HttpResult result
            = m_server->get("/api/portal/documents/1/download/", m_token, { { "Range", "bytes=100000-" } });
        QCOMPARE(result.status, 416);
        QCOMPARE(result.header("Content-Range"),
                 "bytes */" + QByteArray::number(fixtureFile("contract.pdf").size()));
        QCOMPARE(result.errorCode(), QStringLiteral("range_not_satisfiable"));
    }

    void staleIfRangeGetsTheWholeFile()
    {
        const HttpResult result
            = m_server->get("/api/portal/documents/1/download/", m_token,
                            { { "Range", "bytes=0-9" }, { "If-Range", "\"an-old-version\"" } });
        QCOMPARE(result.status, 200);
        QCOMPARE(result.body, fixtureFile("contract.pdf"));
    }

    void headHasNoBody()
    {
        const HttpResult result = m_server->send("HEAD", "/api/portal/documents/1/download/", {}, m_token);
        QCOMPARE(result.status, 200);
        QVERIFY(result.body.isEmpty());
        QCOMPARE(result.header("Content-Length").toLongLong(), fixtureFile("contract.pdf").size());
    }

    void upload()
    {
        const QByteArray bytes = QByteArray("%PDF-1.4\n") + QByteArray(50000, 'z');
        auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        multipart->append(textPart("title", "Signed Agreement"));
        multipart->append(textPart("description", "Countersigned, with annex"));
        multipart->append(textPart("case", "1"));
        multipart->append(filePart("signed agreement.pdf", "application/pdf", bytes));
        const HttpResult result = m_server->postMultipart("/api/portal/documents/", multipart, m_token);
        QCOMPARE(result.status, 201);
        const QJsonObject document = result.object();
        QCOMPARE(document.value("title").toString(), QStringLiteral("Signed Agreement"));
        QCOMPARE(document.value("description").toString(), QStringLiteral("Countersigned, with annex"));
        QCOMPARE(document.value("file_type").toString(), QStringLiteral("PDF"));
        QCOMPARE(document.value("file_size").toInteger(), bytes.size());
        QCOMPARE(document.value("case").toObject().value("id").toInt(), 1);
        const QString downloadUrl = document.value("download_url").toString();
        QVERIFY(downloadUrl.endsWith("/download/"));

        const HttpResult downloaded = m_server->get(downloadUrl, m_token);
        QCOMPARE(downloaded.body, bytes);
        QVERIFY(downloaded.header("Content-Disposition").contains("signed agreement.pdf"));
        QCOMPARE(m_server->get("/api/portal/documents/", m_token).array().size(), 3);
        // The other client does not see it.
        QCOMPARE(m_server->get(downloadUrl, m_server->otherClientToken()).status, 404);
    }

    void badUploads_data()
    {
        QTest::addColumn<QString>("missing");
        QTest::addColumn<QByteArray>("caseValue");
        QTest::addColumn<QString>("field");
        QTest::newRow("no file") << "file" << QByteArray("1") << "file";
        QTest::newRow("no title") << "title" << QByteArray("1") << "title";
        QTest::newRow("no case") << "case" << QByteArray("1") << "case";
        QTest::newRow("case not a number") << "" << QByteArray("one") << "case";
        QTest::newRow("another client's case") << "" << QByteArray("3") << "case";
    }

    void badUploads()
    {
        QFETCH(QString, missing);
        QFETCH(QByteArray, caseValue);
        QFETCH(QString, field);
        auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        if (missing != "title")
            multipart->append(textPart("title", "Something"));
        if (missing != "case")
            multipart->append(textPart("case", caseValue));
        if (missing != "file")
            multipart->append(filePart("a.txt", "text/plain", "hello"));
        const HttpResult result = m_server->postMultipart("/api/portal/documents/", multipart, m_token);
        QCOMPARE(result.status, 400);
        QVERIFY2(result.object().value("error").toObject().value("details").toObject().contains(field),
                 result.body.constData());
        QCOMPARE(m_server->get("/api/portal/documents/", m_token).array().size(), 2);
        QCOMPARE(QDir(m_server->dataDir() + "/incoming").entryList(QDir::Files).size(),
                 0); // nothing left behind
    }

    void uploadNeedsMultipart()
    {
        const HttpResult result = m_server->post("/api/portal/documents/", { { "title", "x" } }, m_token);
        QCOMPARE(result.status, 415);
        const HttpResult garbage
            = m_server->send("POST", "/api/portal/documents/", "not multipart at all", m_token,
                             { { "Content-Type", "multipart/form-data; boundary=xyz" } });
        QCOMPARE(garbage.status, 400);
    }

    void oversizedUploadRefusedFromContentLength()
    {
        // Only the headers are sent: the 413 must come without the body, decided from Content-Length.
        const QByteArray request
            = "POST /api/portal/documents/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token
            + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 200000000\r\n\r\n";
        const QByteArray answer = testing::rawExchange(m_server->port(), request);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        QVERIFY(answer.contains("payload_too_large"));
    }

private:
    std::unique_ptr<TestServer> m_server;
    QByteArray m_token;
};

QTEST_GUILESS_MAIN(ServerDocumentsTest)
#include "tst_server_documents.moc"
