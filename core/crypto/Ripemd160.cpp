#include "core/crypto/Ripemd160.h"

#include "core/crypto/SecureMemory.h"

#include <array>
#include <bit>
#include <cstdint>

namespace ls::crypto {
namespace {

using Word = std::uint32_t;

// Message word order (r, r') and rotation amounts (s, s') for the 80 steps of the left and
// right lines, as tabulated in the RIPEMD-160 paper.
// clang-format off
constexpr std::array<std::uint8_t, 80> kLeftWord = {
    0, 1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 7,  4,  13, 1,
    10, 6, 15, 3,  12, 0,  9,  5,  2,  14, 11, 8,  3,  10, 14, 4,  9,  15, 8,  1,
    2,  7, 0,  6,  13, 11, 5,  12, 1,  9,  11, 10, 0,  8,  12, 4,  13, 3,  7,  15,
    14, 5, 6,  2,  4,  0,  5,  9,  7,  12, 2,  10, 14, 1,  3,  8,  11, 6,  15, 13};
constexpr std::array<std::uint8_t, 80> kRightWord = {
    5,  14, 7,  0,  9, 2,  11, 4,  13, 6,  15, 8,  1,  10, 3,  12, 6,  11, 3,  7,
    0,  13, 5,  10, 14, 15, 8, 12, 4,  9,  1,  2,  15, 5,  1,  3,  7,  14, 6,  9,
    11, 8,  12, 2,  10, 0,  4,  13, 8,  6,  4,  1,  3,  11, 15, 0,  5,  12, 2,  13,
    9,  7,  10, 14, 12, 15, 10, 4, 1,  5,  8,  7,  6,  2,  13, 14, 0,  3,  9,  11};
constexpr std::array<std::uint8_t, 80> kLeftShift = {
    11, 14, 15, 12, 5,  8,  7,  9,  11, 13, 14, 15, 6,  7,  9,  8,  7,  6,  8,  13,
    11, 9,  7,  15, 7,  12, 15, 9,  11, 7,  13, 12, 11, 13, 6,  7,  14, 9,  13, 15,
    14, 8,  13, 6,  5,  12, 7,  5,  11, 12, 14, 15, 14, 15, 9,  8,  9,  14, 5,  6,
    8,  6,  5,  12, 9,  15, 5,  11, 6,  8,  13, 12, 5,  12, 13, 14, 11, 8,  5,  6};
constexpr std::array<std::uint8_t, 80> kRightShift = {
    8,  9,  9,  11, 13, 15, 15, 5,  7,  7,  8,  11, 14, 14, 12, 6,  9,  13, 15, 7,
    12, 8,  9,  11, 7,  7,  12, 7,  6,  15, 13, 11, 9,  7,  15, 11, 8,  6,  6,  14,
    12, 13, 5,  14, 13, 13, 7,  5,  15, 5,  8,  11, 14, 14, 6,  14, 6,  9,  12, 9,
    12, 5,  15, 8,  8,  5,  12, 9,  12, 5,  14, 6,  8,  13, 6,  5,  15, 13, 11, 11};
constexpr std::array<Word, 5> kLeftConstant = {0x00000000, 0x5A827999, 0x6ED9EBA1, 0x8F1BBCDC,
                                               0xA953FD4E};
constexpr std::array<Word, 5> kRightConstant = {0x50A28BE6, 0x5C4DD124, 0x6D703EF3, 0x7A6D76E9,
                                                0x00000000};
// clang-format on

// The five boolean functions; the left line uses them in order 0..4, the right line 4..0.
Word boolean(std::size_t round, Word x, Word y, Word z)
{
    switch (round) {
    case 0:
        return x ^ y ^ z;
    case 1:
        return (x & y) | (~x & z);
    case 2:
        return (x | ~y) ^ z;
    case 3:
        return (x & z) | (y & ~z);
    default:
        return x ^ (y | ~z);
    }
}

class Ripemd160 {
public:
    void update(ByteView data)
    {
        m_length += data.size();
        for (std::uint8_t byte : data) {
            m_buffer[m_buffered++] = byte;
            if (m_buffered == m_buffer.size()) {
                compress();
                m_buffered = 0;
            }
        }
    }

    FixedBytes<20> finish()
    {
        const std::uint64_t bitLength = m_length * 8;
        // MD4-style padding: 0x80, zeros to 56 mod 64, then the bit length little-endian.
        m_buffer[m_buffered++] = 0x80;
        if (m_buffered > 56) {
            while (m_buffered < 64)
                m_buffer[m_buffered++] = 0;
            compress();
            m_buffered = 0;
        }
        while (m_buffered < 56)
            m_buffer[m_buffered++] = 0;
        for (std::size_t i = 0; i < 8; ++i)
            m_buffer[56 + i] = static_cast<std::uint8_t>(bitLength >> (8 * i));
        compress();

        FixedBytes<20> out;
        for (std::size_t i = 0; i < 5; ++i)
            for (std::size_t b = 0; b < 4; ++b)
                out[4 * i + b] = static_cast<std::uint8_t>(m_state[i] >> (8 * b));
        return out;
    }

    ~Ripemd160() { secureWipe(m_buffer.data(), m_buffer.size()); }

private:
    void compress()
    {
        std::array<Word, 16> x {};
        for (std::size_t i = 0; i < 16; ++i)
            x[i] = Word { m_buffer[4 * i] } | Word { m_buffer[4 * i + 1] } << 8
                | Word { m_buffer[4 * i + 2] } << 16 | Word { m_buffer[4 * i + 3] } << 24;

        Word al = m_state[0], bl = m_state[1], cl = m_state[2], dl = m_state[3], el = m_state[4];
        Word ar = al, br = bl, cr = cl, dr = dl, er = el;
        for (std::size_t j = 0; j < 80; ++j) {
            const std::size_t round = j / 16;
            Word t = std::rotl(
                         al + boolean(round, bl, cl, dl) + x[kLeftWord[j]] + kLeftConstant[round],
                         kLeftShift[j])
                + el;
            al = el;
            el = dl;
            dl = std::rotl(cl, 10);
            cl = bl;
            bl = t;

            t = std::rotl(
                    ar + boolean(4 - round, br, cr, dr) + x[kRightWord[j]] + kRightConstant[round],
                    kRightShift[j])
                + er;
            ar = er;
            er = dr;
            dr = std::rotl(cr, 10);
            cr = br;
            br = t;
        }
        const Word t = m_state[1] + cl + dr;
        m_state[1] = m_state[2] + dl + er;
        m_state[2] = m_state[3] + el + ar;
        m_state[3] = m_state[4] + al + br;
        m_state[4] = m_state[0] + bl + cr;
        m_state[0] = t;
        secureWipe(x.data(), sizeof x);
    }

    std::array<Word, 5> m_state = { 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0 };
    std::array<std::uint8_t, 64> m_buffer {};
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;
};

} // namespace

FixedBytes<20> ripemd160(ByteView data)
{
    Ripemd160 hasher;
    hasher.update(data);
    return hasher.finish();
}

} // namespace ls::crypto
