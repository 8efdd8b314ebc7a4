#pragma once

#include "core/crypto/Address.h"
#include "core/light/TrustedState.h"
#include "core/protocol/LightBlock.h"

#include <string>
#include <vector>

namespace ls::light {

// What another endpoint's light block at a verified height says about the chain.
struct CrossCheckVerdict {
    enum class Kind {
        Agrees, // same block hash, and a commit that finalises it
        Fork, // another block at this height, finalised by validators this client trusts
        Faulty, // another block that is not a credible commit: a broken or lying server
    };
    Kind kind = Kind::Agrees;
    std::string reason; // for Fork and Faulty, a sentence for the user
    // For Fork: validators of the verified set who signed both blocks (they equivocated).
    std::vector<crypto::Address> doubleSigners;
};

// Compares `theirs` (another endpoint's block at ours.height()) with the verified `ours`.
// A different header counts as a fork only when its commit is valid under its own set and
// validators of OUR set at that height holding more than 1/3 of its power signed it: that many
// validators cannot sign two blocks at one height unless they are byzantine, which is exactly
// what the user must be told. Anything less credible (a bad commit, strangers' signatures, a
// block for another height or chain) only shows that the endpoint is faulty.
CrossCheckVerdict crossCheck(const TrustedState& ours, const protocol::LightBlock& theirs);

} // namespace ls::light
