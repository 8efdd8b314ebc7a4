#include "core/light/Verifier.h"

#include "core/codec/Hex.h"

#include <string>

namespace ls::light {
namespace {

std::string hexOf(const Hash256& hash)
{
    return codec::toHex(hash, true);
}

std::string at(std::uint64_t height)
{
    return "the block at height " + std::to_string(height);
}

VerifyResult<void> checkChain(std::uint64_t expected, const protocol::Header& header)
{
    if (header.chainId != expected)
        return refuse(VerifyFailure::WrongChain,
            "Wrong chain: " + at(header.height) + " is for chain id "
                + std::to_string(header.chainId) + ", but this network is chain id "
                + std::to_string(expected) + ".");
    return {};
}

VerifyResult<void> checkTime(const TrustedState& trusted, const protocol::Header& header)
{
    // Equal times are allowed: the protocol asks only that block time never goes backwards, and a
    // fast chain can produce two blocks within the same millisecond.
    if (header.timeMs < trusted.header().timeMs)
        return refuse(VerifyFailure::TimeBackwards,
            "Time going backwards: " + at(header.height) + " has time "
                + std::to_string(header.timeMs) + " ms, earlier than the verified block at height "
                + std::to_string(trusted.height()) + " (" + std::to_string(trusted.header().timeMs)
                + " ms).");
    return {};
}

// Power the commit's entries claim in `set`, counting only in-range indexes in strictly
// increasing order, so the sum never exceeds the set's total (no overflow) whatever the commit.
std::uint64_t claimedPower(const protocol::Commit& commit, const protocol::ValidatorSet& set)
{
    std::uint64_t sum = 0;
    bool first = true;
    std::uint64_t previous = 0;
    for (const protocol::CommitSignature& entry : commit.signatures) {
        if (entry.validatorIndex >= set.size() || (!first && entry.validatorIndex <= previous))
            continue;
        sum += set.at(static_cast<std::size_t>(entry.validatorIndex)).votingPower;
        previous = entry.validatorIndex;
        first = false;
    }
    return sum;
}

} // namespace

VerifyResult<void> verifyOwnCommit(const protocol::LightBlock& block)
{
    const protocol::Header& header = block.header;
    const Hash256 setHash = block.validators.hash();
    if (setHash != header.validatorsHash)
        return refuse(VerifyFailure::ValidatorSetMismatch,
            "Validator set hash mismatch: the validator set sent with " + at(header.height)
                + " hashes to " + hexOf(setHash) + ", but its header names "
                + hexOf(header.validatorsHash) + ".");
    // Counting claimed power first costs no signature work and tells "not enough signers" apart
    // from "forged signatures".
    const std::uint64_t claimed = claimedPower(block.commit, block.validators);
    const std::uint64_t total = block.validators.totalPower();
    if (3 * claimed <= 2 * total) // total ≤ 2^62: no overflow
        return refuse(VerifyFailure::InsufficientVotingPower,
            "Insufficient voting power: the commit for " + at(header.height) + " is signed by "
                + std::to_string(claimed) + " of " + std::to_string(total)
                + " voting power; more than two thirds is needed.");
    if (auto valid = block.commit.verify(header, block.validators); !valid)
        return refuse(VerifyFailure::InvalidCommit,
            "Invalid commit for " + at(header.height) + ": " + valid.error().message);
    return {};
}

std::uint64_t trustedPowerOfSigners(const protocol::ValidatorSet& trusted,
    const protocol::Commit& commit, const protocol::ValidatorSet& signers)
{
    std::uint64_t sum = 0;
    for (const protocol::CommitSignature& entry : commit.signatures) {
        if (entry.validatorIndex >= signers.size())
            continue;
        const auto& address = signers.at(static_cast<std::size_t>(entry.validatorIndex)).address;
        if (auto index = trusted.indexOf(address))
            sum += trusted.at(*index).votingPower;
    }
    // A verified commit names each signer once, so sum ≤ trusted total; clamp for any other.
    return sum < trusted.totalPower() ? sum : trusted.totalPower();
}

VerifyResult<TrustedState> anchorGenesis(
    std::uint64_t chainId, const Hash256& genesisHash, const protocol::LightBlock& genesis)
{
    const protocol::Header& header = genesis.header;
    if (header.height != 0)
        return refuse(VerifyFailure::GenesisMismatch,
            "Genesis mismatch: the server sent a block at height " + std::to_string(header.height)
                + " as the genesis block.");
    if (auto chain = checkChain(chainId, header); !chain)
        return std::unexpected(chain.error());
    const Hash256 hash = header.hash();
    if (hash != genesisHash)
        return refuse(VerifyFailure::GenesisMismatch,
            "Genesis mismatch: the server's genesis block hashes to " + hexOf(hash)
                + ", but the network profile pins " + hexOf(genesisHash)
                + ". The server belongs to another network (or lies about this one).");
    if (header.parentHash != Hash256 {})
        return refuse(VerifyFailure::GenesisMismatch,
            "Genesis mismatch: the genesis header has a parent hash.");
    const Hash256 setHash = genesis.validators.hash();
    if (setHash != header.validatorsHash)
        return refuse(VerifyFailure::ValidatorSetMismatch,
            "Validator set hash mismatch: the genesis validator set sent hashes to "
                + hexOf(setHash) + ", but the genesis header names " + hexOf(header.validatorsHash)
                + ".");
    return TrustedState(genesis);
}

VerifyResult<TrustedState> verifyAdjacent(
    const TrustedState& trusted, const protocol::LightBlock& next)
{
    const protocol::Header& header = next.header;
    if (auto chain = checkChain(trusted.chainId(), header); !chain)
        return std::unexpected(chain.error());
    if (header.height != trusted.height() + 1)
        return refuse(VerifyFailure::NotAdjacent,
            "Not the next block: expected height " + std::to_string(trusted.height() + 1) + ", got "
                + std::to_string(header.height) + ".");
    if (header.parentHash != trusted.hash())
        return refuse(VerifyFailure::BadParentLink,
            "Bad parent link: " + at(header.height) + " names parent " + hexOf(header.parentHash)
                + ", but the verified block at height " + std::to_string(trusted.height()) + " is "
                + hexOf(trusted.hash()) + ".");
    if (auto time = checkTime(trusted, header); !time)
        return std::unexpected(time.error());
    if (header.validatorsHash != trusted.nextValidatorsHash())
        return refuse(VerifyFailure::UnexpectedValidators,
            "Validator set hash mismatch: the verified block at height "
                + std::to_string(trusted.height()) + " announced the next validator set "
                + hexOf(trusted.nextValidatorsHash()) + ", but " + at(header.height) + " names "
                + hexOf(header.validatorsHash) + ".");
    if (auto commit = verifyOwnCommit(next); !commit)
        return std::unexpected(commit.error());
    return TrustedState(next);
}

VerifyResult<TrustedState> verifySkipping(
    const TrustedState& trusted, const protocol::LightBlock& target)
{
    const protocol::Header& header = target.header;
    if (auto chain = checkChain(trusted.chainId(), header); !chain)
        return std::unexpected(chain.error());
    if (header.height <= trusted.height())
        return refuse(VerifyFailure::NotNewer,
            "Not a newer block: " + at(header.height) + " is not above the verified height "
                + std::to_string(trusted.height()) + ".");
    if (header.height == trusted.height() + 1)
        return verifyAdjacent(trusted, target);
    if (auto time = checkTime(trusted, header); !time)
        return std::unexpected(time.error());
    if (auto commit = verifyOwnCommit(target); !commit)
        return std::unexpected(commit.error());

    const protocol::ValidatorSet& trustedSet = trusted.validators();
    const std::uint64_t overlap
        = trustedPowerOfSigners(trustedSet, target.commit, target.validators);
    if (3 * overlap <= trustedSet.totalPower())
        return refuse(VerifyFailure::NeedsBisection,
            "Needs bisection: validators trusted at height " + std::to_string(trusted.height())
                + " hold only " + std::to_string(overlap) + " of "
                + std::to_string(trustedSet.totalPower()) + " voting power among the signers of "
                + at(header.height) + "; more than one third is needed to skip there.");
    return TrustedState(target);
}

VerifyResult<TrustedState> verifyForward(
    const TrustedState& trusted, const protocol::LightBlock& block)
{
    if (block.header.height == trusted.height() + 1)
        return verifyAdjacent(trusted, block);
    return verifySkipping(trusted, block);
}

} // namespace ls::light
