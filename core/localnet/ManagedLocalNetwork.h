#pragma once

#include "core/api/LocalNetwork.h"
#include "core/localnet/LocalNetworkFiles.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace ls::localnet {

struct LocalNetworkOptions {
    std::filesystem::path nodeProgram; // lightstreams-node
    std::filesystem::path directory; // <profile>/localnet
    std::string fundedPht = "10000"; // given to the funded address at genesis
    std::string networkName = "This computer";
    std::chrono::milliseconds stopTimeout { 5000 }; // then the node is killed
    // For each of `init` and `run` until it listens: longer means a node that hangs.
    std::chrono::milliseconds startTimeout { 120'000 };
};

// api::LocalNetwork as a `lightstreams-node` child process: `init` the first time (a new
// single-validator network funding one address), then `run` on a port the node picks itself,
// which it writes into the network profile. The node dies with the app (PR_SET_PDEATHSIG), so a
// crash of the app never leaves a node holding the chain database.
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
