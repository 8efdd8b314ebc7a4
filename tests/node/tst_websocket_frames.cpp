#include "core/node/rpc/Utf8.h"
#include "core/node/rpc/WebSocketFrameDecoder.h"
#include "core/node/rpc/WebSocketFrameEncoder.h"
#include "core/node/rpc/WebSocketHandshake.h"

#include <QTest>

using namespace ls::node::rpc;

namespace {

constexpr WebSocketFrameEncoder::Mask kMask { 0x37, 0xfa, 0x21, 0x3d };

QByteArray masked(WsOpcode opcode, QByteArrayView payload, bool fin = true)
{
    return WebSocketFrameEncoder::frame(opcode, payload, fin, kMask);
}

// Decodes `wire` and expects exactly one message.
WsMessage decodeOne(const QByteArray& wire, qsizetype limit = 1 << 20)
{
    WebSocketFrameDecoder decoder(limit);
    decoder.feed(wire);
    auto result = decoder.next();
    if (!result || !*result)
        qFatal("expected a message");
    return **result;
}

// Decodes `wire` and returns the close code of the violation (0 when there was none).
quint16 violation(const QByteArray& wire, qsizetype limit = 1 << 20)
{
    WebSocketFrameDecoder decoder(limit);
    decoder.feed(wire);
    while (true) {
        auto result = decoder.next();
        if (!result)
            return result.error().closeCode;
        if (!*result)
            return 0;
    }
}

} // namespace

