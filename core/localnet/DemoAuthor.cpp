#include "core/localnet/DemoAuthor.h"

#include "core/light/LightChain.h"
#include "core/localnet/DemoMaterial.h"
#include "core/localnet/DemoPublicationRecord.h"
#include "core/market/ChainMarket.h"
#include "core/market/ContentSession.h"
#include "core/market/ContentUnlock.h"
#include "core/market/WorkerTask.h"
#include "core/util/AtomicFile.h"
#include "core/wallet/KeystoreWallet.h"

#include <QMetaObject>
#include <QTimer>

namespace ls::localnet {
namespace {

using State = api::DemoTitlesStatus::State;

// The swarm starts listening a moment after the session opens; until then it has no port.
constexpr int kListenChecks = 100;
constexpr std::chrono::milliseconds kListenCheckInterval { 100 };

} // namespace

swarm::SwarmSettings demoAuthorSwarm()
{
    swarm::SwarmSettings settings;
    settings.listenInterfaces = "127.0.0.1:0";
    settings.dht = false;
    settings.localDiscovery = false;
    settings.fullSeeding = true;
    return settings;
}

DemoAuthor::DemoAuthor(DemoAuthorOptions options)
    : m_options(std::move(options))
    , m_account(m_options.directory)
    , m_home(std::make_unique<QObject>())
{
    m_status.total = static_cast<int>(demoTitles().size());
}

DemoAuthor::~DemoAuthor()
{
    *m_alive = false;
    m_subscribers.clear();
    closeSession();
    m_workers.waitForDone(); // an unlock in progress finishes; its result is dropped
}

api::DemoTitles::Handle DemoAuthor::subscribeStatus(
    std::function<void(const api::DemoTitlesStatus&)> onChange)
{
    const std::uint64_t id = m_nextSubscriber++;
    m_subscribers.emplace(id, std::move(onChange));
    return Handle([this, id, alive = std::weak_ptr<bool>(m_alive)] {
        if (alive.lock())
            m_subscribers.erase(id);
    });
}

void DemoAuthor::start(const std::filesystem::path& networkProfileFile)
{
    if (m_status.state == State::Preparing || m_status.state == State::Publishing
        || m_status.state == State::Seeding)
        return;
    closeSession();
    m_run = std::make_shared<int>(0);
    const int total = m_status.total;
    m_status = {};
    m_status.total = total;
    setState(State::Preparing);

    auto profile = protocol::NetworkProfile::load(networkProfileFile);
    if (!profile)
        return fail(
            "The network on this computer has an unreadable profile: " + profile.error().message);
    m_profile = *profile;
    auto address = m_account.address();
    if (!address)
        return fail("This computer's network has no demo author (it was created before the app "
                    "came with demo titles).");
    m_status.author = *address;
    auto record = DemoPublicationRecord::load(m_options.directory);
    if (!record)
        return fail(record.error().message);
    if (*record && (*record)->genesisHash != m_profile.genesisHash)
        return fail("The demo titles in " + m_options.directory.string()
            + " were published on another network.");
    m_recorded = record->has_value();
    auto requests = extractDemoMaterial(m_options.directory / "material");
    if (!requests)
        return fail("Cannot prepare the demo titles: " + requests.error().message);
    m_requests = std::move(*requests);
    auto passphrase = m_account.passphrase();
    if (!passphrase)
        return fail("Cannot read the demo author's passphrase: " + passphrase.error().message);
    m_passphrase = std::move(*passphrase);

    // Argon2id twice (key file and library): never on this thread.
    market::runOnWorker<market::UnlockedContent>(
        m_workers, m_home.get(), m_run,
        [directory = m_options.directory, keystore = m_account.keystoreFile(),
            passphrase = m_passphrase] {
            return market::unlockContent(directory, keystore, passphrase.view());
        },
        [this](Result<market::UnlockedContent> unlocked) { onUnlocked(std::move(unlocked)); });
}

void DemoAuthor::onUnlocked(Result<market::UnlockedContent> unlocked)
{
    if (!unlocked)
        return fail("Cannot open the demo author's library: " + unlocked.error().message);
    m_wallet = std::make_unique<wallet::KeystoreWallet>(m_account.keystoreFile());
    m_chain = std::make_unique<light::LightChain>(m_profile, m_options.directory / "headers.db");
    m_market = std::make_unique<market::ChainMarket>(*m_chain, *m_wallet);
    market::ContentSessionOptions options;
    options.swarm = m_options.swarm;
    m_session = std::make_unique<market::ContentSession>(
        m_options.directory, std::move(*unlocked), *m_chain, *m_market, options);
    // What an earlier run published (all of it, or some before it stopped) is served at once.
    m_session->seedLibrary([this, run = std::weak_ptr<int>(m_run)](int) {
        if (!run.expired())
            later([this] { m_recorded ? finishPublishing() : checkFunds(); });
    });
}

void DemoAuthor::checkFunds()
{
    m_call = m_chain->update([this](Result<std::uint64_t> height) {
        if (!height)
            return later([this, error = height.error().message] {
                fail("Cannot follow the network on this computer: " + error);
            });
        later([this] {
            m_call = m_chain->account(m_status.author, [this](Result<api::AccountInfo> account) {
                later([this, account = std::move(account)] {
                    if (!account)
                        return fail(
                            "Cannot read the demo author's account: " + account.error().message);
                    if (account->balance == "0")
                        return fail("The demo author has no PHT on this computer's network, so "
                                    "it cannot publish the demo titles.");
                    publishNext();
                });
            });
        });
    });
}

void DemoAuthor::publishNext()
{
    // What is on chain already: found by title among this wallet's own publications, so a
    // restart after a title was published never publishes it twice.
    auto mine = m_session->studio().titles();
    if (!mine)
        return fail("Cannot read the demo author's titles: " + mine.error().message);
    m_status.titleIds.assign(m_requests.size(), 0);
    m_status.published = 0;
    const api::PublishRequest* next = nullptr;
    for (std::size_t i = 0; i < m_requests.size(); ++i) {
        for (const api::LibraryTitle& title : *mine)
            if (title.authoredHere && title.title == m_requests[i].metadata.title)
                m_status.titleIds[i] = title.titleId;
        if (m_status.titleIds[i] != 0)
            ++m_status.published;
        else if (!next)
            next = &m_requests[i];
    }
    if (!next) {
        DemoPublicationRecord record { m_profile.genesisHash, m_status.titleIds };
        if (auto saved = record.save(m_options.directory); !saved)
            return fail("Cannot record the demo titles: " + saved.error().message);
        m_recorded = true;
        return finishPublishing();
    }
    m_status.currentTitle = next->metadata.title;
    setState(State::Publishing);
    // Progress within one title is not shown: the three together take a few seconds.
    m_publishing = m_session->studio().publish(
        *next, m_passphrase, [](const api::PublishProgress&) {},
        [this, title = next->metadata.title](Result<api::PublishedVersion> published) {
            later([this, title, error = published ? std::string() : published.error().message] {
                if (!error.empty())
                    return fail("Could not publish the demo title \"" + title + "\": " + error);
                publishNext();
            });
        });
}

void DemoAuthor::finishPublishing()
{
    auto record = DemoPublicationRecord::load(m_options.directory);
    if (!record || !*record)
        return fail("The demo author's record went missing.");
    m_status.titleIds = (*record)->titleIds;
    m_status.published = static_cast<int>(m_status.titleIds.size());
    m_status.currentTitle.clear();
    seedWhenListening(0);
}

void DemoAuthor::seedWhenListening(int attempt)
{
    const std::uint16_t port = m_session->swarm().listenPort();
    if (port != 0) {
        m_status.peerAddress = "127.0.0.1:" + std::to_string(port);
        if (!m_options.announceFile.empty()) {
            std::error_code ignored;
            std::filesystem::create_directories(m_options.announceFile.parent_path(), ignored);
            // Not fatal: this app's user has the titles; the others miss the seeder only.
            if (!writeFileAtomically(m_options.announceFile, asBytes(m_status.peerAddress + "\n")))
                qWarning("Cannot write %s", m_options.announceFile.string().c_str());
        }
        return setState(State::Seeding);
    }
    if (attempt >= kListenChecks)
        return fail("The demo author's swarm could not listen on 127.0.0.1.");
    QTimer::singleShot(
        kListenCheckInterval, m_home.get(), [this, attempt, run = std::weak_ptr<int>(m_run)] {
            if (!run.expired())
                seedWhenListening(attempt + 1);
        });
}

void DemoAuthor::later(std::function<void()> step)
{
    // Every step after a callback runs from the event loop: the next step may replace (and so
    // destroy) the handle, or the whole session, whose callback is still on the stack.
    market::postTo(m_home.get(), m_run, std::move(step));
}

void DemoAuthor::stop()
{
    closeSession();
    if (m_status.state != State::Stopped && m_status.state != State::Failed)
        setState(State::Stopped);
}

void DemoAuthor::closeSession()
{
    m_run.reset(); // results of what runs now are dropped
    m_publishing.reset(); // Studio resumes it next time
    m_call.reset();
    m_session.reset(); // the swarm stops serving
    m_market.reset();
    m_chain.reset();
    m_wallet.reset();
    m_passphrase = {};
    if (!m_status.peerAddress.empty() && !m_options.announceFile.empty()) {
        std::error_code ignored;
        std::filesystem::remove(m_options.announceFile, ignored);
    }
    m_status.peerAddress.clear();
}

void DemoAuthor::fail(const std::string& message)
{
    closeSession();
    m_status.error = message;
    setState(State::Failed);
}

void DemoAuthor::setState(State state)
{
    m_status.state = state;
    if (state != State::Failed)
        m_status.error.clear();
    notifyLater();
}

void DemoAuthor::notifyLater()
{
    // Queued, with the status of this moment: subscribers see every step, never from inside
    // start() or stop().
    QMetaObject::invokeMethod(
        m_home.get(),
        [this, snapshot = m_status] {
            auto subscribers = m_subscribers; // a callback may unsubscribe
            for (const auto& [id, onChange] : subscribers)
                if (m_subscribers.contains(id))
                    onChange(snapshot);
        },
        Qt::QueuedConnection);
}

} // namespace ls::localnet
