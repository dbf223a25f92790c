// parseMultipartFormData(): well-formed bodies as browsers and curl send them, the lenient cases (preamble,
// epilogue, bare LF, padding), the errors, and no crash on mangled input.
#include "Multipart.h"

#include <QRandomGenerator>
#include <QTest>

using portal::http::multipartBoundary;
using portal::http::MultipartLimits;
using portal::http::MultipartPart;
using portal::http::parseMultipartFormData;

namespace {

const QByteArray kType = "multipart/form-data; boundary=XyZ";

// A body in the usual CRLF form from (name, filename, content type, data) tuples.
QByteArray formBody(const QList<std::tuple<QByteArray, QByteArray, QByteArray, QByteArray>> &parts,
                    const QByteArray &boundary = "XyZ")
{
    QByteArray body;
    for (const auto &[name, fileName, type, data] : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + '"';
        if (!fileName.isEmpty())
            body += "; filename=\"" + fileName + '"';
        body += "\r\n";
        if (!type.isEmpty())
            body += "Content-Type: " + type + "\r\n";
        body += "\r\n" + data + "\r\n";
    }
    return body + "--" + boundary + "--\r\n";
}

bool pointsInto(QByteArrayView part, const QByteArray &body)
{
    return part.isEmpty()
        || (part.data() >= body.constData() && part.data() + part.size() <= body.constData() + body.size());
}

} // namespace

class TestMultipart : public QObject
{
    Q_OBJECT

private slots:
    void fieldsAndFile();
    void boundaryForms_data();
    void boundaryForms();
    void extendedFileName();
    void quotedStringEscapes();
    void preambleAndEpilogue();
    void bareLineFeeds();
    void emptyContentAndPadding();
    void delimiterPrefixInContent();
    void binaryContent();
    void errors_data();
    void errors();
    void partLimit();
    void mangledInputDoesNotCrash();
};

void TestMultipart::fieldsAndFile()
{
    const QByteArray pdf = QByteArray("%PDF-1.7\r\n\x00\x01\xff", 14) + QByteArray(100000, 'x');
    const QByteArray body = formBody({ { "title", {}, {}, "Lease agreement" },
                                       { "case", {}, {}, "42" },
                                       { "file", "lease.pdf", "application/pdf", pdf } });
    QString error;
    const auto parts = parseMultipartFormData(kType, body, &error);
    QVERIFY2(parts, qPrintable(error));
    QCOMPARE(parts->size(), 3);
    QCOMPARE(parts->at(0).name, QStringLiteral("title"));
    QCOMPARE(parts->at(0).data, QByteArrayView("Lease agreement"));
    QVERIFY(!parts->at(0).isFile());
    QCOMPARE(parts->at(1).data, QByteArrayView("42"));
    const MultipartPart &file = parts->at(2);
    QCOMPARE(file.name, QStringLiteral("file"));
    QCOMPARE(file.fileName, QStringLiteral("lease.pdf"));
    QCOMPARE(file.contentType, QByteArray("application/pdf"));
    QVERIFY(file.isFile());
    QCOMPARE(file.data, QByteArrayView(pdf));
    for (const MultipartPart &part : *parts)
        QVERIFY(pointsInto(part.data, body)); // views, not copies
}

void TestMultipart::boundaryForms_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("boundary");
    QTest::newRow("token") << QByteArray("multipart/form-data; boundary=abc") << QByteArray("abc");
    QTest::newRow("quoted") << QByteArray("multipart/form-data; boundary=\"a b:c\"") << QByteArray("a b:c");
    QTest::newRow("case and spaces") << QByteArray("Multipart/Form-Data ;  BOUNDARY=abc ; charset=utf-8")
                                     << QByteArray("abc");
    QTest::newRow("curl") << QByteArray(
        "multipart/form-data; boundary=------------------------d74496d66958873e")
                          << QByteArray("------------------------d74496d66958873e");
}

void TestMultipart::boundaryForms()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, boundary);
    QCOMPARE(multipartBoundary(contentType).value_or(QByteArray()), boundary);
    const QByteArray body = formBody({ { "a", {}, {}, "1" } }, boundary); // outlives the views into it
    const auto parts = parseMultipartFormData(contentType, body);
    QVERIFY(parts);
    QCOMPARE(parts->size(), 1);
    QCOMPARE(parts->front().data, QByteArrayView("1"));
}

