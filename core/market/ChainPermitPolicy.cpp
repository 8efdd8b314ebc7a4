#include "core/market/ChainPermitPolicy.h"

#include "core/codec/Hex.h"
#include "core/crypto/SealedBox.h"

#include <algorithm>

namespace ls::market {
namespace {

std::string titleName(std::uint64_t titleId)
{
    return "title " + std::to_string(titleId);
}

} // namespace

ChainPermitPolicy::ChainPermitPolicy(api::Chain& chain, library::Library& library,
    const TorrentRegistry& registry, Settings settings)
    : m_chain(chain)
    , m_library(library)
    , m_registry(registry)
    , m_settings(settings)
{
}

void ChainPermitPolicy::untrack(std::uint64_t id)
{
    m_calls.erase(id);
}

void ChainPermitPolicy::authorize(const Hash256& infohash, const crypto::Address& peer,
    std::function<void(swarm::PermitDecision)> done)
{
    auto entry = m_registry.find(infohash);
    if (!entry)
        return done({ false, "this torrent is not a title we serve" });
    const auto now = std::chrono::steady_clock::now();
    if (auto cached = m_cache.find({ entry->titleId, peer });
        cached != m_cache.end() && cached->second.until > now)
        return done(cached->second.decision);
    decide(entry->titleId, peer, false, std::move(done));
}

void ChainPermitPolicy::decide(
    std::uint64_t titleId, const crypto::Address& peer, bool afterUpdate, Decided done)
{
    const std::uint64_t id = nextCall();
    const std::string account = peer.toChecksumString();
    auto onLicence = [this, id, titleId, peer, afterUpdate, done](
                         Result<std::optional<api::LicenceInfo>> licence) {
        untrack(id);
        if (!licence)
            return done({ false, "could not check the licence: " + licence.error().message });
        if (*licence) {
            ++m_chainDecisions;
            swarm::PermitDecision granted { true, {} };
            remember(titleId, peer, granted);
            return done(granted);
        }
        if (!afterUpdate) {
            // Maybe the purchase is newer than what we verified: look again at the newest block.
            const std::uint64_t updateId = nextCall();
            m_calls.emplace(updateId,
                m_chain.update([this, updateId, titleId, peer, done](Result<std::uint64_t>) {
                    untrack(updateId);
                    decide(titleId, peer, true, done);
                }));
            return;
        }
        ++m_chainDecisions;
        swarm::PermitDecision refused { false, "no licence for " + titleName(titleId) };
        remember(titleId, peer, refused);
        done(refused);
    };
    m_calls.emplace(id,
        m_chain.title(titleId,
            [this, id, titleId, peer, account, done, onLicence](
                Result<std::optional<api::TitleInfo>> title) {
                if (!title) {
                    untrack(id);
                    return done({ false, "could not read the title: " + title.error().message });
                }
                if (!*title) {
                    untrack(id);
                    return done({ false, titleName(titleId) + " does not exist" });
                }
                if ((*title)->author == account) {
                    untrack(id);
                    ++m_chainDecisions;
                    swarm::PermitDecision granted { true, {} };
                    remember(titleId, peer, granted);
                    return done(granted);
                }
                m_calls[id] = m_chain.licence(titleId, account, onLicence);
            }));
}

void ChainPermitPolicy::remember(
    std::uint64_t titleId, const crypto::Address& peer, const swarm::PermitDecision& decision)
{
    const auto now = std::chrono::steady_clock::now();
    std::erase_if(m_cache, [now](const auto& item) { return item.second.until <= now; });
    m_cache[{ titleId, peer }] = { decision,
        now + (decision.granted ? m_settings.grantLifetime : m_settings.refusalLifetime) };
}

void ChainPermitPolicy::sealTitleKey(const Hash256& infohash, const crypto::Address& peer,
    std::function<void(Result<FixedBytes<80>>)> done)
{
    auto entry = m_registry.find(infohash);
    if (!entry)
        return done(fail(ErrorKind::NotFound, "this torrent is not a title we serve"));
    const std::uint64_t titleId = entry->titleId;
    auto hasKey = m_library.titles().hasKey(titleId);
    if (!hasKey || !*hasKey)
        return done(fail(ErrorKind::NotFound, "I do not hold the key of " + titleName(titleId)));
    const std::uint64_t id = nextCall();
    m_calls.emplace(id,
        m_chain.licence(titleId, peer.toChecksumString(),
            [this, id, titleId, done](Result<std::optional<api::LicenceInfo>> licence) {
                untrack(id);
                if (!licence)
                    return done(std::unexpected(licence.error()));
                if (!*licence)
                    return done(fail(ErrorKind::NotFound, "no licence for " + titleName(titleId)));
                auto boxKey = codec::fromHexFixed<32>((*licence)->buyerBoxKey);
                if (!boxKey)
                    return done(fail(ErrorKind::InvalidInput, "the licence has no usable box key"));
                // Read at the moment of sealing: the key is unwrapped for this call only.
                auto key = m_library.titles().key(titleId);
                if (!key)
                    return done(fail(
                        ErrorKind::NotFound, "I do not hold the key of " + titleName(titleId)));
                auto sealed = crypto::sealedbox::seal(*boxKey, key->bytes());
                if (!sealed)
                    return done(fail(ErrorKind::InvalidInput,
                        "the licence's box key cannot be sealed to: " + sealed.error().message));
                if (sealed->size() != 80)
                    return done(fail(ErrorKind::Internal, "a sealed title key is 80 bytes"));
                FixedBytes<80> out;
                std::copy(sealed->begin(), sealed->end(), out.begin());
                done(out);
            }));
}

} // namespace ls::market
