#pragma once

#include "core/codec/RlpDecoder.h"
#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

// `target = *expression`, or return its error from the enclosing function, which returns some
// Result<...>. Decoders read a dozen fields in a row; this keeps each read on one line.
#define LS_PROTOCOL_ASSIGN_OR_RETURN(target, expression)                                           \
    do {                                                                                           \
        auto lsProtocolValue = (expression);                                                       \
        if (!lsProtocolValue)                                                                      \
            return std::unexpected(std::move(lsProtocolValue.error()));                            \
        (target) = std::move(*lsProtocolValue);                                                    \
    } while (false)

namespace ls::protocol {

// Reads the fields of one RLP list that encodes a protocol structure, strictly: the list must
// have exactly the expected number of fields, integers must be canonical, hashes and addresses
// exactly their size. Every error names the structure and the field, e.g.
// "Malformed block header, field 'height': An RLP integer has a leading zero byte (...)", so a
// user (or a fuzzer triager) sees at once which part of which object is wrong.
//
// Field items point into the caller's buffer, which must outlive the reader.
class RlpFields {
public:
    // `what` is the structure's name in messages ("block header"); `names` its fields in order.
    static Result<RlpFields> open(const codec::RlpItem& item, std::string_view what,
        std::initializer_list<std::string_view> names);
    // The whole input must be that one item, with nothing after it.
    static Result<RlpFields> decode(
        ByteView encoded, std::string_view what, std::initializer_list<std::string_view> names);

    const codec::RlpItem& item(std::size_t index) const { return m_items[index]; }

    Result<std::uint64_t> u64(std::size_t index) const;
    Result<codec::UInt256> u256(std::size_t index) const;
    Result<Bytes> bytes(std::size_t index) const;
    Result<Hash256> hash(std::size_t index) const { return fixed<32>(index); }
    template <std::size_t N> Result<FixedBytes<N>> fixed(std::size_t index) const
    {
        return annotate(index, m_items[index].toFixed<N>());
    }
    Result<crypto::Address> address(std::size_t index) const;
    Result<std::vector<codec::RlpItem>> list(std::size_t index) const;

    // "Malformed <what>, field '<name>': <message>" for checks made by the caller.
    std::unexpected<Error> fieldError(std::size_t index, const std::string& message,
        ErrorKind kind = ErrorKind::InvalidInput) const;
    // "Malformed <what>: <message>"
    std::unexpected<Error> error(
        const std::string& message, ErrorKind kind = ErrorKind::InvalidInput) const;

private:
    RlpFields(std::string_view what, std::vector<std::string_view> names,
        std::vector<codec::RlpItem> items)
        : m_what(what)
        , m_names(std::move(names))
        , m_items(std::move(items))
    {
    }
    template <typename T> Result<T> annotate(std::size_t index, Result<T> result) const
    {
        if (!result)
            return fieldError(index, result.error().message);
        return result;
    }

    std::string_view m_what; // string literals from the callers
    std::vector<std::string_view> m_names;
    std::vector<codec::RlpItem> m_items;
};

} // namespace ls::protocol
