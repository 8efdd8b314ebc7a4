#include "core/market/TitleKeyReceiver.h"

#include "core/library/TitleKeys.h"

namespace ls::market {
namespace {

constexpr int kAskAgainAfterMs = 1000;
constexpr int kPatienceMs = 10'000;
constexpr std::chrono::seconds kMinimumBetweenAsks { 3 };

} // namespace

TitleKeyReceiver::TitleKeyReceiver(ContentServices& services, std::uint64_t titleId,
    const Hash256& keyCommitment, const Hash256& infohash,
    std::function<void(const std::string&)> refused, std::function<void()> stored)
    : m_services(services)
    , m_titleId(titleId)
    , m_commitment(keyCommitment)
    , m_infohash(infohash)
    , m_refused(std::move(refused))
    , m_stored(std::move(stored))
{
    m_askAgain.setSingleShot(true);
    m_askAgain.setInterval(kAskAgainAfterMs);
    QObject::connect(&m_askAgain, &QTimer::timeout, [this] {
        if (!m_asking)
            return;
        m_lastAsked = std::chrono::steady_clock::now();
        m_services.seeder.reconnect(m_infohash);
        m_services.swarm.setKeyWanted(m_infohash, true);
    });
    m_patience.setInterval(kPatienceMs);
    QObject::connect(&m_patience, &QTimer::timeout, [this] { askAgainSoon(); });
}

TitleKeyReceiver::~TitleKeyReceiver()
{
    stopAsking();
}

void TitleKeyReceiver::start()
{
    QObject* home = &m_services.home;
    swarm::Swarm& swarm = m_services.swarm;
    m_connections.push_back(QObject::connect(&swarm, &swarm::Swarm::titleKeyArrived, home,
        [this](const Hash256& infohash, const QString& account, const FixedBytes<80>& sealed) {
            if (infohash != m_infohash || !m_asking)
                return;
            // Copies: the owner may destroy this receiver from within either callback.
            if (auto accepted = accept(sealed); !accepted) {
                askAgainSoon();
                auto refused = m_refused;
                refused("Refused the key " + account.toStdString()
                    + " sent: " + accepted.error().message);
                return;
            }
            stopAsking();
            auto stored = m_stored;
            stored();
        }));
    m_connections.push_back(QObject::connect(&swarm, &swarm::Swarm::permitEvent, home,
        [this](const Hash256& infohash, const QString& event) {
            if (infohash == m_infohash && event.contains(QLatin1String("refused the key")))
                askAgainSoon();
        }));
    m_asking = true;
    m_lastAsked = std::chrono::steady_clock::now();
    m_slowDownloads = m_services.seeder.holdDownloads();
    m_services.swarm.setKeyWanted(m_infohash, true);
    m_patience.start();
}

void TitleKeyReceiver::askAgainSoon()
{
    if (!m_asking || m_askAgain.isActive())
        return;
    const auto since = std::chrono::steady_clock::now() - m_lastAsked;
    const auto wait = since >= kMinimumBetweenAsks
        ? std::chrono::milliseconds(kAskAgainAfterMs)
        : std::chrono::duration_cast<std::chrono::milliseconds>(kMinimumBetweenAsks - since);
    m_askAgain.start(wait);
}

Result<void> TitleKeyReceiver::accept(const FixedBytes<80>& sealedKey)
{
    auto opened = m_services.account.openSealed(sealedKey);
    if (!opened)
        return fail(ErrorKind::Verification,
            "it is not sealed to this wallet's box key (" + opened.error().message + ")");
    auto key = library::TitleKey::fromBytes(opened->view());
    if (!key)
        return std::unexpected(key.error());
    if (auto matches = key->checkCommitment(m_commitment); !matches)
        return matches;
    return m_services.library.titles().storeKey(m_titleId, *key);
}

void TitleKeyReceiver::stopAsking()
{
    for (const auto& connection : m_connections)
        QObject::disconnect(connection);
    m_connections.clear();
    m_askAgain.stop();
    m_patience.stop();
    if (m_asking)
        m_services.swarm.setKeyWanted(m_infohash, false);
    m_asking = false;
    m_slowDownloads.reset();
}

} // namespace ls::market
