// libFuzzer target: the ls_permit extension messages peers send (core/swarm/PermitMessages).
// Decoding is strict, so whatever is accepted must re-encode to exactly the input; a decoded
// proof is also checked against a fixed challenge, which must not crash whatever it holds.
#include "core/swarm/PermitChallenge.h"
#include "core/swarm/PermitMessages.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ls;
    const ByteView input(data, size);
    auto message = swarm::decodePermitMessage(input);
    if (!message)
        return 0;
    if (!std::ranges::equal(swarm::encodePermitMessage(*message), input))
        std::abort();
    if (const auto* proof = std::get_if<swarm::PermitProof>(&*message)) {
        swarm::PermitNonce a {}, b {};
        b.fill(1);
        (void)swarm::verifyPermit(*proof, swarm::PermitContext { 16300, {} }, a, b);
    }
    return 0;
}
