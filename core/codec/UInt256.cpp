#include "core/codec/UInt256.h"

#include "core/util/Characters.h"

#include <algorithm>
#include <bit>

namespace ls::codec {
namespace {

__extension__ typedef unsigned __int128
    Wide; // GCC and clang both have it; -Wpedantic wants the marker

constexpr std::uint64_t kTenPow19 = 10'000'000'000'000'000'000ULL; // largest power of 10 in 64 bits
constexpr unsigned kMaxDecimals = 77; // 10^77 < 2^256 < 10^78

} // namespace

Result<UInt256> UInt256::fromBigEndian(ByteView bytes)
{
    if (bytes.size() > kBytes)
        return fail(ErrorKind::InvalidInput,
            "A 256-bit number has at most 32 bytes, but " + std::to_string(bytes.size())
                + " were given.");
    UInt256 out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const std::size_t fromEnd = bytes.size() - 1 - i;
        out.m_limbs[fromEnd / 8] |= std::uint64_t { bytes[i] } << (8 * (fromEnd % 8));
    }
    return out;
}

FixedBytes<32> UInt256::toBigEndian() const
{
    FixedBytes<32> out {};
    for (std::size_t fromEnd = 0; fromEnd < kBytes; ++fromEnd)
        out[kBytes - 1 - fromEnd]
            = static_cast<std::uint8_t>(m_limbs[fromEnd / 8] >> (8 * (fromEnd % 8)));
    return out;
}

Bytes UInt256::toMinimalBigEndian() const
{
    const auto full = toBigEndian();
    const std::size_t length = (bitLength() + 7) / 8;
    return Bytes(full.end() - static_cast<std::ptrdiff_t>(length), full.end());
}

Result<UInt256> UInt256::fromDecimal(std::string_view text)
{
    if (text.empty())
        return fail(ErrorKind::InvalidInput, "The number is empty.");
    UInt256 value;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return fail(ErrorKind::InvalidInput,
                "Character " + std::to_string(i + 1) + " (" + describeCharacter(c)
                    + ") is not a decimal digit.");
        auto next = value.checkedMul(10).and_then([c](const UInt256& scaled) {
            return scaled.checkedAdd(static_cast<std::uint64_t>(c - '0'));
        });
        if (!next)
            return fail(ErrorKind::InvalidInput,
                "The number is too large: the maximum is 2^256 - 1 (78 digits).");
        value = *next;
    }
    return value;
}

Result<UInt256> UInt256::fromHexQuantity(std::string_view text)
{
    if (text.size() < 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        return fail(ErrorKind::InvalidInput, "A hex quantity must start with \"0x\".");
    if (text.size() == 2)
        return fail(ErrorKind::InvalidInput, "The hex quantity has no digits after \"0x\".");
    UInt256 value;
    for (std::size_t i = 2; i < text.size(); ++i) {
        const int digit = hexDigitValue(text[i]);
        if (digit < 0)
            return fail(ErrorKind::InvalidInput,
                "Character " + std::to_string(i + 1) + " (" + describeCharacter(text[i])
                    + ") is not a hex digit (0-9, a-f).");
        if (value.m_limbs[3] >> 60 != 0)
            return fail(ErrorKind::InvalidInput,
                "The hex quantity is too large: the maximum is 64 hex digits.");
        value = value << 4;
        value.m_limbs[0] |= static_cast<std::uint64_t>(digit);
    }
    return value;
}

std::string UInt256::toDecimalString() const
{
    if (isZero())
        return "0";
    // Peel off 19 decimal digits at a time with a single-limb division.
    std::string reversed;
    UInt256 rest = *this;
    while (!rest.isZero()) {
        Wide remainder = 0;
        for (std::size_t i = kLimbs; i-- > 0;) {
            const Wide current = (remainder << 64) | rest.m_limbs[i];
            rest.m_limbs[i] = static_cast<std::uint64_t>(current / kTenPow19);
            remainder = current % kTenPow19;
        }
        auto chunk = static_cast<std::uint64_t>(remainder);
        for (int digit = 0; digit < 19 && (chunk != 0 || !rest.isZero()); ++digit) {
            reversed.push_back(static_cast<char>('0' + chunk % 10));
            chunk /= 10;
        }
    }
    return std::string(reversed.rbegin(), reversed.rend());
}

std::string UInt256::toHexQuantity() const
{
    static constexpr char kDigits[] = "0123456789abcdef";
    if (isZero())
        return "0x0";
    std::string out = "0x";
    for (unsigned nibble = (bitLength() + 3) / 4; nibble-- > 0;)
        out.push_back(kDigits[(m_limbs[nibble / 16] >> (4 * (nibble % 16))) & 0xf]);
    return out;
}

unsigned UInt256::bitLength() const
{
    for (std::size_t i = kLimbs; i-- > 0;) {
        if (m_limbs[i] != 0)
            return static_cast<unsigned>(64 * i)
                + static_cast<unsigned>(64 - std::countl_zero(m_limbs[i]));
    }
    return 0;
}

bool UInt256::testBit(unsigned bit) const
{
    return bit < kBits && ((m_limbs[bit / 64] >> (bit % 64)) & 1) != 0;
}

std::optional<std::uint64_t> UInt256::toUint64() const
{
    if (!fitsUint64())
        return std::nullopt;
    return m_limbs[0];
}

UInt256 UInt256::wrappingAdd(const UInt256& other) const
{
    UInt256 sum;
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < kLimbs; ++i) {
        const Wide total = Wide { m_limbs[i] } + other.m_limbs[i] + carry;
        sum.m_limbs[i] = static_cast<std::uint64_t>(total);
        carry = static_cast<std::uint64_t>(total >> 64);
    }
    return sum;
}

