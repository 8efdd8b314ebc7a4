#include "core/codec/AbiSignature.h"

#include "core/codec/AbiDecoder.h"
#include "core/codec/AbiEncoder.h"
#include "core/codec/Hex.h"
#include "core/crypto/Keccak.h"

#include <algorithm>

namespace ls::codec {
namespace {

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

} // namespace

Result<AbiSignature> AbiSignature::parse(std::string_view text)
{
    const std::size_t open = text.find('(');
    const std::string_view name = text.substr(0, open);
    if (open == std::string_view::npos || name.empty() || !isNameStart(name[0])
        || !std::ranges::all_of(name, isNameChar))
        return fail(ErrorKind::InvalidInput,
            "Invalid ABI signature \"" + std::string(text)
                + "\": expected a name followed by a parenthesised list of types, such "
                  "as transfer(address,uint256).");
    auto inputs = AbiType::parseList(text.substr(open));
    if (!inputs)
        return std::unexpected(std::move(inputs.error()));
    AbiSignature signature;
    signature.m_name = std::string(name);
    signature.m_inputs = std::move(*inputs);
    return signature;
}

std::string AbiSignature::canonical() const
{
    return m_name + canonicalList(m_inputs);
}

Hash256 AbiSignature::topic() const
{
    return crypto::keccak256(asBytes(canonical()));
}

FixedBytes<4> AbiSignature::selector() const
{
    const Hash256 hash = topic();
    return { hash[0], hash[1], hash[2], hash[3] };
}

Result<Bytes> AbiSignature::encodeCall(const AbiValue::List& values) const
{
    auto arguments = abiEncode(m_inputs, values);
    if (!arguments)
        return arguments;
    const auto prefix = selector();
    arguments->insert(arguments->begin(), prefix.begin(), prefix.end());
    return arguments;
}

Result<AbiValue::List> AbiSignature::decodeCall(ByteView calldata) const
{
    const auto expected = selector();
    if (calldata.size() < expected.size() || !std::ranges::equal(calldata.first(4), expected))
        return fail(ErrorKind::InvalidInput,
            "The call data is not a call to " + canonical() + " (selector " + toHex(expected, true)
                + ").");
    return abiDecode(m_inputs, calldata.subspan(4));
}

Result<Bytes> abiEncodeCall(std::string_view signature, const AbiValue::List& values)
{
    auto parsed = AbiSignature::parse(signature);
    if (!parsed)
        return std::unexpected(std::move(parsed.error()));
    return parsed->encodeCall(values);
}

} // namespace ls::codec
