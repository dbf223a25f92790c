// parseByteRange(): the Range forms we serve, the ones we ignore (whole resource) and the unsatisfiable ones.
#include "ByteRange.h"

#include <QTest>

using portal::http::ByteRange;
using portal::http::parseByteRange;

Q_DECLARE_METATYPE(ByteRange)

class TestByteRange : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void contentRange();
};

void TestByteRange::parse_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<ByteRange>("expected");

    using K = ByteRange::Kind;
    const auto whole = [](qint64 size) { return ByteRange { K::Whole, 0, size }; };
    const auto partial = [](qint64 offset, qint64 length) {
        return ByteRange { K::Partial, offset, length };
    };
    const ByteRange unsatisfiable { K::Unsatisfiable, 0, 0 };

    QTest::newRow("no header") << QByteArray() << qint64(1000) << whole(1000);
    QTest::newRow("first and last") << QByteArray("bytes=0-499") << qint64(1000) << partial(0, 500);
    QTest::newRow("single byte") << QByteArray("bytes=999-999") << qint64(1000) << partial(999, 1);
    QTest::newRow("open end") << QByteArray("bytes=500-") << qint64(1000) << partial(500, 500);
    QTest::newRow("suffix") << QByteArray("bytes=-100") << qint64(1000) << partial(900, 100);
    QTest::newRow("suffix longer than resource")
        << QByteArray("bytes=-2000") << qint64(1000) << partial(0, 1000);
    QTest::newRow("last clamped") << QByteArray("bytes=10-5000") << qint64(1000) << partial(10, 990);
    QTest::newRow("huge last") << QByteArray("bytes=0-99999999999999999999999") << qint64(1000)
                               << partial(0, 1000);
    QTest::newRow("spaces around the range") << QByteArray("bytes= 0-9 ") << qint64(1000) << partial(0, 10);
    QTest::newRow("unit case") << QByteArray("BYTES=0-9") << qint64(1000) << partial(0, 10);
    QTest::newRow("empty list elements") << QByteArray("bytes=,0-9,") << qint64(1000) << partial(0, 10);

    QTest::newRow("first past end") << QByteArray("bytes=1000-") << qint64(1000) << unsatisfiable;
    QTest::newRow("range past end") << QByteArray("bytes=1000-2000") << qint64(1000) << unsatisfiable;
    QTest::newRow("huge first") << QByteArray("bytes=99999999999999999999999-") << qint64(1000)
                                << unsatisfiable;
    QTest::newRow("zero suffix") << QByteArray("bytes=-0") << qint64(1000) << unsatisfiable;
    QTest::newRow("empty resource") << QByteArray("bytes=0-") << qint64(0) << unsatisfiable;
    QTest::newRow("suffix of empty resource") << QByteArray("bytes=-5") << qint64(0) << unsatisfiable;

    QTest::newRow("several ranges") << QByteArray("bytes=0-1,5-6") << qint64(1000) << whole(1000);
    QTest::newRow("reversed") << QByteArray("bytes=5-2") << qint64(1000) << whole(1000);
    QTest::newRow("other unit") << QByteArray("items=0-1") << qint64(1000) << whole(1000);
    QTest::newRow("no equals") << QByteArray("bytes 0-1") << qint64(1000) << whole(1000);
    QTest::newRow("no dash") << QByteArray("bytes=5") << qint64(1000) << whole(1000);
    QTest::newRow("only dash") << QByteArray("bytes=-") << qint64(1000) << whole(1000);
    QTest::newRow("letters") << QByteArray("bytes=a-b") << qint64(1000) << whole(1000);
    QTest::newRow("sign") << QByteArray("bytes=+1-2") << qint64(1000) << whole(1000);
    QTest::newRow("negative last") << QByteArray("bytes=1--2") << qint64(1000) << whole(1000);
    QTest::newRow("empty set") << QByteArray("bytes=") << qint64(1000) << whole(1000);
}

void TestByteRange::parse()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, size);
    QFETCH(ByteRange, expected);
    const ByteRange range = parseByteRange(header, size);
    QCOMPARE(int(range.kind), int(expected.kind));
    QCOMPARE(range.offset, expected.offset);
    QCOMPARE(range.length, expected.length);
}

void TestByteRange::contentRange()
{
    QCOMPARE(parseByteRange("bytes=0-499", 1234).contentRange(1234), QByteArray("bytes 0-499/1234"));
    QCOMPARE(parseByteRange("bytes=-1", 1234).contentRange(1234), QByteArray("bytes 1233-1233/1234"));
    QCOMPARE(ByteRange::unsatisfiedContentRange(1234), QByteArray("bytes */1234"));
}

QTEST_GUILESS_MAIN(TestByteRange)
#include "tst_byterange.moc"
