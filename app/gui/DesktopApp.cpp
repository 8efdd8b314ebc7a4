#include "app/gui/DesktopApp.h"

#include "core/light/LightChain.h"
#include "core/localnet/ManagedLocalNetwork.h"
#include "core/market/ChainMarket.h"
#include "core/wallet/KeystoreWallet.h"
#include "ui/onboarding/OnboardingWizard.h"
#include "ui/wallet/WalletPage.h"

#include <QGuiApplication>
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
    m_localNetwork->start(m_wallet->address().value_or(std::string()));
}

void DesktopApp::onLocalNetworkStatus(const api::LocalNetworkStatus& status)
{
    if (status.state != api::LocalNetworkStatus::State::Running)
        return dropChain();
    auto network = protocol::NetworkProfile::load(status.networkProfileFile);
    if (!network)
        return m_window->showNetworkProblem(QString::fromStdString(network.error().message));
    useNetwork(*network);
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
}

void DesktopApp::dropChain()
{
    if (!m_chain)
        return;
    if (m_window)
        m_window->attachChain(nullptr, nullptr);
    m_market.reset(); // it holds the chain
    m_chain.reset();
    m_chainNetwork.reset();
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
