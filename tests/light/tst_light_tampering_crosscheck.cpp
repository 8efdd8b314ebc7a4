// Two endpoints of one real chain — the node itself and a TamperingProxy in front of it — as the
// app sees them through api::Chain (LightChain). The liar is marked Faulty when its block is not
// credible, and when it serves a block that the chain's real validator did sign (this test holds
// the validator's key: `lightstreams-node init` encrypts it with a passphrase the test chose),
// the user gets a fork alarm carrying both blocks as evidence. Either way the verified chain
// stays the honest one.
#include "core/api/Chain.h"
#include "core/crypto/Keystore.h"
#include "core/light/LightChain.h"
#include "core/protocol/NetworkProfile.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "tests/light/LightClientTestSupport.h"
#include "tests/light/TamperingProxy.h"
#include "tests/node/NodeProcess.h"

using namespace ls;
using namespace ls::testing;
using Endpoint = api::ChainEndpoint::State;

using BlockEdit = std::function<void(protocol::LightBlock&)>;
Q_DECLARE_METATYPE(BlockEdit)

namespace {

constexpr std::string_view kPassphrase = "a passphrase only this test knows";

// A light chain over `endpoints` with its own header store.
struct Client {
    QTemporaryDir dir;
    light::LightChain chain;
    Client(protocol::NetworkProfile profile, std::vector<std::string> endpoints)
        : chain(
            [&] {
                profile.endpoints = std::move(endpoints);
                return profile;
            }(),
            std::filesystem::path(dir.path().toStdString()) / "headers.db")
    {
    }
    api::ChainStatus status() const { return chain.status(); }
    // Syncs, then waits until the status satisfies `until` (cross-checks finish after the sync).
    bool syncUntil(const std::function<bool(const api::ChainStatus&)>& until)
    {
        chain.sync();
        return QTest::qWaitFor(
            [&] { return !chain.status().syncing && until(chain.status()); }, kLightWaitMs);
    }
};

bool endpointIs(const api::ChainStatus& status, std::size_t index, Endpoint state)
{
    return status.endpoints.size() > index && status.endpoints[index].state == state;
}

} // namespace

