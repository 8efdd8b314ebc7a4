// libFuzzer target: the block-level decoders of core/protocol. The first input byte selects the
// decoder, the rest is its input. Every decoder is strict, so whatever one accepts must
// re-encode to exactly the same bytes; light blocks and commits also run verification, which
// must not crash whatever it is given.
#include "core/protocol/Commit.h"
#include "core/protocol/Header.h"
#include "core/protocol/LightBlock.h"
#include "core/protocol/Log.h"
#include "core/protocol/Receipt.h"
#include "core/protocol/ValidatorSet.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

using namespace ls;

template <typename T> void roundTrip(ByteView input, const Result<T>& decoded)
{
    if (!decoded)
        return;
    if (!std::ranges::equal(decoded->encode(), input))
        std::abort();
    auto again = T::decode(input);
    if (!again || !(*again == *decoded))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const ByteView input(data + 1, size - 1);
    switch (data[0] % 6) {
    case 0:
        roundTrip(input, protocol::Header::decode(input));
        break;
    case 1: {
        auto commit = protocol::Commit::decode(input);
        roundTrip(input, commit);
        if (commit) {
            // Against a header it names (height and hash match only by construction here),
            // so the signature and power checks run too.
            auto set = protocol::ValidatorSet::create({ { crypto::Address(), 1 } });
            protocol::Header header;
            header.height = commit->height;
            header.validatorsHash = set->hash();
            protocol::Commit named = *commit;
            named.blockHash = header.hash();
            (void)named.verify(header, *set);
        }
        break;
    }
    case 2: {
        auto set = protocol::ValidatorSet::decode(input);
        roundTrip(input, set);
        if (set) {
            if (set->totalPower() > protocol::ValidatorSet::kMaxTotalPower)
                std::abort();
            for (std::size_t i = 0; i < set->size(); ++i)
                if (set->indexOf(set->at(i).address) != i)
                    std::abort();
        }
        break;
    }
    case 3:
        roundTrip(input, protocol::Receipt::decode(input));
        break;
    case 4: {
        auto block = protocol::LightBlock::decode(input);
        roundTrip(input, block);
        if (block)
            (void)block->verify();
        break;
    }
    case 5:
        roundTrip(input, protocol::Log::decode(input));
        break;
    }
    return 0;
}
