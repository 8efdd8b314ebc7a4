#pragma once

#include "core/codec/RlpDecoder.h"
#include "core/crypto/Address.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace ls::protocol {

struct Validator {
    crypto::Address address;
    std::uint64_t votingPower = 0;
    friend bool operator==(const Validator&, const Validator&) = default;
};

// The validators that sign a block (docs/protocol.md §5): rlp([[address, votingPower]…]) in
// strictly increasing address order; its hash (keccak of that encoding) is what headers carry.
// Every instance is valid: at least one validator, no duplicate address, no zero power, total
// power at most 2^62 — so 3 × any sum of powers fits in 64 bits and commit arithmetic cannot
// overflow.
class ValidatorSet {
public:
    static constexpr std::uint64_t kMaxTotalPower = std::uint64_t { 1 } << 62;

    // Sorts by address and checks the rules above.
    static Result<ValidatorSet> create(std::vector<Validator> validators);
    // The canonical encoding only: the same rules, and the list must already be in order.
    static Result<ValidatorSet> decode(ByteView encoded);
    static Result<ValidatorSet> fromRlp(const codec::RlpItem& item);

    Bytes encode() const;
    Hash256 hash() const;

    const std::vector<Validator>& validators() const { return m_validators; }
    std::size_t size() const { return m_validators.size(); }
    const Validator& at(std::size_t index) const { return m_validators.at(index); }
    std::uint64_t totalPower() const { return m_totalPower; }
    std::optional<std::size_t> indexOf(const crypto::Address& address) const;

    friend bool operator==(const ValidatorSet&, const ValidatorSet&) = default;

private:
    ValidatorSet(std::vector<Validator> validators, std::uint64_t totalPower)
        : m_validators(std::move(validators))
        , m_totalPower(totalPower)
    {
    }
    // Checks sorted validators; `what` prefixes the messages.
    static Result<ValidatorSet> fromSorted(
        std::vector<Validator> validators, const std::string& what);

    std::vector<Validator> m_validators;
    std::uint64_t m_totalPower = 0;
};

} // namespace ls::protocol
