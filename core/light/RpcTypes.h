#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/protocol/MerkleProof.h"
#include "core/protocol/Receipt.h"
#include "core/protocol/StateProof.h"
#include "core/protocol/ValidatorSet.h"
#include "core/util/Bytes.h"

#include <cstdint>
#include <optional>
#include <vector>

// Typed results of the JSON-RPC methods the light client calls (docs/protocol.md §8), as the
// decoders in RpcDecoders.h produce them. Nothing here is verified yet: these are the server's
// claims, decoded strictly, for the Verifier and the proof checks to judge.
namespace ls::light {

struct GenesisAllocationInfo {
    crypto::Address address;
    codec::UInt256 balance;
    friend bool operator==(const GenesisAllocationInfo&, const GenesisAllocationInfo&) = default;
};

struct GenesisParamsInfo {
    codec::UInt256 minGasPrice;
    std::uint64_t blockGasLimit = 0;
    std::uint64_t serviceFeeBps = 0;
    crypto::Address treasury;
    std::uint64_t heartbeatMs = 0;
    friend bool operator==(const GenesisParamsInfo&, const GenesisParamsInfo&) = default;
};

// ls_getGenesis: the genesis file (docs/protocol.md §7).
struct GenesisInfo {
    std::uint64_t chainId = 0;
    std::uint64_t timeMs = 0;
    std::vector<protocol::Validator> validators;
    std::vector<GenesisAllocationInfo> allocations;
    GenesisParamsInfo params;
    friend bool operator==(const GenesisInfo&, const GenesisInfo&) = default;
};

// ls_getStateProof: the value at (namespace, key) in the state at `height`, and its proof.
struct StateProofInfo {
    std::uint64_t height = 0;
    std::optional<Bytes> value; // nullopt: the server says the entry is absent
    protocol::StateProof proof;
};

// ls_getReceiptProof: where a transaction's receipt is, and its §5 list proof.
struct ReceiptProofInfo {
    std::uint64_t height = 0;
    std::uint64_t index = 0;
    Bytes receiptEncoding; // the exact bytes proved (the receipt's canonical encoding)
    protocol::Receipt receipt;
    protocol::MerkleProof proof;
};

// eth_getTransactionByHash, the fields the client uses.
struct TransactionInfo {
    Hash256 hash {};
    std::uint8_t type = 0;
    std::uint64_t chainId = 0;
    std::uint64_t nonce = 0;
    crypto::Address from;
    crypto::Address to;
    codec::UInt256 value;
    std::uint64_t gas = 0;
    Bytes input;
    struct Position {
        Hash256 blockHash {};
        std::uint64_t height = 0;
        std::uint64_t index = 0;
    };
    std::optional<Position> position; // nullopt while pending
};

} // namespace ls::light
