#pragma once

#include "core/api/Transfers.h"
#include "core/library/Library.h"
#include "core/swarm/Swarm.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>

namespace ls::market {

// api::Transfers over a content session's swarm: each torrent named after the title (and
// version) the library knows it as, totals summed, status reported every second while anyone
// listens, limits applied to the swarm at once. Lives on the swarm's owner thread; the swarm
// and the library must outlive it.
class MarketTransfers final : public QObject, public api::Transfers {
public:
    // `me`: this profile's account (EIP-55). `settings`: what the swarm was started with.
    MarketTransfers(swarm::Swarm& swarm, library::Library& library, std::string me,
        swarm::SwarmSettings settings);
    ~MarketTransfers() override;

    api::SwarmStatus status() const override;
    [[nodiscard]] Handle subscribeStatus(
        std::function<void(const api::SwarmStatus&)> onChange) override;
    void setLimits(const api::SwarmLimits& limits) override;

private:
    struct Known {
        std::uint64_t titleId = 0;
        std::uint32_t version = 0;
        std::string name;
        bool described = false; // false: the title's metadata has not arrived, name is a stand-in
    };

    const Known* lookup(const Hash256& infohash) const;
    void relearn() const;
    void report();

    swarm::Swarm& m_swarm;
    library::Library& m_library;
    std::string m_me;
    swarm::SwarmSettings m_settings;
    // The library's names for its torrents, learnt again when a torrent shows up that it did not
    // name last time (a title just bought or published), and every few seconds while one stays
    // unnamed (a fetch records its title only once the licence is proven) or a title waits for
    // its metadata (and so for its name).
    mutable std::map<Hash256, Known> m_known;
    mutable std::set<Hash256> m_unnamed;
    mutable std::chrono::steady_clock::time_point m_learnt {};
    static constexpr std::chrono::seconds kRelearnInterval { 5 };
    QTimer m_timer;
    std::map<std::uint64_t, std::function<void(const api::SwarmStatus&)>> m_subscribers;
    std::uint64_t m_nextSubscriber = 1;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace ls::market
