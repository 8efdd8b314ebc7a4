#include "core/codec/AbiDecoder.h"

#include "core/codec/AbiWord.h"

#include <algorithm>
#include <string>

namespace ls::codec {
namespace {

struct Decoded {
    AbiValue value;
    std::size_t size = 0; // bytes of enc(value)
};

class Decoder {
public:
    explicit Decoder(ByteView data)
        : m_data(data)
    {
    }

    Result<AbiValue::List> decodeArguments(const std::vector<AbiType>& types)
    {
        std::vector<const AbiType*> typeList;
        typeList.reserve(types.size());
        for (const AbiType& type : types)
            typeList.push_back(&type);
        AbiValue::List values;
        auto size = decodeSequence(typeList, 0, values, 0);
        if (!size)
            return std::unexpected(std::move(size.error()));
        if (*size != m_data.size())
            return invalid(
                *size, std::to_string(m_data.size() - *size) + " bytes follow the encoded values");
        return values;
    }

private:
    std::unexpected<Error> invalid(std::size_t offset, const std::string& what) const
    {
        return fail(ErrorKind::InvalidInput,
            "Invalid ABI data at byte " + std::to_string(offset) + ": " + what + ".");
    }

    // The 32-byte word at `offset`, or nullopt when the data ends first.
    std::optional<UInt256> wordAt(std::size_t offset) const
    {
        if (offset > m_data.size() || m_data.size() - offset < abiword::kSize)
            return std::nullopt;
        return *UInt256::fromBigEndian(m_data.subspan(offset, abiword::kSize));
    }

    bool zeroBytes(std::size_t offset, std::size_t count) const
    {
        const ByteView bytes = m_data.subspan(offset, count);
        return std::ranges::all_of(bytes, [](std::uint8_t byte) { return byte == 0; });
    }

    // A sequence of values laid out head-then-tail starting at `start`; returns its size.
    Result<std::size_t> decodeSequence(const std::vector<const AbiType*>& types, std::size_t start,
        AbiValue::List& values, std::size_t depth)
    {
        const std::size_t available = m_data.size() - start; // callers keep start in range
        std::size_t headSize = 0; // stays <= available
        for (const AbiType* type : types) {
            if (type->headSize() > available - headSize)
                return invalid(start, "the data is too short for the values' heads");
            headSize += type->headSize();
        }
        values.reserve(types.size());
        std::size_t nextTail = headSize; // strict: each tail starts where the previous ended
        std::size_t head = start;
        for (const AbiType* type : types) {
            if (!type->isDynamic()) {
                auto decoded = decodeValue(*type, head, depth + 1);
                if (!decoded)
                    return std::unexpected(std::move(decoded.error()));
                values.push_back(std::move(decoded->value));
                head += type->headSize();
                continue;
            }
            const UInt256 offset = *wordAt(head);
            if (offset != UInt256(nextTail))
                return invalid(head,
                    "the offset is " + offset.toDecimalString() + " but should be "
                        + std::to_string(nextTail) + " (corrupt or non-canonical layout)");
            auto decoded = decodeValue(*type, start + nextTail, depth + 1);
            if (!decoded)
                return std::unexpected(std::move(decoded.error()));
            values.push_back(std::move(decoded->value));
            nextTail += decoded->size;
            head += abiword::kSize;
        }
        return nextTail;
    }

    Result<Decoded> decodeList(const AbiType& type, std::size_t offset, std::size_t depth)
    {
        std::vector<const AbiType*> types;
        std::size_t start = offset;
        if (type.kind() == AbiType::Kind::Tuple) {
            for (const AbiType& component : type.components())
                types.push_back(&component);
        } else if (type.kind() == AbiType::Kind::FixedArray) {
            types.assign(type.size(), &type.element());
        } else {
            auto count = wordAt(offset);
            if (!count)
                return invalid(offset, "the data ends where an array length should be");
            // Every element takes at least one word of the remaining data (zero-size elements
            // such as T[0] are held to the same bound), so the count cannot outrun the input.
            const std::size_t remaining = m_data.size() - offset - abiword::kSize;
            const std::size_t perElement = std::max(abiword::kSize, type.element().headSize());
            if (*count > UInt256(remaining / perElement))
                return invalid(offset,
                    "an array claims " + count->toDecimalString()
                        + " elements but the remaining data holds at most "
                        + std::to_string(remaining / perElement));
            types.assign(count->low64(), &type.element());
            start += abiword::kSize;
        }
        AbiValue::List values;
        auto size = decodeSequence(types, start, values, depth);
        if (!size)
            return std::unexpected(std::move(size.error()));
        return Decoded { AbiValue::list(std::move(values)), start - offset + *size };
    }

