// "This computer": the app's own single-validator network, run as a real `lightstreams-node`
// child process in a temporary profile, checked through the light client as the app uses it.
#include "core/codec/UInt256.h"
#include "core/light/LightChain.h"
#include "core/localnet/ManagedLocalNetwork.h"
#include "core/market/ChainMarket.h"
#include "core/util/AtomicFile.h"
#include "core/wallet/KeystoreWallet.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ls;
using State = api::LocalNetworkStatus::State;

namespace {

constexpr int kWaitMs = 60'000;
constexpr std::string_view kPassphrase = "local network test";
constexpr std::string_view kRecipient = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

std::string baseUnits(std::string_view pht)
{
    return codec::parseUnits(pht).value().toDecimalString();
}

template <typename T, typename Call> Result<T> await(Call call)
{
    std::optional<Result<T>> result;
    auto handle = call([&](Result<T> value) { result = std::move(value); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, kWaitMs))
        return fail(ErrorKind::Internal, "timed out");
    return std::move(*result);
}

// The network's profile as a light client loads it, while the node runs.
protocol::NetworkProfile runningProfile(const api::LocalNetwork& network)
{
    return protocol::NetworkProfile::load(network.status().networkProfileFile).value();
}

} // namespace

class TestLocalNetwork : public QObject {
    Q_OBJECT

private:
    std::filesystem::path directory() const
    {
        return std::filesystem::path(m_dir.path().toStdString()) / "localnet";
    }
    localnet::LocalNetworkOptions options() const
    {
        return { std::filesystem::path(LS_NODE_PATH), directory() };
    }
    std::filesystem::path file(std::string_view name) const
    {
        return std::filesystem::path(m_dir.path().toStdString()) / name;
    }

