#pragma once

#include "core/api/Chain.h"
#include "core/api/LocalNetwork.h"
#include "core/api/Market.h"
#include "core/api/Wallet.h"
#include "ui/settings/SettingsPage.h"

#include <QMainWindow>
#include <QTimer>

#include <optional>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace ls::ui {

class NetworkPage;
class WalletPage;

// The application shell of DESIGN.md §6: a navigation rail (Discover · Library · Studio · Wallet ·
// Network · Settings), the page stack, and a status bar for chain height, peers and rates.
//
// Sections show what they are for until their services are attached; the composition root
// attaches them as they become available (the chain only once its network answers) and detaches
// the chain before destroying it. While a chain is attached the light client follows the network:
// a sync at once, then every few seconds.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class Section { Discover, Library, Studio, Wallet, Network, Settings };
    Q_ENUM(Section)

    explicit MainWindow(QWidget* parent = nullptr);

    // "Discover", "library", … → the section; nullopt for an unknown name.
    static std::optional<Section> sectionFromName(const QString& name);

    void showSection(Section section);
    Section currentSection() const;
    QWidget* page(Section section) const;

    // The services, each outliving the window (or detached first).
    void attachWallet(api::Wallet& wallet);
    void attachLocalNetwork(api::LocalNetwork* network);
    void attachChain(api::Chain* chain, api::Market* market); // nullptr, nullptr: detach
    void attachSettings(SettingsSetup setup);
    // A network that cannot be used at all (an unreadable profile): shown in the status bar.
    void showNetworkProblem(const QString& message);

    static constexpr int kSyncIntervalMs = 3000;
    // How often the light client follows the network while attached; 0: only when asked.
    void setSyncInterval(int milliseconds);

private:
    void buildNavigation();
    void buildStatusBar();
    void addSection(Section section, const QString& title, QWidget* page);
    void replacePage(Section section, QWidget* page);
    NetworkPage* networkPage();
    void updateChainStatus();

    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_chainStatus = nullptr;
    QLabel* m_peerStatus = nullptr;
    QLabel* m_rateStatus = nullptr;

    api::Wallet* m_wallet = nullptr;
    api::LocalNetwork* m_localNetwork = nullptr;
    api::Chain* m_chain = nullptr;
    WalletPage* m_walletPage = nullptr;
    NetworkPage* m_networkPage = nullptr;
    api::Chain::Handle m_chainSubscription;
    api::LocalNetwork::Handle m_localSubscription;
    QString m_networkProblem;
    QTimer m_syncTimer;
};

} // namespace ls::ui
