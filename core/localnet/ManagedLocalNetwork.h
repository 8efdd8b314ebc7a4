#pragma once

#include "core/api/LocalNetwork.h"
#include "core/localnet/ExclusiveFileLock.h"
#include "core/localnet/LocalNetworkFiles.h"
#include "core/localnet/WalletFunding.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QTimer>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace ls::localnet {

struct LocalNetworkOptions {
    std::filesystem::path nodeProgram; // lightstreams-node
    std::filesystem::path directory; // shared by the profiles: ProfileNetwork
    // Given to the funded address at genesis, or by a transfer when it arrives later.
    std::string fundedPht = "10000";
    // Given at genesis to the funding account (LocalAccount in the directory's funding folder,
    // created then), which pays the transfers: enough for a hundred profiles.
    std::string fundingAccountPht = "1000000";
    std::string networkName = "This computer";
    // Given at genesis to the demo author (LocalAccount in the directory's demo-author
    // folder, created then) for publishing the demo titles; empty: no demo author.
    std::string demoAuthorPht = "1000";
    std::chrono::milliseconds stopTimeout { 5000 }; // then the node is killed
    // For each of `init` and `run` until it listens: longer means a node that hangs. Also how
    // long an app waits for the node another app is starting.
    std::chrono::milliseconds startTimeout { 120'000 };
    // How often an app using another app's node checks that it still runs.
    std::chrono::milliseconds watchInterval { 1000 };
};

// api::LocalNetwork as a `lightstreams-node` child process: `init` the first time (a new
// single-validator network funding one address, the demo author and the funding account), then
// `run` on a port the node picks itself, which it writes into the network profile. The node
// dies with the app (PR_SET_PDEATHSIG), so a crash of the app never leaves a node holding the
// chain database.
//
// One node per directory, however many apps (profiles) use it. The app that runs the node holds
// node.lock (ExclusiveFileLock), and so does the node itself, which inherits it: the lock is
// free only once both are gone, so nobody starts a second node on a database still open, and a
// crash or kill -9 leaves nothing stale (the kernel releases it). Once the node listens, its
// owner writes node.endpoint, and removes it when the node stops. An app that finds the lock
// taken uses that node instead (runsHere false): Starting until node.endpoint names a port
// that answers, then Running; it checks every watchInterval, and when the lock comes free (the
// owner quit, crashed, or its node failed) it takes the lock and runs the node itself — the
// same chain, on a new port, so its status goes Starting and then Running again. Several such
// apps race for the lock, and the losers use the winner's node.
//
// Once Running, here or elsewhere, the wallet given to start() gets its PHT (WalletFunding).
class ManagedLocalNetwork final : public api::LocalNetwork {
public:
    explicit ManagedLocalNetwork(LocalNetworkOptions options);
    ~ManagedLocalNetwork() override;

    ManagedLocalNetwork(const ManagedLocalNetwork&) = delete;
    ManagedLocalNetwork& operator=(const ManagedLocalNetwork&) = delete;

    bool exists() const override;
    api::LocalNetworkStatus status() const override { return m_status; }
    [[nodiscard]] Handle subscribeStatus(
        std::function<void(const api::LocalNetworkStatus&)> onChange) override;
    void start(std::string fundedAddress) override;
    void stop() override;

private:
    enum class Step { Idle, Creating, Running };

    void runHere();
    void watchOwner();
    void useOwnersNode(const std::string& url);
    void relinquish();
    void fundWallet();
    void launch(Step step, const QStringList& arguments);
    void onStandardOutput();
    void onStandardError();
    void onFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void onStartFailed(QProcess::ProcessError error);
    void onListening(const std::string& url);
    void runNode();
    void retireProcess();
    void setState(api::LocalNetworkStatus::State state, std::string error = {});
    void fail(const std::string& sentence); // Failed, with the node's error output appended
    void notifyLater();

    LocalNetworkOptions m_options;
    LocalNetworkFiles m_files;
    api::LocalNetworkStatus m_status;
    std::string m_fundedAddress;
    ExclusiveFileLock m_nodeLock;
    QTimer m_watch; // while another app runs the node
    std::chrono::steady_clock::time_point m_waitingSince; // for the owner's node to answer
    WalletFunding m_funding;
    Step m_step = Step::Idle;
    std::uint64_t m_launches = 0; // tells a start timeout which launch it belongs to
    bool m_stopping = false;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_pendingOutput; // stdout not yet ending in a newline
    QByteArray m_errorTail; // the last few KiB of the node's stderr
    std::unique_ptr<QObject> m_home; // queued notifications run here

    std::map<std::uint64_t, std::function<void(const api::LocalNetworkStatus&)>> m_subscribers;
    std::uint64_t m_nextSubscriber = 1;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace ls::localnet
