#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/protocol/Transaction.h"
#include "core/util/Bytes.h"

#include <cstdint>

namespace ls::node {

// A transaction admitted to the mempool, with what the pool orders and limits by computed once:
// the sender is recovered at admission (the expensive part), never again at block time.
struct PendingTransaction {
    protocol::Transaction transaction;
    Hash256 hash{};
    crypto::Address sender;
    std::size_t encodedSize = 0;
    // The most the sender pays per gas (gasPrice, or maxFeePerGas for type 2): what a
    // replacement must outbid.
    codec::UInt256 feeCap;
    // What the proposer earns per gas above the minimum: orders transactions across senders.
    codec::UInt256 tip;

    static PendingTransaction make(protocol::Transaction transaction, const crypto::Address& sender,
                                   const codec::UInt256& minGasPrice);
};

} // namespace ls::node
