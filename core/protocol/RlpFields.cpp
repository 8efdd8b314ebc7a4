#include "core/protocol/RlpFields.h"

namespace ls::protocol {

Result<RlpFields> RlpFields::open(const codec::RlpItem& item, std::string_view what,
    std::initializer_list<std::string_view> names)
{
    const std::string prefix = "Malformed " + std::string(what) + ": ";
    if (!item.isList())
        return fail(
            ErrorKind::InvalidInput, prefix + "expected an RLP list but found a byte string.");
    std::vector<codec::RlpItem> items(item.begin(), item.end());
    if (items.size() != names.size()) {
        std::string expected;
        for (auto name : names)
            expected += (expected.empty() ? "" : ", ") + std::string(name);
        return fail(ErrorKind::InvalidInput,
            prefix + "expected " + std::to_string(names.size()) + " fields [" + expected
                + "] but found " + std::to_string(items.size()) + ".");
    }
    return RlpFields(what, std::vector<std::string_view>(names), std::move(items));
}

Result<RlpFields> RlpFields::decode(
    ByteView encoded, std::string_view what, std::initializer_list<std::string_view> names)
{
    auto item = codec::decodeRlp(encoded);
    if (!item)
        return fail(ErrorKind::InvalidInput,
            "Malformed " + std::string(what) + ": " + item.error().message);
    return open(*item, what, names);
}

Result<std::uint64_t> RlpFields::u64(std::size_t index) const
{
    return annotate(index, m_items[index].toUInt64());
}

Result<codec::UInt256> RlpFields::u256(std::size_t index) const
{
    return annotate(index, m_items[index].toUInt256());
}

Result<Bytes> RlpFields::bytes(std::size_t index) const
{
    return annotate(index, m_items[index].toBytes());
}

Result<crypto::Address> RlpFields::address(std::size_t index) const
{
    auto bytes = fixed<20>(index);
    if (!bytes)
        return std::unexpected(std::move(bytes.error()));
    return crypto::Address(*bytes);
}

Result<std::vector<codec::RlpItem>> RlpFields::list(std::size_t index) const
{
    return annotate(index, m_items[index].listItems());
}

std::unexpected<Error> RlpFields::fieldError(
    std::size_t index, const std::string& message, ErrorKind kind) const
{
    return fail(kind,
        "Malformed " + std::string(m_what) + ", field '" + std::string(m_names[index])
            + "': " + message);
}

std::unexpected<Error> RlpFields::error(const std::string& message, ErrorKind kind) const
{
    return fail(kind, "Malformed " + std::string(m_what) + ": " + message);
}

} // namespace ls::protocol
