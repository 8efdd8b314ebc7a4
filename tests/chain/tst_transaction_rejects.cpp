#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/crypto/Keccak.h"
#include "core/protocol/SignatureScalars.h"
#include "core/protocol/Transaction.h"

#include <QTest>

#include "tests/chain/ProtocolTestSupport.h"
#include "tests/chain/TransactionVectors.h"

using namespace ls;
using namespace ls::testing;
using codec::UInt256;
using protocol::Transaction;
using protocol::TransactionType;

// Every way Transaction::decode refuses input (docs/protocol.md §4), each variant made from a
// valid known-answer transaction by changing one thing.
class TestTransactionRejects : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rejectsEnvelope_data()
    {
        QTest::addColumn<Bytes>("raw");
        QTest::addColumn<QString>("message");
        const Bytes type2 = hex(kEthersVectors[1].raw);
        Bytes trailing = hex(kEip155Raw);
        trailing.push_back(0x00);
        Bytes trailing2 = type2;
        trailing2.push_back(0xc0);

        QTest::newRow("empty") << Bytes {} << "there are no bytes";
        QTest::newRow("type 1 (EIP-2930)")
            << typed(0x01, payloadOf(type2)) << "type 1 is not supported";
        QTest::newRow("type 3 (EIP-4844)")
            << typed(0x03, payloadOf(type2)) << "type 3 is not supported";
        QTest::newRow("type 4 (EIP-7702)")
            << typed(0x04, payloadOf(type2)) << "type 4 is not supported";
        QTest::newRow("type 0x7f") << typed(0x7f, payloadOf(type2)) << "type 127 is not supported";
        QTest::newRow("type 0 byte") << typed(0x00, payloadOf(type2)) << "type 0 is not supported";
        QTest::newRow("RLP string")
            << bytesItem(hex(kEip155Raw)) << "starts with an RLP byte string";
        QTest::newRow("type byte only")
            << Bytes { 0x02 } << "the data ends where an item should start";
        QTest::newRow("legacy trailing byte") << trailing << "1 bytes follow the item";
        QTest::newRow("type 2 trailing list") << trailing2 << "1 bytes follow the item";
        QTest::newRow("type 2 truncated") << Bytes(type2.begin(), type2.end() - 1) << "remain";
        QTest::newRow("legacy long form for short length")
            << hex("0xf80180") << "the long form is used for a length below 56";
        const Bytes eip155 = hex(kEip155Raw);
        Bytes paddedLength = hex("0xf9006c"); // 108 as a two-byte length
        paddedLength.insert(paddedLength.end(), eip155.begin() + 2, eip155.end());
        QTest::newRow("legacy length with leading zero")
            << paddedLength << "the length has a leading zero byte";
        QTest::newRow("legacy 8 fields") << listOf([] {
            auto f = listFields(hex(kEip155Raw));
            f.pop_back();
            return f;
        }()) << "expected 9 fields";
        QTest::newRow("legacy 10 fields") << listOf([] {
            auto f = listFields(hex(kEip155Raw));
            f.push_back(Bytes { 0x80 });
            return f;
        }()) << "expected 9 fields";
        QTest::newRow("type 2 with 9 fields (unsigned)") << typed(0x02, listOf([&] {
            auto f = listFields(payloadOf(type2));
            f.resize(9);
            return f;
        }())) << "expected 12 fields";
    }

    void rejectsEnvelope()
    {
        QFETCH(Bytes, raw);
        QFETCH(QString, message);
        QVERIFY(failsWith(Transaction::decode(raw), message.toStdString()));
    }

    void rejectsFields_data()
    {
        QTest::addColumn<Bytes>("raw");
        QTest::addColumn<QString>("message");
        const Bytes leadingZeroInt = hex("0x820009"); // 9 written as two bytes
        // Legacy field indexes: 0 nonce, 1 gasPrice, 2 gasLimit, 3 to, 4 value, 5 data, 6 v.
        QTest::newRow("nonce with leading zero") << eip155WithField(
            0, leadingZeroInt) << "field 'nonce': An RLP integer has a leading zero byte";
        QTest::newRow("zero nonce as 0x00") << eip155WithField(
            0, Bytes { 0x00 }) << "field 'nonce': An RLP integer has a leading zero byte";
        QTest::newRow("nonce over 64 bits") << eip155WithField(0, uintItem(UInt256(1) << 64))
                                            << "field 'nonce': An RLP integer has 9 bytes";
        QTest::newRow("gasPrice as a list") << eip155WithField(
            1, Bytes { 0xc0 }) << "field 'gasPrice': Expected an RLP integer but found a list";
        QTest::newRow("gasLimit over 64 bits")
            << eip155WithField(2, uintItem(UInt256(1) << 70)) << "field 'gasLimit'";
        QTest::newRow("value over 256 bits") << eip155WithField(4, bytesItem(Bytes(33, 0x01)))
                                             << "field 'value': An RLP integer has 33 bytes";
        QTest::newRow("data as a list") << eip155WithField(
            5, Bytes { 0xc0 }) << "field 'data': Expected an RLP byte string but found a list";
        QTest::newRow("to of 19 bytes")
            << eip155WithField(3, bytesItem(Bytes(19, 0x35)))
            << "field 'to': Expected an RLP byte string of 20 bytes but got 19";
        QTest::newRow("to of 21 bytes") << eip155WithField(3, bytesItem(Bytes(21, 0x35)))
                                        << "field 'to': Expected an RLP byte string of 20 bytes";
        QTest::newRow("legacy contract creation")
            << eip155WithField(3, Bytes { 0x80 }) << "only the system contracts run on this chain";
        QTest::newRow("type 2 contract creation")
            << type2WithField(5, Bytes { 0x80 }) << "only the system contracts run on this chain";
        // Type 2 field indexes: 0 chainId, 8 accessList, 9 yParity, 10 r, 11 s.
        QTest::newRow("type 2 chain id over 64 bits") << type2WithField(
            0, uintItem(UInt256(1) << 64)) << "field 'chainId': An RLP integer has 9 bytes";
        QTest::newRow("type 2 chain id leading zero") << type2WithField(
            0, hex("0x83003f34")) << "field 'chainId': An RLP integer has a leading zero byte";
    }

    void rejectsFields()
    {
        QFETCH(Bytes, raw);
        QFETCH(QString, message);
        QVERIFY(failsWith(Transaction::decode(raw), message.toStdString()));
    }

    void rejectsUnsupportedFeatures()
    {
        // A one-entry access list [[address, [storageKey]]], as EIP-2930 defines the entries.
        codec::RlpEncoder entry;
        entry.beginList();
        entry.beginList();
        entry.addBytes(Bytes(20, 0x11));
        entry.beginList();
        entry.addBytes(Bytes(32, 0x22));
        entry.endList();
        entry.endList();
        entry.endList();
        auto withList = Transaction::decode(type2WithField(8, entry.finish()));
        QVERIFY(failsWith(withList, "access lists are not supported"));
        QCOMPARE(withList.error().kind, ErrorKind::Unsupported);
        QVERIFY(failsWith(Transaction::decode(type2WithField(8, Bytes { 0x80 })),
            "field 'accessList': Expected an RLP list but found a byte string"));

        auto creation = Transaction::decode(eip155WithField(3, Bytes { 0x80 }));
        QCOMPARE(creation.error().kind, ErrorKind::Unsupported);
        auto type1 = Transaction::decode(typed(0x01, payloadOf(hex(kEthersVectors[1].raw))));
        QCOMPARE(type1.error().kind, ErrorKind::Unsupported);
    }

    void rejectsLegacyV_data()
    {
        QTest::addColumn<quint64>("v");
        QTest::addColumn<QString>("message");
        QTest::newRow("27 (pre-EIP-155)")
            << quint64 { 27 } << "replay protection (EIP-155) is required";
        QTest::newRow("28 (pre-EIP-155)")
            << quint64 { 28 } << "replay protection (EIP-155) is required";
        QTest::newRow("0") << quint64 { 0 } << "field 'v': v is 0; EIP-155 needs";
        QTest::newRow("1") << quint64 { 1 } << "field 'v': v is 1; EIP-155 needs";
        QTest::newRow("26") << quint64 { 26 } << "field 'v': v is 26; EIP-155 needs";
        QTest::newRow("29") << quint64 { 29 } << "field 'v': v is 29; EIP-155 needs";
        QTest::newRow("34") << quint64 { 34 } << "field 'v': v is 34; EIP-155 needs";
    }

    void rejectsLegacyV()
    {
        QFETCH(quint64, v);
        QFETCH(QString, message);
        auto result = Transaction::decode(eip155WithField(6, uintItem(UInt256(v))));
        QVERIFY(failsWith(result, message.toStdString()));
    }

    void rejectsLegacyChainIdOver64Bits()
    {
        // v = 2^64·2 + 35: chain id 2^64.
        const UInt256 v = (UInt256(1) << 65).wrappingAdd(35);
        QVERIFY(failsWith(Transaction::decode(eip155WithField(6, uintItem(v))),
            "the chain id it carries does not fit in 64 bits"));
    }

    void rejectsYParity()
    {
        QVERIFY(failsWith(Transaction::decode(type2WithField(9, uintItem(2))),
            "field 'yParity': it must be 0 or 1, not 2"));
        QVERIFY(failsWith(Transaction::decode(type2WithField(9, uintItem(28))),
            "field 'yParity': it must be 0 or 1, not 28"));
        QVERIFY(failsWith(Transaction::decode(type2WithField(9, Bytes { 0x00 })),
            "field 'yParity': An RLP integer has a leading zero byte"));
    }

    void rejectsSignatureScalars_data()
    {
        QTest::addColumn<Bytes>("raw");
        QTest::addColumn<QString>("message");
        const UInt256 n = protocol::secp256k1Order();
        // Legacy: 7 = r, 8 = s. Type 2: 10 = r, 11 = s.
        QTest::newRow("legacy r zero")
            << eip155WithField(7, uintItem(0)) << "Invalid transaction signature: r is zero";
        QTest::newRow("legacy s zero")
            << eip155WithField(8, uintItem(0)) << "Invalid transaction signature: s is zero";
        QTest::newRow("legacy r = n")
            << eip155WithField(7, uintItem(n)) << "r is not below the secp256k1 group order";
        QTest::newRow("legacy r = 2^256-1") << eip155WithField(7, uintItem(UInt256::max()))
                                            << "r is not below the secp256k1 group order";
        QTest::newRow("legacy s = n")
            << eip155WithField(8, uintItem(n)) << "s is not below the secp256k1 group order";
        QTest::newRow("type 2 r zero") << type2WithField(10, uintItem(0)) << "r is zero";
        QTest::newRow("type 2 s = n")
            << type2WithField(11, uintItem(n)) << "s is not below the secp256k1 group order";
        QTest::newRow("legacy r leading zero")
            << eip155WithField(7,
                   hex("0xa1"
                       "00"
                       "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"))
            << "field 'r': An RLP integer has a leading zero byte";
        QTest::newRow("type 2 s 33 bytes") << type2WithField(11, bytesItem(Bytes(33, 0x01)))
                                           << "field 's': An RLP integer has 33 bytes";
    }

    void rejectsSignatureScalars()
    {
        QFETCH(Bytes, raw);
        QFETCH(QString, message);
        QVERIFY(failsWith(Transaction::decode(raw), message.toStdString()));
    }

    void rejectsHighS()
    {
        // The EIP-155 example with s replaced by n - s and the parity flipped is the same
        // signature in its malleable twin form: ECDSA accepts it, EIP-2 (and we) do not.
        auto tx = must(Transaction::decode(hex(kEip155Raw)));
        const UInt256 s = must(UInt256::fromBigEndian(tx.signature.s));
        const UInt256 highS = protocol::secp256k1Order().wrappingSub(s);
        Bytes raw = eip155WithField(8, uintItem(highS));
        raw = withField(raw, 6, uintItem(38));
        QVERIFY(failsWith(
            Transaction::decode(raw), "(high S); only low-S signatures are valid (EIP-2)"));

        auto type2 = must(Transaction::decode(hex(kEthersVectors[0].raw)));
        const UInt256 s2 = must(UInt256::fromBigEndian(type2.signature.s));
        Bytes raw2 = type2WithField(11, uintItem(protocol::secp256k1Order().wrappingSub(s2)));
        QVERIFY(failsWith(Transaction::decode(raw2), "(high S)"));

        // A hand-built high-S value is refused by recoverSender as well.
        tx.signature.s = highS.toBigEndian();
        tx.signature.recoveryId = 1;
        QVERIFY(failsWith(tx.recoverSender(1), "low-S"));
    }
};

QTEST_GUILESS_MAIN(TestTransactionRejects)
#include "tst_transaction_rejects.moc"
