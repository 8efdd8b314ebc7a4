#include "core/market/TitleKeyReceiver.h"

#include "core/library/TitleKeys.h"

namespace ls::market {

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
                auto refused = m_refused;
                refused("Refused the key " + account.toStdString()
                    + " sent: " + accepted.error().message);
                return;
            }
            stopAsking();
            auto stored = m_stored;
            stored();
        }));
    m_asking = true;
    m_services.swarm.setKeyWanted(m_infohash, true);
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
    if (m_asking)
        m_services.swarm.setKeyWanted(m_infohash, false);
    m_asking = false;
}

} // namespace ls::market
