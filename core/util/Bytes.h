#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace ls {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

template <std::size_t N>
using FixedBytes = std::array<std::uint8_t, N>;

using Hash256 = FixedBytes<32>;

inline ByteView asBytes(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

inline Bytes concat(std::initializer_list<ByteView> parts)
{
    std::size_t total = 0;
    for (auto part : parts)
        total += part.size();
    Bytes out;
    out.reserve(total);
    for (auto part : parts)
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

} // namespace ls
