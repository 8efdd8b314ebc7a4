#include "core/crypto/Address.h"
#include "core/crypto/Secp256k1.h"

#include <QTest>

#include "tests/crypto/CryptoTestHex.h"
#include <atomic>
#include <thread>
#include <vector>

using namespace ls;
using namespace ls::crypto;

namespace {

// secp256k1 group order n (SEC 2, section 2.4.1).
const char* const kOrderHex = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
// The generator G (SEC 2, section 2.4.1), uncompressed X ‖ Y.
const char* const kGeneratorX = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
const char* const kGeneratorY = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

// EIP-155 example (https://eips.ethereum.org/EIPS/eip-155, "Example"): private key 0x46…46
// signs the signing hash below; the signed transaction in the EIP carries
// r = 0x28ef…6276 (= 18515461264373351373200002665853028612451056578545711640558177340181847433846)
// s = 0x67cb…6d83 (= 46948507304638947509940763649030358759909902576025900602547168820602576006531)
// and v = 37 = 1 * 2 + 35 + recoveryId, so recoveryId = 0.
const char* const kEip155Key = "4646464646464646464646464646464646464646464646464646464646464646";
const char* const kEip155Hash = "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53";
const char* const kEip155R = "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276";
const char* const kEip155S = "67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

PrivateKey key(const char* hex)
{
    auto parsed = PrivateKey::fromBytes(testhex::decode(hex));
    if (!parsed)
        qFatal("test key rejected: %s", parsed.error().message.c_str());
    return *parsed;
}

// n - s, big-endian, for building the high-S twin of a signature.
FixedBytes<32> orderMinus(const FixedBytes<32>& s)
{
    auto n = testhex::decodeFixed<32>(kOrderHex);
    FixedBytes<32> out{};
    int borrow = 0;
    for (int i = 31; i >= 0; --i) {
        auto index = static_cast<std::size_t>(i);
        int difference = int(n[index]) - int(s[index]) - borrow;
        borrow = difference < 0 ? 1 : 0;
        out[index] = static_cast<std::uint8_t>(difference + (borrow ? 256 : 0));
    }
    return out;
}

RecoverableSignature eip155Signature()
{
    return sign(key(kEip155Key), testhex::decodeFixed<32>(kEip155Hash));
}

} // namespace

