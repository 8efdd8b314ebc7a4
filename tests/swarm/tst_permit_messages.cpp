// The ls_permit extension's messages and challenge: strict decoding, and proofs that hold for
// one connection, one torrent and one network only.
#include "core/crypto/Random.h"
#include "core/swarm/PermitChallenge.h"
#include "core/swarm/PermitMessages.h"

#include <QTest>

using namespace ls;
using namespace ls::swarm;

namespace {

crypto::PrivateKey keyOf(std::uint8_t byte)
{
    FixedBytes<32> bytes;
    bytes.fill(byte);
    return crypto::PrivateKey::fromBytes(bytes).value();
}

PermitNonce nonce(std::uint8_t byte)
{
    PermitNonce out;
    out.fill(byte);
    return out;
}

PermitContext context(std::uint64_t chainId = 16300, std::uint8_t infohashByte = 0xaa)
{
    PermitContext out { chainId, {} };
    out.infohash.fill(infohashByte);
    return out;
}

bool refused(const Bytes& bytes, std::string_view text)
{
    auto decoded = decodePermitMessage(bytes);
    if (decoded) {
        qWarning("accepted a bad message");
        return false;
    }
    if (decoded.error().message.find(text) == std::string::npos) {
        qWarning("unexpected error: %s", decoded.error().message.c_str());
        return false;
    }
    return true;
}

} // namespace

class TestPermitMessages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyMessageRoundTrips()
    {
        const PermitProof proof = provePermit(keyOf(7), context(), nonce(1), nonce(2));
        KeyDelivery delivery;
        delivery.sealedKey.fill(0x5a);
        const std::vector<PermitMessage> messages { proof, PermitVerdict { true, {} },
            PermitVerdict { false, "no licence for this title" }, KeyRequest {}, delivery,
            KeyRefusal { "I do not hold the key" }, KeyRefusal { "" } };
        for (const PermitMessage& message : messages) {
            const Bytes encoded = encodePermitMessage(message);
            auto decoded = decodePermitMessage(encoded);
            QVERIFY2(decoded, decoded ? "" : decoded.error().message.c_str());
            QVERIFY(*decoded == message);
        }
    }

    void malformedMessagesAreRefusedWithAReason()
    {
        QVERIFY(refused({}, "empty"));
        QVERIFY(refused({ 0x09 }, "unknown type 9"));
        Bytes proof = encodePermitMessage(provePermit(keyOf(7), context(), nonce(1), nonce(2)));
        proof.push_back(0);
        QVERIFY(refused(proof, "wrong length"));
        proof.pop_back();
        proof.back() = static_cast<std::uint8_t>(27 + proof.back()); // the pre-EIP-155 form of v
        QVERIFY(refused(proof, "recovery id is not 0 or 1"));
        QVERIFY(refused({ 0x02 }, "malformed verdict"));
        QVERIFY(refused({ 0x02, 0x02 }, "malformed verdict"));
        QVERIFY(refused({ 0x02, 0x01, 'x' }, "wrong length"));
        QVERIFY(refused({ 0x02, 0x00, 0xff, 0xfe }, "not UTF-8"));
        QVERIFY(refused({ 0x03, 0x00 }, "wrong length"));
        QVERIFY(refused({ 0x04, 0x01 }, "wrong length"));
        Bytes longReason { 0x05 };
        longReason.resize(1 + kMaxReasonSize + 1, 'a');
        QVERIFY(refused(longReason, "too long"));
    }

    void longReasonsAreShortenedAtACharacterBoundary()
    {
        std::string reason;
        for (int i = 0; i < 150; ++i)
            reason += "é"; // two bytes each: 300 bytes
        const Bytes encoded = encodePermitMessage(KeyRefusal { reason });
        auto decoded = decodePermitMessage(encoded);
        QVERIFY(decoded);
        const auto& shortened = std::get<KeyRefusal>(*decoded).reason;
        QCOMPARE(shortened.size(), kMaxReasonSize);
        QVERIFY(reason.starts_with(shortened));
    }

    void aProofNamesItsSigner()
    {
        const PermitProof proof = provePermit(keyOf(7), context(), nonce(1), nonce(2));
        auto account = verifyPermit(proof, context(), nonce(1), nonce(2));
        QVERIFY(account);
        QCOMPARE(*account, crypto::Address::fromPublicKey(keyOf(7).publicKey()));
    }

    void aProofIsGoodForOneConnectionTorrentAndNetworkOnly()
    {
        const PermitProof proof = provePermit(keyOf(7), context(), nonce(1), nonce(2));
        // Replayed to another verifier (another fresh nonce), or with the nonces swapped.
        QVERIFY(!verifyPermit(proof, context(), nonce(1), nonce(3)));
        QVERIFY(!verifyPermit(proof, context(), nonce(2), nonce(1)));
        // Another torrent, another network.
        QVERIFY(!verifyPermit(proof, context(16300, 0xbb), nonce(1), nonce(2)));
        QVERIFY(!verifyPermit(proof, context(1), nonce(1), nonce(2)));
        // Someone else's signature claimed as one's own account.
        PermitProof stolen = proof;
        stolen.account = crypto::Address::fromPublicKey(keyOf(8).publicKey());
        auto refusedProof = verifyPermit(stolen, context(), nonce(1), nonce(2));
        QVERIFY(!refusedProof);
        QCOMPARE(refusedProof.error().kind, ErrorKind::Verification);
    }
};

QTEST_GUILESS_MAIN(TestPermitMessages)
#include "tst_permit_messages.moc"
