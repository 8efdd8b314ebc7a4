// libFuzzer target: arbitrary bytes as ABI data. The first byte picks one of a few fixed type
// lists and the rest is decoded against it. The decoder is strict, so anything it accepts must
// re-encode to exactly the same bytes (abort otherwise). Revert payloads and calldata for a
// fixed signature are exercised on the whole input.
#include "core/codec/AbiDecoder.h"
#include "core/codec/AbiEncoder.h"
#include "core/codec/AbiRevert.h"
#include "core/codec/AbiSignature.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace {

using namespace ls;
using namespace ls::codec;

constexpr std::array kTypeLists = {
    "(uint32,bool)",
    "(bytes,bool,uint256[])",
    "(uint256,uint32[],bytes10,bytes)",
    "(uint256[][],string[])",
    "((address,uint256[],string)[],bytes1,bytes32)",
    "(uint8[2][],(bool,(int32,bytes)))",
    "(int8,int64,int256,int16,address)",
    "(string[2],bytes3[2],(uint256[0],())[])",
};

const std::vector<std::vector<AbiType>>& typeLists()
{
    static const auto lists = [] {
        std::vector<std::vector<AbiType>> parsed;
        for (const char* text : kTypeLists)
            parsed.push_back(*AbiType::parseList(text));
        return parsed;
    }();
    return lists;
}

void checkRoundTrip(const std::vector<AbiType>& types, ByteView data)
{
    auto values = abiDecode(types, data);
    if (!values)
        return;
    auto again = abiEncode(types, *values);
    if (!again || !std::ranges::equal(*again, data))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const ByteView input(data, size);
    checkRoundTrip(typeLists()[data[0] % typeLists().size()], input.subspan(1));

    if (auto message = decodeRevertReason(input)) {
        if (!std::ranges::equal(encodeRevertReason(*message), input))
            std::abort();
    }

    static const AbiSignature sam = *AbiSignature::parse("sam(bytes,bool,uint256[])");
    if (auto arguments = sam.decodeCall(input)) {
        auto again = sam.encodeCall(*arguments);
        if (!again || !std::ranges::equal(*again, input))
            std::abort();
    }
    return 0;
}
