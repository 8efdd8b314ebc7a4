#pragma once

#include "core/api/Catalog.h"
#include "core/api/Chain.h"
#include "core/api/Library.h"
#include "core/api/LocalNetwork.h"
#include "core/api/Market.h"
#include "core/api/Studio.h"
#include "core/api/Transfers.h"
#include "core/api/Wallet.h"
#include "ui/library/UnlockPanel.h"
#include "ui/settings/SettingsPage.h"

#include <QMainWindow>
#include <QTimer>

#include <optional>

class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;

namespace ls::ui {

class LibraryPage;
class NetworkPage;
class WalletPage;

// The application shell of DESIGN.md §6: a navigation rail (Discover · Library · Studio · Wallet ·
// Network · Settings), the page stack, and a status bar for chain height, peers and rates.
//
// Sections show what they are for until their services are attached; the composition root
// attaches them as they become available (the chain only once its network answers; the content
// services once the user unlocked the library, which the bar across the top asks for) and
// detaches them before destroying them. While a chain is attached the light client follows the
// network: a sync at once, then every few seconds. While full seeding is on (and the desktop has
// a tray) closing the window hides it to the tray icon and the app keeps sharing.
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
    // Shows the unlock bar until `unlock` succeeds; the app then attaches the content services.
    void requestUnlock(UnlockContent unlock);
    // The unlocked content session's services: Discover, the Library and Studio sections, the
    // status bar's peers and rates, the Network page's sharing box. Needs the chain attached.
    // All nullptr: locked again (the session is gone).
    struct ContentServices {
        api::Library* library = nullptr;
        api::Studio* studio = nullptr;
        api::Catalog* catalog = nullptr;
        api::Transfers* transfers = nullptr;
    };
    void attachContent(ContentServices content);
    UnlockPanel* unlockPanel() const { return m_unlock; }
    LibraryPage* libraryPage() const { return m_libraryPage; }
    api::Studio* studio() const { return m_studio; }
    QSystemTrayIcon* trayIcon() const { return m_tray; }
    // A network that cannot be used at all (an unreadable profile): shown in the status bar.
    void showNetworkProblem(const QString& message);

    static constexpr int kSyncIntervalMs = 3000;
    // How the window stays running without being seen: full seeding with a tray icon.
    bool keepsRunningInTray() const;
    // How often the light client follows the network while attached; 0: only when asked.
    void setSyncInterval(int milliseconds);

Q_SIGNALS:
    // The user changed full seeding or a bandwidth limit (already applied to the swarm).
    void sharingLimitsChanged(const ls::api::SwarmLimits& limits);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildNavigation();
    QWidget* libraryIntroPage();
    QWidget* discoverIntroPage();
    QWidget* studioIntroPage();
    void attachContentPages(const ContentServices& content);
    void showTransfers(const api::SwarmStatus& status);
    void updateTray(bool fullSeeding);
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
    api::Market* m_market = nullptr;
    WalletPage* m_walletPage = nullptr;
    NetworkPage* m_networkPage = nullptr;
    UnlockPanel* m_unlock = nullptr;
    LibraryPage* m_libraryPage = nullptr;
    api::Studio* m_studio = nullptr;
    api::Transfers* m_transfers = nullptr;
    api::Transfers::Handle m_transferSubscription;
    QSystemTrayIcon* m_tray = nullptr;
    bool m_fullSeeding = false;
    api::Chain::Handle m_chainSubscription;
    api::LocalNetwork::Handle m_localSubscription;
    QString m_networkProblem;
    QTimer m_syncTimer;
};

} // namespace ls::ui
