#pragma once

#include "app/gui/ProfileNetwork.h"
#include "core/api/Wallet.h"
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
class ManagedLocalNetwork;
}
namespace ls::market {
class ChainMarket;
}

namespace ls::gui {

struct DesktopOptions {
    std::string profile { ProfilePaths::kDefaultProfile };
    std::filesystem::path dataDirectory; // empty: the user's data directory
    std::filesystem::path nodeProgram; // for "This computer"
    api::KeyFileStrength keyFileStrength = api::KeyFileStrength::Standard;
    std::optional<ui::MainWindow::Section> startSection;
    int syncIntervalMs = ui::MainWindow::kSyncIntervalMs; // 0: sync only when asked
};

// The desktop app's composition root: one profile's wallet, the network it uses ("This
// computer" as a child node, or a joined network's profile), the light client over it and the
// market over both, handed to the windows. First run (no wallet) shows the onboarding wizard;
// afterwards the main window, connected as soon as the network answers.
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
    void useNetwork(const protocol::NetworkProfile& network);
    void dropChain();

    DesktopOptions m_options;
    ProfilePaths m_profile;
    ProfileNetwork m_network;
    // Declared in the order they must be built; destroyed in reverse (the window first).
    std::unique_ptr<api::Wallet> m_wallet;
    std::unique_ptr<localnet::ManagedLocalNetwork> m_localNetwork;
    api::LocalNetwork::Handle m_localSubscription;
    std::optional<protocol::NetworkProfile> m_chainNetwork;
    std::unique_ptr<light::LightChain> m_chain;
    std::unique_ptr<market::ChainMarket> m_market;
    QPointer<ui::OnboardingWizard> m_onboarding;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace ls::gui
