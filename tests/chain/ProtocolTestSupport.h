#pragma once

// Helpers shared by the core/protocol tests (transactions, blocks, commits, receipts, Merkle
// lists): hex in and out, unwrapping results, and editing one field of an RLP list so every
// malformed variant is built from a valid encoding.
#include "core/codec/Hex.h"
#include "core/codec/RlpDecoder.h"
#include "core/codec/RlpEncoder.h"
#include "core/crypto/Secp256k1.h"
#include "core/util/Error.h"

#include <QTest>

#include <string>
#include <string_view>
#include <vector>

namespace ls::testing {

template <typename T> T must(Result<T> result)
{
    if (!result)
        qFatal("unexpected error: %s", result.error().message.c_str());
    return std::move(*result);
}

inline Bytes hex(std::string_view text)
{
    return must(codec::fromHex(text));
}

inline std::string hexOf(ByteView bytes)
{
    return codec::toHex(bytes, true);
}

inline crypto::PrivateKey keyFromByte(std::uint8_t byte)
{
    Bytes secret(32, byte);
    return must(crypto::PrivateKey::fromBytes(secret));
}

// The top-level items of an RLP list, each still encoded.
inline std::vector<Bytes> listFields(ByteView encodedList)
{
    auto item = must(codec::decodeRlp(encodedList));
    std::vector<Bytes> out;
    for (const codec::RlpItem child : item)
        out.emplace_back(child.encoded().begin(), child.encoded().end());
    return out;
}

inline Bytes listOf(const std::vector<Bytes>& encodedFields)
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    for (const auto& field : encodedFields)
        rlp.addEncoded(field);
    rlp.endList();
    return rlp.finish();
}

inline Bytes withField(ByteView encodedList, std::size_t index, const Bytes& encodedField)
{
    auto fields = listFields(encodedList);
    fields.at(index) = encodedField;
    return listOf(fields);
}

inline Bytes uintItem(const codec::UInt256& value)
{
    return codec::RlpEncoder::encodeUInt(value);
}

inline Bytes bytesItem(ByteView bytes)
{
    return codec::RlpEncoder::encodeBytes(bytes);
}

// A result must be an error whose message contains `fragment`.
template <typename T> bool failsWith(const Result<T>& result, std::string_view fragment)
{
    if (result) {
        qWarning("expected an error containing \"%.*s\" but the call succeeded",
            static_cast<int>(fragment.size()), fragment.data());
        return false;
    }
    if (result.error().message.find(fragment) == std::string::npos) {
        qWarning("expected an error containing \"%.*s\" but got: %s",
            static_cast<int>(fragment.size()), fragment.data(), result.error().message.c_str());
        return false;
    }
    return true;
}

} // namespace ls::testing
