// The connection guard's request-head parser: body framing and connection reuse, and the heads it must
// refuse because QHttpServer 6.4 could read their framing differently.
#include "RequestHead.h"

#include <QtTest>

using namespace portal::http;

class RequestHeadTest : public QObject
{
    Q_OBJECT

private slots:
    void framing()
    {
        const RequestHead head = parseHead("POST /api/portal/documents/ HTTP/1.1\r\nHost: x\r\n"
                                           "Content-Length: 1234\r\nExpect: 100-continue\r\n");
        QVERIFY(head.problem.isEmpty());
        QCOMPARE(head.contentLength, 1234);
        QVERIFY(head.expectContinue);
        QVERIFY(!head.chunked);
        QCOMPARE(head.reuse(), ConnectionReuse::KeepAlive);
    }

    void webSocketUpgrade_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("upgrade");
        QTest::newRow("upgrade") << QByteArray("GET /push/?x=1 HTTP/1.1\r\nConnection: Upgrade\r\n"
                                               "Upgrade: websocket\r\n")
                                 << true;
        QTest::newRow("in a list, any case")
            << QByteArray("GET /push/ HTTP/1.1\r\nConnection: keep-alive, upgrade\r\nUpgrade: WebSocket\r\n")
            << true;
        // QHttpServer's parser upgrades only with both headers, so neither alone counts.
        QTest::newRow("no Connection")
            << QByteArray("GET /push/ HTTP/1.1\r\nUpgrade: websocket\r\n") << false;
        QTest::newRow("other protocol")
            << QByteArray("GET /push/ HTTP/1.1\r\nConnection: upgrade\r\nUpgrade: h2c\r\n") << false;
    }

    void webSocketUpgrade()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, upgrade);
        const RequestHead parsed = parseHead(head);
        QVERIFY(parsed.problem.isEmpty());
        QCOMPARE(parsed.webSocketUpgrade, upgrade);
        QCOMPARE(parsed.path, QByteArray("/push/"));
    }

    void reuse_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<ConnectionReuse>("reuse");
        QTest::newRow("1.1") << QByteArray("GET / HTTP/1.1\r\n") << ConnectionReuse::KeepAlive;
        QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nConnection: close\r\n")
                                   << ConnectionReuse::Close;
        QTest::newRow("1.1 list") << QByteArray("GET / HTTP/1.1\r\nConnection: TE, Close\r\n")
                                  << ConnectionReuse::Close;
        QTest::newRow("1.0") << QByteArray("GET / HTTP/1.0\r\n") << ConnectionReuse::Close;
        QTest::newRow("1.0 keep-alive")
            << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n") << ConnectionReuse::KeepAliveHttp10;
    }

    void reuse()
    {
        QFETCH(QByteArray, head);
        QFETCH(ConnectionReuse, reuse);
        QCOMPARE(parseHead(head).reuse(), reuse);
    }

    void chunked()
    {
        QVERIFY(parseHead("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n").chunked);
        QVERIFY(parseHead("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n").otherTransferCoding);
    }

    void saturatingLength()
    {
        QCOMPARE(parseHead("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999999\r\n").contentLength,
                 std::numeric_limits<qint64>::max());
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("two words") << QByteArray("GET /\r\n");
        QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\n");
        QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n");
        QTest::newRow("folding") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r\n  continued\r\n");
        QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nNoColonHere\r\n");
        QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n");
        QTest::newRow("list length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1, 1\r\n");
        QTest::newRow("conflicting lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n");
    }

    void refused()
    {
        QFETCH(QByteArray, head);
        QVERIFY(!parseHead(head).problem.isEmpty());
    }

    void sameLengthTwiceIsAccepted()
    {
        const RequestHead head = parseHead("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n");
        QVERIFY(head.problem.isEmpty());
        QCOMPARE(head.contentLength, 5);
    }
};

QTEST_GUILESS_MAIN(RequestHeadTest)
#include "tst_requesthead.moc"
