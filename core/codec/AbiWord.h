#pragma once

// Internal to the ABI encoder and decoder: facts about 32-byte words shared by both.

#include "core/codec/UInt256.h"

#include <cstddef>

namespace ls::codec::abiword {

inline constexpr std::size_t kSize = 32;

inline std::size_t paddedSize(std::size_t size)
{
    return (size + kSize - 1) / kSize * kSize;
}

// Does a 256-bit word hold a sign-extended int<bits>? The bits above bit (bits - 1) must all
// equal that bit.
inline bool fitsSigned(const UInt256& word, unsigned bits)
{
    if (bits == 0 || bits >= UInt256::kBits)
        return bits != 0;
    const UInt256 top = word >> (bits - 1);
    return top.isZero() || top == (UInt256::max() >> (bits - 1));
}

inline bool fitsUnsigned(const UInt256& word, unsigned bits)
{
    return word.bitLength() <= bits;
}

} // namespace ls::codec::abiword
