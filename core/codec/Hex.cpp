#include "core/codec/Hex.h"

#include "core/util/Characters.h"

namespace ls::codec {
namespace {

constexpr char kDigits[] = "0123456789abcdef";

} // namespace

std::string toHex(ByteView data, bool prefix)
{
    std::string out;
    out.reserve(data.size() * 2 + (prefix ? 2 : 0));
    if (prefix)
        out += "0x";
    for (auto byte : data) {
        out.push_back(kDigits[byte >> 4]);
        out.push_back(kDigits[byte & 0x0f]);
    }
    return out;
}

Result<Bytes> fromHex(std::string_view text)
{
    // Positions in messages count characters of the text as given, prefix included, from 1.
    std::size_t offset = 0;
    if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        offset = 2;
    const std::string_view digits = text.substr(offset);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (hexDigitValue(digits[i]) < 0)
            return fail(ErrorKind::InvalidInput,
                "Character " + std::to_string(offset + i + 1) + " (" + describeCharacter(digits[i])
                    + ") is not a hex digit (0-9, a-f).");
    }
    if (digits.size() % 2 != 0)
        return fail(ErrorKind::InvalidInput,
            "The hex text has an odd number of digits (" + std::to_string(digits.size())
                + "); each byte needs two.");
    Bytes out(digits.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<std::uint8_t>(
            hexDigitValue(digits[2 * i]) * 16 + hexDigitValue(digits[2 * i + 1]));
    return out;
}

} // namespace ls::codec