class TestLightTamperingCrossCheck : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    NodeProcess m_node;
    protocol::NetworkProfile m_profile;
    std::string m_nodeUrl;
    std::unique_ptr<TamperingProxy> m_proxy;
    std::optional<crypto::PrivateKey> m_validatorKey;

    // The node's own hash of the block at `height`: what "verified" must always mean.
    std::string nodeBlockHash(std::uint64_t height)
    {
        return m_node
            .result(QStringLiteral("eth_getBlockByNumber"), { quantityText(height), false })
            .toObject()
            .value(QStringLiteral("hash"))
            .toString()
            .toStdString();
    }
    bool verifiedIsTheNodes(const api::ChainStatus& status)
    {
        return status.verifiedHeight
            && status.verifiedBlockHash == nodeBlockHash(*status.verifiedHeight);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString dataDir = m_dir.filePath(QStringLiteral("chain"));
        const QString passphraseFile = m_dir.filePath(QStringLiteral("passphrase"));
        QFile file(passphraseFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(kPassphrase.data(), static_cast<qsizetype>(kPassphrase.size())));
        file.close();
        QProcess init;
        init.start(QStringLiteral(LS_NODE_PATH),
            { QStringLiteral("init"), QStringLiteral("--datadir"), dataDir,
                QStringLiteral("--passphrase-file"), passphraseFile,
                QStringLiteral("--heartbeat-ms"), QStringLiteral("200") });
        QVERIFY(init.waitForFinished(30'000));
        QVERIFY2(init.exitCode() == 0, init.readAllStandardError().constData());
        QVERIFY(m_node.start({ QStringLiteral("run"), QStringLiteral("--datadir"), dataDir,
            QStringLiteral("--passphrase-file"), passphraseFile, QStringLiteral("--rpc"),
            QStringLiteral("127.0.0.1:0") }));

        const std::filesystem::path dir = dataDir.toStdString();
        m_profile = must(protocol::NetworkProfile::load(dir / "network.json"));
        m_nodeUrl = "http://127.0.0.1:" + std::to_string(m_node.port());
        m_proxy = std::make_unique<TamperingProxy>(m_node.port());
        auto keystore = must(crypto::Keystore::load(dir / "validator.json"));
        auto secret = must(keystore.unlock(asBytes(kPassphrase)));
        m_validatorKey = must(crypto::PrivateKey::fromBytes(secret.view()));
    }

    void init() { m_proxy->beHonest(); }

    void liarIsFaulty_data()
    {
        QTest::addColumn<BlockEdit>("edit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("state root, not signed")
            << BlockEdit([](auto& b) { b.header.stateRoot[3] ^= 0x01; })
            << QStringLiteral("differs from the verified one");
        QTest::newRow("another height") << BlockEdit([](auto& b) { --b.header.height; })
                                        << QStringLiteral("it sent one at height");
        QTest::newRow("signed by strangers") << BlockEdit([](auto& b) {
            b.header.stateRoot[3] ^= 0x01;
            b.validators = validatorSet({ { 0x5a, 10 } });
            b.header.validatorsHash = b.validators.hash();
            b.commit = signBy(b.header, b.validators);
        }) << QStringLiteral("signed by validators this client does not trust");
        // The verified block itself, but with nothing that makes it final: as a primary this
        // endpoint could not be verified, so it does not "agree".
        QTest::newRow("signature byte flipped")
            << BlockEdit([](auto& b) { b.commit.signatures.at(0).signature.r[9] ^= 0x01; })
            << QStringLiteral("its commit does not verify");
        QTest::newRow("validator set altered") << BlockEdit([](auto& b) {
            b.validators = must(protocol::ValidatorSet::create(
                { { b.validators.at(0).address, b.validators.at(0).votingPower + 1 } }));
        }) << QStringLiteral("its commit does not verify");
    }

    void liarIsFaulty()
    {
        QFETCH(BlockEdit, edit);
        QFETCH(QString, expected);
        Client client(m_profile, { m_nodeUrl, m_proxy->url() });
        QVERIFY(client.syncUntil([](const auto& s) { return endpointIs(s, 1, Endpoint::Agrees); }));

        m_proxy->lieAbout(QStringLiteral("ls_getLightBlock"), editLightBlock(edit));
        QVERIFY(client.syncUntil([](const auto& s) { return endpointIs(s, 1, Endpoint::Faulty); }));
        const api::ChainStatus status = client.status();
        QVERIFY2(QString::fromStdString(status.endpoints[1].detail).contains(expected),
            status.endpoints[1].detail.c_str());
        QCOMPARE(status.endpoints[0].state, Endpoint::Agrees);
        QVERIFY(status.endpoints[0].primary);
        QVERIFY(status.alarms.empty());
        QVERIFY(status.lastError.empty());
        QVERIFY(verifiedIsTheNodes(status));

        m_proxy->beHonest();
        QVERIFY(client.syncUntil([](const auto& s) { return endpointIs(s, 1, Endpoint::Agrees); }));
        QVERIFY(client.status().alarms.empty());
    }

    void liarFirstInTheProfile()
    {
        m_proxy->lieAbout(QStringLiteral("ls_getLightBlock"), editLightBlock([](auto& b) {
            if (b.header.height > 0)
                b.header.receiptsRoot[0] ^= 0x01;
        }));
        Client client(m_profile, { m_proxy->url(), m_nodeUrl });
        QVERIFY(client.syncUntil([](const auto& s) { return !s.lastError.empty(); }));
        api::ChainStatus status = client.status();
        QVERIFY2(status.lastError.find("does not verify: Invalid commit for the block at height")
                != std::string::npos,
            status.lastError.c_str());
        QCOMPARE(status.endpoints[0].state, Endpoint::Faulty);
        QVERIFY(status.endpoints[1].primary);
        // Only the genesis, which is trusted by its pinned hash, is verified.
        QCOMPARE(status.verifiedHeight, std::optional<std::uint64_t> { 0 });

        // The next sync follows the honest node; the liar stays Faulty in the cross-check.
        QVERIFY(client.syncUntil([](const auto& s) {
            return s.lastError.empty() && s.verifiedHeight > std::optional<std::uint64_t> { 0 };
        }));
        status = client.status();
        QVERIFY(verifiedIsTheNodes(status));
        QCOMPARE(status.endpoints[0].state, Endpoint::Faulty);
        QCOMPARE(status.endpoints[1].state, Endpoint::Agrees);
        QVERIFY(status.alarms.empty());
    }

    void aLyingProofMovesReadsToTheNextEndpoint()
    {
        Client client(m_profile, { m_proxy->url(), m_nodeUrl });
        QVERIFY(client.syncUntil([](const auto& s) { return endpointIs(s, 1, Endpoint::Agrees); }));
        m_proxy->lieAbout(QStringLiteral("ls_getStateProof"),
            editStateProof([](std::optional<Bytes>& value, protocol::StateProof&) {
                value = Bytes { 0xc2, 0x80, 0x80 }; // "absent" claimed present, zeros
            }));
        const std::string account = "0x0000000000000000000000000000000000000001";
        std::optional<Result<api::AccountInfo>> lied;
        auto first = client.chain.account(account, [&](auto result) { lied = std::move(result); });
        QTRY_VERIFY_WITH_TIMEOUT(lied.has_value(), kLightWaitMs);
        QVERIFY(!*lied);
        QCOMPARE(lied->error().kind, ErrorKind::Verification);
        QVERIFY2(lied->error().message.find("is marked faulty; the next read asks "
                     + m_nodeUrl)
                != std::string::npos,
            lied->error().message.c_str());
        QCOMPARE(client.status().endpoints[0].state, Endpoint::Faulty);
        QVERIFY(client.status().endpoints[1].primary);

        // The proxy still lies, but the next read goes to the honest node.
        std::optional<Result<api::AccountInfo>> honest;
        auto second = client.chain.account(account, [&](auto result) { honest = std::move(result); });
        QTRY_VERIFY_WITH_TIMEOUT(honest.has_value(), kLightWaitMs);
        QVERIFY2(*honest, honest->error().message.c_str());
        QCOMPARE((*honest)->balance, std::string("0"));
    }

    void blockSignedByTheValidatorRaisesAForkAlarm()
    {
        Client client(m_profile, { m_nodeUrl, m_proxy->url() });
        QVERIFY(client.syncUntil([](const auto& s) { return endpointIs(s, 1, Endpoint::Agrees); }));

        // The chain's one validator signs a second block at the height asked for: equivocation.
        m_proxy->lieAbout(QStringLiteral("ls_getLightBlock"), editLightBlock([this](auto& b) {
            b.header.stateRoot[0] ^= 0x01;
            const crypto::PrivateKey keys[] = { *m_validatorKey };
            b.commit = must(protocol::Commit::sign(b.header, 0, b.validators, keys));
        }));
        QVERIFY(client.syncUntil([](const auto& s) { return !s.alarms.empty(); }));
        const api::ChainStatus status = client.status();
        QCOMPARE(status.alarms.size(), std::size_t { 1 });
        const api::ChainAlarm& alarm = status.alarms.front();
        QVERIFY2(alarm.summary.starts_with("Fork at height " + std::to_string(alarm.height)),
            alarm.summary.c_str());
        QCOMPARE(alarm.verifiedSource, m_nodeUrl);
        QCOMPARE(alarm.conflictingSource, m_proxy->url());
        const std::string validator
            = crypto::Address::fromPublicKey(m_validatorKey->publicKey()).toChecksumString();
        QCOMPARE(alarm.doubleSigners, std::vector<std::string> { validator });
        QCOMPARE(status.endpoints[1].state, Endpoint::Forked);

        // The evidence: two blocks at one height, each finalised by the validator's signature.
        const auto verified = must(protocol::LightBlock::decode(hex(alarm.verifiedEvidence)));
        const auto conflicting = must(protocol::LightBlock::decode(hex(alarm.conflictingEvidence)));
        QCOMPARE(verified.header.height, alarm.height);
        QCOMPARE(conflicting.header.height, alarm.height);
        QCOMPARE(hexOf(verified.header.hash()), alarm.verifiedBlockHash);
        QCOMPARE(hexOf(conflicting.header.hash()), alarm.conflictingBlockHash);
        QVERIFY(alarm.verifiedBlockHash != alarm.conflictingBlockHash);
        mustSucceed(verified.verify());
        mustSucceed(conflicting.verify());
        QCOMPARE(alarm.verifiedBlockHash, nodeBlockHash(alarm.height));
        // Never a silent switch: the verified chain is the node's.
        QVERIFY(verifiedIsTheNodes(status));

        // The liar turning honest does not make the evidence go away.
        m_proxy->beHonest();
        QVERIFY(client.syncUntil([](const auto& s) { return endpointIs(s, 1, Endpoint::Agrees); }));
        QCOMPARE(client.status().alarms.size(), std::size_t { 1 });
    }
};

QTEST_GUILESS_MAIN(TestLightTamperingCrossCheck)
#include "tst_light_tampering_crosscheck.moc"
