#include "core/crypto/Keccak.h"

#include <bit>
#include <cstring>

namespace ls::crypto {
namespace {

constexpr std::array<std::uint64_t, 24> kRoundConstants = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

// Rotation offsets and lane permutation of the combined rho+pi step, walked along pi's cycle.
constexpr std::array<int, 24> kRho = {1,  3,  6,  10, 15, 21, 28, 36, 45, 55, 2,  14,
                                      27, 41, 56, 8,  25, 43, 62, 18, 39, 61, 20, 44};
constexpr std::array<int, 24> kPi = {10, 7,  11, 17, 18, 3, 5,  16, 8,  21, 24, 4,
                                     15, 23, 19, 13, 12, 2, 20, 14, 22, 9,  6,  1};

void keccakF1600(std::array<std::uint64_t, 25>& a)
{
    for (std::uint64_t roundConstant : kRoundConstants) {
        // theta
        std::uint64_t c[5];
        for (int x = 0; x < 5; ++x)
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; ++x) {
            std::uint64_t d = c[(x + 4) % 5] ^ std::rotl(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5)
                a[static_cast<std::size_t>(y + x)] ^= d;
        }
        // rho and pi
        std::uint64_t carried = a[1];
        for (std::size_t i = 0; i < 24; ++i) {
            auto target = static_cast<std::size_t>(kPi[i]);
            std::uint64_t next = a[target];
            a[target] = std::rotl(carried, kRho[i]);
            carried = next;
        }
        // chi
        for (std::size_t y = 0; y < 25; y += 5) {
            std::uint64_t row[5];
            for (std::size_t x = 0; x < 5; ++x)
                row[x] = a[y + x];
            for (std::size_t x = 0; x < 5; ++x)
                a[y + x] = row[x] ^ (~row[(x + 1) % 5] & row[(x + 2) % 5]);
        }
        // iota
        a[0] ^= roundConstant;
    }
}

std::uint64_t loadLittleEndian64(const std::uint8_t* p)
{
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | p[i];
    return value;
}

} // namespace

void Keccak256::absorbBlock(const std::uint8_t* block)
{
    for (std::size_t lane = 0; lane < kRate / 8; ++lane)
        m_state[lane] ^= loadLittleEndian64(block + lane * 8);
    keccakF1600(m_state);
}

void Keccak256::update(ByteView data)
{
    const std::uint8_t* p = data.data();
    std::size_t remaining = data.size();
    if (m_buffered > 0) {
        std::size_t take = std::min(remaining, kRate - m_buffered);
        std::memcpy(m_buffer.data() + m_buffered, p, take);
        m_buffered += take;
        p += take;
        remaining -= take;
        if (m_buffered < kRate)
            return;
        absorbBlock(m_buffer.data());
        m_buffered = 0;
    }
    while (remaining >= kRate) {
        absorbBlock(p);
        p += kRate;
        remaining -= kRate;
    }
    if (remaining > 0) {
        std::memcpy(m_buffer.data(), p, remaining);
        m_buffered = remaining;
    }
}

Hash256 Keccak256::finish()
{
    std::memset(m_buffer.data() + m_buffered, 0, kRate - m_buffered);
    m_buffer[m_buffered] ^= 0x01;
    m_buffer[kRate - 1] ^= 0x80;
    absorbBlock(m_buffer.data());

    Hash256 digest{};
    for (std::size_t i = 0; i < digest.size(); ++i)
        digest[i] = static_cast<std::uint8_t>(m_state[i / 8] >> (8 * (i % 8)));

    m_state.fill(0);
    m_buffer.fill(0);
    m_buffered = 0;
    return digest;
}

Hash256 keccak256(ByteView data)
{
    Keccak256 hasher;
    hasher.update(data);
    return hasher.finish();
}

} // namespace ls::crypto
