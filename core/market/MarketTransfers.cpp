#include "core/market/MarketTransfers.h"

#include "core/codec/Hex.h"
#include "core/market/ApiTitles.h"

#include <QTimer>

#include <algorithm>
#include <tuple>

namespace ls::market {
namespace {

api::TitleTransfer::State stateOf(swarm::TorrentStatus::State state)
{
    using From = swarm::TorrentStatus::State;
    using To = api::TitleTransfer::State;
    switch (state) {
    case From::Adding:
    case From::Checking:
        return To::Checking;
    case From::FetchingMetadata:
    case From::Downloading:
        return To::Downloading;
    case From::Seeding:
        return To::Seeding;
    case From::Stopped:
        return To::Paused;
    case From::Failed:
        return To::Failed;
    }
    return To::Failed;
}

Hash256 infohashOf(const std::string& hex)
{
    Hash256 infohash {};
    if (auto parsed = codec::fromHexFixed<32>(hex))
        infohash = *parsed;
    return infohash;
}

} // namespace

MarketTransfers::MarketTransfers(
    swarm::Swarm& swarm, library::Library& library, std::string me, swarm::SwarmSettings settings)
    : m_swarm(swarm)
    , m_library(library)
    , m_me(std::move(me))
    , m_settings(std::move(settings))
{
    m_timer.setInterval(kReportIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { report(); });
}

MarketTransfers::~MarketTransfers()
{
    *m_alive = false;
}

void MarketTransfers::relearn() const
{
    auto titles = apiTitles(m_library, m_me);
    m_learnt = std::chrono::steady_clock::now();
    if (!titles)
        return;
    m_known.clear();
    for (const api::LibraryTitle& title : *titles) {
        const bool described = !title.title.empty();
        const std::string name = described ? title.title : "Title " + std::to_string(title.titleId);
        m_known[infohashOf(title.metadataInfohash)] = { title.titleId, 0, name, described };
        for (const api::LibraryVersion& version : title.versions)
            m_known[infohashOf(version.contentInfohash)]
                = { title.titleId, version.number, name, described };
    }
}

const MarketTransfers::Known* MarketTransfers::lookup(const Hash256& infohash) const
{
    auto found = m_known.find(infohash);
    const bool due = std::chrono::steady_clock::now() - m_learnt >= kRelearnInterval;
    if ((found == m_known.end() && (!m_unnamed.contains(infohash) || due))
        || (found != m_known.end() && !found->second.described && due)) {
        relearn();
        found = m_known.find(infohash);
        if (found == m_known.end())
            m_unnamed.insert(infohash); // asked again after kRelearnInterval
    }
    return found == m_known.end() ? nullptr : &found->second;
}

api::SwarmStatus MarketTransfers::status() const
{
    api::SwarmStatus status;
    status.listenPort = m_swarm.listenPort();
    status.limits = { m_settings.fullSeeding, m_settings.uploadLimit, m_settings.downloadLimit };
    for (const swarm::TorrentStatus& torrent : m_swarm.torrents()) {
        api::TitleTransfer transfer;
        if (const Known* known = lookup(torrent.infohash)) {
            transfer.titleId = known->titleId;
            transfer.version = known->version;
            transfer.name = known->name;
        } else {
            transfer.name = torrent.name;
        }
        transfer.state = stateOf(torrent.state);
        transfer.progress = torrent.progress;
        transfer.downloadRate = torrent.downloadRate;
        transfer.uploadRate = torrent.uploadRate;
        transfer.uploaded = torrent.allTimeUploaded;
        transfer.downloaded = torrent.allTimeDownloaded;
        transfer.ratio = torrent.totalWanted == 0 ? 0.0
                                                  : static_cast<double>(torrent.allTimeUploaded)
                / static_cast<double>(torrent.totalWanted);
        transfer.peers = torrent.peers;
        status.peers += torrent.peers;
        status.downloadRate += torrent.downloadRate;
        status.uploadRate += torrent.uploadRate;
        status.titles.push_back(std::move(transfer));
    }
    std::sort(status.titles.begin(), status.titles.end(), [](const auto& a, const auto& b) {
        return std::tie(a.titleId, a.version, a.name) < std::tie(b.titleId, b.version, b.name);
    });
    return status;
}

api::Transfers::Handle MarketTransfers::subscribeStatus(
    std::function<void(const api::SwarmStatus&)> onChange)
{
    const std::uint64_t id = m_nextSubscriber++;
    m_subscribers[id] = std::move(onChange);
    if (!m_timer.isActive())
        m_timer.start();
    QTimer::singleShot(0, this, [this, id] {
        if (auto found = m_subscribers.find(id); found != m_subscribers.end())
            found->second(status());
    });
    return Handle([this, id, alive = std::weak_ptr<bool>(m_alive)] {
        if (alive.expired())
            return;
        m_subscribers.erase(id);
        if (m_subscribers.empty())
            m_timer.stop();
    });
}

void MarketTransfers::setLimits(const api::SwarmLimits& limits)
{
    m_settings.fullSeeding = limits.fullSeeding;
    m_settings.uploadLimit = std::max(0, limits.uploadLimit);
    m_settings.downloadLimit = std::max(0, limits.downloadLimit);
    m_swarm.applySettings(m_settings);
    report();
}

void MarketTransfers::report()
{
    if (m_subscribers.empty())
        return;
    const api::SwarmStatus current = status();
    // A copy: a subscriber may unsubscribe (or subscribe) from its callback.
    auto subscribers = m_subscribers;
    for (auto& [id, callback] : subscribers)
        if (m_subscribers.contains(id))
            callback(current);
}

} // namespace ls::market
