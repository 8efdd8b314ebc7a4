#include "core/codec/Base58.h"

#include "core/crypto/SecureMemory.h"
#include "core/crypto/Sha2.h"
#include "core/util/Characters.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace ls::codec {
namespace {

constexpr std::string_view kAlphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

constexpr std::array<std::int8_t, 128> makeDigitTable()
{
    std::array<std::int8_t, 128> table {};
    table.fill(-1);
    for (std::size_t i = 0; i < kAlphabet.size(); ++i)
        table[static_cast<std::size_t>(kAlphabet[i])] = static_cast<std::int8_t>(i);
    return table;
}
constexpr std::array<std::int8_t, 128> kDigit = makeDigitTable();

// Each byte needs log(256)/log(58) ≈ 1.3658 digits, and each digit carries ≈ 0.7322 bytes.
std::size_t maxDigitsFor(std::size_t bytes)
{
    return bytes * 138 / 100 + 1;
}
std::size_t maxBytesFor(std::size_t digits)
{
    return digits * 733 / 1000 + 1;
}

FixedBytes<4> checksum(ByteView payload)
{
    const auto once = crypto::sha256(payload);
    const auto twice = crypto::sha256(once);
    return { twice[0], twice[1], twice[2], twice[3] };
}

} // namespace

std::string base58Encode(ByteView data)
{
    std::size_t zeros = 0;
    while (zeros < data.size() && data[zeros] == 0)
        ++zeros;

    // Big-endian base-58 digits of the number after the leading zeros (schoolbook conversion).
    Bytes digits(maxDigitsFor(data.size() - zeros), 0);
    std::size_t used = 0; // digits in use, counted from the end of `digits`
    for (std::size_t i = zeros; i < data.size(); ++i) {
        unsigned carry = data[i];
        std::size_t j = 0;
        for (auto it = digits.rbegin(); (carry != 0 || j < used) && it != digits.rend();
             ++it, ++j) {
            carry += 256u * *it;
            *it = static_cast<std::uint8_t>(carry % 58);
            carry /= 58;
        }
        used = j;
    }
    while (used > 0 && digits[digits.size() - used] == 0)
        --used; // defensive: zero high digits would make the encoding non-canonical

    std::string out;
    out.reserve(zeros + used); // exact: no reallocation leaves partial copies behind
    out.assign(zeros, '1');
    for (auto it = digits.end() - static_cast<std::ptrdiff_t>(used); it != digits.end(); ++it)
        out.push_back(kAlphabet[*it]);
    // The scratch number is the payload in another base; payloads may be private keys.
    crypto::secureWipe(digits.data(), digits.size());
    return out;
}

Result<Bytes> base58Decode(std::string_view text, std::size_t maxDecodedSize)
{
    if (text.size() > maxDigitsFor(maxDecodedSize))
        return fail(ErrorKind::InvalidInput,
            "The Base58 text is too long (" + std::to_string(text.size()) + " characters).");
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 128 || kDigit[byte] < 0)
            return fail(ErrorKind::InvalidInput,
                "Character " + std::to_string(i + 1) + " (" + describeCharacter(text[i])
                    + ") is not allowed in Base58 text, which uses only letters and "
                      "digits other than 0, O, I and l.");
    }

    std::size_t ones = 0;
    while (ones < text.size() && text[ones] == '1')
        ++ones;

    Bytes number(maxBytesFor(text.size() - ones), 0);
    std::size_t used = 0;
    for (std::size_t i = ones; i < text.size(); ++i) {
        unsigned carry = static_cast<unsigned>(kDigit[static_cast<unsigned char>(text[i])]);
        std::size_t j = 0;
        for (auto it = number.rbegin(); (carry != 0 || j < used) && it != number.rend();
             ++it, ++j) {
            carry += 58u * *it;
            *it = static_cast<std::uint8_t>(carry & 0xff);
            carry >>= 8;
        }
        used = j;
    }
    while (used > 0 && number[number.size() - used] == 0)
        --used;

    Bytes out;
    if (ones + used <= maxDecodedSize) {
        out.reserve(ones + used);
        out.assign(ones, 0);
        out.insert(out.end(), number.end() - static_cast<std::ptrdiff_t>(used), number.end());
    }
    crypto::secureWipe(number.data(), number.size());
    if (ones + used > maxDecodedSize)
        return fail(ErrorKind::InvalidInput, "The Base58 text decodes to more bytes than allowed.");
    return out;
}

std::string base58CheckEncode(ByteView payload)
{
    Bytes full;
    full.reserve(payload.size() + 4);
    full.assign(payload.begin(), payload.end());
    const auto sum = checksum(payload);
    full.insert(full.end(), sum.begin(), sum.end());
    std::string out = base58Encode(full);
    crypto::secureWipe(full.data(), full.size());
    return out;
}

Result<Bytes> base58CheckDecode(std::string_view text, std::size_t maxDecodedSize)
{
    auto decoded = base58Decode(text, maxDecodedSize + 4);
    if (!decoded)
        return decoded;
    Bytes& full = *decoded;
    if (full.size() < 4) {
        crypto::secureWipe(full.data(), full.size());
        return fail(ErrorKind::InvalidInput,
            "The Base58Check text is too short to hold its 4-byte checksum.");
    }
    const ByteView payload = ByteView(full).first(full.size() - 4);
    const auto expected = checksum(payload);
    const bool matches = crypto::constantTimeEqual(expected, ByteView(full).last(4));
    if (!matches) {
        crypto::secureWipe(full.data(), full.size());
        return fail(ErrorKind::Verification,
            "The Base58Check checksum does not match: the text was probably mistyped or "
            "cut short.");
    }
    if (payload.size() > maxDecodedSize) {
        crypto::secureWipe(full.data(), full.size());
        return fail(ErrorKind::InvalidInput, "The Base58 text decodes to more bytes than allowed.");
    }
    crypto::secureWipe(full.data() + payload.size(), 4);
    full.resize(payload.size());
    return decoded;
}

} // namespace ls::codec
