#include "core/node/execution/CatalogCallSupport.h"

#include "core/codec/AbiEncoder.h"
#include "core/node/execution/SystemContracts.h"

namespace ls::node::catalog {
namespace {

Result<Bytes> encode(const std::vector<codec::AbiType>& types, const codec::AbiValue::List& values)
{
    auto encoded = codec::abiEncode(types, values);
    if (!encoded)
        return fail(
            ErrorKind::Internal, "Catalog: cannot encode a result: " + encoded.error().message);
    return encoded;
}

} // namespace

Result<CallResult> returning(CatalogFunction function, const codec::AbiValue::List& values)
{
    CallResult result;
    LS_EXEC_TRY(result.output, encode(CatalogAbi::function(function).outputs, values));
    return result;
}

Result<void> emit(CallResult& result, CatalogEvent event, const codec::AbiValue::List& values)
{
    const CatalogEventAbi& abi = CatalogAbi::event(event);
    protocol::Log log;
    log.address = catalogAddress();
    log.topics.push_back(abi.topic);
    std::vector<codec::AbiType> dataTypes;
    codec::AbiValue::List dataValues;
    for (std::size_t i = 0; i < abi.inputs.size() && i < values.size(); ++i) {
        if (!abi.indexed[i]) {
            dataTypes.push_back(abi.inputs[i]);
            dataValues.push_back(values[i]);
            continue;
        }
        Bytes word;
        LS_EXEC_TRY(word, encode({ abi.inputs[i] }, { values[i] }));
        Hash256 topic {};
        std::copy_n(word.begin(), std::min(word.size(), topic.size()), topic.begin());
        log.topics.push_back(topic);
    }
    LS_EXEC_TRY(log.data, encode(dataTypes, dataValues));
    result.logs.push_back(std::move(log));
    return {};
}

Result<bool> credit(ChainState& state, const crypto::Address& to, const codec::UInt256& amount)
{
    auto account = state.account(to);
    if (!account)
        return std::unexpected(std::move(account.error()));
    auto balance = account->balance.checkedAdd(amount);
    if (!balance)
        return false;
    account->balance = *balance;
    state.setAccount(to, *account);
    return true;
}

} // namespace ls::node::catalog
