#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/node/execution/BlockContext.h"
#include "core/node/execution/CallResult.h"
#include "core/node/execution/StateOverlay.h"
#include "core/node/execution/StateView.h"
#include "core/protocol/Receipt.h"
#include "core/protocol/Transaction.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ls::node {

struct GasEstimate {
    std::uint64_t gas = 0; // the fixed schedule: intrinsic + the function's gas
    std::optional<std::string> revertReason; // set when the call would revert
};

// The state machine (docs/protocol.md §4): pure, deterministic and single-threaded. It reads and
// writes only through the overlay it is given, so the same transactions over the same state give
// the same changes and receipts on every node.
class Executor {
public:
    // Executes one transaction of a block, whose sender the caller has recovered (through
    // Transaction::recoverSender, which enforces the chain id).
    //
    // An Error means the transaction is not valid in this block and must be left out of it:
    // chain id, gas price, gas limit (intrinsic, block limit, or no room left in the block),
    // calldata to a non-contract, a nonce other than the account's next one, a balance below
    // gasLimit · effectiveGasPrice; also an unreadable or corrupt state (Internal). The overlay
    // is then exactly as before the call.
    //
    // Otherwise the transaction is in the block and the receipt says how it went. The sender's
    // nonce is incremented and gasUsed · effectiveGasPrice goes from the sender to the proposer
    // whatever happens; the rest — value transfer and contract call — either happens entirely
    // or, on a revert (status 0, revertReason set, no logs), not at all. "out of gas" when the
    // gas limit is below the fixed schedule, with gasUsed = gasLimit.
    static Result<protocol::Receipt> apply(StateOverlay& overlay, const protocol::Transaction& tx,
        const crypto::Address& sender, const BlockContext& context);
    // The same, for a caller that already knows tx.hash() (the mempool computed it at admission):
    // `txHash` must be exactly that.
    static Result<protocol::Receipt> apply(StateOverlay& overlay, const protocol::Transaction& tx,
        const crypto::Address& sender, const BlockContext& context, const Hash256& txHash);

    // eth_call: runs a call from `from` against `state` without nonce, gas or fee, and keeps
    // nothing. Views return their ABI-encoded values in `output`; a revert carries its reason
    // (CallResult::revertData() is what eth_call returns as error data). Calldata to an account
    // that is not a system contract returns empty output, as a call to an account without code
    // does in Ethereum. An Error is a node problem (unreadable state), never the call's fault.
    static Result<CallResult> call(StateView& state, const BlockContext& context,
        const crypto::Address& from, const crypto::Address& to, ByteView data,
        const codec::UInt256& value);

    // eth_estimateGas: the fixed schedule for the call, and the revert reason if it would revert
    // when executed now. Calldata to a non-contract and a call that needs more than the block gas
    // limit are refused with the admission message.
    static Result<GasEstimate> estimateGas(StateView& state, const BlockContext& context,
        const crypto::Address& from, const crypto::Address& to, ByteView data,
        const codec::UInt256& value);
};

} // namespace ls::node
