#pragma once

#include "app/gui/LocalPeers.h"
#include "app/gui/ProfileNetwork.h"
#include "core/api/DemoTitles.h"
#include "core/api/Wallet.h"
#include "core/swarm/SwarmTypes.h"
#include "core/util/ProfilePaths.h"
#include "ui/MainWindow.h"
#include "ui/onboarding/OnboardingWizard.h"

#include <QObject>
#include <QPointer>

#include <filesystem>
#include <memory>
#include <optional>

namespace ls::light {
class LightChain;
}
namespace ls::localnet {
class DemoAuthor;
class ManagedLocalNetwork;
} // namespace ls::localnet
namespace ls::market {
class ChainMarket;
class ContentSession;
class MarketTransfers;
struct UnlockedContent;
} // namespace ls::market

namespace ls::gui {

struct DesktopOptions {
    std::string profile { ProfilePaths::kDefaultProfile };
    std::filesystem::path dataDirectory; // empty: the user's data directory
    std::filesystem::path nodeProgram; // for "This computer"
    api::KeyFileStrength keyFileStrength = api::KeyFileStrength::Standard;
    std::optional<ui::MainWindow::Section> startSection;
    int syncIntervalMs = ui::MainWindow::kSyncIntervalMs; // 0: sync only when asked
    // The content swarm: by default on every interface with DHT and local discovery, as peers
    // on other machines need; tests listen on 127.0.0.1 only. Full seeding and the limits come
    // from the profile's settings (SwarmPreferences) instead.
    swarm::SwarmSettings swarm;
};

// The desktop app's composition root: one profile's wallet, the network it uses ("This
// computer" as a child node, or a joined network's profile), the light client over it and the
// market over both, handed to the windows. First run (no wallet) shows the onboarding wizard;
// afterwards the main window, connected as soon as the network answers.
//
// The content side (library, swarm, Studio) needs the wallet passphrase, whose key file also
// wraps the library's master key: the main window asks for it (everything else works
// meanwhile), the unlocking runs on a worker, and once the chain is there too the app starts
// the profile's ContentSession, seeds the library and hands its services to the window. Losing
// the chain ends the session (it proves everything against the chain) and asks again.
class DesktopApp : public QObject {
    Q_OBJECT

public:
    static Result<std::unique_ptr<DesktopApp>> create(DesktopOptions options);
    ~DesktopApp() override;

    void start();

    ui::OnboardingWizard* onboarding() const { return m_onboarding; }
    ui::MainWindow* mainWindow() const { return m_window.get(); }
    api::Wallet& wallet();
    api::Chain* chain() const;
    api::LocalNetwork* localNetwork() const;
    api::Market* market() const;
    // While unlocked and connected: the content session and its services.
    market::ContentSession* content() const { return m_content.get(); }
    api::Library* library() const;
    api::Transfers* transfers() const;
    // "This computer" in the app that runs its node: the demo author; null otherwise.
    api::DemoTitles* demoTitles() const;
    const ProfilePaths& profile() const { return m_profile; }
    // Nothing is still on its way to the screen: the balance is proven and shown, or the
    // network failed, or the wizard waits for the user. For --screenshot.
    bool isSettled() const;

Q_SIGNALS:
    void quitRequested(); // the user closed the first-run wizard

private:
    DesktopApp(DesktopOptions options, ProfilePaths profile);

    void showOnboarding();
    void openMainWindow();
    void connectNetwork();
    void onLocalNetworkStatus(const api::LocalNetworkStatus& status);
    void onDemoTitlesStatus(const api::DemoTitlesStatus& status);
    void useNetwork(const protocol::NetworkProfile& network);
    void dropChain();
    void unlock(crypto::SecretBytes passphrase, std::function<void(Result<void>)> done);
    void startContent();
    void dropContent();

    DesktopOptions m_options;
    ProfilePaths m_profile;
    ProfileNetwork m_network;
    // Declared in the order they must be built; destroyed in reverse (the window first).
    std::unique_ptr<api::Wallet> m_wallet;
    std::unique_ptr<localnet::ManagedLocalNetwork> m_localNetwork;
    api::LocalNetwork::Handle m_localSubscription;
    // "This computer" only: the demo author, publishing and seeding the demo titles.
    std::unique_ptr<localnet::DemoAuthor> m_demoAuthor;
    api::DemoTitles::Handle m_demoSubscription;
    std::optional<protocol::NetworkProfile> m_chainNetwork;
    std::unique_ptr<light::LightChain> m_chain;
    std::unique_ptr<market::ChainMarket> m_market;
    std::unique_ptr<market::UnlockedContent> m_unlocked; // waiting for the chain
    std::unique_ptr<market::ContentSession> m_content;
    std::unique_ptr<market::MarketTransfers> m_transfers;
    std::unique_ptr<LocalPeers> m_localPeers; // the other profiles on this machine
    QPointer<ui::OnboardingWizard> m_onboarding;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace ls::gui
