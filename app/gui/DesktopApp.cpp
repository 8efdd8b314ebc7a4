#include "app/gui/DesktopApp.h"

#include "app/gui/SwarmPreferences.h"
#include "core/light/LightChain.h"
#include "core/localnet/DemoAuthor.h"
#include "core/localnet/LocalNetworkFiles.h"
#include "core/localnet/ManagedLocalNetwork.h"
#include "core/market/ChainMarket.h"
#include "core/market/ContentSession.h"
#include "core/market/ContentUnlock.h"
#include "core/market/MarketTransfers.h"
#include "core/wallet/KeystoreWallet.h"
#include "ui/BackgroundTask.h"
#include "ui/onboarding/OnboardingWizard.h"
#include "ui/wallet/WalletPage.h"

#include <QGuiApplication>
#include <QStatusBar>
#include <QThreadPool>

namespace ls::gui {

Result<std::unique_ptr<DesktopApp>> DesktopApp::create(DesktopOptions options)
{
    auto profile = ProfilePaths::open(options.profile, options.dataDirectory);
    if (!profile)
        return std::unexpected(profile.error());
    return std::unique_ptr<DesktopApp>(new DesktopApp(std::move(options), std::move(*profile)));
}

DesktopApp::DesktopApp(DesktopOptions options, ProfilePaths profile)
    : m_options(std::move(options))
    , m_profile(std::move(profile))
    , m_network(m_profile)
    , m_wallet(std::make_unique<wallet::KeystoreWallet>(m_profile.keystoreFile()))
{
}

DesktopApp::~DesktopApp()
{
    // Screens let go of the services first; then the services go, the node last but one; the
    // wallet only once no worker (a key file being written or unlocked) still uses it.
    delete m_onboarding.data();
    m_window.reset();
    m_localSubscription.reset();
    m_demoSubscription.reset();
    m_demoAuthor.reset(); // its own session, on the node that goes last but one
    m_localPeers.reset();
    m_transfers.reset();
    m_content.reset(); // its swarm stops serving; it uses the market and the chain
    m_unlocked.reset();
    m_market.reset();
    m_chain.reset();
    m_localNetwork.reset();
    QThreadPool::globalInstance()->waitForDone();
}

api::Wallet& DesktopApp::wallet()
{
    return *m_wallet;
}
api::Chain* DesktopApp::chain() const
{
    return m_chain.get();
}
api::LocalNetwork* DesktopApp::localNetwork() const
{
    return m_localNetwork.get();
}
api::Market* DesktopApp::market() const
{
    return m_market.get();
}
api::Library* DesktopApp::library() const
{
    return m_content ? &m_content->library() : nullptr;
}
api::Transfers* DesktopApp::transfers() const
{
    return m_transfers.get();
}
api::DemoTitles* DesktopApp::demoTitles() const
{
    const bool runsHere = m_localNetwork && m_localNetwork->status().runsHere;
    return runsHere ? m_demoAuthor.get() : nullptr;
}

void DesktopApp::start()
{
    if (!m_wallet->exists())
        return showOnboarding();
    openMainWindow();
    connectNetwork();
}

void DesktopApp::showOnboarding()
{
    ui::OnboardingSetup setup;
    setup.wallet = m_wallet.get();
    setup.keyFileStrength = m_options.keyFileStrength;
    setup.joinNetwork = [this](const std::filesystem::path& file) { return m_network.join(file); };
    m_onboarding = new ui::OnboardingWizard(std::move(setup));
    m_onboarding->setAttribute(Qt::WA_DeleteOnClose);
    // Between the wizard closing and the main window opening no window is visible: that must
    // not end the app.
    QGuiApplication::setQuitOnLastWindowClosed(false);
    connect(m_onboarding, &QDialog::finished, this, [this](int result) {
        if (result != QDialog::Accepted)
            return Q_EMIT quitRequested();
        openMainWindow();
        connectNetwork();
        // The wizard had the passphrase a moment ago: the library unlocks without asking again.
        crypto::SecretBytes passphrase = m_onboarding->takePassphrase();
        if (!passphrase.empty())
            unlock(std::move(passphrase), [this](Result<void> unlocked) {
                if (unlocked && m_window && m_window->unlockPanel())
                    m_window->unlockPanel()->hide();
            });
    });
    m_onboarding->show();
}

void DesktopApp::openMainWindow()
{
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setSyncInterval(m_options.syncIntervalMs);
    m_window->attachWallet(*m_wallet);
    if (m_options.startSection)
        m_window->showSection(*m_options.startSection);
    m_window->requestUnlock([this](crypto::SecretBytes passphrase, auto done) {
        unlock(std::move(passphrase), std::move(done));
    });
    connect(m_window.get(), &ui::MainWindow::sharingLimitsChanged, this,
        [this](const api::SwarmLimits& limits) {
            if (!SwarmPreferences(m_profile.directory()).save(limits))
                qWarning("Cannot save the sharing settings in %s",
                    m_profile.directory().string().c_str());
        });
    m_window->show();
    QGuiApplication::setQuitOnLastWindowClosed(true);
}

void DesktopApp::connectNetwork()
{
    if (m_network.joined()) {
        auto network = m_network.joinedProfile();
        if (!network)
            return m_window->showNetworkProblem(QString::fromStdString(network.error().message));
        return useNetwork(*network);
    }
    localnet::LocalNetworkOptions options;
    options.nodeProgram = m_options.nodeProgram;
    options.directory = m_network.localNetworkDirectory();
    m_localNetwork = std::make_unique<localnet::ManagedLocalNetwork>(std::move(options));
    m_localSubscription = m_localNetwork->subscribeStatus(
        [this](const api::LocalNetworkStatus& status) { onLocalNetworkStatus(status); });
    m_window->attachLocalNetwork(m_localNetwork.get());
    localnet::DemoAuthorOptions demo {
        localnet::LocalNetworkFiles(m_network.localNetworkDirectory()).demoAuthorDirectory()
    };
    // Among the profiles' swarm addresses, under a name no profile has: the apps that do not
    // run the node (and so no demo author) find the demo titles' seeder there.
    demo.announceFile = LocalPeers::directoryFor(m_profile.directory().parent_path())
        / "localnet.demo-author.peer";
    m_demoAuthor = std::make_unique<localnet::DemoAuthor>(std::move(demo));
    m_demoSubscription = m_demoAuthor->subscribeStatus(
        [this](const api::DemoTitlesStatus& status) { onDemoTitlesStatus(status); });
    m_localNetwork->start(m_wallet->address().value_or(std::string()));
}

void DesktopApp::onLocalNetworkStatus(const api::LocalNetworkStatus& status)
{
    if (status.state != api::LocalNetworkStatus::State::Running) {
        if (m_demoAuthor)
            m_demoAuthor->stop();
        return dropChain();
    }
    auto network = protocol::NetworkProfile::load(status.networkProfileFile);
    if (!network)
        return m_window->showNetworkProblem(QString::fromStdString(network.error().message));
    useNetwork(*network);
    // One demo author per machine, in the app that runs the node: it publishes once, and its
    // library is opened by one app only. It moves with the node when another app takes over.
    if (m_demoAuthor && status.runsHere)
        m_demoAuthor->start(status.networkProfileFile);
    // A wallet funded by a transfer just now: show its PHT without waiting for the next sync.
    if (status.funding == api::LocalNetworkStatus::Funding::Funded && m_chain)
        m_chain->sync();
}

void DesktopApp::onDemoTitlesStatus(const api::DemoTitlesStatus& status)
{
    using State = api::DemoTitlesStatus::State;
    if (status.state == State::Seeding && m_content)
        m_content->library().addPeer(status.peerAddress);
    if (!m_window)
        return;
    QStatusBar* bar = m_window->statusBar();
    switch (status.state) {
    case State::Preparing:
    case State::Publishing:
        bar->showMessage(tr("Publishing the demo titles (%1 of %2)…")
                             .arg(status.published)
                             .arg(std::max(status.total, 1)));
        break;
    case State::Failed:
        bar->showMessage(
            tr("The demo titles are not available: %1").arg(QString::fromStdString(status.error)));
        break;
    case State::Seeding:
    case State::Stopped:
        bar->clearMessage();
        break;
    }
}

void DesktopApp::useNetwork(const protocol::NetworkProfile& network)
{
    if (m_chain && m_chainNetwork == network)
        return;
    dropChain();
    m_chainNetwork = network;
    m_chain = std::make_unique<light::LightChain>(network, m_network.headerStore(network));
    m_market = std::make_unique<market::ChainMarket>(*m_chain, *m_wallet);
    m_window->attachChain(m_chain.get(), m_market.get());
    startContent();
}

void DesktopApp::dropChain()
{
    if (!m_chain)
        return;
    dropContent();
    if (m_window)
        m_window->attachChain(nullptr, nullptr);
    m_market.reset(); // it holds the chain
    m_chain.reset();
    m_chainNetwork.reset();
}

void DesktopApp::unlock(crypto::SecretBytes passphrase, std::function<void(Result<void>)> done)
{
    using Unlocked = std::shared_ptr<Result<market::UnlockedContent>>;
    // Argon2id for the key file and again for the library: seconds, never on the GUI thread.
    ui::runInBackground(
        this,
        [directory = m_profile.directory(), keystore = m_profile.keystoreFile(),
            passphrase = std::move(passphrase)]() -> Unlocked {
            return std::make_shared<Result<market::UnlockedContent>>(
                market::unlockContent(directory, keystore, passphrase.view()));
        },
        [this, done = std::move(done)](Unlocked unlocked) {
            if (!*unlocked)
                return done(std::unexpected(unlocked->error()));
            m_unlocked = std::make_unique<market::UnlockedContent>(std::move(**unlocked));
            startContent();
            done({});
        });
}

void DesktopApp::startContent()
{
    if (!m_unlocked || !m_chain || !m_market || m_content || !m_window)
        return;
    const api::SwarmLimits limits = SwarmPreferences(m_profile.directory()).load();
    market::ContentSessionOptions options;
    options.swarm = m_options.swarm;
    options.swarm.fullSeeding = limits.fullSeeding;
    options.swarm.uploadLimit = limits.uploadLimit;
    options.swarm.downloadLimit = limits.downloadLimit;
    m_content = std::make_unique<market::ContentSession>(
        m_profile.directory(), std::move(*m_unlocked), *m_chain, *m_market, options);
    m_unlocked.reset();
    m_transfers = std::make_unique<market::MarketTransfers>(
        m_content->swarm(), m_content->database(), m_content->account(), options.swarm);
    m_content->seedLibrary([](int) {});
    m_localPeers = std::make_unique<LocalPeers>(
        LocalPeers::directoryFor(m_profile.directory().parent_path()), m_profile.name(),
        [this] { return m_content->swarm().listenPort(); },
        [this](std::string peer) { m_content->library().addPeer(std::move(peer)); });
    if (m_demoAuthor && m_demoAuthor->status().state == api::DemoTitlesStatus::State::Seeding)
        m_content->library().addPeer(m_demoAuthor->status().peerAddress);
    m_window->attachContent(
        { &m_content->library(), &m_content->studio(), &m_content->catalog(), m_transfers.get() });
}

void DesktopApp::dropContent()
{
    if (!m_content)
        return;
    if (m_window)
        m_window->attachContent({});
    m_localPeers.reset();
    m_transfers.reset();
    m_content.reset();
    // The session proved everything against the chain that just went: a new chain needs a new
    // session, and the account key went with the old one, so the user unlocks again.
    if (m_window && m_wallet->exists())
        m_window->requestUnlock([this](crypto::SecretBytes passphrase, auto done) {
            unlock(std::move(passphrase), std::move(done));
        });
}

bool DesktopApp::isSettled() const
{
    if (m_onboarding)
        return true;
    if (!m_window)
        return false;
    if (m_localNetwork && m_localNetwork->status().state == api::LocalNetworkStatus::State::Failed)
        return true;
    if (!m_chain)
        return m_network.joined() && !m_network.joinedProfile();
    const auto status = m_chain->status();
    if (!status.lastError.empty())
        return true;
    auto* walletPage
        = qobject_cast<ui::WalletPage*>(m_window->page(ui::MainWindow::Section::Wallet));
    return status.verifiedHeight && !status.syncing && walletPage && walletPage->hasProvenBalance();
}

} // namespace ls::gui
