#pragma once

// Tiny hex helpers for the crypto tests (independent of core/codec so these tests stand alone).

#include "core/util/Bytes.h"

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ls::testhex {

inline Bytes decode(std::string_view text)
{
    if (text.starts_with("0x"))
        text.remove_prefix(2);
    auto digit = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        throw std::invalid_argument("bad hex in test vector");
    };
    if (text.size() % 2 != 0)
        throw std::invalid_argument("odd hex length in test vector");
    Bytes out;
    for (std::size_t i = 0; i < text.size(); i += 2)
        out.push_back(static_cast<std::uint8_t>(digit(text[i]) * 16 + digit(text[i + 1])));
    return out;
}

template <std::size_t N>
FixedBytes<N> decodeFixed(std::string_view text)
{
    Bytes bytes = decode(text);
    if (bytes.size() != N)
        throw std::invalid_argument("wrong length for test vector");
    FixedBytes<N> out{};
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

inline std::string encode(ByteView bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (auto byte : bytes) {
        out.push_back(kDigits[byte >> 4]);
        out.push_back(kDigits[byte & 0x0f]);
    }
    return out;
}

} // namespace ls::testhex
