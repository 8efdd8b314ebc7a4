#include "core/node/rpc/HttpRequestParser.h"

#include <QTest>

using namespace ls::node::rpc;

namespace {

constexpr qsizetype kMaxHeader = 1024;
constexpr qsizetype kMaxBody = 4096;

using Status = HttpRequestParser::Status;

} // namespace

class TestHttpParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void simpleGet()
    {
        HttpRequestParser parser(kMaxHeader, kMaxBody);
        QCOMPARE(parser.feed("GET /?x=1 HTTP/1.1\r\nHost: a\r\nX-Thing:  spaced value \t\r\n\r\n"),
            Status::Complete);
        const HttpRequest& request = parser.request();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.target, QByteArray("/?x=1"));
        QCOMPARE(request.path(), QByteArrayView("/"));
        QCOMPARE(request.versionMinor, 1);
        QCOMPARE(request.header("x-thing"), QByteArray("spaced value"));
        QVERIFY(request.body.isEmpty());
        QVERIFY(request.keepAlive());
    }

    void headerNamesAreCaseInsensitive()
    {
        HttpRequestParser parser(kMaxHeader, kMaxBody);
        QCOMPARE(parser.feed("POST / HTTP/1.1\r\nCONTENT-length: 2\r\nConnection: Keep-Alive, "
                             "UPGRADE\r\nupgrade: WebSocket\r\n\r\n{}"),
            Status::Complete);
        QCOMPARE(parser.request().body, QByteArray("{}"));
        QVERIFY(parser.request().headerHasToken("connection", "upgrade"));
        QVERIFY(parser.request().wantsWebSocket());
    }

    void keepAliveDefaults()
    {
        HttpRequestParser a(kMaxHeader, kMaxBody);
        a.feed("GET / HTTP/1.0\r\n\r\n");
        QVERIFY(!a.request().keepAlive());
        HttpRequestParser b(kMaxHeader, kMaxBody);
        b.feed("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QVERIFY(b.request().keepAlive());
        HttpRequestParser c(kMaxHeader, kMaxBody);
        c.feed("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
        QVERIFY(!c.request().keepAlive());
    }

    void byteByByte()
    {
        const QByteArray wire(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world");
        HttpRequestParser parser(kMaxHeader, kMaxBody);
        for (qsizetype i = 0; i + 1 < wire.size(); ++i)
            QCOMPARE(parser.feed(QByteArrayView(wire).sliced(i, 1)), Status::NeedMore);
        QCOMPARE(parser.feed(QByteArrayView(wire).last(1)), Status::Complete);
        QCOMPARE(parser.request().body, QByteArray("hello world"));
    }

    void bareLineFeedsAndLeadingBlankLines()
    {
        HttpRequestParser parser(kMaxHeader, kMaxBody);
        QCOMPARE(parser.feed("\r\n\nPOST / HTTP/1.1\nContent-Length: 1\n\nx"), Status::Complete);
        QCOMPARE(parser.request().body, QByteArray("x"));
    }

    void pipelinedRequests()
    {
        HttpRequestParser parser(kMaxHeader, kMaxBody);
        QCOMPARE(parser.feed("POST / HTTP/1.1\r\nContent-Length: 1\r\n\r\naPOST /b HTTP/1.1\r\n"
                             "Content-Length: 2\r\n\r\nbb"),
            Status::Complete);
        QCOMPARE(parser.takeRequest().body, QByteArray("a"));
        QCOMPARE(parser.status(), Status::NeedMore);
        QVERIFY(parser.hasPartialRequest());
        QCOMPARE(parser.feed({}), Status::Complete);
        HttpRequest second = parser.takeRequest();
        QCOMPARE(second.target, QByteArray("/b"));
        QCOMPARE(second.body, QByteArray("bb"));
        QCOMPARE(parser.feed({}), Status::NeedMore);
        QVERIFY(!parser.hasPartialRequest());
    }

    void bytesAfterUpgradeStayBuffered()
    {
        HttpRequestParser parser(kMaxHeader, kMaxBody);
        QCOMPARE(parser.feed("GET / HTTP/1.1\r\n\r\n\x81\x80"), Status::Complete);
        parser.takeRequest();
        QCOMPARE(parser.takeBufferedBytes(), QByteArray("\x81\x80"));
    }

    void headersCompleteBeforeBody()
    {
        HttpRequestParser parser(kMaxHeader, kMaxBody);
        QCOMPARE(
            parser.feed("POST / HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"),
            Status::NeedMore);
        QVERIFY(parser.headersComplete());
        QCOMPARE(parser.request().header("expect"), QByteArray("100-continue"));
        QCOMPARE(parser.feed("12345"), Status::Complete);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::newRow("chunked") << QByteArray(
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                                 << 411;
        QTest::newRow("chunked with length") << QByteArray(
            "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: gzip, "
            "chunked\r\n\r\n") << 411;
        QTest::newRow("gzip coding")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
        QTest::newRow("body too large")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 4097\r\n\r\n") << 413;
        QTest::newRow("huge length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n")
            << 413;
        QTest::newRow("headers too large")
            << (QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(1100, 'a') + "\r\n\r\n") << 431;
        QTest::newRow("headers too large, unterminated")
            << (QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(1100, 'a')) << 431;
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("double space") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("garbage version") << QByteArray("GET / HTTX/1.1\r\n\r\n") << 400;
        QTest::newRow("space before colon")
            << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400;
        QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n") << 400;
        QTest::newRow("folded") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("control in value")
            << QByteArray("GET / HTTP/1.1\r\nA: b\x01\r\n\r\n") << 400;
        QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.1\r\nA: b\rc\r\n\r\n") << 400;
        QTest::newRow("negative length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("length list")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1, 1\r\n\r\n") << 400;
        QTest::newRow("conflicting lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
            << 400;
        QTest::newRow("binary garbage")
            << QByteArray("\x16\x03\x01\x02\x00\x01\r\n\r\n", 10) << 400;
    }

    void errors()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        HttpRequestParser parser(kMaxHeader, kMaxBody);
        QCOMPARE(parser.feed(wire), Status::Error);
        QCOMPARE(parser.errorStatus(), status);
        QVERIFY(!parser.errorMessage().isEmpty());
        // An errored parser stays errored.
        QCOMPARE(parser.feed("GET / HTTP/1.1\r\n\r\n"), Status::Error);
    }

    void sameLengthTwiceIsFine()
    {
        HttpRequestParser parser(kMaxHeader, kMaxBody);
        QCOMPARE(parser.feed("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nz"),
            Status::Complete);
    }
};

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_http_parser.moc"
