#pragma once

#include "core/light/TrustedState.h"
#include "core/light/VerifyError.h"
#include "core/protocol/Commit.h"
#include "core/protocol/LightBlock.h"
#include "core/protocol/ValidatorSet.h"
#include "core/util/Bytes.h"

#include <cstdint>

// The light client's verification rules (DESIGN.md §3 "Light client", docs/protocol.md §5),
// pure functions of their arguments: no I/O, no clock. They follow the CometBFT light client
// specification: sequential (adjacent) verification through nextValidatorsHash, and skipping
// verification with trust level 1/3 whose failure asks the caller to bisect.
//
// Everything here uses core/protocol only; the node's code is never trusted to check itself.
namespace ls::light {

// The root of trust. `genesis` must be the height-0 block of the chain `chainId` whose header
// hashes to `genesisHash` (the network profile's pin), with parent hash zero, and its validator
// set must be the one the header names. The genesis block is trusted by its hash, not by a
// commit, so whatever commit it carries is ignored.
VerifyResult<TrustedState> anchorGenesis(
    std::uint64_t chainId, const Hash256& genesisHash, const protocol::LightBlock& genesis);

// `next` at trusted height + 1: same chain id, parent hash = the trusted hash, time not going
// backwards, its validator set the one the trusted header announced (nextValidatorsHash) and
// hashing to its own validatorsHash, and a commit of that set with more than 2/3 of its power.
VerifyResult<TrustedState> verifyAdjacent(
    const TrustedState& trusted, const protocol::LightBlock& next);

// `target` at any height above trusted + 1 (trusted + 1 is handed to verifyAdjacent): same chain
// id, time not going backwards, its validator set hashing to its validatorsHash, a valid commit
// with more than 2/3 of that set's power, and among its signers validators holding more than
// 1/3 of the power of the trusted header's own set. When only that last rule fails the error is
// VerifyFailure::NeedsBisection: the block may well be fine, but it must be reached through an
// intermediate height (see Bisection).
//
// The trusted header's own set (not its next set, which the client may not have) measures the
// overlap. On a Proof-of-Authority chain validators do not unbond, so there is no trusting
// period after which an old set stops being accountable.
VerifyResult<TrustedState> verifySkipping(
    const TrustedState& trusted, const protocol::LightBlock& target);

// verifyAdjacent for trusted height + 1, verifySkipping above it, NotNewer at or below it.
VerifyResult<TrustedState> verifyForward(
    const TrustedState& trusted, const protocol::LightBlock& block);

// The part of a commit that does not depend on trust: the block's validator set hashes to its
// header's validatorsHash, the claimed signers hold more than 2/3 of it, and every signature is
// a valid vote for this header (protocol::Commit::verify).
VerifyResult<void> verifyOwnCommit(const protocol::LightBlock& block);

// The voting power, counted in `trusted`, of the validators of `signers` whose signatures are in
// `commit`. The commit must already have been verified against `signers`.
std::uint64_t trustedPowerOfSigners(const protocol::ValidatorSet& trusted,
    const protocol::Commit& commit, const protocol::ValidatorSet& signers);

} // namespace ls::light