void TestMultipart::extendedFileName()
{
    const QByteArray body
        = "--XyZ\r\n"
          "Content-Disposition: form-data; name=\"file\"; filename=\"EUR rates.pdf\"; "
          "filename*=UTF-8''%E2%82%AC%20rates.pdf\r\n\r\n"
          "data\r\n--XyZ\r\n"
          "Content-Disposition: form-data; name=\"other\"; filename*=iso-8859-1'de'Gr%FC%DFe.txt\r\n"
          "\r\nmore\r\n--XyZ\r\n"
          "Content-Disposition: form-data; name=\"bad\"; filename*=nonsense; filename=\"plain.txt\"\r\n"
          "\r\nx\r\n--XyZ--";
    const auto parts = parseMultipartFormData(kType, body);
    QVERIFY(parts);
    QCOMPARE(parts->size(), 3);
    QCOMPARE(parts->at(0).fileName, QString::fromUtf8("\u20ac rates.pdf"));
    QCOMPARE(parts->at(1).fileName, QString::fromUtf8("Gr\u00fc\u00dfe.txt"));
    QCOMPARE(parts->at(2).fileName, QStringLiteral("plain.txt")); // an unusable filename* falls back
}

void TestMultipart::quotedStringEscapes()
{
    const QByteArray body
        = "--XyZ\r\n"
          "Content-Disposition: form-data; name=\"a\\\"b\"; filename=\"C:\\dir\\x.txt\"\r\n\r\n"
          "v\r\n--XyZ--\r\n";
    const auto parts = parseMultipartFormData(kType, body);
    QVERIFY(parts);
    QCOMPARE(parts->front().name, QStringLiteral("a\"b"));
    QCOMPARE(parts->front().fileName, QStringLiteral("C:\\dir\\x.txt")); // browsers do not escape backslashes
}

void TestMultipart::preambleAndEpilogue()
{
    const QByteArray body
        = "This is a preamble --XyZ mentioned in passing.\r\n"
          "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
          "--XyZ--\r\nThis is an epilogue\r\n--XyZ\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2";
    const auto parts = parseMultipartFormData(kType, body);
    QVERIFY(parts);
    QCOMPARE(parts->size(), 1);
    QCOMPARE(parts->front().data, QByteArrayView("1"));
}

void TestMultipart::bareLineFeeds()
{
    const QByteArray body = "--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nline one\r\nline two\n"
                            "--XyZ\nContent-Disposition: form-data;\n name=\"b\"\n\n2\n--XyZ--";
    QString error;
    const auto parts = parseMultipartFormData(kType, body, &error);
    QVERIFY2(parts, qPrintable(error));
    QCOMPARE(parts->size(), 2);
    QCOMPARE(parts->at(0).data, QByteArrayView("line one\r\nline two"));
    QCOMPARE(parts->at(1).name, QStringLiteral("b")); // folded header line
    QCOMPARE(parts->at(1).data, QByteArrayView("2"));
}

void TestMultipart::emptyContentAndPadding()
{
    const QByteArray body = "--XyZ  \t\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n"
                            "--XyZ\r\nContent-Disposition: form-data; name=\"tight\"\r\n\r\n--XyZ--";
    QString error;
    const auto parts = parseMultipartFormData(kType, body, &error);
    QVERIFY2(parts, qPrintable(error));
    QCOMPARE(parts->size(), 2);
    QVERIFY(parts->at(0).data.isEmpty());
    QVERIFY(parts->at(1).data.isEmpty());

    const auto none = parseMultipartFormData(kType, "--XyZ--\r\n");
    QVERIFY(none);
    QVERIFY(none->isEmpty());
}

void TestMultipart::delimiterPrefixInContent()
{
    // "--XyZ" followed by neither "--" nor a line break is content, not a delimiter.
    const QByteArray content = "a\r\n--XyZabc\r\nb --XyZ\r\nc";
    const QByteArray body = formBody({ { "a", {}, {}, content } });
    const auto parts = parseMultipartFormData(kType, body);
    QVERIFY(parts);
    QCOMPARE(parts->size(), 1);
    QCOMPARE(parts->front().data, QByteArrayView(content));
}

