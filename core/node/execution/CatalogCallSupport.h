#pragma once

#include "core/codec/AbiValue.h"
#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/node/execution/CallResult.h"
#include "core/node/execution/CatalogAbi.h"
#include "core/node/execution/ChainState.h"
#include "core/node/execution/ExecutionTry.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cstdint>
#include <string>

// Helpers shared by the Catalog's functions and views (CatalogContract.cpp, CatalogViews.cpp).
namespace ls::node::catalog {

// Accessors for decoded arguments. abiDecode has already checked every value against its type
// (uint64 fits 64 bits, bytes32 has 32 bytes…), so the fallbacks are never taken.
inline std::uint64_t argU64(const codec::AbiValue& value)
{
    const codec::UInt256* number = value.asNumber();
    return number ? number->low64() : 0;
}

inline codec::UInt256 argU256(const codec::AbiValue& value)
{
    const codec::UInt256* number = value.asNumber();
    return number ? *number : codec::UInt256 {};
}

inline Hash256 argHash(const codec::AbiValue& value)
{
    Hash256 out {};
    if (const Bytes* bytes = value.asBytes(); bytes && bytes->size() == out.size())
        std::copy(bytes->begin(), bytes->end(), out.begin());
    return out;
}

inline std::string argString(const codec::AbiValue& value)
{
    const std::string* text = value.asString();
    return text ? *text : std::string {};
}

inline bool argBool(const codec::AbiValue& value)
{
    const bool* flag = value.asBool();
    return flag && *flag;
}

inline crypto::Address argAddress(const codec::AbiValue& value)
{
    const codec::AbiValue::Address* address = value.asAddress();
    return address ? crypto::Address(*address) : crypto::Address {};
}

inline codec::AbiValue hashValue(const Hash256& hash)
{
    return codec::AbiValue::bytes(ByteView(hash));
}

inline codec::AbiValue addressValue(const crypto::Address& address)
{
    return codec::AbiValue::address(address.bytes());
}

// A successful result whose output is `values` encoded as the function's outputs. Our own values
// always match our own types, so an encoding failure is a bug, reported as Internal.
Result<CallResult> returning(CatalogFunction function, const codec::AbiValue::List& values);

// Appends the event's ABI log to `result`: indexed inputs become topics (static types only, each
// its one 32-byte word), the others are ABI-encoded into the data.
Result<void> emit(CallResult& result, CatalogEvent event, const codec::AbiValue::List& values);

// Adds `amount` to `to`'s balance; false (and nothing written) when it would pass 2^256 - 1.
Result<bool> credit(ChainState& state, const crypto::Address& to, const codec::UInt256& amount);

} // namespace ls::node::catalog
