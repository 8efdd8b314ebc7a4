#include "ui/MainWindow.h"

#include "ui/SectionIntroPage.h"
#include "ui/StatusText.h"
#include "ui/discover/DiscoverPage.h"
#include "ui/library/LibraryPage.h"
#include "ui/network/NetworkPage.h"
#include "ui/network/SharingPanel.h"
#include "ui/network/TransferText.h"
#include "ui/studio/StudioPage.h"
#include "ui/wallet/WalletPage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMetaEnum>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

constexpr int kNavigationWidth = 188;

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Lightstreams"));
    setObjectName(QStringLiteral("mainWindow"));
    resize(1180, 760);
    setMinimumSize(820, 540);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    auto* right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->setSpacing(0);
    right->addWidget(m_pages, 1);
    layout->addWidget(m_navigation);
    layout->addLayout(right, 1);
    setCentralWidget(central);

    buildNavigation();
    buildStatusBar();
    showSection(Section::Discover);

    m_syncTimer.setInterval(kSyncIntervalMs);
    connect(&m_syncTimer, &QTimer::timeout, this, [this] {
        if (m_chain)
            m_chain->sync(); // joins a sync already running
    });
}

void MainWindow::buildNavigation()
{
    m_navigation->setFixedWidth(kNavigationWidth);
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setStyleSheet(QStringLiteral(
        "QListWidget#navigation { padding-top: 12px; background: palette(alternate-base); outline: "
        "0; }"
        "QListWidget#navigation::item { padding: 8px 10px; border-radius: 6px; margin: 2px 8px; }"
        "QListWidget#navigation::item:selected {"
        "  background: palette(highlight); color: palette(highlighted-text); }"
        "QListWidget#navigation::item:hover:!selected { background: palette(midlight); }"));

    addSection(Section::Discover, tr("Discover"), discoverIntroPage());
    addSection(Section::Library, tr("Library"), libraryIntroPage());
    addSection(Section::Studio, tr("Studio"), studioIntroPage());
    addSection(Section::Wallet, tr("Wallet"),
        new SectionIntroPage(tr("Wallet"),
            tr("Your PHT account. Keys never leave this computer unencrypted; balances are "
               "checked against validator-signed blocks, not taken on trust."),
            { tr("See your balance and history of purchases, sales and transfers"),
                tr("Receive with your address, send with a confirmation step"),
                tr("Show the backup phrase after entering your passphrase") }));
    addSection(Section::Network, tr("Network"),
        new SectionIntroPage(tr("Network"),
            tr("How this computer takes part: the light node that verifies the chain, and "
               "the peers you exchange titles with."),
            { tr("Verified chain height, endpoints and any verification alarm"),
                tr("Peers and per-title seeding with rates and ratios"),
                tr("Full-seeding mode and bandwidth limits") }));
    addSection(Section::Settings, tr("Settings"),
        new SectionIntroPage(tr("Settings"),
            tr("Profile, data directory, language, theme and network profile."), {}));

    connect(
        m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
}

QWidget* MainWindow::discoverIntroPage()
{
    return new SectionIntroPage(tr("Discover"),
        tr("Find books, music and video published on the network, verified against the "
           "chain before they are shown."),
        { tr("Browse covers and search by title, author or subject"),
            tr("Filter by media type and price, sort by newest or most sold"),
            tr("Open a title page: blurb, contents, versions, sample and price"),
            tr("Buy with PHT and follow the purchase until the title opens") });
}

QWidget* MainWindow::studioIntroPage()
{
    return new SectionIntroPage(tr("Studio"),
        tr("Publish your own work and sell it directly to readers. Payments reach your "
           "wallet at the moment of sale, even while this computer is off."),
        { tr("Publish a PDF, EPUB, audio or video file with cover, blurb and price"),
            tr("Change prices, add new versions, delist a title"),
            tr("Watch sales and revenue as they happen and export them as CSV") });
}

QWidget* MainWindow::libraryIntroPage()
{
    return new SectionIntroPage(tr("Library"),
        tr("Everything you own, stored encrypted on this computer. Your licences live on "
           "chain, so you can download a title again at any time."),
        { tr("Read books and play audio or video, even while they download"),
            tr("Open the latest version or any earlier one"),
            tr("Remove a local copy and keep the licence") });
}

void MainWindow::addSection(Section section, const QString& title, QWidget* page)
{
    static const QHash<Section, QStyle::StandardPixmap> icons = {
        { Section::Discover, QStyle::SP_FileDialogContentsView },
        { Section::Library, QStyle::SP_DirHomeIcon },
        { Section::Studio, QStyle::SP_FileDialogNewFolder },
        { Section::Wallet, QStyle::SP_DriveHDIcon },
        { Section::Network, QStyle::SP_DriveNetIcon },
        { Section::Settings, QStyle::SP_FileDialogDetailedView },
    };
    auto* item = new QListWidgetItem(style()->standardIcon(icons.value(section)), title);
    item->setData(Qt::UserRole, QVariant::fromValue(section));
    m_navigation->addItem(item);
    page->setParent(m_pages);
    page->setObjectName(QStringLiteral("page") + title);
    m_pages->insertWidget(static_cast<int>(section), page);
}

void MainWindow::buildStatusBar()
{
    // Honest defaults: nothing is connected until the chain and swarm services arrive.
    m_chainStatus = new QLabel(tr("Not connected to a network"), this);
    m_chainStatus->setObjectName(QStringLiteral("chainStatus"));
    m_chainStatus->setContentsMargins(6, 0, 0, 0);
    m_peerStatus = new QLabel(tr("Peers: 0"), this);
    m_peerStatus->setObjectName(QStringLiteral("peerStatus"));
    m_rateStatus = new QLabel(tr("↓ 0 B/s  ↑ 0 B/s"), this);
    m_rateStatus->setObjectName(QStringLiteral("rateStatus"));
    statusBar()->addWidget(m_chainStatus, 1);
    statusBar()->addPermanentWidget(m_peerStatus);
    statusBar()->addPermanentWidget(m_rateStatus);
    // No swarm is attached to the window yet: zeros would look like a measurement. They show
    // once the content session's swarm reports (attachContent).
    m_peerStatus->setVisible(false);
    m_rateStatus->setVisible(false);
}

void MainWindow::replacePage(Section section, QWidget* page)
{
    const int index = static_cast<int>(section);
    QWidget* old = m_pages->widget(index);
    const bool current = m_pages->currentIndex() == index;
    page->setObjectName(old->objectName());
    m_pages->insertWidget(index, page);
    m_pages->removeWidget(old);
    old->deleteLater();
    if (current)
        m_pages->setCurrentIndex(index);
}

void MainWindow::attachWallet(api::Wallet& wallet)
{
    m_wallet = &wallet;
    if (!m_walletPage) {
        m_walletPage = new WalletPage(wallet, m_pages);
        replacePage(Section::Wallet, m_walletPage);
    }
}

void MainWindow::attachSettings(SettingsSetup setup)
{
    replacePage(Section::Settings, new SettingsPage(std::move(setup), m_pages));
}

void MainWindow::requestUnlock(UnlockContent unlock)
{
    delete m_unlock;
    m_unlock = new UnlockPanel(std::move(unlock), centralWidget());
    auto* right = qobject_cast<QVBoxLayout*>(centralWidget()->layout()->itemAt(1)->layout());
    right->insertWidget(0, m_unlock);
    m_unlock->show(); // a child added to a window already shown starts hidden
    connect(m_unlock, &UnlockPanel::unlocked, m_unlock, &QWidget::hide);
}

void MainWindow::attachContent(ContentServices content)
{
    m_transferSubscription.reset();
    m_studio = content.studio;
    m_transfers = content.transfers;
    api::Transfers* transfers = content.transfers;
    attachContentPages(content);
    if (m_walletPage) // names for the history's titles, from the library while it is open
        m_walletPage->setLibrary(content.library);
    if (content.library && m_unlock)
        m_unlock->hide();
    networkPage()->setTransfers(transfers);
    if (transfers) {
        m_transferSubscription = transfers->subscribeStatus(
            [this](const api::SwarmStatus& status) { showTransfers(status); });
        showTransfers(transfers->status());
    } else {
        m_peerStatus->setVisible(false);
        m_rateStatus->setVisible(false);
        updateTray(false);
    }
}

void MainWindow::attachContentPages(const ContentServices& content)
{
    if (!content.library || !content.studio || !content.catalog || !m_chain || !m_market
        || !m_wallet) {
        if (!m_libraryPage)
            return;
        m_libraryPage = nullptr;
        // Gone now, not at the next turn of the event loop: their services are about to go.
        const Section sections[] = { Section::Discover, Section::Library, Section::Studio };
        std::vector<QWidget*> old;
        for (Section section : sections)
            old.push_back(page(section));
        replacePage(Section::Discover, discoverIntroPage());
        replacePage(Section::Library, libraryIntroPage());
        replacePage(Section::Studio, studioIntroPage());
        qDeleteAll(old);
        return;
    }
    m_libraryPage = new LibraryPage(*content.library, m_pages);
    auto* discover = new DiscoverPage(
        *content.catalog, *m_chain, *m_market, *content.library, *m_wallet, m_pages);
    auto* studio = new StudioPage(*content.studio, *m_market, *m_chain, *m_wallet, m_pages);
    replacePage(Section::Discover, discover);
    replacePage(Section::Library, m_libraryPage);
    replacePage(Section::Studio, studio);
    // A title bought in Discover opens from the library, where its decrypted stream comes from.
    connect(discover, &DiscoverPage::openRequested, this, [this](quint64 titleId, quint32 version) {
        showSection(Section::Library);
        m_libraryPage->open(titleId, version);
    });
    connect(discover, &DiscoverPage::purchased, m_libraryPage, &LibraryPage::refresh);
    connect(studio, &StudioPage::published, this, [this, discover] {
        m_libraryPage->refresh();
        discover->refresh();
    });
}

void MainWindow::showTransfers(const api::SwarmStatus& status)
{
    m_peerStatus->setText(tr("Peers: %1").arg(status.peers));
    m_rateStatus->setText(transfertext::rates(status.downloadRate, status.uploadRate));
    m_peerStatus->setVisible(true);
    m_rateStatus->setVisible(true);
    updateTray(status.limits.fullSeeding);
}

void MainWindow::updateTray(bool fullSeeding)
{
    m_fullSeeding = fullSeeding;
    if (!fullSeeding) {
        if (m_tray)
            m_tray->hide();
        return;
    }
    if (!m_tray) {
        if (!QSystemTrayIcon::isSystemTrayAvailable())
            return; // no tray: closing the window quits, as it always does
        const QIcon icon
            = windowIcon().isNull() ? style()->standardIcon(QStyle::SP_DriveNetIcon) : windowIcon();
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setObjectName(QStringLiteral("trayIcon"));
        m_tray->setToolTip(tr("Lightstreams: sharing your titles"));
        auto* menu = new QMenu(this);
        menu->addAction(tr("Show Lightstreams"), this, [this] {
            showNormal();
            activateWindow();
        });
        menu->addAction(tr("Quit"), qApp, &QCoreApplication::quit);
        m_tray->setContextMenu(menu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            showNormal();
            activateWindow();
        });
    }
    m_tray->show();
}

