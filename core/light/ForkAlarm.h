#pragma once

#include "core/crypto/Address.h"
#include "core/protocol/LightBlock.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ls::light {

// Evidence that the chain forked: two different blocks at one height, each finalised by
// validators this client trusts. Never resolved silently — the light client keeps its verified
// chain, and the user is shown this.
struct ForkAlarm {
    std::uint64_t height = 0;
    std::string verifiedSource; // the endpoint the verified block came from
    std::string conflictingSource; // the endpoint that sent the other block
    protocol::LightBlock verified; // header, commit and validator set
    protocol::LightBlock conflicting;
    std::vector<crypto::Address> doubleSigners; // validators who signed both
    std::string summary; // a sentence for the user
};

// What the light client knows about one endpoint of the network profile.
struct EndpointStatus {
    enum class State {
        Unknown, // not asked yet
        Agrees, // served or confirmed the newest verified block
        Behind, // does not have the newest verified height yet
        Unreachable, // did not answer (network, timeout, HTTP)
        Faulty, // answered with something malformed or unverifiable
        Forked, // sent a conflicting block finalised by trusted validators (see the alarm)
    };
    std::string url;
    bool primary = false;
    State state = State::Unknown;
    std::string detail; // why, for every state but Unknown
};

} // namespace ls::light
