#include "core/node/mempool/PendingTransaction.h"

#include "core/crypto/Keccak.h"

namespace ls::node {

PendingTransaction PendingTransaction::make(protocol::Transaction transaction,
                                            const crypto::Address& sender,
                                            const codec::UInt256& minGasPrice)
{
    PendingTransaction pending;
    auto encoded = transaction.encode(); // once: the hash is keccak of these bytes
    pending.hash = crypto::keccak256(encoded);
    pending.encodedSize = encoded.size();
    pending.sender = sender;
    if (transaction.type == protocol::TransactionType::Legacy) {
        pending.feeCap = transaction.gasPrice;
        pending.tip = transaction.gasPrice.checkedSub(minGasPrice).value_or(codec::UInt256());
    } else {
        pending.feeCap = transaction.maxFeePerGas;
        auto headroom = transaction.maxFeePerGas.checkedSub(minGasPrice).value_or(codec::UInt256());
        pending.tip = std::min(headroom, transaction.maxPriorityFeePerGas);
    }
    pending.transaction = std::move(transaction);
    return pending;
}

} // namespace ls::node
