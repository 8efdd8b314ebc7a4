// "This computer" shared by the profiles of one data directory: two ManagedLocalNetwork objects
// on the same directory (two apps, as `--profile a` and `--profile b` are) with a real
// `lightstreams-node`, checked through the light client and the machine's process table.
#include "core/codec/UInt256.h"
#include "core/light/LightChain.h"
#include "core/localnet/ExclusiveFileLock.h"
#include "core/localnet/ManagedLocalNetwork.h"
#include "core/util/AtomicFile.h"
#include "core/wallet/KeystoreWallet.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ls;
using State = api::LocalNetworkStatus::State;
using Funding = api::LocalNetworkStatus::Funding;

namespace {

constexpr int kWaitMs = 60'000;
constexpr std::string_view kPassphrase = "shared local network test";

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

// The `lightstreams-node run` processes on this machine serving `dataDirectory`.
int nodesServing(const std::filesystem::path& dataDirectory)
{
    int count = 0;
    const QByteArray wanted = QByteArray::fromStdString(dataDirectory.string());
    for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> arguments = file.readAll().split('\0');
        if (arguments.size() > 2 && arguments[0].endsWith("lightstreams-node")
            && arguments[1] == "run" && arguments.contains(wanted))
            ++count;
    }
    return count;
}

} // namespace

class TestSharedLocalNetwork : public QObject {
    Q_OBJECT

private:
    std::filesystem::path file(std::string_view name) const
    {
        return std::filesystem::path(m_dir.path().toStdString()) / name;
    }
    localnet::LocalNetworkFiles files() const { return localnet::LocalNetworkFiles(file("net")); }
    localnet::LocalNetworkOptions options() const
    {
        localnet::LocalNetworkOptions options { std::filesystem::path(LS_NODE_PATH), file("net") };
        options.watchInterval = std::chrono::milliseconds(100);
        return options;
    }
    std::string newWallet(std::string_view name) const
    {
        wallet::KeystoreWallet wallet(file(name));
        return wallet.create(kPassphrase, 12, api::KeyFileStrength::Light).value().address;
    }
    static void waitWhileStarting(const localnet::ManagedLocalNetwork& network)
    {
        QTRY_VERIFY_WITH_TIMEOUT(network.status().state != State::Starting, kWaitMs);
    }
    // The balance the light client proves for `address`, in base units.
    std::string provenBalance(const localnet::ManagedLocalNetwork& network,
        const std::string& address, std::string_view store) const
    {
        auto profile = protocol::NetworkProfile::load(network.status().networkProfileFile);
        if (!profile)
            return "no profile: " + profile.error().message;
        light::LightChain chain(*profile, file(store));
        if (!await<std::uint64_t>([&](auto done) { return chain.update(done); }))
            return "no update";
        auto account
            = await<api::AccountInfo>([&](auto done) { return chain.account(address, done); });
        return account ? account->balance : "no account: " + account.error().message;
    }

    QTemporaryDir m_dir;
    std::string m_first;
    std::string m_second;

private Q_SLOTS:
    void initTestCase()
    {
        m_first = newWallet("first.json");
        m_second = newWallet("second.json");
    }