class TestWebSocketFrames : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acceptKeyFromRfc6455()
    {
        // RFC 6455 §1.3.
        QCOMPARE(WebSocketHandshake::acceptKey("dGhlIHNhbXBsZSBub25jZQ=="),
            QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    void handshakeValidation()
    {
        HttpRequest request;
        request.method = "GET";
        request.target = "/";
        request.headers = { { "upgrade", "websocket" }, { "connection", "keep-alive, Upgrade" },
            { "sec-websocket-version", "13" },
            { "sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ==" } };
        auto accepted = WebSocketHandshake::validate(request);
        QVERIFY(accepted);
        QCOMPARE(*accepted, QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));

        HttpRequest badVersion = request;
        badVersion.headers[2].second = "8";
        QCOMPARE(WebSocketHandshake::validate(badVersion).error().httpStatus, 426);

        HttpRequest badKey = request;
        badKey.headers[3].second = "c2hvcnQ=";
        QCOMPARE(WebSocketHandshake::validate(badKey).error().httpStatus, 400);

        HttpRequest post = request;
        post.method = "POST";
        QVERIFY(!WebSocketHandshake::validate(post));
    }

    void rfcMaskedHello()
    {
        // RFC 6455 §5.7: a single masked text frame carrying "Hello".
        const QByteArray wire = QByteArray::fromHex("818537fa213d7f9f4d5158");
        QCOMPARE(masked(WsOpcode::Text, "Hello"), wire);
        WsMessage message = decodeOne(wire);
        QCOMPARE(message.opcode, WsOpcode::Text);
        QCOMPARE(message.payload, QByteArray("Hello"));
    }

    void encoderLengthForms_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("headerSize");
        QTest::newRow("0") << 0 << 2;
        QTest::newRow("125") << 125 << 2;
        QTest::newRow("126") << 126 << 4;
        QTest::newRow("65535") << 65535 << 4;
        QTest::newRow("65536") << 65536 << 10;
    }

    void encoderLengthForms()
    {
        QFETCH(int, length);
        QFETCH(int, headerSize);
        const QByteArray payload(length, 'x');
        QCOMPARE(
            WebSocketFrameEncoder::frame(WsOpcode::Binary, payload).size(), length + headerSize);
        const QByteArray wire = masked(WsOpcode::Binary, payload);
        QCOMPARE(wire.size(), length + headerSize + 4);
        QCOMPARE(decodeOne(wire).payload, payload);
    }

    void byteByByteWithFragmentsAndInterleavedPing()
    {
        const QByteArray wire = masked(WsOpcode::Text, "Hel", false) + masked(WsOpcode::Ping, "p")
            + masked(WsOpcode::Continuation, "lo ", false)
            + masked(WsOpcode::Continuation, QByteArray(300, 'w'));
        WebSocketFrameDecoder decoder(1 << 20);
        QList<WsMessage> messages;
        for (char byte : wire) {
            decoder.feed(QByteArrayView(&byte, 1));
            auto result = decoder.next();
            QVERIFY(result);
            if (*result)
                messages.append(**result);
        }
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].opcode, WsOpcode::Ping);
        QCOMPARE(messages[0].payload, QByteArray("p"));
        QCOMPARE(messages[1].opcode, WsOpcode::Text);
        QCOMPARE(messages[1].payload, QByteArray("Hello ") + QByteArray(300, 'w'));
    }

    void closeFrames()
    {
        WsMessage withReason = decodeOne(WebSocketFrameEncoder::close(1000, "bye", kMask));
        QCOMPARE(withReason.opcode, WsOpcode::Close);
        QCOMPARE(withReason.closeCode, WsCloseCode::Normal);
        QCOMPARE(withReason.closeReason, QByteArray("bye"));
        WsMessage bare = decodeOne(masked(WsOpcode::Close, {}));
        QCOMPARE(bare.closeCode, WsCloseCode::NoStatus);
        QCOMPARE(decodeOne(WebSocketFrameEncoder::close(4000, {}, kMask)).closeCode, quint16(4000));
    }

    void closeReasonIsCutOnACharacterBoundary()
    {
        const QByteArray reason = QByteArray("a") + QByteArray("\xc3\xa9").repeated(100); // "é"×100
        const QByteArray wire = WebSocketFrameEncoder::close(1000, reason, kMask);
        WsMessage message = decodeOne(wire);
        QVERIFY(message.payload.size() <= 125);
        QVERIFY(isValidUtf8(message.closeReason));
        QCOMPARE(message.closeReason.size(), 123);
    }

    void violations_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("code");
        QTest::newRow("unmasked") << WebSocketFrameEncoder::text("hi") << 1002;
        QTest::newRow("rsv1") << QByteArray::fromHex("c18037fa213d") << 1002;
        QTest::newRow("opcode 3") << QByteArray::fromHex("838037fa213d") << 1002;
        QTest::newRow("opcode 11") << QByteArray::fromHex("8b8037fa213d") << 1002;
        QTest::newRow("fragmented ping") << masked(WsOpcode::Ping, "x", false) << 1002;
        QTest::newRow("long ping") << masked(WsOpcode::Ping, QByteArray(126, 'x')) << 1002;
        QTest::newRow("lone continuation") << masked(WsOpcode::Continuation, "x") << 1002;
        QTest::newRow("text inside fragments")
            << masked(WsOpcode::Text, "a", false) + masked(WsOpcode::Text, "b") << 1002;
        QTest::newRow("64-bit length MSB") << QByteArray::fromHex("82ff8000000000000000") << 1002;
        QTest::newRow("declared too big") << QByteArray::fromHex("82ff0000000100000000") << 1009;
        QTest::newRow("fragments too big") << masked(WsOpcode::Binary, QByteArray(600, 'a'), false)
                + masked(WsOpcode::Continuation, QByteArray(600, 'a'))
                                           << 1009;
        QTest::newRow("bad utf-8") << masked(WsOpcode::Text, "\xff") << 1007;
        QTest::newRow("utf-8 split bad")
            << masked(WsOpcode::Text, "\xe2\x82", false) + masked(WsOpcode::Continuation, "\x28")
            << 1007;
        QTest::newRow("close one byte") << masked(WsOpcode::Close, "\x03") << 1002;
        QTest::newRow("close 1005") << WebSocketFrameEncoder::close(1005, {}, kMask) << 1002;
        QTest::newRow("close 999") << WebSocketFrameEncoder::close(999, {}, kMask) << 1002;
        QTest::newRow("close 5000") << WebSocketFrameEncoder::close(5000, {}, kMask) << 1002;
        QTest::newRow("close bad reason")
            << WebSocketFrameEncoder::close(1000, "\xc0\xaf", kMask) << 1007;
    }

    void violations()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, code);
        QCOMPARE(int(violation(wire, 1000)), code);
    }

    void validMessagesAreNotViolations()
    {
        QCOMPARE(violation(masked(WsOpcode::Binary, "\xff\xfe")), quint16(0));
        QCOMPARE(violation(masked(WsOpcode::Text, "\xe2\x82", false)
                     + masked(WsOpcode::Continuation, "\xac")),
            quint16(0));
        QCOMPARE(violation(masked(WsOpcode::Text, QByteArray(1000, 'a')), 1000), quint16(0));
    }

    void errorIsSticky()
    {
        WebSocketFrameDecoder decoder(1000);
        decoder.feed(WebSocketFrameEncoder::text("unmasked"));
        QVERIFY(!decoder.next());
        decoder.feed(masked(WsOpcode::Text, "fine"));
        QVERIFY(!decoder.next());
        QVERIFY(decoder.failed());
    }

    void clientSideDecoderRejectsMaskedFrames()
    {
        WebSocketFrameDecoder client(1000, false);
        client.feed(WebSocketFrameEncoder::text("ok"));
        auto ok = client.next();
        QVERIFY(ok && *ok);
        client.feed(masked(WsOpcode::Text, "no"));
        QVERIFY(!client.next());
    }

    void utf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << QByteArray("hello") << true;
        QTest::newRow("2-byte") << QByteArray("\xc3\xa9") << true;
        QTest::newRow("3-byte") << QByteArray("\xe2\x82\xac") << true;
        QTest::newRow("4-byte max") << QByteArray("\xf4\x8f\xbf\xbf") << true;
        QTest::newRow("overlong 2") << QByteArray("\xc0\xaf") << false;
        QTest::newRow("overlong 3") << QByteArray("\xe0\x80\xaf") << false;
        QTest::newRow("overlong 4") << QByteArray("\xf0\x80\x80\xaf") << false;
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false;
        QTest::newRow("above max") << QByteArray("\xf4\x90\x80\x80") << false;
        QTest::newRow("truncated") << QByteArray("\xe2\x82") << false;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
        QTest::newRow("f5") << QByteArray("\xf5\x80\x80\x80") << false;
    }

    void utf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(isValidUtf8(bytes), valid);
    }
};

QTEST_GUILESS_MAIN(TestWebSocketFrames)
#include "tst_websocket_frames.moc"
