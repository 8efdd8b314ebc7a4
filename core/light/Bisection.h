#pragma once

#include "core/light/TrustedState.h"
#include "core/light/VerifyError.h"
#include "core/protocol/LightBlock.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace ls::light {

// One verification made on the way: `state` became trusted because it verified against the
// trusted block at height `verifiedFrom`.
struct VerifiedStep {
    TrustedState state;
    std::uint64_t verifiedFrom = 0;
};

// The CometBFT bisection algorithm as a pure state machine, so the caller decides how blocks
// are fetched (asynchronously, from which endpoint) and tests can drive it from memory.
//
// From a trusted state it verifies towards `target`: first straight to the target (adjacent or
// skipping verification); when skipping says NeedsBisection it asks for the block halfway
// between the trusted height and the block it could not reach, and so on. Each gap halves, and a
// gap of one is plain adjacent verification, so it ends after O(log n) fetches per validator
// set change — or with the first hard verification error.
//
//     Bisection walk(trusted, 1000);
//     while (auto height = walk.wanted()) {
//         auto steps = walk.supply(fetch(*height)); // persist *steps; stop on error
//     }
class Bisection {
public:
    // `target` above the trusted height; at or below it there is nothing to do (done()).
    Bisection(TrustedState start, std::uint64_t target);

    // The height whose light block supply() needs next; nullopt when done or failed.
    std::optional<std::uint64_t> wanted() const;
    bool done() const { return !m_failed && m_pending.empty(); }
    bool failed() const { return m_failed; }

    // Gives the block for wanted(). Returns the steps this made verified (oldest first, possibly
    // none when it only led to another bisection), or the first verification error, after which
    // the walk is over (failed()).
    VerifyResult<std::vector<VerifiedStep>> supply(protocol::LightBlock block);

    const TrustedState& trusted() const { return m_trusted; }
    std::uint64_t target() const { return m_target; }
    std::size_t fetches() const { return m_fetches; } // blocks supplied so far

private:
    TrustedState m_trusted;
    std::uint64_t m_target = 0;
    std::vector<std::uint64_t> m_pending; // heights still to verify; the back is tried first
    std::map<std::uint64_t, protocol::LightBlock> m_fetched; // supplied, not yet verified
    std::size_t m_fetches = 0;
    bool m_failed = false;
};

} // namespace ls::light
