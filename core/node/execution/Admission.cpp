#include "core/node/execution/Admission.h"

#include "core/node/execution/ChainState.h"
#include "core/node/execution/GasSchedule.h"
#include "core/node/execution/StateOverlay.h"
#include "core/node/execution/SystemContracts.h"

#include <limits>
#include <string>

namespace ls::node {
namespace {

std::unexpected<Error> rejected(const std::string& why)
{
    return fail(ErrorKind::InvalidInput, "Transaction rejected: " + why);
}

std::string pht(const codec::UInt256& amount)
{
    return codec::formatUnits(amount) + " PHT";
}

std::string decimal(const codec::UInt256& amount)
{
    return amount.toDecimalString();
}

} // namespace

Result<codec::UInt256> effectiveGasPrice(
    const protocol::Transaction& tx, const codec::UInt256& minGasPrice)
{
    if (tx.type == protocol::TransactionType::Legacy) {
        if (tx.gasPrice < minGasPrice)
            return rejected("the gas price (" + decimal(tx.gasPrice)
                + ") is below the network's minimum gas price (" + decimal(minGasPrice) + ").");
        return tx.gasPrice;
    }
    if (tx.maxFeePerGas < minGasPrice)
        return rejected("maxFeePerGas (" + decimal(tx.maxFeePerGas)
            + ") is below the network's minimum gas price (" + decimal(minGasPrice) + ").");
    if (tx.maxPriorityFeePerGas > tx.maxFeePerGas)
        return rejected("maxPriorityFeePerGas (" + decimal(tx.maxPriorityFeePerGas)
            + ") is above maxFeePerGas (" + decimal(tx.maxFeePerGas) + ").");
    // A sum past 2^256 is certainly above maxFeePerGas.
    auto offered = minGasPrice.checkedAdd(tx.maxPriorityFeePerGas);
    if (!offered || *offered > tx.maxFeePerGas)
        return tx.maxFeePerGas;
    return *offered;
}

Result<codec::UInt256> maxGasCost(const protocol::Transaction& tx, const codec::UInt256& price)
{
    auto cost = price.checkedMul(tx.gasLimit);
    if (!cost)
        return rejected("insufficient funds: gas limit × gas price exceeds 2^256 - 1.");
    return *cost;
}

Result<void> checkTransactionRules(const protocol::Transaction& tx, const ChainParams& params)
{
    if (tx.chainId != params.chainId)
        return rejected("it was signed for chain id " + std::to_string(tx.chainId)
            + ", but this network's chain id is " + std::to_string(params.chainId) + ".");
    if (!tx.data.empty() && !isSystemContract(tx.to))
        return rejected("it sends data to " + tx.to.toChecksumString()
            + ", which is not a system contract (only the system contracts run code on this "
              "chain).");
    const std::uint64_t intrinsic = GasSchedule::intrinsic(tx.data);
    if (tx.gasLimit < intrinsic)
        return rejected("the gas limit (" + std::to_string(tx.gasLimit)
            + ") is below the intrinsic gas of this transaction (" + std::to_string(intrinsic)
            + ").");
    if (tx.gasLimit > params.blockGasLimit)
        return rejected("the gas limit (" + std::to_string(tx.gasLimit)
            + ") is above the block gas limit (" + std::to_string(params.blockGasLimit) + ").");
    if (auto price = effectiveGasPrice(tx, params.minGasPrice); !price)
        return std::unexpected(std::move(price.error()));
    return {};
}

Result<void> checkAdmission(StateView& state, const protocol::Transaction& tx,
    const crypto::Address& sender, const ChainParams& params, NoncePolicy noncePolicy)
{
    if (auto rules = checkTransactionRules(tx, params); !rules)
        return rules;
    StateOverlay reader(state);
    ChainState chain(reader);
    auto account = chain.account(sender);
    if (!account)
        return std::unexpected(std::move(account.error()));
    if (tx.nonce < account->nonce)
        return rejected("nonce " + std::to_string(tx.nonce) + " is too low: it was already used ("
            + sender.toChecksumString() + " is at nonce " + std::to_string(account->nonce) + ").");
    if (tx.nonce > account->nonce && noncePolicy == NoncePolicy::Exact)
        return rejected("nonce " + std::to_string(tx.nonce) + " is too high: "
            + sender.toChecksumString() + " is at nonce " + std::to_string(account->nonce) + ".");
    if (tx.nonce == std::numeric_limits<std::uint64_t>::max())
        return rejected("nonce 2^64-1 cannot be used (EIP-2681).");

    auto price = effectiveGasPrice(tx, params.minGasPrice);
    if (!price)
        return std::unexpected(std::move(price.error()));
    auto gasCost = maxGasCost(tx, *price);
    if (!gasCost)
        return std::unexpected(std::move(gasCost.error()));
    auto total = gasCost->checkedAdd(tx.value);
    if (!total || account->balance < *total)
        return rejected("insufficient funds: " + sender.toChecksumString() + " has "
            + pht(account->balance) + ", but gas limit × gas price + value is "
            + (total ? pht(*total) : std::string("more than 2^256 - 1 base units")) + ".");
    return {};
}

Result<VerifiedTransaction> decodeAndRecover(ByteView raw, std::uint64_t chainId)
{
    auto tx = protocol::Transaction::decode(raw);
    if (!tx)
        return std::unexpected(std::move(tx.error()));
    auto sender = tx->recoverSender(chainId);
    if (!sender)
        return std::unexpected(std::move(sender.error()));
    return VerifiedTransaction { std::move(*tx), *sender };
}

} // namespace ls::node
