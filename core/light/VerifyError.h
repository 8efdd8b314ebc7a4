#pragma once

#include "core/util/Error.h"

#include <expected>
#include <string>

namespace ls::light {

// Why the light client refused a block. The kind lets the caller react (bisect, mark an endpoint
// faulty, raise an alarm) without parsing text; the message is for the user.
enum class VerifyFailure {
    WrongChain, // the block is for another chain id
    GenesisMismatch, // the height-0 header is not the one the network profile pins
    NotNewer, // the block is not above the trusted height
    NotAdjacent, // adjacent verification was asked for a block that is not trusted height + 1
    BadParentLink, // parentHash is not the hash of the trusted header
    TimeBackwards, // the block is older than the trusted header
    ValidatorSetMismatch, // the validator set sent does not hash to the header's validatorsHash
    UnexpectedValidators, // the header's validators are not the ones the trusted header announced
    InsufficientVotingPower, // the commit's signers hold two thirds or less of the block's set
    InvalidCommit, // a signature is bad, for another block, out of order, …
    NeedsBisection, // skipping: too few of the trusted validators signed; verify a height between
    WrongHeight, // a server answered with a block for another height than the one asked for
};

struct VerifyError {
    VerifyFailure failure = VerifyFailure::InvalidCommit;
    std::string message;

    bool needsBisection() const { return failure == VerifyFailure::NeedsBisection; }
    Error toError() const { return Error { ErrorKind::Verification, message }; }
};

template <typename T> using VerifyResult = std::expected<T, VerifyError>;

inline std::unexpected<VerifyError> refuse(VerifyFailure failure, std::string message)
{
    return std::unexpected(VerifyError { failure, std::move(message) });
}

} // namespace ls::light
