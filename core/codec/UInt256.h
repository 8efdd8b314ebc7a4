#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ls::codec {

// An unsigned 256-bit integer: PHT amounts in base units (18 decimals), Ethereum quantities, ABI
// uint256 and RLP scalars. Arithmetic that can overflow is checked (std::optional) so an amount
// never wraps silently; the wrapping operations exist for two's-complement work in the ABI codec.
class UInt256 {
public:
    static constexpr std::size_t kLimbs = 4;
    static constexpr std::size_t kBytes = 32;
    static constexpr unsigned kBits = 256;

    constexpr UInt256() = default;
    constexpr UInt256(
        std::uint64_t value) // NOLINT(google-explicit-constructor): 0, 1, 10 read best
        : m_limbs { value, 0, 0, 0 }
    {
    }

    static constexpr UInt256 max()
    {
        UInt256 all;
        all.m_limbs = { ~0ULL, ~0ULL, ~0ULL, ~0ULL };
        return all;
    }

    // Big-endian bytes, at most 32; leading zero bytes are allowed here (RLP and ABI callers that
    // need canonical form check that themselves).
    static Result<UInt256> fromBigEndian(ByteView bytes);
    FixedBytes<32> toBigEndian() const;
    Bytes toMinimalBigEndian() const; // no leading zero bytes; zero is empty

    // Decimal digits only: no sign, no spaces, no exponent. Leading zeros are fine.
    static Result<UInt256> fromDecimal(std::string_view text);
    // An Ethereum JSON-RPC quantity: "0x" then hex digits. Leading zeros are accepted here;
    // callers that must be strict compare toHexQuantity() with the input.
    static Result<UInt256> fromHexQuantity(std::string_view text);
    std::string toDecimalString() const;
    std::string toHexQuantity() const; // "0x0", "0x1a": no leading zeros

    bool isZero() const { return (m_limbs[0] | m_limbs[1] | m_limbs[2] | m_limbs[3]) == 0; }
    unsigned bitLength() const; // 0 for zero, 256 when the top bit is set
    bool testBit(unsigned bit) const;
    bool fitsUint64() const { return (m_limbs[1] | m_limbs[2] | m_limbs[3]) == 0; }
    std::optional<std::uint64_t> toUint64() const;
    std::uint64_t low64() const { return m_limbs[0]; }
    std::uint64_t limb(std::size_t index) const
    {
        return m_limbs.at(index);
    } // 0 = least significant

    std::optional<UInt256> checkedAdd(const UInt256& other) const;
    std::optional<UInt256> checkedSub(const UInt256& other) const;
    std::optional<UInt256> checkedMul(const UInt256& other) const;

    struct DivMod;
    Result<DivMod> divMod(const UInt256& divisor) const;

    // Modulo 2^256.
    UInt256 wrappingAdd(const UInt256& other) const;
    UInt256 wrappingSub(const UInt256& other) const;
    UInt256 wrappingNeg() const { return UInt256().wrappingSub(*this); }

    UInt256 operator~() const;
    UInt256 operator&(const UInt256& other) const;
    UInt256 operator|(const UInt256& other) const;
    UInt256 operator<<(unsigned shift) const; // shifts of 256 or more give zero
    UInt256 operator>>(unsigned shift) const;

    friend bool operator==(const UInt256&, const UInt256&) = default;
    friend std::strong_ordering operator<=>(const UInt256& a, const UInt256& b);

private:
    std::array<std::uint64_t, kLimbs> m_limbs {}; // least significant limb first
};

struct UInt256::DivMod {
    UInt256 quotient;
    UInt256 remainder;
};

// Fixed-point text for token amounts: formatUnits(1500000000000000000, 18) == "1.5"; trailing
// fractional zeros are trimmed and zero is "0".
std::string formatUnits(const UInt256& value, unsigned decimals = 18);

// The exact inverse for user-entered amounts: "1.5" -> 1500000000000000000 with 18 decimals.
// Accepted: digits with at most one '.', and digits on at least one side of it ("1.", ".5" and
// "007" are fine, as a half-typed amount in a form field would be). Refused: "", ".", signs,
// spaces, exponents, separators, more fractional digits than `decimals` (never rounded: an
// amount is exact or an error), values over 2^256-1, and decimals above 77.
Result<UInt256> parseUnits(std::string_view text, unsigned decimals = 18);

} // namespace ls::codec
