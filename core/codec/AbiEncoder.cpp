#include "core/codec/AbiEncoder.h"

#include "core/codec/AbiWord.h"

#include <algorithm>
#include <string>

namespace ls::codec {
namespace {

class Encoder {
public:
    Result<Bytes> encodeArguments(const std::vector<AbiType>& types, const AbiValue::List& values)
    {
        if (types.size() != values.size())
            return fail(ErrorKind::InvalidInput,
                "Cannot ABI-encode: " + std::to_string(types.size()) + " types but "
                    + std::to_string(values.size()) + " values.");
        std::vector<const AbiType*> typeList;
        typeList.reserve(types.size());
        for (const AbiType& type : types)
            typeList.push_back(&type);
        Bytes out;
        if (auto done = encodeSequence(typeList, values, out, 0); !done)
            return std::unexpected(std::move(done.error()));
        return out;
    }

private:
    std::unexpected<Error> mismatch(const AbiType& type, const std::string& what) const
    {
        std::string where;
        for (std::size_t i = 0; i < m_path.size(); ++i)
            where += (i == 0 ? "argument " : ", element ") + std::to_string(m_path[i] + 1);
        return fail(ErrorKind::InvalidInput,
            "Cannot ABI-encode " + (where.empty() ? std::string("the value") : where) + " as "
                + type.canonical() + ": " + what + ".");
    }

    static void appendWord(Bytes& out, const UInt256& word)
    {
        const auto bytes = word.toBigEndian();
        out.insert(out.end(), bytes.begin(), bytes.end());
    }

    static void appendPadded(Bytes& out, ByteView bytes)
    {
        out.insert(out.end(), bytes.begin(), bytes.end());
        out.resize(out.size() + abiword::paddedSize(bytes.size()) - bytes.size(), 0);
    }

    // Heads in order (static values in place, 32-byte offsets for dynamic ones), then tails.
    Result<void> encodeSequence(const std::vector<const AbiType*>& types,
        const AbiValue::List& values, Bytes& out, std::size_t depth)
    {
        const std::size_t start = out.size();
        std::vector<std::size_t> offsetSlots;
        for (std::size_t i = 0; i < types.size(); ++i) {
            if (types[i]->isDynamic()) {
                offsetSlots.push_back(out.size());
                out.resize(out.size() + abiword::kSize, 0);
                continue;
            }
            m_path.push_back(i);
            auto done = encodeValue(*types[i], values[i], out, depth + 1);
            m_path.pop_back();
            if (!done)
                return done;
        }
        std::size_t slot = 0;
        for (std::size_t i = 0; i < types.size(); ++i) {
            if (!types[i]->isDynamic())
                continue;
            const auto offset = UInt256(out.size() - start).toBigEndian();
            std::ranges::copy(
                offset, out.begin() + static_cast<std::ptrdiff_t>(offsetSlots[slot++]));
            m_path.push_back(i);
            auto done = encodeValue(*types[i], values[i], out, depth + 1);
            m_path.pop_back();
            if (!done)
                return done;
        }
        return {};
    }

    Result<void> encodeList(
        const AbiType& type, const AbiValue& value, Bytes& out, std::size_t depth)
    {
        const AbiValue::List* list = value.asList();
        if (list == nullptr)
            return mismatch(type, "expected a list of values");
        std::vector<const AbiType*> types;
        switch (type.kind()) {
        case AbiType::Kind::Tuple:
            if (list->size() != type.components().size())
                return mismatch(type,
                    "expected " + std::to_string(type.components().size()) + " values, got "
                        + std::to_string(list->size()));
            for (const AbiType& component : type.components())
                types.push_back(&component);
            break;
        case AbiType::Kind::FixedArray:
            if (list->size() != type.size())
                return mismatch(type,
                    "expected " + std::to_string(type.size()) + " elements, got "
                        + std::to_string(list->size()));
            types.assign(list->size(), &type.element());
            break;
        default: // dynamic array: the element count comes first
            appendWord(out, UInt256(list->size()));
            types.assign(list->size(), &type.element());
            break;
        }
        return encodeSequence(types, *list, out, depth);
    }

    Result<void> encodeValue(
        const AbiType& type, const AbiValue& value, Bytes& out, std::size_t depth)
    {
        if (depth > kMaxAbiTypeDepth)
            return mismatch(type, "the type is nested too deeply");
        switch (type.kind()) {
        case AbiType::Kind::Uint:
        case AbiType::Kind::Int: {
            const UInt256* number = value.asNumber();
            if (number == nullptr)
                return mismatch(type, "expected a number");
            const bool fits = type.kind() == AbiType::Kind::Uint
                ? abiword::fitsUnsigned(*number, type.bits())
                : abiword::fitsSigned(*number, type.bits());
            if (!fits)
                return mismatch(type, "the value is out of range");
            appendWord(out, *number);
            return {};
        }
        case AbiType::Kind::Address: {
            const AbiValue::Address* address = value.asAddress();
            if (address == nullptr)
                return mismatch(type, "expected a 20-byte address");
            out.resize(out.size() + abiword::kSize - address->size(), 0);
            out.insert(out.end(), address->begin(), address->end());
            return {};
        }
        case AbiType::Kind::Bool: {
            const bool* flag = value.asBool();
            if (flag == nullptr)
                return mismatch(type, "expected true or false");
            appendWord(out, UInt256(*flag ? 1 : 0));
            return {};
        }
        case AbiType::Kind::FixedBytes: {
            const Bytes* bytes = value.asBytes();
            if (bytes == nullptr || bytes->size() != type.size())
                return mismatch(type, "expected exactly " + std::to_string(type.size()) + " bytes");
            appendPadded(out, *bytes);
            return {};
        }
        case AbiType::Kind::Bytes:
        case AbiType::Kind::String: {
            ByteView bytes;
            if (type.kind() == AbiType::Kind::Bytes && value.asBytes() != nullptr)
                bytes = *value.asBytes();
            else if (type.kind() == AbiType::Kind::String && value.asString() != nullptr)
                bytes = asBytes(*value.asString());
            else
                return mismatch(
                    type, type.kind() == AbiType::Kind::Bytes ? "expected bytes" : "expected text");
            appendWord(out, UInt256(bytes.size()));
            appendPadded(out, bytes);
            return {};
        }
        case AbiType::Kind::Array:
        case AbiType::Kind::FixedArray:
        case AbiType::Kind::Tuple:
            return encodeList(type, value, out, depth);
        }
        return mismatch(type, "unsupported type");
    }

    std::vector<std::size_t> m_path; // argument and element indexes, for messages
};

} // namespace

Result<Bytes> abiEncode(const std::vector<AbiType>& types, const AbiValue::List& values)
{
    return Encoder().encodeArguments(types, values);
}

} // namespace ls::codec