void TestMultipart::binaryContent()
{
    QByteArray data(256 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(7);
    for (char &c : data)
        c = char(generator.bounded(256));
    data.replace("--XyZ", "--xyz"); // the sender's guarantee: the boundary does not occur in the content
    const QByteArray body = formBody({ { "f", "f.bin", "application/octet-stream", data } });
    const auto parts = parseMultipartFormData(kType, body);
    QVERIFY(parts);
    QCOMPARE(parts->front().data, QByteArrayView(data));
}

void TestMultipart::errors_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    const QByteArray part = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n";
    QTest::newRow("not multipart") << QByteArray("application/json") << QByteArray("{}")
                                   << QStringLiteral("Expected a multipart/form-data body.");
    QTest::newRow("no boundary") << QByteArray("multipart/form-data") << part
                                 << QStringLiteral(
                                        "The multipart/form-data Content-Type has no valid boundary.");
    QTest::newRow("empty boundary") << QByteArray("multipart/form-data; boundary=\"\"") << part
                                    << QStringLiteral(
                                           "The multipart/form-data Content-Type has no valid boundary.");
    QTest::newRow("long boundary") << QByteArray("multipart/form-data; boundary=" + QByteArray(71, 'b'))
                                   << part
                                   << QStringLiteral(
                                          "The multipart/form-data Content-Type has no valid boundary.");
    QTest::newRow("empty body") << kType << QByteArray()
                                << QStringLiteral("The multipart body has no opening boundary.");
    QTest::newRow("other boundary") << kType << formBody({ { "a", {}, {}, "1" } }, "Other")
                                    << QStringLiteral("The multipart body has no opening boundary.");
    QTest::newRow("no closing boundary")
        << kType << part << QStringLiteral("The multipart body ends without its closing boundary.");
    QTest::newRow("truncated delimiter")
        << kType << QByteArray(part + "--XyZ")
        << QStringLiteral("The multipart body ends without its closing boundary.");
    QTest::newRow("headers without a part")
        << kType << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n")
        << QStringLiteral("A part's headers are not terminated by an empty line.");
    QTest::newRow("headers run into the next delimiter")
        << kType << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n--XyZ--\r\n")
        << QStringLiteral("A part has a malformed header line.");
    QTest::newRow("no disposition") << kType
                                    << QByteArray("--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--")
                                    << QStringLiteral(
                                           "A part has no Content-Disposition form-data with a name.");
    QTest::newRow("no name") << kType
                             << QByteArray("--XyZ\r\nContent-Disposition: form-data\r\n\r\n1\r\n--XyZ--")
                             << QStringLiteral("A part has no Content-Disposition form-data with a name.");
    QTest::newRow("attachment")
        << kType << QByteArray("--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--XyZ--")
        << QStringLiteral("A part has no Content-Disposition form-data with a name.");
    QTest::newRow("huge part headers")
        << kType << QByteArray("--XyZ\r\nX-Filler: " + QByteArray(10000, 'f') + "\r\n\r\n1\r\n--XyZ--")
        << QStringLiteral("A part's headers are too large.");
}

void TestMultipart::errors()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!parseMultipartFormData(contentType, body, &actual));
    QCOMPARE(actual, error);
}

void TestMultipart::partLimit()
{
    QList<std::tuple<QByteArray, QByteArray, QByteArray, QByteArray>> fields;
    for (int i = 0; i < 100; ++i)
        fields.append({ "f" + QByteArray::number(i), {}, {}, "v" });
    QCOMPARE(parseMultipartFormData(kType, formBody(fields)).value_or(QList<MultipartPart>()).size(), 100);

    fields.append({ "one-too-many", {}, {}, "v" });
    QString error;
    QVERIFY(!parseMultipartFormData(kType, formBody(fields), &error));
    QCOMPARE(error, QStringLiteral("The multipart body has more than 100 parts."));

    MultipartLimits limits;
    limits.maxParts = 3;
    QVERIFY(!parseMultipartFormData(kType, formBody(fields.mid(0, 4)), nullptr, limits));
    QVERIFY(parseMultipartFormData(kType, formBody(fields.mid(0, 3)), nullptr, limits));
}

void TestMultipart::mangledInputDoesNotCrash()
{
    const QByteArray valid
        = formBody({ { "title", {}, {}, "x" }, { "file", "a \"b\".pdf", "application/pdf", "%PDF\r\n--" } })
        + "epilogue";
    QRandomGenerator generator(42);
    const QByteArray alphabet = "-XyZ\r\n\"; =:*'%a\\";
    for (int round = 0; round < 20000; ++round) {
        QByteArray body = valid.left(generator.bounded(valid.size() + 1));
        const int edits = generator.bounded(4);
        for (int e = 0; e < edits && !body.isEmpty(); ++e) {
            const int at = generator.bounded(body.size());
            switch (generator.bounded(3)) {
            case 0:
                body[at] = alphabet[generator.bounded(alphabet.size())];
                break;
            case 1:
                body.remove(at, 1 + generator.bounded(8));
                break;
            default:
                body.insert(at, alphabet.mid(generator.bounded(alphabet.size())));
            }
        }
        QString error;
        const auto parts = parseMultipartFormData(kType, body, &error);
        QCOMPARE(parts.has_value(), error.isEmpty());
        if (parts) {
            for (const MultipartPart &part : *parts)
                QVERIFY(pointsInto(part.data, body));
        }
    }
}

QTEST_GUILESS_MAIN(TestMultipart)
#include "tst_multipart.moc"
