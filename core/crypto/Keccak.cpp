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

// One Keccak-f[1600] permutation, fully unrolled (generated from the rho offsets and the pi lane
// mapping of the Keccak reference) so the compiler keeps lanes in registers: the loop form with
// modular indexing ran at a fifth of SHA-256's speed.
void keccakF1600(std::array<std::uint64_t, 25>& a)
{
    std::array<std::uint64_t, 25> b;
    for (std::uint64_t roundConstant : kRoundConstants) {
        // theta, folded into the rho/pi reads below
        const std::uint64_t c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20];
        const std::uint64_t c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21];
        const std::uint64_t c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22];
        const std::uint64_t c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23];
        const std::uint64_t c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24];
        const std::uint64_t d0 = c4 ^ std::rotl(c1, 1);
        const std::uint64_t d1 = c0 ^ std::rotl(c2, 1);
        const std::uint64_t d2 = c1 ^ std::rotl(c3, 1);
        const std::uint64_t d3 = c2 ^ std::rotl(c4, 1);
        const std::uint64_t d4 = c3 ^ std::rotl(c0, 1);
        // rho and pi: b[y, 2x+3y] = rotl(a[x, y], r[x, y])
        b[0] = a[0] ^ d0;
        b[10] = std::rotl(a[1] ^ d1, 1);
        b[20] = std::rotl(a[2] ^ d2, 62);
        b[5] = std::rotl(a[3] ^ d3, 28);
        b[15] = std::rotl(a[4] ^ d4, 27);
        b[16] = std::rotl(a[5] ^ d0, 36);
        b[1] = std::rotl(a[6] ^ d1, 44);
        b[11] = std::rotl(a[7] ^ d2, 6);
        b[21] = std::rotl(a[8] ^ d3, 55);
        b[6] = std::rotl(a[9] ^ d4, 20);
        b[7] = std::rotl(a[10] ^ d0, 3);
        b[17] = std::rotl(a[11] ^ d1, 10);
        b[2] = std::rotl(a[12] ^ d2, 43);
        b[12] = std::rotl(a[13] ^ d3, 25);
        b[22] = std::rotl(a[14] ^ d4, 39);
        b[23] = std::rotl(a[15] ^ d0, 41);
        b[8] = std::rotl(a[16] ^ d1, 45);
        b[18] = std::rotl(a[17] ^ d2, 15);
        b[3] = std::rotl(a[18] ^ d3, 21);
        b[13] = std::rotl(a[19] ^ d4, 8);
        b[14] = std::rotl(a[20] ^ d0, 18);
        b[24] = std::rotl(a[21] ^ d1, 2);
        b[9] = std::rotl(a[22] ^ d2, 61);
        b[19] = std::rotl(a[23] ^ d3, 56);
        b[4] = std::rotl(a[24] ^ d4, 14);
        // chi
        a[0] = b[0] ^ (~b[1] & b[2]);
        a[1] = b[1] ^ (~b[2] & b[3]);
        a[2] = b[2] ^ (~b[3] & b[4]);
        a[3] = b[3] ^ (~b[4] & b[0]);
        a[4] = b[4] ^ (~b[0] & b[1]);
        a[5] = b[5] ^ (~b[6] & b[7]);
        a[6] = b[6] ^ (~b[7] & b[8]);
        a[7] = b[7] ^ (~b[8] & b[9]);
        a[8] = b[8] ^ (~b[9] & b[5]);
        a[9] = b[9] ^ (~b[5] & b[6]);
        a[10] = b[10] ^ (~b[11] & b[12]);
        a[11] = b[11] ^ (~b[12] & b[13]);
        a[12] = b[12] ^ (~b[13] & b[14]);
        a[13] = b[13] ^ (~b[14] & b[10]);
        a[14] = b[14] ^ (~b[10] & b[11]);
        a[15] = b[15] ^ (~b[16] & b[17]);
        a[16] = b[16] ^ (~b[17] & b[18]);
        a[17] = b[17] ^ (~b[18] & b[19]);
        a[18] = b[18] ^ (~b[19] & b[15]);
        a[19] = b[19] ^ (~b[15] & b[16]);
        a[20] = b[20] ^ (~b[21] & b[22]);
        a[21] = b[21] ^ (~b[22] & b[23]);
        a[22] = b[22] ^ (~b[23] & b[24]);
        a[23] = b[23] ^ (~b[24] & b[20]);
        a[24] = b[24] ^ (~b[20] & b[21]);
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
    if (data.empty())
        return; // an empty span may carry a null pointer, which memcpy must never see
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
