#pragma once

#include "core/api/DemoTitles.h"
#include "core/api/Studio.h"
#include "core/crypto/SecureMemory.h"
#include "core/localnet/LocalAccount.h"
#include "core/protocol/NetworkProfile.h"
#include "core/swarm/SwarmTypes.h"

#include <QObject>
#include <QThreadPool>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ls::light {
class LightChain;
}
namespace ls::market {
class ChainMarket;
class ContentSession;
struct UnlockedContent;
} // namespace ls::market
namespace ls::wallet {
class KeystoreWallet;
}

namespace ls::localnet {

// The demo author's swarm: on 127.0.0.1 only (it serves this computer's user, nobody else), with
// neither DHT nor local discovery (the user's app is told its address), seeding without limits.
swarm::SwarmSettings demoAuthorSwarm();

struct DemoAuthorOptions {
    std::filesystem::path directory; // LocalNetworkFiles::demoAuthorDirectory()
    swarm::SwarmSettings swarm = demoAuthorSwarm();
    // When set: while seeding, the swarm's address ("127.0.0.1:PORT\n") is kept in this file,
    // so that the other apps on this computer, which run no demo author of their own, find the
    // demo titles' seeder (the desktop app puts it among LocalPeers' files). Removed on stop.
    std::filesystem::path announceFile;
};

// api::DemoTitles for "This computer": once the network runs, unlocks the demo author's account
// (LocalAccount, funded at genesis by ManagedLocalNetwork), publishes the demo titles
// (DemoMaterial) that are not on chain yet — Studio resumes a publication an earlier run left
// unfinished, and published.json records the end — and then seeds them from its own content
// session (its own library and swarm in `directory`) until stop() or destruction.
class DemoAuthor final : public api::DemoTitles {
public:
    explicit DemoAuthor(DemoAuthorOptions options);
    ~DemoAuthor() override;

    DemoAuthor(const DemoAuthor&) = delete;
    DemoAuthor& operator=(const DemoAuthor&) = delete;

    api::DemoTitlesStatus status() const override { return m_status; }
    [[nodiscard]] Handle subscribeStatus(
        std::function<void(const api::DemoTitlesStatus&)> onChange) override;

    // Starts on the running network whose profile is `networkProfileFile` (the local network's
    // status names it). Does nothing while preparing, publishing or seeding; after a failure
    // it tries again.
    void start(const std::filesystem::path& networkProfileFile);
    // Stops publishing (Studio resumes it next time) and seeding.
    void stop();

private:
    void onUnlocked(Result<market::UnlockedContent> unlocked);
    void checkFunds();
    void publishNext();
    void finishPublishing();
    void seedWhenListening(int attempt);
    void later(std::function<void()> step);
    void closeSession();
    void fail(const std::string& message);
    void setState(api::DemoTitlesStatus::State state);
    void notifyLater();

    DemoAuthorOptions m_options;
    LocalAccount m_account;
    api::DemoTitlesStatus m_status;
    protocol::NetworkProfile m_profile;
    crypto::SecretBytes m_passphrase; // the demo account's, only while started
    std::vector<api::PublishRequest> m_requests;
    bool m_recorded = false; // published.json says every title is on this chain

    std::unique_ptr<QObject> m_home; // queued notifications and worker results run here
    std::shared_ptr<int> m_run; // replaced by stop(): results of an earlier run are dropped
    std::unique_ptr<wallet::KeystoreWallet> m_wallet;
    std::unique_ptr<light::LightChain> m_chain;
    std::unique_ptr<market::ChainMarket> m_market;
    std::unique_ptr<market::ContentSession> m_session;
    api::Chain::Handle m_call;
    api::Studio::Handle m_publishing;
    QThreadPool m_workers;

    std::map<std::uint64_t, std::function<void(const api::DemoTitlesStatus&)>> m_subscribers;
    std::uint64_t m_nextSubscriber = 1;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace ls::localnet
