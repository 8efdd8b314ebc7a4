#include "core/node/execution/StateKeys.h"

#include <algorithm>

namespace ls::node::state {
namespace {

template <std::size_t N> void putBigEndian(std::uint8_t* out, std::uint64_t value)
{
    for (std::size_t i = 0; i < N; ++i)
        out[N - 1 - i] = static_cast<std::uint8_t>(value >> (8 * i));
}

} // namespace

FixedBytes<8> titleKey(std::uint64_t titleId)
{
    FixedBytes<8> key {};
    putBigEndian<8>(key.data(), titleId);
    return key;
}

FixedBytes<12> versionKey(std::uint64_t titleId, std::uint32_t version)
{
    FixedBytes<12> key {};
    putBigEndian<8>(key.data(), titleId);
    putBigEndian<4>(key.data() + 8, version);
    return key;
}

FixedBytes<28> licenceKey(std::uint64_t titleId, const crypto::Address& buyer)
{
    FixedBytes<28> key {};
    putBigEndian<8>(key.data(), titleId);
    std::ranges::copy(buyer.bytes(), key.begin() + 8);
    return key;
}

} // namespace ls::node::state
