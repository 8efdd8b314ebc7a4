#include "core/light/ForkCheck.h"

#include "core/codec/Hex.h"
#include "core/light/Verifier.h"

#include <algorithm>

namespace ls::light {
namespace {

CrossCheckVerdict faulty(std::string reason)
{
    return { CrossCheckVerdict::Kind::Faulty, std::move(reason), {} };
}

std::vector<crypto::Address> signersOf(
    const protocol::Commit& commit, const protocol::ValidatorSet& set)
{
    std::vector<crypto::Address> out;
    for (const protocol::CommitSignature& entry : commit.signatures)
        if (entry.validatorIndex < set.size())
            out.push_back(set.at(static_cast<std::size_t>(entry.validatorIndex)).address);
    std::ranges::sort(out);
    return out;
}

} // namespace

CrossCheckVerdict crossCheck(const TrustedState& ours, const protocol::LightBlock& theirs)
{
    const protocol::Header& header = theirs.header;
    if (header.chainId != ours.chainId())
        return faulty("it answers for chain id " + std::to_string(header.chainId) + " instead of "
            + std::to_string(ours.chainId()) + ".");
    if (header.height != ours.height())
        return faulty("asked for the block at height " + std::to_string(ours.height())
            + ", it sent one at height " + std::to_string(header.height) + ".");
    const Hash256 theirHash = header.hash();
    if (theirHash == ours.hash()) {
        // The right header is not enough: an endpoint that sends it with a broken commit or a
        // wrong validator set could not be verified from, so it does not agree. (The genesis is
        // trusted by its pinned hash and carries no signatures.)
        if (header.height == 0)
            return {};
        if (auto own = verifyOwnCommit(theirs); !own)
            return faulty("it sends the verified block at height " + std::to_string(header.height)
                + ", but its commit does not verify: " + own.error().message);
        return {};
    }

    const std::string which = "its block at height " + std::to_string(header.height) + " ("
        + codec::toHex(theirHash, true) + ") differs from the verified one ("
        + codec::toHex(ours.hash(), true) + ")";
    if (auto own = verifyOwnCommit(theirs); !own)
        return faulty(which + " and is not final: " + own.error().message);

    const protocol::ValidatorSet& trusted = ours.validators();
    const std::uint64_t overlap = trustedPowerOfSigners(trusted, theirs.commit, theirs.validators);
    if (3 * overlap <= trusted.totalPower())
        return faulty(which + ", but it is signed by validators this client does not trust ("
            + std::to_string(overlap) + " of " + std::to_string(trusted.totalPower())
            + " trusted voting power).");

    CrossCheckVerdict verdict;
    verdict.kind = CrossCheckVerdict::Kind::Fork;
    verdict.reason = which + ", and validators holding " + std::to_string(overlap) + " of "
        + std::to_string(trusted.totalPower())
        + " voting power signed it: the validators have signed two different blocks at one "
          "height.";
    const auto ourSigners = signersOf(ours.commit(), ours.validators());
    const auto theirSigners = signersOf(theirs.commit, theirs.validators);
    std::ranges::set_intersection(
        ourSigners, theirSigners, std::back_inserter(verdict.doubleSigners));
    return verdict;
}

} // namespace ls::light
