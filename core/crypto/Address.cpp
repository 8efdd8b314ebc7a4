#include "core/crypto/Address.h"

#include "core/crypto/Keccak.h"
#include "core/util/Characters.h"

#include <algorithm>

namespace ls::crypto {
namespace {

constexpr char kLowerDigits[] = "0123456789abcdef";

bool isLowerLetter(char c)
{
    return c >= 'a' && c <= 'f';
}
bool isUpperLetter(char c)
{
    return c >= 'A' && c <= 'F';
}

} // namespace

Address Address::fromPublicKey(const PublicKey& key)
{
    const auto& xy = key.xy();
    Hash256 digest = keccak256(ByteView(xy.data(), xy.size()));
    FixedBytes<20> bytes {};
    std::copy(digest.end() - 20, digest.end(), bytes.begin());
    return Address(bytes);
}

Result<Address> Address::fromBytes(ByteView bytes)
{
    if (bytes.size() != 20)
        return fail(ErrorKind::InvalidInput, "an address must be exactly 20 bytes");
    FixedBytes<20> out {};
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return Address(out);
}

Result<Address> Address::parse(std::string_view text)
{
    constexpr std::string_view kShape = "an address is 0x followed by 40 hexadecimal digits";
    if (text.size() != 42 || text[0] != '0' || text[1] != 'x')
        return fail(ErrorKind::InvalidInput, std::string(kShape));

    std::string_view digits = text.substr(2);
    FixedBytes<20> bytes {};
    bool anyLower = false;
    bool anyUpper = false;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        int value = hexDigitValue(digits[i]);
        if (value < 0)
            return fail(ErrorKind::InvalidInput, std::string(kShape));
        anyLower = anyLower || isLowerLetter(digits[i]);
        anyUpper = anyUpper || isUpperLetter(digits[i]);
        auto nibble = static_cast<std::uint8_t>(value);
        bytes[i / 2] = static_cast<std::uint8_t>(i % 2 == 0 ? nibble << 4 : bytes[i / 2] | nibble);
    }

    Address address(bytes);
    // Single-case text carries no checksum (EIP-55 is backwards compatible with it); mixed case
    // is a checksum and must match exactly, so one mistyped character is caught.
    if (anyLower && anyUpper && address.toChecksumString() != text)
        return fail(ErrorKind::Verification, "checksum mismatch — the address may be mistyped");
    return address;
}

std::string Address::toChecksumString() const
{
    std::string lower;
    lower.reserve(40);
    for (auto byte : m_bytes) {
        lower.push_back(kLowerDigits[byte >> 4]);
        lower.push_back(kLowerDigits[byte & 0x0f]);
    }
    // EIP-55: hash the lowercase hex text (ASCII), then upper-case letter i when nibble i of the
    // hash is >= 8.
    Hash256 hash = keccak256(asBytes(lower));
    std::string out = "0x";
    out.reserve(42);
    for (std::size_t i = 0; i < lower.size(); ++i) {
        char c = lower[i];
        std::uint8_t nibble = (i % 2 == 0) ? (hash[i / 2] >> 4) : (hash[i / 2] & 0x0f);
        if (isLowerLetter(c) && nibble >= 8)
            c = static_cast<char>(c - 'a' + 'A');
        out.push_back(c);
    }
    return out;
}

} // namespace ls::crypto