UInt256 UInt256::wrappingSub(const UInt256& other) const
{
    UInt256 difference;
    std::uint64_t borrow = 0;
    for (std::size_t i = 0; i < kLimbs; ++i) {
        const Wide subtrahend = Wide { other.m_limbs[i] } + borrow;
        difference.m_limbs[i] = static_cast<std::uint64_t>(Wide { m_limbs[i] } - subtrahend);
        borrow = Wide { m_limbs[i] } < subtrahend ? 1 : 0;
    }
    return difference;
}

std::optional<UInt256> UInt256::checkedAdd(const UInt256& other) const
{
    UInt256 sum = wrappingAdd(other);
    if (sum < *this)
        return std::nullopt; // wrapped past 2^256
    return sum;
}

std::optional<UInt256> UInt256::checkedSub(const UInt256& other) const
{
    if (other > *this)
        return std::nullopt;
    return wrappingSub(other);
}

std::optional<UInt256> UInt256::checkedMul(const UInt256& other) const
{
    std::array<std::uint64_t, 2 * kLimbs> product {};
    for (std::size_t i = 0; i < kLimbs; ++i) {
        std::uint64_t carry = 0;
        for (std::size_t j = 0; j < kLimbs; ++j) {
            const Wide term = Wide { m_limbs[i] } * other.m_limbs[j] + product[i + j] + carry;
            product[i + j] = static_cast<std::uint64_t>(term);
            carry = static_cast<std::uint64_t>(term >> 64);
        }
        product[i + kLimbs] = carry;
    }
    if ((product[4] | product[5] | product[6] | product[7]) != 0)
        return std::nullopt;
    UInt256 out;
    std::copy_n(product.begin(), kLimbs, out.m_limbs.begin());
    return out;
}

Result<UInt256::DivMod> UInt256::divMod(const UInt256& divisor) const
{
    if (divisor.isZero())
        return fail(ErrorKind::InvalidInput, "Division by zero.");
    DivMod result;
    if (divisor.fitsUint64()) {
        // Short division, one limb at a time.
        Wide remainder = 0;
        for (std::size_t i = kLimbs; i-- > 0;) {
            const Wide current = (remainder << 64) | m_limbs[i];
            result.quotient.m_limbs[i] = static_cast<std::uint64_t>(current / divisor.m_limbs[0]);
            remainder = current % divisor.m_limbs[0];
        }
        result.remainder = UInt256(static_cast<std::uint64_t>(remainder));
        return result;
    }
    // Binary long division. The remainder stays below the divisor, but shifting it left can
    // carry out of 256 bits when the divisor is above 2^255; then it certainly exceeds the
    // divisor and the wrapping subtraction gives the right value.
    for (unsigned bit = bitLength(); bit-- > 0;) {
        const bool carriedOut = result.remainder.testBit(255);
        result.remainder = result.remainder << 1;
        if (testBit(bit))
            result.remainder.m_limbs[0] |= 1;
        if (carriedOut || result.remainder >= divisor) {
            result.remainder = result.remainder.wrappingSub(divisor);
            result.quotient.m_limbs[bit / 64] |= std::uint64_t { 1 } << (bit % 64);
        }
    }
    return result;
}

