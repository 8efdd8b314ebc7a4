#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/node/execution/ChainParams.h"
#include "core/node/execution/StateView.h"
#include "core/protocol/Transaction.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

// The fee and validity rules of docs/protocol.md §4, shared by the mempool (admission) and by
// block application, so a transaction the mempool accepted is judged by the same code when it is
// executed. Every refusal is an InvalidInput error whose message starts "Transaction rejected:"
// and says what to change.
namespace ls::node {

// Exact: the nonce must be the account's next one (block application, a simple mempool).
// AllowFuture: a larger nonce is accepted too, for a mempool that queues gapped transactions.
enum class NoncePolicy { Exact, AllowFuture };

// Type 0: gasPrice, which must be ≥ minGasPrice. Type 2: maxFeePerGas ≥ minGasPrice and
// maxPriorityFeePerGas ≤ maxFeePerGas, giving min(maxFeePerGas, minGasPrice + priority fee).
Result<codec::UInt256> effectiveGasPrice(
    const protocol::Transaction& tx, const codec::UInt256& minGasPrice);

// gasLimit · price, the most the gas can cost; an error when it does not fit in 256 bits (no
// balance could pay it).
Result<codec::UInt256> maxGasCost(const protocol::Transaction& tx, const codec::UInt256& price);

// What needs no state: chain id, price, gasLimit between the intrinsic gas and the block gas
// limit, and no calldata to an account that is not a system contract.
Result<void> checkTransactionRules(const protocol::Transaction& tx, const ChainParams& params);

// checkTransactionRules, then the sender's account: the nonce (see NoncePolicy; 2^64-1 is never
// usable, EIP-2681) and balance ≥ gasLimit · effectiveGasPrice + value.
Result<void> checkAdmission(StateView& state, const protocol::Transaction& tx,
    const crypto::Address& sender, const ChainParams& params,
    NoncePolicy noncePolicy = NoncePolicy::Exact);

struct VerifiedTransaction {
    protocol::Transaction tx;
    crypto::Address sender;
};

// Transaction::decode then recoverSender for this network: the first step for raw bytes from
// eth_sendRawTransaction or a block body. A transaction of another chain id is refused here.
Result<VerifiedTransaction> decodeAndRecover(ByteView raw, std::uint64_t chainId);

} // namespace ls::node