bool MainWindow::keepsRunningInTray() const
{
    return m_fullSeeding && m_tray && m_tray->isVisible();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!keepsRunningInTray())
        return QMainWindow::closeEvent(event);
    // Full seeding: the window goes, the app keeps serving from the tray until Quit.
    event->ignore();
    hide();
}

NetworkPage* MainWindow::networkPage()
{
    if (!m_networkPage) {
        m_networkPage = new NetworkPage(m_pages);
        connect(m_networkPage->sharingPanel(), &SharingPanel::limitsChanged, this,
            &MainWindow::sharingLimitsChanged);
        replacePage(Section::Network, m_networkPage);
    }
    return m_networkPage;
}

void MainWindow::attachLocalNetwork(api::LocalNetwork* network)
{
    m_localSubscription.reset();
    m_localNetwork = network;
    const std::string address
        = m_wallet ? m_wallet->address().value_or(std::string()) : std::string();
    networkPage()->setLocalNetwork(network, address);
    if (m_localNetwork)
        m_localSubscription = m_localNetwork->subscribeStatus(
            [this](const api::LocalNetworkStatus&) { updateChainStatus(); });
    updateChainStatus();
}

void MainWindow::attachChain(api::Chain* chain, api::Market* market)
{
    m_chainSubscription.reset();
    m_syncTimer.stop();
    m_chain = chain;
    m_market = market;
    if (m_walletPage)
        m_walletPage->setChain(chain, market);
    networkPage()->setChain(chain);
    if (m_chain) {
        m_networkProblem.clear();
        m_chainSubscription
            = m_chain->subscribeStatus([this](const api::ChainStatus&) { updateChainStatus(); });
        m_chain->sync();
        if (m_syncTimer.interval() > 0)
            m_syncTimer.start();
    }
    updateChainStatus();
}

