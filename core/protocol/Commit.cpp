#include "core/protocol/Commit.h"

#include "core/codec/Hex.h"
#include "core/codec/RlpEncoder.h"
#include "core/protocol/RlpFields.h"
#include "core/protocol/VoteSignBytes.h"

#include <algorithm>
#include <string>

namespace ls::protocol {
namespace {

std::unexpected<Error> rejected(const std::string& message)
{
    return fail(ErrorKind::Verification, "Commit rejected: " + message + ".");
}

std::string hexHash(const Hash256& hash)
{
    return codec::toHex(hash, true);
}

std::string signatureLabel(std::size_t position, std::uint64_t index)
{
    return "signature #" + std::to_string(position) + " (validator index " + std::to_string(index)
        + ")";
}

Result<CommitSignature> readSignature(const codec::RlpItem& entry)
{
    auto fields = RlpFields::open(entry, "commit signature", { "validatorIndex", "signature" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    CommitSignature out;
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.validatorIndex, fields->u64(0));
    FixedBytes<65> raw {};
    LS_PROTOCOL_ASSIGN_OR_RETURN(raw, fields->fixed<65>(1));
    // Only 0 and 1: RecoverableSignature::fromBytes would also take Ethereum's 27/28, which
    // would give one signature two encodings.
    if (raw[64] > 1)
        return fields->fieldError(
            1, "the last byte (recovery id) must be 0 or 1, not " + std::to_string(raw[64]) + ".");
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.signature, crypto::RecoverableSignature::fromBytes(raw));
    return out;
}

} // namespace

Bytes Commit::encode() const
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addUInt(height);
    rlp.addUInt(round);
    rlp.addBytes(blockHash);
    rlp.beginList();
    for (const CommitSignature& entry : signatures) {
        rlp.beginList();
        rlp.addUInt(entry.validatorIndex);
        rlp.addBytes(entry.signature.toBytes());
        rlp.endList();
    }
    rlp.endList();
    rlp.endList();
    return rlp.finish();
}

Result<Commit> Commit::decode(ByteView encoded)
{
    auto item = codec::decodeRlp(encoded);
    if (!item)
        return fail(ErrorKind::InvalidInput, "Malformed commit: " + item.error().message);
    return fromRlp(*item);
}

Result<Commit> Commit::fromRlp(const codec::RlpItem& item)
{
    auto fields = RlpFields::open(item, "commit", { "height", "round", "blockHash", "signatures" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    Commit commit;
    LS_PROTOCOL_ASSIGN_OR_RETURN(commit.height, fields->u64(0));
    LS_PROTOCOL_ASSIGN_OR_RETURN(commit.round, fields->u64(1));
    LS_PROTOCOL_ASSIGN_OR_RETURN(commit.blockHash, fields->hash(2));
    std::vector<codec::RlpItem> entries;
    LS_PROTOCOL_ASSIGN_OR_RETURN(entries, fields->list(3));
    commit.signatures.reserve(entries.size());
    for (const codec::RlpItem& entry : entries) {
        auto signature = readSignature(entry);
        if (!signature)
            return std::unexpected(std::move(signature.error()));
        commit.signatures.push_back(*signature);
    }
    return commit;
}

Result<void> Commit::verify(const Header& header, const ValidatorSet& validators) const
{
    if (height != header.height)
        return rejected("it is for height " + std::to_string(height)
            + ", but the header is at height " + std::to_string(header.height));
    const Hash256 headerHash = header.hash();
    if (blockHash != headerHash)
        return rejected("it is for block " + hexHash(blockHash) + ", but the header at height "
            + std::to_string(header.height) + " hashes to " + hexHash(headerHash));
    if (validators.hash() != header.validatorsHash)
        return rejected("the validator set given hashes to " + hexHash(validators.hash())
            + ", not to the header's validators hash " + hexHash(header.validatorsHash));

    // Cheap structural checks first, so a hostile commit costs no signature recovery before it
    // is known to name each validator at most once.
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        const std::uint64_t index = signatures[i].validatorIndex;
        if (index >= validators.size())
            return rejected(signatureLabel(i, index)
                + " names a validator outside the set, which has "
                + std::to_string(validators.size()) + " validators");
        if (i > 0 && index == signatures[i - 1].validatorIndex)
            return rejected(
                signatureLabel(i, index) + " repeats the validator of the signature before it");
        if (i > 0 && index < signatures[i - 1].validatorIndex)
            return rejected(signatureLabel(i, index)
                + " is out of order: signatures must be in strictly increasing validator "
                  "index, and it follows index "
                + std::to_string(signatures[i - 1].validatorIndex));
    }

    const Hash256 digest = voteSignBytes(header.chainId, height, round, blockHash);
    std::uint64_t signedPower = 0;
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        const CommitSignature& entry = signatures[i];
        const Validator& validator = validators.at(static_cast<std::size_t>(entry.validatorIndex));
        auto key = crypto::recover(digest, entry.signature);
        if (!key)
            return rejected(
                signatureLabel(i, entry.validatorIndex) + " is invalid: " + key.error().message);
        const crypto::Address signer = crypto::Address::fromPublicKey(*key);
        if (signer != validator.address)
            // A signature over other vote data recovers to some unrelated key, so the two causes
            // cannot be told apart: the message names both and the vote that was expected.
            return rejected(signatureLabel(i, entry.validatorIndex) + " is not a vote of "
                + validator.address.toChecksumString() + " for chain id "
                + std::to_string(header.chainId) + ", height " + std::to_string(height) + ", round "
                + std::to_string(round) + ", block " + hexHash(blockHash) + ": it recovers to "
                + signer.toChecksumString() + " (another key, or a vote for something else)");
        signedPower += validator.votingPower; // at most the total, itself at most 2^62
    }

    const std::uint64_t total = validators.totalPower();
    if (3 * signedPower <= 2 * total) // both sides below 2^64: total ≤ 2^62
        return rejected("its signers hold " + std::to_string(signedPower) + " of "
            + std::to_string(total)
            + " voting power; more than two thirds is needed to finalise a block");
    return {};
}

Result<Commit> Commit::sign(const Header& header, std::uint64_t round,
    const ValidatorSet& validators, std::span<const crypto::PrivateKey> keys)
{
    Commit commit;
    commit.height = header.height;
    commit.round = round;
    commit.blockHash = header.hash();
    const Hash256 digest = voteSignBytes(header.chainId, header.height, round, commit.blockHash);
    for (const crypto::PrivateKey& key : keys) {
        const crypto::Address address = crypto::Address::fromPublicKey(key.publicKey());
        auto index = validators.indexOf(address);
        if (!index)
            return fail(ErrorKind::InvalidInput,
                "Cannot sign the commit: " + address.toChecksumString()
                    + " is not in the validator set.");
        commit.signatures.push_back({ *index, crypto::sign(key, digest) });
    }
    std::ranges::sort(commit.signatures, {}, &CommitSignature::validatorIndex);
    auto repeated
        = std::ranges::adjacent_find(commit.signatures, {}, &CommitSignature::validatorIndex);
    if (repeated != commit.signatures.end())
        return fail(ErrorKind::InvalidInput,
            "Cannot sign the commit: two keys belong to validator "
                + validators.at(static_cast<std::size_t>(repeated->validatorIndex))
                      .address.toChecksumString()
                + ".");
    return commit;
}

} // namespace ls::protocol
