#pragma once

#include "core/util/Bytes.h"

#include <array>
#include <cstdint>

namespace ls::crypto {

// Keccak-256 as Ethereum uses it: the original Keccak padding (0x01), not NIST SHA3-256 (0x06).
class Keccak256 {
public:
    static constexpr std::size_t kRate = 136; // bytes absorbed per permutation (1088-bit rate)

    Keccak256() = default;
    void update(ByteView data);
    Hash256 finish(); // the hasher is reset afterwards and can be reused

private:
    void absorbBlock(const std::uint8_t* block);

    std::array<std::uint64_t, 25> m_state{};
    std::array<std::uint8_t, kRate> m_buffer{};
    std::size_t m_buffered = 0;
};

Hash256 keccak256(ByteView data);

} // namespace ls::crypto
