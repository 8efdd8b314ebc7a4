#pragma once

#include "core/codec/RlpDecoder.h"
#include "core/crypto/Address.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>

namespace ls::protocol {

// A block header (docs/protocol.md §5):
// rlp([chainId, height, timeMs, parentHash, txRoot, receiptsRoot, stateRoot, validatorsHash,
//      nextValidatorsHash, proposer]). The block hash is keccak of that encoding, so the header
// commits to everything a light client checks: the state (proofs), the transactions and
// receipts (Merkle lists), and who may sign this block and the next one.
struct Header {
    std::uint64_t chainId = 0;
    std::uint64_t height = 0;
    std::uint64_t timeMs = 0; // Unix milliseconds
    Hash256 parentHash {}; // 32 zero bytes for the genesis block
    Hash256 txRoot {};
    Hash256 receiptsRoot {};
    Hash256 stateRoot {};
    Hash256 validatorsHash {}; // ValidatorSet::hash() of the set that signs this block
    Hash256 nextValidatorsHash {}; // ... and of the set that signs the next one
    crypto::Address proposer; // the zero address for the genesis block

    Bytes encode() const;
    // Exactly the canonical encoding: ten fields, minimal integers, 32-byte hashes, a 20-byte
    // proposer, nothing after the list.
    static Result<Header> decode(ByteView encoded);
    static Result<Header> fromRlp(const codec::RlpItem& item); // the same, inside a larger item

    Hash256 hash() const; // keccak(encode())

    friend bool operator==(const Header&, const Header&) = default;
};

} // namespace ls::protocol
