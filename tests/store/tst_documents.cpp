// Documents on the demo fixture: the list and detail, the stored files, and adding an upload (moved into
// place with its row, or removed when refused).
#include "StoreTestSupport.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace portal;
using namespace portal::store;
using namespace portal::store::test;

class TestDocuments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PORTAL_SKIP_WITHOUT_TEST_DATABASE(); }
    void init();
    void cleanup();

    void documentListIsNewestFirst();
    void documentDetailHasDownloadUrl();
    void documentFileIsTheFixtureBytes();
    void addDocument();
    void addDocumentDerivesTypes_data();
    void addDocumentDerivesTypes();
    void addDocumentChecksInput_data();
    void addDocumentChecksInput();
    void addDocumentRefusesFilesOutsideIncoming();
    void addDocumentInsideARolledBackTransactionLeavesNoFile();

private:
    Store &store() { return *m_demo->store; }
    QString writeIncoming(const QString &name, const QByteArray &bytes);

    std::unique_ptr<DemoStore> m_demo;
};

void TestDocuments::init()
{
    auto demo = openDemoStore();
    QVERIFY_OK(demo);
    m_demo = demo.take();
}

void TestDocuments::cleanup()
{
    m_demo.reset();
}

QString TestDocuments::writeIncoming(const QString &name, const QByteArray &bytes)
{
    const QString path = QDir(store().documents().incomingDir()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestDocuments::documentListIsNewestFirst()
{
    // The API document's two documents, newest first, with the fixture files' real sizes.
    const QString files = QFileInfo(demoFixturePath()).absoluteDir().filePath(QStringLiteral("files"));
    const qint64 contractSize = QFileInfo(files + QStringLiteral("/contract.pdf")).size();
    const qint64 emailsSize = QFileInfo(files + QStringLiteral("/email-correspondence.pdf")).size();
    QVERIFY(contractSize > 0 && emailsSize > 0);

    auto documents = store().documents().list(kJohn);
    QVERIFY_OK(documents);
    const QString expected = QStringLiteral(R"([
      {"id": 2, "title": "Email Correspondence", "description": "Emails with supplier", "file_type": "PDF",
       "file_size": %1, "uploaded_at": "2023-01-17T09:15:00Z",
       "case": {"id": 1, "title": "Contract Dispute"}},
      {"id": 1, "title": "Contract", "description": "Service agreement", "file_type": "PDF",
       "file_size": %2, "uploaded_at": "2023-01-16T14:30:00Z", "case": {"id": 1, "title": "Contract Dispute"}}
    ])")
                                 .arg(emailsSize)
                                 .arg(contractSize);
    QCOMPARE(json(*documents), json(expected.toUtf8().constData()));
}

void TestDocuments::documentDetailHasDownloadUrl()
{
    auto detail = store().documents().detail(kJohn, 1);
    QVERIFY_OK(detail);
    QCOMPARE(detail->downloadUrl, QStringLiteral("/api/portal/documents/1/download/"));
    QCOMPARE(detail->document.title, QStringLiteral("Contract"));
    QCOMPARE(detail->document.caseRef, (api::CaseRef { 1, QStringLiteral("Contract Dispute") }));
}

void TestDocuments::documentFileIsTheFixtureBytes()
{
    const QString source
        = QFileInfo(demoFixturePath()).absoluteDir().filePath(QStringLiteral("files/contract.pdf"));
    const QByteArray bytes = fileBytes(source);
    QVERIFY(!bytes.isEmpty());

    auto stored = store().documents().file(kJohn, 1);
    QVERIFY_OK(stored);
    QCOMPARE(QFileInfo(stored->path).absolutePath(), layout::documentsDir(store().dataDir()));
    QCOMPARE(fileBytes(stored->path), bytes);
    QCOMPARE(stored->fileName, QStringLiteral("contract.pdf"));
    QCOMPARE(stored->contentType, QStringLiteral("application/pdf"));
    QCOMPARE(stored->size, bytes.size());
    QCOMPARE(stored->sha256, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

void TestDocuments::addDocumentInsideARolledBackTransactionLeavesNoFile()
{
    // An Idempotency-Key wraps the upload in a transaction of its own; should that one roll back after the
    // upload's (a savepoint) was released, the moved file goes with the row.
    const QStringList before = QDir(layout::documentsDir(store().dataDir())).entryList(QDir::Files);
    NewDocument document;
    document.caseId = 2;
    document.title = QStringLiteral("Withdrawn");
    document.fileName = QStringLiteral("withdrawn.txt");
    document.incomingPath = writeIncoming(QStringLiteral("upload-rollback"), "bytes");
    {
        auto outer = store().database().begin(Database::Access::Write);
        QVERIFY_OK(outer);
        QVERIFY_OK(store().documents().add(kJohn, document));
        QCOMPARE(QDir(layout::documentsDir(store().dataDir())).entryList(QDir::Files).size(),
                 before.size() + 1);
    } // rolled back
    QCOMPARE(QDir(layout::documentsDir(store().dataDir())).entryList(QDir::Files), before);
    auto documents = store().documents().list(kJohn);
    QVERIFY_OK(documents);
    for (const api::Document &item : *documents)
        QVERIFY(item.title != QLatin1String("Withdrawn"));

    // Committed, the file stays.
    document.incomingPath = writeIncoming(QStringLiteral("upload-commit"), "bytes");
    {
        auto outer = store().database().begin(Database::Access::Write);
        QVERIFY_OK(outer);
        QVERIFY_OK(store().documents().add(kJohn, document));
        QVERIFY_OK(outer->commit());
    }
    QCOMPARE(QDir(layout::documentsDir(store().dataDir())).entryList(QDir::Files).size(), before.size() + 1);
}

void TestDocuments::addDocument()
{
    const QByteArray bytes = "PK\x03\x04 not really a docx";
    const QString incoming = writeIncoming(QStringLiteral("upload-1"), bytes);
    NewDocument document;
    document.caseId = 2;
    document.title = QStringLiteral("Notes");
    document.description = QStringLiteral("Meeting notes");
    document.fileName = QStringLiteral("notes.docx");
    document.incomingPath = incoming;
    document.size = bytes.size();

    const QDateTime before = QDateTime::currentDateTimeUtc();
    auto added = store().documents().add(kJohn, document);
    QVERIFY_OK(added);
    QCOMPARE(added->document.id, 4);
    QCOMPARE(added->document.fileType, QStringLiteral("DOCX"));
    QCOMPARE(added->document.fileSize, bytes.size());
    QCOMPARE(added->document.caseRef, (api::CaseRef { 2, QStringLiteral("Trademark Registration") }));
    QVERIFY(added->document.uploadedAt >= before);
    QCOMPARE(added->downloadUrl, QStringLiteral("/api/portal/documents/4/download/"));
    QVERIFY(!QFile::exists(incoming)); // moved, not copied

    auto stored = store().documents().file(kJohn, 4);
    QVERIFY_OK(stored);
    QCOMPARE(fileBytes(stored->path), bytes);
    QCOMPARE(stored->fileName, QStringLiteral("notes.docx"));
    QCOMPARE(stored->contentType,
             QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    // The hash was left to the store.
    QCOMPARE(stored->sha256, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

    auto documents = store().documents().list(kJohn);
    QVERIFY_OK(documents);
    QCOMPARE(documents->constFirst().id, 4);
    auto detail = store().cases().detail(kJohn, 2);
    QVERIFY_OK(detail);
    QCOMPARE(detail->documents.size(), 1);
}

void TestDocuments::addDocumentDerivesTypes_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("givenFileType");
    QTest::addColumn<QString>("givenContentType");
    QTest::addColumn<QString>("fileType");
    QTest::addColumn<QString>("contentType");

    QTest::newRow("pdf") << "scan.pdf"
                         << ""
                         << ""
                         << "PDF"
                         << "application/pdf";
    QTest::newRow("upper-case extension") << "SCAN.PDF"
                                          << ""
                                          << ""
                                          << "PDF"
                                          << "application/pdf";
    QTest::newRow("no extension") << "scan"
                                  << ""
                                  << ""
                                  << "FILE"
                                  << "application/octet-stream";
    QTest::newRow("given") << "scan.pdf"
                           << "SCAN"
                           << "application/x-scan"
                           << "SCAN"
                           << "application/x-scan";
}

void TestDocuments::addDocumentDerivesTypes()
{
    QFETCH(QString, fileName);
    QFETCH(QString, givenFileType);
    QFETCH(QString, givenContentType);
    QFETCH(QString, fileType);
    QFETCH(QString, contentType);
    NewDocument document;
    document.caseId = 1;
    document.title = QStringLiteral("Scan");
    document.fileName = fileName;
    document.fileType = givenFileType;
    document.contentType = givenContentType;
    document.incomingPath = writeIncoming(QStringLiteral("upload"), "bytes");
    auto added = store().documents().add(kJohn, document);
    QVERIFY_OK(added);
    QCOMPARE(added->document.fileType, fileType);
    auto stored = store().documents().file(kJohn, added->document.id);
    QVERIFY_OK(stored);
    QCOMPARE(stored->contentType, contentType);
}

void TestDocuments::addDocumentChecksInput_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<qint64>("caseId");
    QTest::addColumn<QString>("field");

    QTest::newRow("blank title") << " "
                                 << ""
                                 << "a.pdf" << qint64(1) << "title";
    QTest::newRow("long title") << QString(201, QLatin1Char('t')) << ""
                                << "a.pdf" << qint64(1) << "title";
    QTest::newRow("long description")
        << "T" << QString(2001, QLatin1Char('d')) << "a.pdf" << qint64(1) << "description";
    QTest::newRow("no file name") << "T"
                                  << ""
                                  << "" << qint64(1) << "file";
    QTest::newRow("another client's case") << "T"
                                           << ""
                                           << "a.pdf" << qint64(3) << "case";
    QTest::newRow("missing case") << "T"
                                  << ""
                                  << "a.pdf" << qint64(99) << "case";
}

void TestDocuments::addDocumentChecksInput()
{
    QFETCH(QString, title);
    QFETCH(QString, description);
    QFETCH(QString, fileName);
    QFETCH(qint64, caseId);
    QFETCH(QString, field);
    const QStringList filesBefore = documentFiles(store());
    NewDocument document;
    document.caseId = caseId;
    document.title = title;
    document.description = description;
    document.fileName = fileName;
    document.incomingPath = writeIncoming(QStringLiteral("upload"), "bytes");

    auto added = store().documents().add(kJohn, document);
    QVERIFY_ERROR(added, Invalid);
    QCOMPARE(added.error().details.keys(), QStringList { field });
    QVERIFY(!QFile::exists(document.incomingPath)); // a refused upload is not kept
    QCOMPARE(documentFiles(store()), filesBefore);
    QCOMPARE(rowCount(store(), QStringLiteral("documents")), 3);
}

void TestDocuments::addDocumentRefusesFilesOutsideIncoming()
{
    QTemporaryDir elsewhere;
    const QString path = elsewhere.filePath(QStringLiteral("precious.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("keep me");
    file.close();
    NewDocument document;
    document.caseId = 1;
    document.title = QStringLiteral("T");
    document.fileName = QStringLiteral("precious.txt");
    document.incomingPath = path;
    auto added = store().documents().add(kJohn, document);
    QVERIFY_ERROR(added, Failure);
    QVERIFY(QFile::exists(path)); // not the store's to move or remove
    QCOMPARE(rowCount(store(), QStringLiteral("documents")), 3);
}

QTEST_GUILESS_MAIN(TestDocuments)
#include "tst_documents.moc"