void MainWindow::setSyncInterval(int milliseconds)
{
    m_syncTimer.setInterval(milliseconds);
    if (milliseconds <= 0)
        m_syncTimer.stop();
    else if (m_chain)
        m_syncTimer.start();
}

void MainWindow::showNetworkProblem(const QString& message)
{
    m_networkProblem = message;
    updateChainStatus();
}

void MainWindow::updateChainStatus()
{
    using State = api::LocalNetworkStatus::State;
    QString text = tr("Not connected to a network");
    if (m_chain)
        text = statustext::chain(m_chain->status());
    else if (!m_networkProblem.isEmpty())
        text = m_networkProblem;
    else if (m_localNetwork) {
        const auto local = m_localNetwork->status();
        if (local.state == State::Starting)
            text = tr("Starting the network on this computer…");
        else if (local.state == State::Failed)
            text = tr("The network on this computer failed: %1")
                       .arg(QString::fromStdString(local.error).section(u'\n', 0, 0));
    }
    m_chainStatus->setText(text);
}

std::optional<MainWindow::Section> MainWindow::sectionFromName(const QString& name)
{
    auto meta = QMetaEnum::fromType<Section>();
    for (int i = 0; i < meta.keyCount(); ++i) {
        if (name.compare(QLatin1String(meta.key(i)), Qt::CaseInsensitive) == 0)
            return static_cast<Section>(meta.value(i));
    }
    return std::nullopt;
}

void MainWindow::showSection(Section section)
{
    m_navigation->setCurrentRow(static_cast<int>(section));
}

MainWindow::Section MainWindow::currentSection() const
{
    return static_cast<Section>(m_pages->currentIndex());
}

QWidget* MainWindow::page(Section section) const
{
    return m_pages->widget(static_cast<int>(section));
}

} // namespace ls::ui
