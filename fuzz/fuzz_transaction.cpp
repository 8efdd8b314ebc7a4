// libFuzzer target: arbitrary bytes as a raw signed transaction (Transaction::decode). The
// decoder is strict, so whatever it accepts is the one canonical encoding of its fields:
// encode() must give the input back exactly, and recovering the sender must not crash (it may
// fail: a random r is usually not the x of a curve point).
#include "core/crypto/Keccak.h"
#include "core/protocol/Transaction.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ls;
    const ByteView input(data, size);
    auto tx = protocol::Transaction::decode(input);
    if (!tx)
        return 0;
    const Bytes again = tx->encode();
    if (!std::ranges::equal(again, input))
        std::abort();
    if (tx->hash() != crypto::keccak256(input))
        std::abort();
    auto twice = protocol::Transaction::decode(again);
    if (!twice || !(*twice == *tx))
        std::abort();
    (void)tx->signingHash();
    (void)tx->recoverSender(tx->chainId);
    // Another chain id is always refused, before any signature work.
    if (tx->recoverSender(tx->chainId ^ 1U))
        std::abort();
    return 0;
}
