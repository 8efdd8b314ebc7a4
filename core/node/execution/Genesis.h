#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/node/execution/ChainParams.h"
#include "core/node/execution/ChainState.h"
#include "core/node/execution/StateChange.h"
#include "core/protocol/ValidatorSet.h"
#include "core/util/Error.h"

#include <QByteArray>
#include <QJsonObject>

#include <cstdint>
#include <vector>

namespace ls::node {

struct GenesisAllocation {
    crypto::Address address;
    codec::UInt256 balance;

    friend bool operator==(const GenesisAllocation&, const GenesisAllocation&) = default;
};

// The genesis file of docs/protocol.md §7: the network's chain id, start time, first validators,
// initial balances and parameters. Parsing is strict — unknown or missing fields, wrong JSON
// types, bad addresses or amounts, duplicate allocations or validators are refused with a message
// that names the field — because every node of a network must read the same file the same way.
// The genesis header (and so the genesis hash) is built by the block layer from this and the
// state root of initialStateChanges().
struct Genesis {
    std::uint64_t chainId = 0;
    std::uint64_t timeMs = 0;
    std::vector<protocol::Validator> validators; // in file order
    std::vector<GenesisAllocation> allocations; // in file order
    ChainParams params; // params.chainId == chainId

    static Result<Genesis> parse(const QByteArray& json);
    static Result<Genesis> fromJson(const QJsonObject& object);
    QJsonObject toJson() const;
    QByteArray serialize() const; // indented JSON that parse() reads back to an equal value

    // Everything parse() checks beyond JSON shape, for values built in code (`init`).
    Result<void> validate() const;
    // The validators as the header's set (sorted by address).
    Result<protocol::ValidatorSet> validatorSet() const;

    // The state at height 0: one account per allocation (nonce 0) and the parameters entry.
    void writeInitialState(ChainState& state) const;
    // The same as tree updates over an empty state, sorted by path.
    std::vector<StateChange> initialStateChanges() const;

    friend bool operator==(const Genesis&, const Genesis&) = default;
};

} // namespace ls::node
