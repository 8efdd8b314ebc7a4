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

namespace {

Transaction sampleTransaction(TransactionType type)
{
    Transaction tx;
    tx.type = type;
    tx.nonce = 42;
    tx.gasPrice = type == TransactionType::Legacy ? UInt256(1'000'000'000) : UInt256();
    tx.maxPriorityFeePerGas = type == TransactionType::Legacy ? UInt256() : UInt256(2);
    tx.maxFeePerGas = type == TransactionType::Legacy ? UInt256() : UInt256(3'000'000'000ULL);
    tx.gasLimit = 250'000;
    tx.to = must(crypto::Address::parse("0x00000000000000000000000000000000000ca7a1"));
    tx.value = must(UInt256::fromDecimal("123456789012345678901234567890"));
    tx.data = hex("0xdeadbeef00");
    return tx;
}

} // namespace

class TestTransaction : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eip155Example()
    {
        const Bytes raw = hex(kEip155Raw);
        auto tx = Transaction::decode(raw);
        QVERIFY2(tx, tx ? "" : tx.error().message.c_str());
        QCOMPARE(tx->type, TransactionType::Legacy);
        QCOMPARE(tx->chainId, std::uint64_t { 1 });
        QCOMPARE(tx->nonce, std::uint64_t { 9 });
        QCOMPARE(tx->gasPrice, UInt256(20'000'000'000ULL));
        QCOMPARE(tx->gasLimit, std::uint64_t { 21000 });
        QCOMPARE(
            tx->to.toChecksumString(), std::string("0x3535353535353535353535353535353535353535"));
        QCOMPARE(tx->value, UInt256(1'000'000'000'000'000'000ULL));
        QVERIFY(tx->data.empty());
        // v = 37 = 1·2 + 35 + 0; r and s as the EIP prints them (decimal).
        QCOMPARE(tx->signature.recoveryId, std::uint8_t { 0 });
        QCOMPARE(must(UInt256::fromBigEndian(tx->signature.r)).toDecimalString(),
            std::string(
                "18515461264373351373200002665853028612451056578545711640558177340181847433846"));
        QCOMPARE(must(UInt256::fromBigEndian(tx->signature.s)).toDecimalString(),
            std::string(
                "46948507304638947509940763649030358759909902576025900602547168820602576006531"));

        QCOMPARE(hexOf(tx->signingHash()), std::string(kEip155SigningHash));
        QCOMPARE(hexOf(tx->encode()), std::string(kEip155Raw));
        QCOMPARE(tx->hash(), crypto::keccak256(raw));
        auto sender = tx->recoverSender(1);
        QVERIFY2(sender, sender ? "" : sender.error().message.c_str());
        QCOMPARE(sender->toChecksumString(), std::string(kEip155Sender));

        // Signing the same fields with the EIP's key gives the EIP's bytes (RFC 6979 nonces).
        Transaction fresh = *tx;
        fresh.signature = {};
        fresh.sign(keyFromByte(0x46), 1);
        QCOMPARE(hexOf(fresh.encode()), std::string(kEip155Raw));
    }

    void ethersVectors_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < static_cast<int>(std::size(kEthersVectors)); ++i)
            QTest::newRow(kEthersVectors[i].name) << i;
    }

    void ethersVectors()
    {
        QFETCH(int, index);
        const EthersVector& vector = kEthersVectors[index];
        const Bytes raw = hex(vector.raw);
        auto tx = Transaction::decode(raw);
        QVERIFY2(tx, tx ? "" : tx.error().message.c_str());
        QCOMPARE(hexOf(tx->encode()), hexOf(raw));
        QCOMPARE(hexOf(tx->signingHash()), std::string(vector.signingHash));
        QCOMPARE(hexOf(tx->hash()), hexOf(crypto::keccak256(raw)));
        QCOMPARE(hexOf(tx->hash()), std::string(vector.hash));
        auto sender = tx->recoverSender(tx->chainId);
        QVERIFY2(sender, sender ? "" : sender.error().message.c_str());
        QCOMPARE(sender->toChecksumString(), std::string(kEthersSender));

        Transaction fresh = *tx;
        fresh.signature = {};
        fresh.sign(must(crypto::PrivateKey::fromBytes(hex(kEthersKey))), tx->chainId);
        QCOMPARE(hexOf(fresh.encode()), hexOf(raw));
    }

    void ethersCalldataFields()
    {
        auto tx = must(Transaction::decode(hex(kEthersVectors[1].raw)));
        QCOMPARE(tx.type, TransactionType::DynamicFee);
        QCOMPARE(tx.chainId, std::uint64_t { 16180 });
        QCOMPARE(tx.nonce, std::uint64_t { 7 });
        QCOMPARE(tx.maxPriorityFeePerGas, UInt256(1'500'000'000));
        QCOMPARE(tx.maxFeePerGas, UInt256(2'500'000'000ULL));
        QCOMPARE(tx.gasLimit, std::uint64_t { 200000 });
        QCOMPARE(tx.value, UInt256());
        QCOMPARE(tx.data.size(), std::size_t { 68 });
        QCOMPARE(tx.signature.recoveryId, std::uint8_t { 1 });

        auto legacy = must(Transaction::decode(hex(kEthersVectors[2].raw)));
        QCOMPARE(legacy.chainId, std::uint64_t { 16180 });
        QCOMPARE(legacy.signature.recoveryId, std::uint8_t { 1 });
        QCOMPARE(legacy.data, hex("0x00ff00"));
    }

    void roundTrips_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<quint64>("chainId");
        QTest::newRow("legacy, chain 1") << 0 << quint64 { 1 };
        QTest::newRow("legacy, chain 0") << 0 << quint64 { 0 };
        QTest::newRow("legacy, largest chain id") << 0 << quint64 { ~0ULL };
        QTest::newRow("type 2, chain 16180") << 2 << quint64 { 16180 };
        QTest::newRow("type 2, largest chain id") << 2 << quint64 { ~0ULL };
    }

    void roundTrips()
    {
        QFETCH(int, type);
        QFETCH(quint64, chainId);
        for (std::uint8_t keyByte = 1; keyByte <= 8; ++keyByte) {
            auto key = keyFromByte(keyByte);
            Transaction tx = sampleTransaction(static_cast<TransactionType>(type));
            tx.nonce = keyByte;
            tx.sign(key, chainId);
            const Bytes raw = tx.encode();
            auto decoded = Transaction::decode(raw);
            QVERIFY2(decoded, decoded ? "" : decoded.error().message.c_str());
            QVERIFY(*decoded == tx);
            QCOMPARE(decoded->encode(), raw);
            QCOMPARE(must(decoded->recoverSender(chainId)),
                crypto::Address::fromPublicKey(key.publicKey()));

            // Any change to a signed field gives another sender (or none), never the signer.
            Transaction tampered = *decoded;
            tampered.value = tampered.value.wrappingAdd(1);
            auto other = tampered.recoverSender(chainId);
            QVERIFY(!other || *other != crypto::Address::fromPublicKey(key.publicKey()));
        }
    }

    void rejectsChainIdMismatch()
    {
        auto tx = must(Transaction::decode(hex(kEip155Raw)));
        QVERIFY(failsWith(tx.recoverSender(16180),
            "signed for chain id 1, but this network's chain id is 16180"));
        auto typed2 = must(Transaction::decode(hex(kEthersVectors[1].raw)));
        QVERIFY(failsWith(typed2.recoverSender(1),
            "signed for chain id 16180, but this network's chain id is 1"));
    }
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
