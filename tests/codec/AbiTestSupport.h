#pragma once

// Shared by tst_abi and tst_abi_strict: value shorthands and the spec's baz/sam encodings.

#include "core/codec/AbiType.h"
#include "core/codec/AbiValue.h"
#include "core/codec/Hex.h"

#include <QByteArray>
#include <QMetaType>
#include <QtGlobal>

#include <string_view>
#include <vector>

namespace ls::abitest {

using codec::AbiType;
using codec::AbiValue;
using codec::UInt256;

inline QByteArray hexText(ByteView bytes)
{
    return QByteArray::fromStdString(codec::toHex(bytes));
}

inline Bytes hexBytes(std::string_view text)
{
    auto bytes = codec::fromHex(text);
    if (!bytes)
        qFatal("bad hex in test: %s", bytes.error().message.c_str());
    return *bytes;
}

inline AbiValue n(std::uint64_t value)
{
    return AbiValue::number(UInt256(value));
}
inline AbiValue text(const char* value)
{
    return AbiValue::string(value);
}
inline AbiValue raw(std::string_view value)
{
    return AbiValue::bytes(asBytes(value));
}
inline AbiValue list(AbiValue::List values)
{
    return AbiValue::list(std::move(values));
}
inline AbiValue address(std::string_view hex)
{
    return AbiValue::address(*codec::fromHexFixed<20>(hex));
}

inline std::vector<AbiType> types(const char* list)
{
    auto parsed = AbiType::parseList(list);
    if (!parsed)
        qFatal("bad type list in test: %s", parsed.error().message.c_str());
    return *parsed;
}

// The baz example's calldata, reused by the strictness tests.
inline constexpr const char* kBazCall
    = "cdcd77c0"
      "0000000000000000000000000000000000000000000000000000000000000045"
      "0000000000000000000000000000000000000000000000000000000000000001";
// sam("dave", true, [1,2,3]), the spec's word-by-word breakdown.
inline constexpr const char* kSamArguments
    = "0000000000000000000000000000000000000000000000000000000000000060"
      "0000000000000000000000000000000000000000000000000000000000000001"
      "00000000000000000000000000000000000000000000000000000000000000a0"
      "0000000000000000000000000000000000000000000000000000000000000004"
      "6461766500000000000000000000000000000000000000000000000000000000"
      "0000000000000000000000000000000000000000000000000000000000000003"
      "0000000000000000000000000000000000000000000000000000000000000001"
      "0000000000000000000000000000000000000000000000000000000000000002"
      "0000000000000000000000000000000000000000000000000000000000000003";

} // namespace ls::abitest

Q_DECLARE_METATYPE(ls::codec::AbiValue::List)