UInt256 UInt256::operator~() const
{
    UInt256 out;
    for (std::size_t i = 0; i < kLimbs; ++i)
        out.m_limbs[i] = ~m_limbs[i];
    return out;
}

UInt256 UInt256::operator&(const UInt256& other) const
{
    UInt256 out;
    for (std::size_t i = 0; i < kLimbs; ++i)
        out.m_limbs[i] = m_limbs[i] & other.m_limbs[i];
    return out;
}

UInt256 UInt256::operator|(const UInt256& other) const
{
    UInt256 out;
    for (std::size_t i = 0; i < kLimbs; ++i)
        out.m_limbs[i] = m_limbs[i] | other.m_limbs[i];
    return out;
}

UInt256 UInt256::operator<<(unsigned shift) const
{
    UInt256 out;
    if (shift >= kBits)
        return out;
    const std::size_t limbShift = shift / 64;
    const unsigned bitShift = shift % 64;
    for (std::size_t i = kLimbs; i-- > limbShift;) {
        out.m_limbs[i] = m_limbs[i - limbShift] << bitShift;
        if (bitShift != 0 && i > limbShift)
            out.m_limbs[i] |= m_limbs[i - limbShift - 1] >> (64 - bitShift);
    }
    return out;
}

UInt256 UInt256::operator>>(unsigned shift) const
{
    UInt256 out;
    if (shift >= kBits)
        return out;
    const std::size_t limbShift = shift / 64;
    const unsigned bitShift = shift % 64;
    for (std::size_t i = 0; i + limbShift < kLimbs; ++i) {
        out.m_limbs[i] = m_limbs[i + limbShift] >> bitShift;
        if (bitShift != 0 && i + limbShift + 1 < kLimbs)
            out.m_limbs[i] |= m_limbs[i + limbShift + 1] << (64 - bitShift);
    }
    return out;
}

std::strong_ordering operator<=>(const UInt256& a, const UInt256& b)
{
    for (std::size_t i = UInt256::kLimbs; i-- > 0;) {
        if (a.m_limbs[i] != b.m_limbs[i])
            return a.m_limbs[i] <=> b.m_limbs[i];
    }
    return std::strong_ordering::equal;
}

std::string formatUnits(const UInt256& value, unsigned decimals)
{
    std::string digits = value.toDecimalString();
    if (decimals == 0)
        return digits;
    if (digits.size() <= decimals)
        digits.insert(0, decimals + 1 - digits.size(), '0');
    const std::size_t point = digits.size() - decimals;
    std::string_view fraction = std::string_view(digits).substr(point);
    while (!fraction.empty() && fraction.back() == '0')
        fraction.remove_suffix(1);
    std::string out = digits.substr(0, point);
    if (!fraction.empty())
        out.append(".").append(fraction);
    return out;
}

Result<UInt256> parseUnits(std::string_view text, unsigned decimals)
{
    if (decimals > kMaxDecimals)
        return fail(ErrorKind::InvalidInput,
            "At most 77 decimal places fit in a 256-bit amount, not " + std::to_string(decimals)
                + ".");
    if (text.empty())
        return fail(ErrorKind::InvalidInput, "The amount is empty.");
    const std::size_t point = text.find('.');
    const std::string_view whole = text.substr(0, point);
    const std::string_view fraction
        = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
    if (whole.empty() && fraction.empty())
        return fail(ErrorKind::InvalidInput, "The amount has no digits.");
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c < '0' || c > '9') && i != point)
            return fail(ErrorKind::InvalidInput,
                "Character " + std::to_string(i + 1) + " (" + describeCharacter(c)
                    + ") is not allowed in an amount; use digits and one '.'.");
    }
    if (fraction.size() > decimals)
        return fail(ErrorKind::InvalidInput,
            "The amount has more than " + std::to_string(decimals)
                + " digits after the decimal point.");
    std::string digits;
    digits.reserve(whole.size() + decimals);
    digits.append(whole).append(fraction).append(decimals - fraction.size(), '0');
    auto value = UInt256::fromDecimal(digits);
    if (!value)
        return fail(ErrorKind::InvalidInput, "The amount is too large.");
    return value;
}

} // namespace ls::codec
