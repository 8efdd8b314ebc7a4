#pragma once

#include "core/codec/RlpDecoder.h"
#include "core/crypto/Secp256k1.h"
#include "core/protocol/Header.h"
#include "core/protocol/ValidatorSet.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <span>
#include <vector>

namespace ls::protocol {

// One validator's precommit inside a commit: its index in the block's validator set and its
// signature over voteSignBytes(chainId, height, round, blockHash), sent as 65 bytes r ‖ s ‖ v
// with v the recovery id (0 or 1).
struct CommitSignature {
    std::uint64_t validatorIndex = 0;
    crypto::RecoverableSignature signature;
    friend bool operator==(const CommitSignature&, const CommitSignature&) = default;
};

// The proof that a block is final (docs/protocol.md §5):
// rlp([height, round, blockHash, [[validatorIndex, signature(65)]…]]).
struct Commit {
    std::uint64_t height = 0;
    std::uint64_t round = 0;
    Hash256 blockHash {};
    std::vector<CommitSignature> signatures; // strictly increasing validatorIndex

    Bytes encode() const;
    // Structure only (field counts, canonical integers, 65-byte signatures with v 0 or 1,
    // nothing after the list). Order, membership, signatures and power are verify()'s job.
    static Result<Commit> decode(ByteView encoded);
    static Result<Commit> fromRlp(const codec::RlpItem& item);

    // Success iff this commit finalises `header`, signed by `validators` (which must be the set
    // the header names in validatorsHash): same height and block hash, signatures in strictly
    // increasing validator index, each recovering (low S) to the validator at its index, and
    // the signers holding more than two thirds of the voting power (3·signed > 2·total). Each
    // failure has its own message (ErrorKind::Verification) naming the signature at fault.
    Result<void> verify(const Header& header, const ValidatorSet& validators) const;

    // A commit for `header` at `round` signed with `keys` (any order; each must belong to a
    // member of `validators`, at most once). For tests and for a single-validator node.
    static Result<Commit> sign(const Header& header, std::uint64_t round,
        const ValidatorSet& validators, std::span<const crypto::PrivateKey> keys);

    friend bool operator==(const Commit&, const Commit&) = default;
};

} // namespace ls::protocol
