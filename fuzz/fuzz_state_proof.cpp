// libFuzzer target: arbitrary bytes as a state proof (docs/protocol.md §2), the structure a light
// client receives from untrusted servers. Whatever decodes must be the one canonical encoding of
// its proof (re-encoding gives the input back exactly), and verification must neither crash nor
// contradict itself: against a fixed root it runs to a verdict, and against the root the proof
// itself leads to, an Empty terminal (or a leaf standing in for another path) proves absence.
#include "core/crypto/Keccak.h"
#include "core/protocol/StateProof.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace ls;
using ls::protocol::StateProof;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const ByteView input(data, size);
    auto proof = StateProof::decode(input);
    if (!proof)
        return 0;
    if (proof->depth() > protocol::kStatePathBits)
        std::abort();
    Bytes again = proof->encode();
    if (again != Bytes(input.begin(), input.end()))
        std::abort();
    auto decodedAgain = StateProof::decode(again);
    if (!decodedAgain || !(*decodedAgain == *proof))
        std::abort();

    static const Hash256 fixedRoot = crypto::keccak256(asBytes("fuzz_state_proof fixed root"));
    Hash256 path = proof->terminal ? proof->terminal->path : Hash256 {};
    (void)proof->verifyInclusion(fixedRoot, path, input);
    (void)proof->verifyNonInclusion(fixedRoot, path);

    if (!proof->terminal) {
        if (!proof->verifyNonInclusion(proof->computeRoot(path), path))
            std::abort();
    } else if (proof->depth() < protocol::kStatePathBits) {
        // A path sharing the leaf's first d bits but not the leaf's own: the leaf occupies its
        // place, so the proof shows that path absent.
        Hash256 other = proof->terminal->path;
        std::size_t bit = proof->depth();
        other[bit / 8] = static_cast<std::uint8_t>(other[bit / 8] ^ (0x80U >> (bit % 8)));
        if (!proof->verifyNonInclusion(proof->computeRoot(other), other))
            std::abort();
        if (proof->verifyInclusion(proof->computeRoot(other), other, input))
            std::abort();
    }
    return 0;
}
