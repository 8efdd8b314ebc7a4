#include "core/protocol/ValidatorSet.h"

#include "core/codec/RlpEncoder.h"
#include "core/crypto/Keccak.h"
#include "core/protocol/RlpFields.h"

#include <algorithm>
#include <string>

namespace ls::protocol {

Result<ValidatorSet> ValidatorSet::create(std::vector<Validator> validators)
{
    std::ranges::stable_sort(validators, {}, &Validator::address);
    return fromSorted(std::move(validators), "Invalid validator set: ");
}

Result<ValidatorSet> ValidatorSet::fromSorted(
    std::vector<Validator> validators, const std::string& what)
{
    if (validators.empty())
        return fail(ErrorKind::InvalidInput, what + "it has no validators.");
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < validators.size(); ++i) {
        const Validator& v = validators[i];
        if (i > 0 && !(validators[i - 1].address < v.address)) {
            if (validators[i - 1].address == v.address)
                return fail(ErrorKind::InvalidInput,
                    what + "validator " + v.address.toChecksumString() + " appears twice.");
            return fail(ErrorKind::InvalidInput,
                what + "validators must be in increasing address order, but "
                    + v.address.toChecksumString() + " comes after "
                    + validators[i - 1].address.toChecksumString() + ".");
        }
        if (v.votingPower == 0)
            return fail(ErrorKind::InvalidInput,
                what + "validator " + v.address.toChecksumString() + " has zero voting power.");
        // Both operands are at most 2^62 here, so the sum cannot wrap before the check.
        if (v.votingPower > kMaxTotalPower || total + v.votingPower > kMaxTotalPower)
            return fail(ErrorKind::InvalidInput, what + "the total voting power exceeds 2^62.");
        total += v.votingPower;
    }
    return ValidatorSet(std::move(validators), total);
}

Result<ValidatorSet> ValidatorSet::decode(ByteView encoded)
{
    auto item = codec::decodeRlp(encoded);
    if (!item)
        return fail(ErrorKind::InvalidInput, "Malformed validator set: " + item.error().message);
    return fromRlp(*item);
}

Result<ValidatorSet> ValidatorSet::fromRlp(const codec::RlpItem& item)
{
    if (!item.isList())
        return fail(ErrorKind::InvalidInput,
            "Malformed validator set: expected an RLP list but found a byte string.");
    std::vector<Validator> validators;
    validators.reserve(item.childCount());
    for (const codec::RlpItem entry : item) {
        auto fields = RlpFields::open(entry, "validator set entry", { "address", "votingPower" });
        if (!fields)
            return std::unexpected(std::move(fields.error()));
        Validator v;
        LS_PROTOCOL_ASSIGN_OR_RETURN(v.address, fields->address(0));
        LS_PROTOCOL_ASSIGN_OR_RETURN(v.votingPower, fields->u64(1));
        validators.push_back(v);
    }
    return fromSorted(std::move(validators), "Malformed validator set: ");
}

Bytes ValidatorSet::encode() const
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    for (const Validator& v : m_validators) {
        rlp.beginList();
        rlp.addBytes(v.address.view());
        rlp.addUInt(v.votingPower);
        rlp.endList();
    }
    rlp.endList();
    return rlp.finish();
}

Hash256 ValidatorSet::hash() const
{
    return crypto::keccak256(encode());
}

std::optional<std::size_t> ValidatorSet::indexOf(const crypto::Address& address) const
{
    auto it = std::ranges::lower_bound(m_validators, address, {}, &Validator::address);
    if (it == m_validators.end() || it->address != address)
        return std::nullopt;
    return static_cast<std::size_t>(it - m_validators.begin());
}

} // namespace ls::protocol
