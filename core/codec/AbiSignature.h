#pragma once

#include "core/codec/AbiType.h"
#include "core/codec/AbiValue.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <string>
#include <string_view>
#include <vector>

namespace ls::codec {

// A function, event or error signature such as "transfer(address,uint256)". Parsing accepts the
// uint/int aliases and canonical() spells them out, since selectors and topics hash the
// canonical form ("sam(bytes,bool,uint[])" has the selector of "sam(bytes,bool,uint256[])").
class AbiSignature {
public:
    static Result<AbiSignature> parse(std::string_view text);

    const std::string& name() const { return m_name; }
    const std::vector<AbiType>& inputs() const { return m_inputs; }
    std::string canonical() const;

    // First 4 bytes of keccak256(canonical()): the function selector that starts calldata.
    FixedBytes<4> selector() const;
    // keccak256(canonical()): topic 0 of a non-anonymous event's logs.
    Hash256 topic() const;

    // selector ‖ enc(values).
    Result<Bytes> encodeCall(const AbiValue::List& values) const;
    // The arguments of calldata for this function; the selector must match.
    Result<AbiValue::List> decodeCall(ByteView calldata) const;

private:
    std::string m_name;
    std::vector<AbiType> m_inputs;
};

// Shortcut: AbiSignature::parse(signature) then encodeCall(values).
Result<Bytes> abiEncodeCall(std::string_view signature, const AbiValue::List& values);

} // namespace ls::codec
