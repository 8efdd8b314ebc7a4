// libFuzzer target: arbitrary bytes as text for the hex and number parsers (fromHex, fromHexFixed,
// UInt256::fromDecimal / fromHexQuantity, parseUnits). Whatever parses must print back to the
// same value; nothing may crash.
#include "core/codec/Hex.h"
#include "core/codec/UInt256.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

std::string lowercase(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string_view withoutLeadingZeros(std::string_view digits)
{
    while (digits.size() > 1 && digits[0] == '0')
        digits.remove_prefix(1);
    return digits;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ls;
    using namespace ls::codec;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    if (auto bytes = fromHex(text)) {
        std::string_view digits = text;
        if (digits.starts_with("0x") || digits.starts_with("0X"))
            digits.remove_prefix(2);
        if (toHex(*bytes) != lowercase(digits))
            std::abort();
        if (fromHexFixed<20>(text).has_value() != (bytes->size() == 20))
            std::abort();
    }

    if (auto number = UInt256::fromDecimal(text)) {
        if (number->toDecimalString() != withoutLeadingZeros(text))
            std::abort();
    }

    if (auto quantity = UInt256::fromHexQuantity(text)) {
        const std::string printed = quantity->toHexQuantity();
        if (printed.substr(2) != withoutLeadingZeros(lowercase(text.substr(2))))
            std::abort();
        if (*UInt256::fromBigEndian(quantity->toMinimalBigEndian()) != *quantity)
            std::abort();
    }

    for (unsigned decimals : { 0u, 6u, 18u }) {
        auto amount = parseUnits(text, decimals);
        if (!amount)
            continue;
        auto again = parseUnits(formatUnits(*amount, decimals), decimals);
        if (!again || *again != *amount)
            std::abort();
    }
    return 0;
}