    std::filesystem::path writeScript(std::string_view name, std::string_view body) const
    {
        const auto path = file(name);
        const std::string text = "#!/bin/sh\n" + std::string(body) + "\n";
        QFile script(QString::fromStdString(path.string()));
        if (!script.open(QIODevice::WriteOnly))
            return {};
        script.write(text.data(), static_cast<qint64>(text.size()));
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void startsAndProvesTheFundedBalance()
    {
        wallet::KeystoreWallet wallet(file("wallet.json"));
        const auto address
            = wallet.create(kPassphrase, 12, api::KeyFileStrength::Light).value().address;

        localnet::ManagedLocalNetwork network(options());
        QVERIFY(!network.exists());
        std::vector<State> states;
        // Each change of state once (funding the wallet changes the status, not the state).
        auto subscription = network.subscribeStatus([&](const api::LocalNetworkStatus& status) {
            if (states.empty() || states.back() != status.state)
                states.push_back(status.state);
        });
        network.start(address);
        QTRY_VERIFY_WITH_TIMEOUT(network.status().state != State::Starting, kWaitMs);
        QVERIFY2(network.status().state == State::Running, network.status().error.c_str());
        QTRY_COMPARE(states, (std::vector<State> { State::Starting, State::Running }));
        QVERIFY(network.exists());

        const auto profile = runningProfile(network);
        QCOMPARE(profile.name, std::string("This computer"));
        QCOMPARE(profile.endpoints, std::vector<std::string> { network.status().endpoint });
        QVERIFY(!profile.endpoints.front().ends_with(":0"));

        light::LightChain chain(profile, file("headers.db"));
        QVERIFY(await<std::uint64_t>([&](auto done) { return chain.update(done); }));
        auto account
            = await<api::AccountInfo>([&](auto done) { return chain.account(address, done); });
        QVERIFY2(account, account ? "" : account.error().message.c_str());
        QCOMPARE(account->balance, baseUnits("10000"));

        // A transaction, to find again after the restart.
        market::ChainMarket market(chain, wallet);
        auto sent = await<api::TransactionConfirmation>([&](auto done) {
            return market.send(std::string(kRecipient), baseUnits("25"),
                crypto::SecretBytes(asBytes(kPassphrase)), nullptr, done);
        });
        QVERIFY2(sent, sent ? "" : sent.error().message.c_str());
        m_heightBeforeRestart = sent->proof.height;
        m_genesisBeforeRestart = profile.genesisHash;
    }

    void stopEndsTheNodeAndItsEndpoint()
    {
        localnet::ManagedLocalNetwork network(options());
        network.start({});
        QTRY_VERIFY_WITH_TIMEOUT(network.status().state != State::Starting, kWaitMs);
        QCOMPARE(network.status().state, State::Running);
        const auto profile = runningProfile(network);

        network.stop();
        QCOMPARE(network.status().state, State::Stopped);
        QVERIFY(network.status().endpoint.empty());
        light::LightChain chain(profile, file("headers-stopped.db"));
        auto height = await<std::uint64_t>([&](auto done) { return chain.update(done); });
        QVERIFY(!height); // nobody listens there any more
    }

    void restartContinuesTheSameChain()
    {
        QVERIFY(m_heightBeforeRestart > 0);
        localnet::ManagedLocalNetwork network(options());
        QVERIFY(network.exists());
        network.start("0x0000000000000000000000000000000000000001"); // no second genesis
        QTRY_VERIFY_WITH_TIMEOUT(network.status().state != State::Starting, kWaitMs);
        QVERIFY2(network.status().state == State::Running, network.status().error.c_str());
        const auto profile = runningProfile(network);
        QCOMPARE(profile.genesisHash, m_genesisBeforeRestart);

        // The same header store: the light client verifies the new blocks on top of the ones it
        // verified before the restart, so the chain it follows is the same chain.
        light::LightChain chain(profile, file("headers.db"));
        auto height = await<std::uint64_t>([&](auto done) { return chain.update(done); });
        QVERIFY2(height, height ? "" : height.error().message.c_str());
        QVERIFY(*height >= m_heightBeforeRestart);
        auto recipient
            = await<api::AccountInfo>([&](auto done) { return chain.account(kRecipient, done); });
        QVERIFY(recipient);
        QCOMPARE(recipient->balance, baseUnits("25"));
    }

    void wrongValidatorPassphraseFailsWithTheNodesReason()
    {
        localnet::LocalNetworkFiles files(directory());
        auto original = readFileLimited(files.passphraseFile(), 4096).value();
        QVERIFY(writeFileAtomically(files.passphraseFile(), asBytes("not the passphrase\n")));

        localnet::ManagedLocalNetwork network(options());
        network.start({});
        QTRY_VERIFY_WITH_TIMEOUT(network.status().state != State::Starting, kWaitMs);
        QCOMPARE(network.status().state, State::Failed);
        const std::string error = network.status().error;
        QVERIFY2(error.starts_with("The node on this computer could not start (exit code 1)."),
            error.c_str());
        // The node's own words follow, so the user (or a bug report) sees the cause.
        QVERIFY2(error.find("lightstreams-node run:") != std::string::npos, error.c_str());

        // Nothing was lost: with the right passphrase the same chain starts again.
        QVERIFY(writeFileAtomically(files.passphraseFile(), original));
        network.start({});
        QTRY_VERIFY_WITH_TIMEOUT(network.status().state != State::Starting, kWaitMs);
        QVERIFY2(network.status().state == State::Running, network.status().error.c_str());
        QCOMPARE(runningProfile(network).genesisHash, m_genesisBeforeRestart);
    }

    void missingNodeProgramFailsClearly()
    {
        localnet::ManagedLocalNetwork network({ file("no-such-node"), file("elsewhere") });
        network.start({});
        QCOMPARE(network.status().state, State::Failed);
        QVERIFY(network.status().error.starts_with("The node program was not found at "));
        QVERIFY(!network.exists());
    }

    void nodeThatCannotCreateTheNetworkIsReportedWithItsWords()
    {
        // An injected fault at the process seam: a "node" that fails the way a full disk would.
        const auto program = writeScript(
            "failing-node", "echo 'lightstreams-node init: No space left on device' >&2; exit 3");
        localnet::ManagedLocalNetwork network({ program, file("failing") });
        network.start("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        QTRY_COMPARE_WITH_TIMEOUT(network.status().state, State::Failed, kWaitMs);
        QCOMPARE(network.status().error,
            std::string("Could not create the network on this computer (exit code 3).\n"
                        "lightstreams-node init: No space left on device"));
        QVERIFY(!network.exists());
    }

    void nodeThatHangsFailsAfterTheStartTimeout()
    {
        const auto program = writeScript("hanging-node", "exec sleep 60");
        localnet::LocalNetworkOptions options { program, file("hanging") };
        options.startTimeout = std::chrono::milliseconds(300);
        localnet::ManagedLocalNetwork network(options);
        network.start({});
        QTRY_COMPARE_WITH_TIMEOUT(network.status().state, State::Failed, kWaitMs);
        QCOMPARE(network.status().error,
            std::string("The node on this computer did not start within 300 ms."));
    }

    void passphraseFileIsPrivate()
    {
        localnet::LocalNetworkFiles files(directory());
        const auto perms = std::filesystem::status(files.passphraseFile()).permissions();
        QCOMPARE(perms & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    }

private:
    std::uint64_t m_heightBeforeRestart = 0;
    Hash256 m_genesisBeforeRestart {};
};

QTEST_MAIN(TestLocalNetwork)
#include "tst_local_network.moc"