    void twoAppsUseOneNodeAndBothWalletsGetPht()
    {
        localnet::ManagedLocalNetwork owner(options());
        owner.start(m_first);
        waitWhileStarting(owner);
        QVERIFY2(owner.status().state == State::Running, owner.status().error.c_str());
        QVERIFY(owner.status().runsHere);

        localnet::ManagedLocalNetwork guest(options());
        QVERIFY(guest.exists());
        guest.start(m_second);
        waitWhileStarting(guest);
        QVERIFY2(guest.status().state == State::Running, guest.status().error.c_str());
        QVERIFY(!guest.status().runsHere);
        QCOMPARE(guest.status().endpoint, owner.status().endpoint);
        QCOMPARE(nodesServing(files().dataDirectory()), 1);

        // The first wallet at genesis, the second by a transfer from the funding account.
        QTRY_VERIFY_WITH_TIMEOUT(owner.status().funding != Funding::Funding, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(guest.status().funding != Funding::Funding, kWaitMs);
        QVERIFY2(owner.status().funding == Funding::Funded, owner.status().fundingError.c_str());
        QVERIFY2(guest.status().funding == Funding::Funded, guest.status().fundingError.c_str());
        QCOMPARE(provenBalance(guest, m_first, "headers-1.db"), baseUnits("10000"));
        QCOMPARE(provenBalance(guest, m_second, "headers-1.db"), baseUnits("10000"));
    }

    void aFundedWalletIsNeverFundedTwice()
    {
        localnet::ManagedLocalNetwork owner(options());
        owner.start(m_first);
        waitWhileStarting(owner);
        QCOMPARE(owner.status().state, State::Running);
        for (int restart = 0; restart < 2; ++restart) {
            if (restart == 1) // without the record, the proven balance says it was funded
                std::filesystem::remove_all(files().fundedDirectory());
            localnet::ManagedLocalNetwork guest(options());
            guest.start(m_second);
            waitWhileStarting(guest);
            QCOMPARE(guest.status().state, State::Running);
            QTRY_VERIFY_WITH_TIMEOUT(guest.status().funding != Funding::Funding, kWaitMs);
            QVERIFY2(
                guest.status().funding == Funding::Funded, guest.status().fundingError.c_str());
        }
        QCOMPARE(provenBalance(owner, m_second, "headers-2.db"), baseUnits("10000"));
    }

    void theOtherAppTakesOverWhenTheOwnerStops()
    {
        localnet::ManagedLocalNetwork owner(options());
        owner.start(m_first);
        waitWhileStarting(owner);
        localnet::ManagedLocalNetwork guest(options());
        guest.start(m_second);
        waitWhileStarting(guest);
        QCOMPARE(guest.status().state, State::Running);
        QVERIFY(!guest.status().runsHere);
        const auto genesis
            = protocol::NetworkProfile::load(guest.status().networkProfileFile)->genesisHash;

        owner.stop();
        QCOMPARE(owner.status().state, State::Stopped);
        // The guest notices, runs the node itself on the same chain, and keeps working.
        QTRY_VERIFY_WITH_TIMEOUT(guest.status().runsHere, kWaitMs);
        waitWhileStarting(guest);
        QVERIFY2(guest.status().state == State::Running, guest.status().error.c_str());
        QCOMPARE(protocol::NetworkProfile::load(guest.status().networkProfileFile)->genesisHash,
            genesis);
        QCOMPARE(nodesServing(files().dataDirectory()), 1);
        QCOMPARE(provenBalance(guest, m_second, "headers-3.db"), baseUnits("10000"));

        // The former owner, started again, uses the node that now runs in the other app.
        owner.start(m_first);
        waitWhileStarting(owner);
        QCOMPARE(owner.status().state, State::Running);
        QVERIFY(!owner.status().runsHere);
        QCOMPARE(owner.status().endpoint, guest.status().endpoint);
    }

    void aKilledOwnersLockAndEndpointAreRecovered()
    {
        // An injected fault at the process seam: an "owner" that holds node.lock, left an
        // endpoint where nobody listens, and is then killed with SIGKILL.
        QVERIFY(writeFileAtomically(files().endpointFile(), asBytes("http://127.0.0.1:1\n")));
        QProcess killedOwner;
        killedOwner.start(QStringLiteral("flock"),
            { QStringLiteral("--no-fork"), // flock's own process holds it: the one killed
                QString::fromStdString(files().nodeLockFile().string()), QStringLiteral("sleep"),
                QStringLiteral("600") });
        QVERIFY(killedOwner.waitForStarted());
        localnet::ExclusiveFileLock probe(files().nodeLockFile());
        const auto heldElsewhere = [&] {
            const auto locked = probe.tryLock();
            probe.release(); // never keep it from the "owner"
            return locked && !*locked;
        };
        QTRY_VERIFY_WITH_TIMEOUT(heldElsewhere(), kWaitMs);

        localnet::ManagedLocalNetwork network(options());
        network.start(m_first);
        // Someone holds the lock, and the endpoint it left does not answer: still waiting.
        QCOMPARE(network.status().state, State::Starting);
        QVERIFY(!network.status().runsHere);

        killedOwner.kill();
        QVERIFY(killedOwner.waitForFinished());
        QTRY_VERIFY_WITH_TIMEOUT(network.status().runsHere, kWaitMs);
        waitWhileStarting(network);
        QVERIFY2(network.status().state == State::Running, network.status().error.c_str());
        const auto endpoint = readFileLimited(files().endpointFile(), 256).value();
        QCOMPARE(std::string(endpoint.begin(), endpoint.end()), network.status().endpoint + "\n");

        // And when nobody holds it any more, the lock file left behind means nothing.
        network.stop();
        QVERIFY(std::filesystem::exists(files().nodeLockFile()));
        QVERIFY(!std::filesystem::exists(files().endpointFile()));
        localnet::ManagedLocalNetwork next(options());
        next.start(m_first);
        QVERIFY(next.status().runsHere);
        waitWhileStarting(next);
        QVERIFY2(next.status().state == State::Running, next.status().error.c_str());
    }
};

QTEST_MAIN(TestSharedLocalNetwork)
#include "tst_shared_local_network.moc"
