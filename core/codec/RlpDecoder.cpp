#include "core/codec/RlpDecoder.h"

#include <array>

namespace ls::codec {

namespace {

constexpr std::uint8_t kStringBase = 0x80;
constexpr std::uint8_t kLongStringBase = 0xb7; // 0xb8..0xbf: 1..8 length bytes follow
constexpr std::uint8_t kListBase = 0xc0;
constexpr std::uint8_t kLongListBase = 0xf7;
constexpr std::size_t kShortLimit = 56;

struct Header {
    bool isList = false;
    std::size_t prefixSize = 0;
    std::size_t payloadSize = 0;
    std::size_t total() const { return prefixSize + payloadSize; }
};

Error invalid(std::size_t offset, const std::string& what)
{
    return Error { ErrorKind::InvalidInput,
        "Invalid RLP at byte " + std::to_string(offset) + ": " + what + "." };
}

// Reads the prefix of the item at the start of `input`, which ends where the enclosing list (or
// the whole input) ends. `offset` is the item's position in the caller's input, for messages.
Result<Header> readHeader(ByteView input, std::size_t offset)
{
    if (input.empty())
        return std::unexpected(invalid(offset, "the data ends where an item should start"));
    const std::uint8_t first = input[0];
    if (first < kStringBase)
        return Header { false, 0, 1 }; // the byte is its own payload

    Header header;
    header.isList = first >= kListBase;
    const std::uint8_t shortBase = header.isList ? kListBase : kStringBase;
    const std::uint8_t longBase = header.isList ? kLongListBase : kLongStringBase;
    if (first <= longBase) {
        header.prefixSize = 1;
        header.payloadSize = first - shortBase;
    } else {
        const std::size_t lengthBytes = first - longBase; // 1..8
        if (input.size() < 1 + lengthBytes)
            return std::unexpected(invalid(offset, "the data ends inside a length prefix"));
        if (input[1] == 0)
            return std::unexpected(
                invalid(offset, "the length has a leading zero byte (non-canonical)"));
        std::uint64_t length = 0;
        for (std::size_t i = 1; i <= lengthBytes; ++i)
            length = (length << 8) | input[i];
        if (length < kShortLimit)
            return std::unexpected(
                invalid(offset, "the long form is used for a length below 56 (non-canonical)"));
        // Compare in 64 bits before narrowing: a declared length may exceed size_t.
        const std::uint64_t available = input.size() - 1 - lengthBytes;
        if (length > available)
            return std::unexpected(invalid(offset,
                "an item declares " + std::to_string(length) + " bytes but only "
                    + std::to_string(available) + " remain"));
        header.prefixSize = 1 + lengthBytes;
        header.payloadSize = static_cast<std::size_t>(length);
        return header;
    }
    if (header.payloadSize > input.size() - header.prefixSize)
        return std::unexpected(invalid(offset,
            "an item declares " + std::to_string(header.payloadSize) + " bytes but only "
                + std::to_string(input.size() - header.prefixSize) + " remain"));
    if (!header.isList && header.payloadSize == 1 && input[1] < kStringBase)
        return std::unexpected(
            invalid(offset, "a single byte below 0x80 must be encoded as itself (non-canonical)"));
    return header;
}

// Checks every item inside a list without recursion: `ends` holds where each open list stops.
Result<void> validateChildren(ByteView input, const Header& list)
{
    std::array<std::size_t, kMaxRlpDepth> ends {};
    std::size_t depth = 1;
    ends[0] = list.total();
    std::size_t position = list.prefixSize;
    while (depth > 0) {
        if (position == ends[depth - 1]) {
            --depth;
            continue;
        }
        auto header = readHeader(input.subspan(position, ends[depth - 1] - position), position);
        if (!header)
            return std::unexpected(std::move(header.error()));
        if (!header->isList) {
            position += header->total();
            continue;
        }
        if (depth == kMaxRlpDepth)
            return std::unexpected(invalid(
                position, "lists are nested more than " + std::to_string(kMaxRlpDepth) + " deep"));
        ends[depth++] = position + header->total();
        position += header->prefixSize;
    }
    return {};
}

} // namespace

// Builds items for the decoder and the child iterator (RlpItem's constructor is private).
class RlpDecoderAccess {
public:
    static RlpItem make(ByteView encoded, const Header& header)
    {
        return RlpItem(encoded.first(header.total()), header.prefixSize, header.isList);
    }
    // For children of an item the decoder has validated: the header cannot be bad.
    static RlpItem makeValidated(ByteView rest)
    {
        auto header = readHeader(rest, 0);
        if (!header)
            return RlpItem({}, 0, false); // unreachable for validated data
        return make(rest, *header);
    }
};

RlpItem::Iterator RlpItem::begin() const
{
    return Iterator(m_isList ? payload() : ByteView(m_encoded.data() + m_encoded.size(), 0));
}

RlpItem::Iterator RlpItem::end() const
{
    return Iterator(ByteView(m_encoded.data() + m_encoded.size(), 0));
}

std::size_t RlpItem::childCount() const
{
    return static_cast<std::size_t>(std::distance(begin(), end()));
}

RlpItem RlpItem::Iterator::operator*() const
{
    return RlpDecoderAccess::makeValidated(m_rest);
}

RlpItem::Iterator& RlpItem::Iterator::operator++()
{
    const std::size_t size = std::max<std::size_t>(1, (**this).encoded().size());
    m_rest = m_rest.subspan(std::min(size, m_rest.size()));
    return *this;
}

Result<std::vector<RlpItem>> RlpItem::listItems() const
{
    if (!m_isList)
        return fail(ErrorKind::InvalidInput, "Expected an RLP list but found a byte string.");
    return std::vector<RlpItem>(begin(), end());
}

Result<Bytes> RlpItem::toBytes() const
{
    if (m_isList)
        return fail(ErrorKind::InvalidInput, "Expected an RLP byte string but found a list.");
    return Bytes(payload().begin(), payload().end());
}

Result<UInt256> RlpItem::toUInt256() const
{
    if (m_isList)
        return fail(ErrorKind::InvalidInput, "Expected an RLP integer but found a list.");
    const ByteView bytes = payload();
    if (!bytes.empty() && bytes[0] == 0)
        return fail(ErrorKind::InvalidInput,
            "An RLP integer has a leading zero byte (non-canonical; zero is 0x80).");
    if (bytes.size() > UInt256::kBytes)
        return fail(ErrorKind::InvalidInput,
            "An RLP integer has " + std::to_string(bytes.size())
                + " bytes; at most 32 fit in 256 bits.");
    return UInt256::fromBigEndian(bytes);
}

Result<std::uint64_t> RlpItem::toUInt64() const
{
    auto value = toUInt256();
    if (!value)
        return std::unexpected(std::move(value.error()));
    if (!value->fitsUint64())
        return fail(ErrorKind::InvalidInput,
            "An RLP integer has " + std::to_string(payload().size())
                + " bytes; at most 8 fit in 64 bits.");
    return value->low64();
}

std::optional<Error> RlpItem::checkFixedSize(std::size_t size) const
{
    if (m_isList)
        return Error { ErrorKind::InvalidInput, "Expected an RLP byte string but found a list." };
    if (payload().size() != size)
        return Error { ErrorKind::InvalidInput,
            "Expected an RLP byte string of " + std::to_string(size) + " bytes but got "
                + std::to_string(payload().size()) + "." };
    return std::nullopt;
}

Result<RlpPrefix> decodeRlpPrefix(ByteView input)
{
    auto header = readHeader(input, 0);
    if (!header)
        return std::unexpected(std::move(header.error()));
    if (header->isList) {
        if (auto valid = validateChildren(input, *header); !valid)
            return std::unexpected(std::move(valid.error()));
    }
    return RlpPrefix { RlpDecoderAccess::make(input, *header), input.subspan(header->total()) };
}

Result<RlpItem> decodeRlp(ByteView input)
{
    auto prefix = decodeRlpPrefix(input);
    if (!prefix)
        return std::unexpected(std::move(prefix.error()));
    if (!prefix->rest.empty())
        return std::unexpected(invalid(input.size() - prefix->rest.size(),
            std::to_string(prefix->rest.size()) + " bytes follow the item"));
    return prefix->item;
}

} // namespace ls::codec
