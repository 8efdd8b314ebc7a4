#include "core/node/execution/Executor.h"

#include "core/node/execution/Admission.h"
#include "core/node/execution/CatalogContract.h"
#include "core/node/execution/ChainState.h"
#include "core/node/execution/ExecutionTry.h"
#include "core/node/execution/GasSchedule.h"
#include "core/node/execution/RevertReasons.h"
#include "core/node/execution/SystemContracts.h"
#include "core/protocol/NativeTransfer.h"

#include <limits>
#include <string>

namespace ls::node {
namespace {

std::unexpected<Error> invalid(const std::string& why)
{
    return fail(ErrorKind::InvalidInput, "Transaction rejected: " + why);
}

// The value transfer and contract call of a transaction or eth_call: everything a revert undoes.
Result<CallResult> runCall(ChainState& state, const crypto::Address& from,
    const crypto::Address& to, ByteView data, const codec::UInt256& value,
    const BlockContext& context)
{
    if (isSystemContract(to))
        return CatalogContract::call(
            state, ContractCall { from, value, context.timeMs, context.params }, data);
    if (value.isZero())
        return CallResult {};
    auto sender = state.account(from);
    if (!sender)
        return std::unexpected(std::move(sender.error()));
    if (sender->balance < value)
        return CallResult::revert(revert::kInsufficientFunds);
    sender->balance = sender->balance.wrappingSub(value);
    state.setAccount(from, *sender);
    // Read after the debit, so a transfer to oneself ends where it started.
    auto recipient = state.account(to);
    if (!recipient)
        return std::unexpected(std::move(recipient.error()));
    auto balance = recipient->balance.checkedAdd(value);
    if (!balance)
        return CallResult::revert(revert::kOverflow);
    recipient->balance = *balance;
    state.setAccount(to, *recipient);
    // The native Transfer log (core/protocol/NativeTransfer.h): the only trace a light client
    // can prove that value reached `to`. Part of the call, so a revert drops it with the rest.
    CallResult result;
    result.logs.push_back(protocol::nativetransfer::encode({ from, to, value }));
    return result;
}

Result<protocol::Receipt> applyInOverlay(StateOverlay& overlay, const protocol::Transaction& tx,
    const crypto::Address& sender, const BlockContext& context, const Hash256& txHash)
{
    const ChainParams& params = context.params;
    if (auto rules = checkTransactionRules(tx, params); !rules)
        return std::unexpected(std::move(rules.error()));
    const std::uint64_t blockGasLeft
        = params.blockGasLimit - std::min(context.cumulativeGasUsed, params.blockGasLimit);
    if (tx.gasLimit > blockGasLeft)
        return invalid("its gas limit (" + std::to_string(tx.gasLimit) + ") exceeds the "
            + std::to_string(blockGasLeft) + " gas left in this block.");
    codec::UInt256 price;
    LS_EXEC_TRY(price, effectiveGasPrice(tx, params.minGasPrice));

    ChainState state(overlay);
    AccountState account;
    LS_EXEC_TRY(account, state.account(sender));
    if (tx.nonce != account.nonce)
        return invalid("nonce " + std::to_string(tx.nonce) + " is "
            + (tx.nonce < account.nonce ? "too low" : "too high") + ": " + sender.toChecksumString()
            + " is at nonce " + std::to_string(account.nonce) + ".");
    if (account.nonce == std::numeric_limits<std::uint64_t>::max())
        return invalid("nonce 2^64-1 cannot be used (EIP-2681).");
    codec::UInt256 prepaid;
    LS_EXEC_TRY(prepaid, maxGasCost(tx, price));
    if (account.balance < prepaid)
        return invalid("insufficient funds for gas: " + sender.toChecksumString() + " has "
            + codec::formatUnits(account.balance) + " PHT, gas limit × gas price is "
            + codec::formatUnits(prepaid) + " PHT.");

    // From here the transaction is in the block: the nonce moves and the gas is prepaid before
    // the call, so a revert (which only undoes the call's checkpoint) leaves both in place.
    account.nonce += 1;
    account.balance = account.balance.wrappingSub(prepaid);
    state.setAccount(sender, account);

    protocol::Receipt receipt;
    receipt.txHash = txHash;
    receipt.effectiveGasPrice = price;
    const std::uint64_t required = GasSchedule::required(tx.to, tx.data);
    const StateOverlay::Checkpoint checkpoint = overlay.checkpoint();
    CallResult outcome;
    if (tx.gasLimit < required) {
        outcome = CallResult::revert(revert::kOutOfGas);
        receipt.gasUsed = tx.gasLimit;
    } else {
        LS_EXEC_TRY(outcome, runCall(state, sender, tx.to, tx.data, tx.value, context));
        receipt.gasUsed = required;
    }
    if (outcome.reverted()) {
        if (auto undone = overlay.revertTo(checkpoint); !undone)
            return std::unexpected(std::move(undone.error()));
        receipt.status = protocol::Receipt::kFailure;
        receipt.revertReason = *outcome.revertReason;
    } else {
        if (auto kept = overlay.commit(checkpoint); !kept)
            return std::unexpected(std::move(kept.error()));
        receipt.status = protocol::Receipt::kSuccess;
        receipt.logs = std::move(outcome.logs);
    }

    // gasUsed ≤ gasLimit, so both products are at most the prepaid amount: no overflow.
    const codec::UInt256 fee = price.checkedMul(receipt.gasUsed).value_or(prepaid);
    const codec::UInt256 refund = prepaid.wrappingSub(fee);
    LS_EXEC_TRY(account, state.account(sender));
    auto refunded = account.balance.checkedAdd(refund);
    // The fee is part of the fixed supply, so these credits cannot pass 2^256 - 1 in a state
    // that began from a valid genesis; if they would, the state is not one.
    if (!refunded)
        return fail(ErrorKind::Internal, "Corrupt chain state: a gas refund overflows a balance.");
    account.balance = *refunded;
    state.setAccount(sender, account);
    AccountState proposer;
    LS_EXEC_TRY(proposer, state.account(context.proposer));
    auto paid = proposer.balance.checkedAdd(fee);
    if (!paid)
        return fail(
            ErrorKind::Internal, "Corrupt chain state: a fee overflows the proposer's balance.");
    proposer.balance = *paid;
    state.setAccount(context.proposer, proposer);

    receipt.cumulativeGasUsed = context.cumulativeGasUsed + receipt.gasUsed;
    return receipt;
}

} // namespace

Result<protocol::Receipt> Executor::apply(StateOverlay& overlay, const protocol::Transaction& tx,
    const crypto::Address& sender, const BlockContext& context)
{
    return apply(overlay, tx, sender, context, tx.hash());
}

Result<protocol::Receipt> Executor::apply(StateOverlay& overlay, const protocol::Transaction& tx,
    const crypto::Address& sender, const BlockContext& context, const Hash256& txHash)
{
    // Everything the transaction does lives inside this checkpoint, so a transaction refused
    // halfway (or a state read that fails) leaves the block's overlay untouched.
    const StateOverlay::Checkpoint outer = overlay.checkpoint();
    auto receipt = applyInOverlay(overlay, tx, sender, context, txHash);
    auto closed = receipt ? overlay.commit(outer) : overlay.revertTo(outer);
    if (!closed)
        return std::unexpected(std::move(closed.error()));
    return receipt;
}

Result<CallResult> Executor::call(StateView& state, const BlockContext& context,
    const crypto::Address& from, const crypto::Address& to, ByteView data,
    const codec::UInt256& value)
{
    StateOverlay scratch(state);
    ChainState chain(scratch);
    CallResult result;
    if (!isSystemContract(to) && !data.empty())
        result = CallResult {}; // an account without code: nothing runs, nothing moves
    else
        LS_EXEC_TRY(result, runCall(chain, from, to, data, value, context));
    if (result.reverted()) {
        result.output.clear();
        result.logs.clear();
    }
    result.gasUsed = GasSchedule::required(to, data);
    return result;
}

Result<GasEstimate> Executor::estimateGas(StateView& state, const BlockContext& context,
    const crypto::Address& from, const crypto::Address& to, ByteView data,
    const codec::UInt256& value)
{
    if (!data.empty() && !isSystemContract(to))
        return invalid("it sends data to " + to.toChecksumString()
            + ", which is not a system contract (only the system contracts run code on this "
              "chain).");
    const std::uint64_t gas = GasSchedule::required(to, data);
    if (gas > context.params.blockGasLimit)
        return invalid("it needs " + std::to_string(gas) + " gas, more than the block gas limit ("
            + std::to_string(context.params.blockGasLimit) + ").");
    CallResult result;
    LS_EXEC_TRY(result, call(state, context, from, to, data, value));
    return GasEstimate { gas, result.revertReason };
}

} // namespace ls::node
