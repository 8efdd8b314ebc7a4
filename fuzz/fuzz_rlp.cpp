// libFuzzer target: arbitrary bytes as RLP. The decoder is strict, so anything it accepts is the
// one canonical encoding of its value: rebuilding the tree with RlpEncoder must give exactly the
// input back (abort otherwise). Integer conversions must round-trip the same way.
#include "core/codec/RlpDecoder.h"
#include "core/codec/RlpEncoder.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

using namespace ls;
using namespace ls::codec;

// Recursion is bounded by kMaxRlpDepth, which the decoder enforces.
void reencode(RlpEncoder& rlp, const RlpItem& item)
{
    if (item.isBytes()) {
        rlp.addBytes(item.payload());
        if (auto number = item.toUInt256()) {
            if (RlpEncoder::encodeUInt(*number)
                != Bytes(item.encoded().begin(), item.encoded().end()))
                std::abort();
        }
        return;
    }
    rlp.beginList();
    for (const RlpItem child : item)
        reencode(rlp, child);
    rlp.endList();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const ByteView input(data, size);

    if (auto item = decodeRlp(input)) {
        RlpEncoder rlp;
        reencode(rlp, *item);
        const Bytes again = rlp.finish();
        if (!std::ranges::equal(again, input))
            std::abort();
    }

    // The same bytes as a stream of items: each prefix must be consumed exactly.
    ByteView rest = input;
    while (!rest.empty()) {
        auto prefix = decodeRlpPrefix(rest);
        if (!prefix)
            break;
        if (prefix->item.encoded().size() + prefix->rest.size() != rest.size())
            std::abort();
        rest = prefix->rest;
    }
    return 0;
}
