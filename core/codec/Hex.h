#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace ls::codec {

// Lowercase hexadecimal, as Ethereum tools print it. `prefix` adds "0x".
std::string toHex(ByteView data, bool prefix = false);

// Accepts an optional "0x"/"0X" prefix and digits in either case. Odd length and characters that
// are not hex digits are refused with a message naming the position.
Result<Bytes> fromHex(std::string_view text);

// Like fromHex, but the text must decode to exactly N bytes (e.g. a 20-byte address).
template <std::size_t N> Result<FixedBytes<N>> fromHexFixed(std::string_view text)
{
    auto bytes = fromHex(text);
    if (!bytes)
        return std::unexpected(std::move(bytes.error()));
    if (bytes->size() != N)
        return fail(ErrorKind::InvalidInput,
            "Expected " + std::to_string(N) + " bytes of hex (" + std::to_string(2 * N)
                + " digits) but got " + std::to_string(bytes->size()) + " bytes.");
    FixedBytes<N> out {};
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return out;
}

} // namespace ls::codec