    Result<Decoded> decodeBytes(const AbiType& type, std::size_t offset)
    {
        auto length = wordAt(offset);
        if (!length)
            return invalid(offset, "the data ends where a length should be");
        const std::size_t remaining = m_data.size() - offset - abiword::kSize;
        if (*length > UInt256(remaining))
            return invalid(offset,
                "a length of " + length->toDecimalString()
                    + " bytes runs past the end of the data");
        const auto size = static_cast<std::size_t>(length->low64());
        const std::size_t padded = abiword::paddedSize(size);
        const std::size_t contents = offset + abiword::kSize;
        if (padded > remaining)
            return invalid(offset, "the padding runs past the end of the data");
        if (!zeroBytes(contents + size, padded - size))
            return invalid(contents + size, "padding bytes must be zero");
        const ByteView bytes = m_data.subspan(contents, size);
        AbiValue value = type.kind() == AbiType::Kind::String
            ? AbiValue::string(std::string(bytes.begin(), bytes.end()))
            : AbiValue::bytes(bytes);
        return Decoded { std::move(value), abiword::kSize + padded };
    }

    Result<Decoded> decodeValue(const AbiType& type, std::size_t offset, std::size_t depth)
    {
        if (depth > kMaxAbiTypeDepth)
            return invalid(offset, "the type is nested too deeply");
        switch (type.kind()) {
        case AbiType::Kind::Bytes:
        case AbiType::Kind::String:
            return decodeBytes(type, offset);
        case AbiType::Kind::Array:
        case AbiType::Kind::FixedArray:
        case AbiType::Kind::Tuple:
            return decodeList(type, offset, depth);
        default:
            break;
        }
        // One-word types. decodeSequence checked that the heads fit.
        const auto word = wordAt(offset);
        if (!word)
            return invalid(offset, "the data ends inside a value");
        const Decoded decoded { AbiValue::number(*word), abiword::kSize };
        switch (type.kind()) {
        case AbiType::Kind::Uint:
            if (!abiword::fitsUnsigned(*word, type.bits()))
                return invalid(offset, "the value does not fit in " + type.canonical());
            return decoded;
        case AbiType::Kind::Int:
            if (!abiword::fitsSigned(*word, type.bits()))
                return invalid(offset, "the value is not a sign-extended " + type.canonical());
            return decoded;
        case AbiType::Kind::Bool:
            if (*word > UInt256(1))
                return invalid(offset, "a bool must be 0 or 1");
            return Decoded { AbiValue::boolean(!word->isZero()), abiword::kSize };
        case AbiType::Kind::Address: {
            if (!abiword::fitsUnsigned(*word, 160))
                return invalid(offset, "the upper 12 bytes of an address must be zero");
            AbiValue::Address address {};
            std::ranges::copy(m_data.subspan(offset + 12, address.size()), address.begin());
            return Decoded { AbiValue::address(address), abiword::kSize };
        }
        case AbiType::Kind::FixedBytes:
            if (!zeroBytes(offset + type.size(), abiword::kSize - type.size()))
                return invalid(
                    offset, "padding bytes after a " + type.canonical() + " must be zero");
            return Decoded { AbiValue::bytes(m_data.subspan(offset, type.size())), abiword::kSize };
        default:
            return invalid(offset, "unsupported type " + type.canonical());
        }
    }

    ByteView m_data;
};

} // namespace

Result<AbiValue::List> abiDecode(const std::vector<AbiType>& types, ByteView data)
{
    return Decoder(data).decodeArguments(types);
}

} // namespace ls::codec
