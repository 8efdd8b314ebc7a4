#pragma once

#include "core/api/Chain.h"
#include "core/library/Library.h"
#include "core/market/TorrentRegistry.h"
#include "core/swarm/PermitPolicy.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <utility>

namespace ls::market {

// Who may receive a title's content, decided from proven chain reads (docs/protocol.md §11
// "Decision"): the title's author, or an account the chain proves holds a licence for it. A
// refusal is checked once more after bringing the light client up to date, so a buyer whose
// purchase is newer than our verified height is not turned away. Decisions are cached briefly
// per (title, account): a swarm connects to the same peers over and over.
//
// Key delivery seals the title key from the library to the box key recorded in the peer's
// proven licence, so only that buyer's wallet can open it.
//
// Lives on the swarm's owner thread; `chain`, `library` and `registry` must outlive it.
class ChainPermitPolicy final : public swarm::PermitPolicy {
public:
    struct Settings {
        std::chrono::milliseconds grantLifetime { 60'000 };
        std::chrono::milliseconds refusalLifetime { 5'000 };
    };

    ChainPermitPolicy(api::Chain& chain, library::Library& library, const TorrentRegistry& registry,
        Settings settings);
    ChainPermitPolicy(api::Chain& chain, library::Library& library, const TorrentRegistry& registry)
        : ChainPermitPolicy(chain, library, registry, Settings {})
    {
    }

    void authorize(const Hash256& infohash, const crypto::Address& peer,
        std::function<void(swarm::PermitDecision)> done) override;
    void sealTitleKey(const Hash256& infohash, const crypto::Address& peer,
        std::function<void(Result<FixedBytes<80>>)> done) override;

    // How many decisions were read from the chain (not the cache): for tests and diagnostics.
    int chainDecisions() const { return m_chainDecisions; }

private:
    using Decided = std::function<void(swarm::PermitDecision)>;
    using CacheKey = std::pair<std::uint64_t, crypto::Address>;
    struct Cached {
        swarm::PermitDecision decision;
        std::chrono::steady_clock::time_point until;
    };

    // Author or licence holder, at the light client's current height.
    void decide(std::uint64_t titleId, const crypto::Address& peer, bool afterUpdate, Decided done);
    void remember(
        std::uint64_t titleId, const crypto::Address& peer, const swarm::PermitDecision& decision);
    // Chain calls stay alive in m_calls until their callback ran.
    void untrack(std::uint64_t id);
    std::uint64_t nextCall() { return m_nextCall++; }

    api::Chain& m_chain;
    library::Library& m_library;
    const TorrentRegistry& m_registry;
    Settings m_settings;
    std::map<CacheKey, Cached> m_cache;
    std::map<std::uint64_t, api::Chain::Handle> m_calls;
    std::uint64_t m_nextCall = 1;
    int m_chainDecisions = 0;
};

} // namespace ls::market
