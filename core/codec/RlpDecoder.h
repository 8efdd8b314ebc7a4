#pragma once

#include "core/codec/UInt256.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

namespace ls::codec {

// Lists nested deeper than this are refused, so hostile input cannot exhaust the stack of code
// that walks a decoded tree recursively. Ethereum structures nest three or four levels.
inline constexpr std::size_t kMaxRlpDepth = 64;

// A view of one decoded RLP item inside the caller's buffer (zero-copy: the buffer must outlive
// it). Only the decoder makes items, and it has checked the whole tree, so walking children
// cannot fail; converting a payload to a number can, and says why.
class RlpItem {
public:
    class Iterator;

    bool isList() const { return m_isList; }
    bool isBytes() const { return !m_isList; }
    ByteView encoded() const { return m_encoded; } // prefix and payload
    // A string's bytes, or a list's children back to back, each still encoded.
    ByteView payload() const { return m_encoded.subspan(m_prefixSize); }

    // Children of a list, in order (a byte string has none).
    Iterator begin() const;
    Iterator end() const;
    std::size_t childCount() const;
    Result<std::vector<RlpItem>> listItems() const; // error unless a list

    Result<Bytes> toBytes() const; // error unless a byte string
    // Canonical integers only: minimal big-endian, so zero is the empty string and a leading
    // zero byte is an error, as is a value too wide for the type.
    Result<std::uint64_t> toUInt64() const;
    Result<UInt256> toUInt256() const;
    // A byte string of exactly N bytes (hashes, addresses).
    template <std::size_t N> Result<FixedBytes<N>> toFixed() const
    {
        if (auto problem = checkFixedSize(N))
            return std::unexpected(std::move(*problem));
        FixedBytes<N> out {};
        std::ranges::copy(payload(), out.begin());
        return out;
    }

private:
    friend class RlpDecoderAccess;
    RlpItem(ByteView encoded, std::size_t prefixSize, bool isList)
        : m_encoded(encoded)
        , m_prefixSize(prefixSize)
        , m_isList(isList)
    {
    }
    std::optional<Error> checkFixedSize(std::size_t size) const;

    ByteView m_encoded;
    std::size_t m_prefixSize = 0;
    bool m_isList = false;
};

class RlpItem::Iterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = RlpItem;
    using difference_type = std::ptrdiff_t;

    Iterator() = default;
    explicit Iterator(ByteView rest)
        : m_rest(rest)
    {
    }
    RlpItem operator*() const;
    Iterator& operator++();
    Iterator operator++(int)
    {
        Iterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const Iterator& other) const
    {
        return m_rest.data() == other.m_rest.data() && m_rest.size() == other.m_rest.size();
    }

private:
    ByteView m_rest; // the children not yet visited
};

struct RlpPrefix {
    RlpItem item;
    ByteView rest; // the input after the item
};

// Exactly one canonical item, nothing after it. Refused (ErrorKind::InvalidInput, with the byte
// offset): truncation, trailing bytes, a single byte below 0x80 written as 0x81 xx, the long form
// for lengths below 56, lengths with leading zero bytes, children overrunning their list, and
// lists nested deeper than kMaxRlpDepth.
Result<RlpItem> decodeRlp(ByteView input);
// The first item of a stream of concatenated items, and what follows it.
Result<RlpPrefix> decodeRlpPrefix(ByteView input);

// Items point into the input, so decoding a temporary buffer would leave them dangling.
Result<RlpItem> decodeRlp(const Bytes&& temporary) = delete;
Result<RlpPrefix> decodeRlpPrefix(const Bytes&& temporary) = delete;

} // namespace ls::codec
