#include "core/codec/AbiValue.h"

#include <limits>

namespace ls::codec {

AbiValue AbiValue::fromInt64(std::int64_t value)
{
    if (value >= 0)
        return number(UInt256(static_cast<std::uint64_t>(value)));
    // |value| without overflow for INT64_MIN, then negate modulo 2^256.
    const std::uint64_t magnitude = static_cast<std::uint64_t>(-(value + 1)) + 1;
    return number(UInt256(magnitude).wrappingNeg());
}

std::optional<std::int64_t> AbiValue::toInt64() const
{
    const UInt256* value = asNumber();
    if (value == nullptr)
        return std::nullopt;
    constexpr std::uint64_t kLimit = std::uint64_t { 1 } << 63;
    if (value->testBit(255)) {
        const UInt256 magnitude = value->wrappingNeg();
        if (!magnitude.fitsUint64() || magnitude.low64() > kLimit)
            return std::nullopt;
        // magnitude <= 2^63: 2^63 itself is INT64_MIN.
        return magnitude.low64() == kLimit ? std::numeric_limits<std::int64_t>::min()
                                           : -static_cast<std::int64_t>(magnitude.low64());
    }
    if (!value->fitsUint64() || value->low64() >= kLimit)
        return std::nullopt;
    return static_cast<std::int64_t>(value->low64());
}

} // namespace ls::codec