class TestSecp256k1 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void addressOfKnownKeys_data()
    {
        QTest::addColumn<QString>("privateKey");
        QTest::addColumn<QString>("address");
        // web3.js / ethers documentation example account.
        QTest::newRow("web3 docs")
            << "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
            << "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
        // Private key 1: its public key is the generator itself.
        QTest::newRow("key 1") << "0000000000000000000000000000000000000000000000000000000000000001"
                               << "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf";
        // The EIP-155 example's sender.
        QTest::newRow("eip-155") << kEip155Key << "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F";
    }

    void addressOfKnownKeys()
    {
        QFETCH(QString, privateKey);
        QFETCH(QString, address);
        auto pub = key(privateKey.toStdString().c_str()).publicKey();
        QCOMPARE(QString::fromStdString(Address::fromPublicKey(pub).toChecksumString()), address);
    }

    void keyOneGivesGenerator()
    {
        auto pub =
            key("0000000000000000000000000000000000000000000000000000000000000001").publicKey();
        QCOMPARE(testhex::encode(pub.xy()), std::string(kGeneratorX) + kGeneratorY);
        QCOMPARE(testhex::encode(pub.compressed()), std::string("02") + kGeneratorX);
        QCOMPARE(testhex::encode(pub.uncompressed()),
                 std::string("04") + kGeneratorX + kGeneratorY);
    }

    void privateKeyRange()
    {
        QVERIFY(!PrivateKey::fromBytes(Bytes(32, 0)));               // zero
        QVERIFY(!PrivateKey::fromBytes(testhex::decode(kOrderHex))); // n
        auto nPlusOne =
            testhex::decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142");
        QVERIFY(!PrivateKey::fromBytes(nPlusOne));
        QVERIFY(!PrivateKey::fromBytes(Bytes(32, 0xff)));
        auto nMinusOne =
            testhex::decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140");
        QVERIFY(PrivateKey::fromBytes(nMinusOne).has_value());
        QCOMPARE(PrivateKey::fromBytes(Bytes(31, 1)).error().kind, ErrorKind::InvalidInput);
        QVERIFY(!PrivateKey::fromBytes(Bytes(33, 1)));
        QVERIFY(!PrivateKey::fromBytes({}));
    }

    void eip155SignatureIsReproduced()
    {
        // RFC 6979 nonces make the signature deterministic, so it must match the EIP exactly.
        auto signature = eip155Signature();
        QCOMPARE(testhex::encode(signature.r), std::string(kEip155R));
        QCOMPARE(testhex::encode(signature.s), std::string(kEip155S));
        QCOMPARE(int(signature.recoveryId), 0);
        QVERIFY(signature.isLowS());
        QCOMPARE(eip155Signature(), signature);
    }

    void eip155RecoversSender()
    {
        RecoverableSignature signature;
        signature.r = testhex::decodeFixed<32>(kEip155R);
        signature.s = testhex::decodeFixed<32>(kEip155S);
        signature.recoveryId = 0;
        auto recovered = recover(testhex::decodeFixed<32>(kEip155Hash), signature);
        QVERIFY(recovered.has_value());
        QCOMPARE(QString::fromStdString(Address::fromPublicKey(*recovered).toChecksumString()),
                 QStringLiteral("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"));
        QVERIFY(verify(*recovered, testhex::decodeFixed<32>(kEip155Hash), signature));
    }

    void signatureBytes()
    {
        auto signature = eip155Signature();
        auto bytes = signature.toBytes();
        QCOMPARE(testhex::encode(bytes), std::string(kEip155R) + kEip155S + "00");
        QCOMPARE(*RecoverableSignature::fromBytes(bytes), signature);

        bytes[64] = 27; // legacy Ethereum v
        QCOMPARE(RecoverableSignature::fromBytes(bytes)->recoveryId, std::uint8_t{0});
        bytes[64] = 28;
        QCOMPARE(RecoverableSignature::fromBytes(bytes)->recoveryId, std::uint8_t{1});
        for (int v : {2, 3, 26, 29, 37, 255}) {
            bytes[64] = static_cast<std::uint8_t>(v);
            QVERIFY(!RecoverableSignature::fromBytes(bytes));
        }
        QVERIFY(!RecoverableSignature::fromBytes(ByteView(bytes).first(64)));
    }

    void tamperedDigestRecoversSomeoneElse()
    {
        auto signer = key(kEip155Key).publicKey();
        auto signature = eip155Signature();
        auto digest = testhex::decodeFixed<32>(kEip155Hash);
        for (std::size_t bit = 0; bit < 256; bit += 37) {
            auto tampered = digest;
            tampered[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
            auto recovered = recover(tampered, signature);
            QVERIFY(!recovered || *recovered != signer);
            QVERIFY(!verify(signer, tampered, signature));
        }
    }

    void tamperedSignatureRecoversSomeoneElse()
    {
        auto signer = key(kEip155Key).publicKey();
        auto digest = testhex::decodeFixed<32>(kEip155Hash);
        auto original = eip155Signature().toBytes();
        for (std::size_t bit = 0; bit < 512; bit += 29) {
            auto bytes = original;
            bytes[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
            auto signature = *RecoverableSignature::fromBytes(bytes);
            auto recovered = recover(digest, signature);
            QVERIFY(!recovered || *recovered != signer);
            QVERIFY(!verify(signer, digest, signature));
        }
        // A flipped recovery id gives the other candidate key, never the signer.
        auto flipped = eip155Signature();
        flipped.recoveryId ^= 1;
        auto recovered = recover(digest, flipped);
        QVERIFY(!recovered || *recovered != signer);
        QVERIFY(!verify(signer, digest, flipped));
    }

    void highSIsRejected()
    {
        // (r, n - s) with the other recovery id is the same ECDSA signature in its malleable
        // high-S form; EIP-2 forbids it.
        auto digest = testhex::decodeFixed<32>(kEip155Hash);
        auto high = eip155Signature();
        high.s = orderMinus(high.s);
        high.recoveryId ^= 1;
        QVERIFY(!high.isLowS());
        auto recovered = recover(digest, high);
        QVERIFY(!recovered);
        QCOMPARE(recovered.error().kind, ErrorKind::Verification);
        QVERIFY(!verify(key(kEip155Key).publicKey(), digest, high));

        // Boundary: s = n/2 is low, n/2 + 1 is high.
        RecoverableSignature boundary;
        boundary.s = testhex::decodeFixed<32>(
            "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");
        QVERIFY(boundary.isLowS());
        boundary.s[31] = 0xa1;
        QVERIFY(!boundary.isLowS());
    }

    void outOfRangeComponentsAreRejected()
    {
        auto digest = testhex::decodeFixed<32>(kEip155Hash);
        auto base = eip155Signature();

        auto zeroR = base;
        zeroR.r = {};
        QVERIFY(!recover(digest, zeroR));
        auto zeroS = base;
        zeroS.s = {};
        QVERIFY(!recover(digest, zeroS));
        auto bigR = base;
        bigR.r = testhex::decodeFixed<32>(kOrderHex); // r = n
        QVERIFY(!recover(digest, bigR));
        bigR.r.fill(0xff);
        QVERIFY(!recover(digest, bigR));
        for (int id : {2, 3, 27}) {
            auto badId = base;
            badId.recoveryId = static_cast<std::uint8_t>(id);
            QVERIFY(!recover(digest, badId));
        }
    }

    void publicKeyEncodings()
    {
        auto pub = PrivateKey::generate().publicKey();
        QCOMPARE(*PublicKey::parse(pub.compressed()), pub);
        QCOMPARE(*PublicKey::parse(pub.uncompressed()), pub);
        QCOMPARE(*PublicKey::fromXY(pub.xy()), pub);

        auto hybrid = pub.uncompressed();
        hybrid[0] = static_cast<std::uint8_t>(0x06 | (pub.xy()[63] & 1));
        QVERIFY(!PublicKey::parse(hybrid)); // valid for libsecp256k1, refused here

        // G with y + 1 is not on the curve.
        auto offCurve = testhex::decode(std::string(kGeneratorX) + kGeneratorY);
        offCurve[63] ^= 1;
        QCOMPARE(PublicKey::fromXY(offCurve).error().kind, ErrorKind::InvalidInput);
        QVERIFY(!PublicKey::fromXY(Bytes(64, 0)));
        QVERIFY(!PublicKey::fromXY(Bytes(63, 1)));
        QVERIFY(!PublicKey::parse(Bytes(33, 0)));
        QVERIFY(!PublicKey::parse({}));
    }

    void generatedKeysSignAndRecover()
    {
        for (int i = 0; i < 20; ++i) {
            auto secret = PrivateKey::generate();
            auto pub = secret.publicKey();
            Hash256 digest{};
            digest[0] = static_cast<std::uint8_t>(i);
            digest[31] = 0x5a;
            auto signature = sign(secret, digest);
            QVERIFY(signature.isLowS());
            QVERIFY(signature.recoveryId <= 1);
            QCOMPARE(*recover(digest, signature), pub);
            QVERIFY(verify(pub, digest, signature));
            QVERIFY(!verify(PrivateKey::generate().publicKey(), digest, signature));
        }
    }

    void concurrentUseOfTheSharedContext()
    {
        // The context is created lazily and shared; hammer it from several threads at once.
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&failures, t] {
                for (int i = 0; i < 50; ++i) {
                    auto secret = PrivateKey::generate();
                    Hash256 digest{};
                    digest[0] = static_cast<std::uint8_t>(t);
                    digest[1] = static_cast<std::uint8_t>(i);
                    auto signature = sign(secret, digest);
                    if (!verify(secret.publicKey(), digest, signature))
                        ++failures;
                }
            });
        }
        for (auto& thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSecp256k1)
#include "tst_secp256k1.moc"
