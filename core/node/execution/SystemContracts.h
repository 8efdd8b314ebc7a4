#pragma once

#include "core/crypto/Address.h"

namespace ls::node {

// The reserved addresses of the native system contracts (DESIGN.md §3). Only these accept
// calldata; everything else is a plain account.
inline crypto::Address catalogAddress()
{
    // 0x00000000000000000000000000000000000ca7a1 (docs/protocol.md §6)
    return crypto::Address(
        FixedBytes<20> { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0c, 0xa7, 0xa1 });
}

// 0x…0ca7a2 is reserved too, as the emitter of native Transfer logs
// (core/protocol/NativeTransfer.h); no code runs there, so it is not a system contract here.

inline bool isSystemContract(const crypto::Address& address)
{
    return address == catalogAddress();
}

} // namespace ls::node
