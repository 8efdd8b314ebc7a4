#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/protocol/Log.h"

#include <optional>

// The log a plain PHT transfer leaves in its receipt (docs/protocol.md §4). PHT is the chain's
// native coin, not a contract, so moving it emits no contract event; without one, an account
// could never be shown the payments it received (a light client proves logs in receipts, it
// cannot replay execution). A consensus rule, added before release: every successful
// transaction that moves value > 0 to an address that is not a system contract carries
//   Transfer(address indexed from, address indexed to, uint256 value)
// from the reserved "native PHT" address below, as Polygon's LogTransfer from 0x…1010 does.
// Value sent into the Catalog (purchase) gets none: its Purchased event already records it.
// The node (core/node/execution) writes it and the light client reads it: both use this file.
namespace ls::protocol::nativetransfer {

// 0x00000000000000000000000000000000000ca7a2: the system-contract range, right after the
// Catalog's 0x…0ca7a1. No code runs there; it only names the emitter of Transfer logs.
crypto::Address emitterAddress();
// keccak256("Transfer(address,address,uint256)"), the same topic 0 as ERC-20's Transfer, so
// Ethereum tooling (ethers.js, explorers) decodes it without a custom ABI.
Hash256 topic();

struct Transfer {
    crypto::Address from;
    crypto::Address to;
    codec::UInt256 value;

    friend bool operator==(const Transfer&, const Transfer&) = default;
};

// [emitterAddress, [topic, from, to], value as one 32-byte word].
Log encode(const Transfer& transfer);
// nullopt unless `log` has exactly that layout (address, 3 topics, addresses left-padded with
// zeros, 32 bytes of data).
std::optional<Transfer> decode(const Log& log);

} // namespace ls::protocol::nativetransfer
