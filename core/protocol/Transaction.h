#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/crypto/Secp256k1.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>

// Signed transactions as docs/protocol.md §4 defines them: Ethereum's type 0 (legacy, EIP-155
// only) and type 2 (EIP-1559) envelopes, so bytes signed by MetaMask or ethers.js decode here
// and bytes signed here are accepted by Ethereum tooling.
namespace ls::protocol {

enum class TransactionType : std::uint8_t {
    Legacy = 0, // rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s])
    DynamicFee = 2, // 0x02 ‖ rlp([chainId, nonce, maxPriorityFee, maxFee, gasLimit, to, ...])
};

// A plain value: decode() fills it from raw bytes, tests and wallets fill it by hand and call
// sign(). Only decode() vouches for the fields (canonical, low-S, supported features); a
// hand-built value is checked again by recoverSender().
struct Transaction {
    TransactionType type = TransactionType::DynamicFee;
    // 64 bits: a legacy v = 2·chainId + 35 + parity must stay meaningful, and every chain id in
    // use (chainid.network) is far smaller. Larger ones are refused on decode.
    std::uint64_t chainId = 0;
    std::uint64_t nonce = 0; // uint64 as Ethereum (EIP-2681)
    codec::UInt256 gasPrice; // type 0 only
    codec::UInt256 maxPriorityFeePerGas; // type 2 only
    codec::UInt256 maxFeePerGas; // type 2 only
    std::uint64_t gasLimit = 0;
    crypto::Address to; // always present: contract creation is not supported (§4)
    codec::UInt256 value;
    Bytes data;
    crypto::RecoverableSignature signature; // recoveryId is v's parity (type 0) or yParity

    // Strict decoding of the raw signed bytes. Refused, each with its own message: empty input,
    // types other than 0 and 2, non-canonical RLP or integers, trailing bytes, wrong field
    // counts or sizes, missing `to`, a non-empty access list, pre-EIP-155 v (27/28) and other
    // bad v or yParity values, r or s zero or not below the curve order, high S. The chain id is
    // not compared with anything here: recoverSender() does that.
    static Result<Transaction> decode(ByteView raw);

    // The raw signed bytes; decode(raw)->encode() == raw for every accepted input.
    Bytes encode() const;
    // keccak of the raw signed bytes (type byte included): the transaction hash in RPC and roots.
    Hash256 hash() const;
    // The digest that was signed: keccak(rlp([..., chainId, 0, 0])) for type 0,
    // keccak(0x02 ‖ rlp([first nine fields])) for type 2.
    Hash256 signingHash() const;

    // The sender, for a transaction meant for the network with `networkChainId`. A chain id
    // mismatch is refused before any signature work ("made for chain id X, this network is Y"):
    // the id is a required argument so that no caller can forget the replay check. Code that
    // only displays a transaction of any network passes `tx.chainId` deliberately.
    Result<crypto::Address> recoverSender(std::uint64_t networkChainId) const;

    // Sets chainId and signs signingHash() with `key` (deterministic, RFC 6979, low S).
    void sign(const crypto::PrivateKey& key, std::uint64_t chainIdToSign);

    friend bool operator==(const Transaction&, const Transaction&) = default;
};

} // namespace ls::protocol
