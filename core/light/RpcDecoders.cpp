#include "core/light/RpcDecoders.h"

#include "core/codec/AbiRevert.h"
#include "core/codec/Hex.h"
#include "core/crypto/Keccak.h"
#include "core/light/JsonFields.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

// `target = *expression`, or return its error from the enclosing function.
#define LS_LIGHT_TRY(target, expression)                                                           \
    do {                                                                                           \
        auto lsLightValue = (expression);                                                          \
        if (!lsLightValue)                                                                         \
            return std::unexpected(std::move(lsLightValue.error()));                               \
        (target) = std::move(*lsLightValue);                                                       \
    } while (false)

namespace ls::light {
namespace {

std::unexpected<RpcError> malformed(const std::string& message)
{
    RpcError error;
    error.kind = RpcError::Kind::Malformed;
    error.message = "not a valid JSON-RPC 2.0 response: " + message;
    return std::unexpected(std::move(error));
}

RpcError serverError(const QJsonObject& object)
{
    RpcError error;
    error.kind = RpcError::Kind::Server;
    const QJsonValue code = object.value(QStringLiteral("code"));
    const qint64 integer = code.toInteger(std::numeric_limits<qint64>::min());
    error.code
        = integer >= std::numeric_limits<int>::min() && integer <= std::numeric_limits<int>::max()
        ? static_cast<int>(integer)
        : 0;
    error.message = object.value(QStringLiteral("message")).toString().left(1000).toStdString();
    if (error.message.empty())
        error.message = "the server reported an error without a message";
    const QJsonValue data = object.value(QStringLiteral("data"));
    if (auto bytes = json::data(data, "data"); bytes) {
        if (auto reason = codec::decodeRevertReason(*bytes); reason)
            error.revertReason = *reason;
        error.data = std::move(*bytes);
    }
    return error;
}

Result<protocol::Header> headerField(const QJsonObject& object)
{
    Bytes bytes;
    LS_LIGHT_TRY(bytes, json::data(object.value(QStringLiteral("header")), "header"));
    return protocol::Header::decode(bytes);
}

} // namespace

RpcResult<QJsonValue> parseRpcResponse(QByteArrayView body, std::int64_t expectedId)
{
    QJsonParseError parseError {};
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray(body.data(), body.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed("the body is not JSON (" + parseError.errorString().toStdString()
            + " at byte " + std::to_string(parseError.offset) + ").");
    if (!document.isObject())
        return malformed("the body is not a JSON object.");
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("jsonrpc")).toString() != QLatin1String("2.0"))
        return malformed("\"jsonrpc\" is not \"2.0\".");
    const QJsonValue hasResult = object.value(QStringLiteral("result"));
    const QJsonValue hasError = object.value(QStringLiteral("error"));
    if (hasResult.isUndefined() == hasError.isUndefined())
        return malformed("it must have exactly one of \"result\" and \"error\".");
    const QJsonValue id = object.value(QStringLiteral("id"));
    if (!hasError.isUndefined()) {
        if (!hasError.isObject() || !hasError.toObject().value(QStringLiteral("code")).isDouble())
            return malformed("\"error\" is not an object with a numeric code.");
        // A server that cannot parse the request answers with id null: still its error.
        if (!id.isNull() && id.toInteger(-1) != expectedId)
            return malformed("it answers another request (id).");
        return std::unexpected(serverError(hasError.toObject()));
    }
    if (!id.isDouble() || id.toInteger(-1) != expectedId)
        return malformed("it answers another request (id).");
    return hasResult;
}

Result<protocol::LightBlock> decodeLightBlock(const QJsonValue& result)
{
    QJsonObject object;
    LS_LIGHT_TRY(object, json::object(result, "result"));
    if (auto ok = json::fields(object, "light block", { "header", "commit", "validators" }, true);
        !ok)
        return std::unexpected(ok.error());
    protocol::Header header;
    LS_LIGHT_TRY(header, headerField(object));
    Bytes commitBytes;
    LS_LIGHT_TRY(commitBytes, json::data(object.value(QStringLiteral("commit")), "commit"));
    auto commit = protocol::Commit::decode(commitBytes);
    if (!commit)
        return std::unexpected(commit.error());
    Bytes setBytes;
    LS_LIGHT_TRY(setBytes, json::data(object.value(QStringLiteral("validators")), "validators"));
    auto validators = protocol::ValidatorSet::decode(setBytes);
    if (!validators)
        return std::unexpected(validators.error());
    return protocol::LightBlock { header, std::move(*commit), std::move(*validators) };
}

Result<GenesisInfo> decodeGenesis(const QJsonValue& result)
{
    QJsonObject object;
    LS_LIGHT_TRY(object, json::object(result, "result"));
    if (auto ok = json::fields(object, "genesis",
            { "chainId", "timeMs", "validators", "allocations", "params" }, true);
        !ok)
        return std::unexpected(ok.error());
    GenesisInfo genesis;
    LS_LIGHT_TRY(
        genesis.chainId, json::wholeNumber(object.value(QStringLiteral("chainId")), "chainId"));
    LS_LIGHT_TRY(
        genesis.timeMs, json::wholeNumber(object.value(QStringLiteral("timeMs")), "timeMs"));

    QJsonArray validators;
    LS_LIGHT_TRY(validators, json::array(object.value(QStringLiteral("validators")), "validators"));
    for (const QJsonValue& entry : validators) {
        QJsonObject item;
        LS_LIGHT_TRY(item, json::object(entry, "validators[]"));
        if (auto ok = json::fields(item, "genesis validator", { "address", "power" }, true); !ok)
            return std::unexpected(ok.error());
        protocol::Validator validator;
        LS_LIGHT_TRY(validator.address,
            json::address(item.value(QStringLiteral("address")), "validators[].address"));
        LS_LIGHT_TRY(validator.votingPower,
            json::wholeNumber(item.value(QStringLiteral("power")), "validators[].power"));
        genesis.validators.push_back(validator);
    }
    QJsonArray allocations;
    LS_LIGHT_TRY(
        allocations, json::array(object.value(QStringLiteral("allocations")), "allocations"));
    for (const QJsonValue& entry : allocations) {
        QJsonObject item;
        LS_LIGHT_TRY(item, json::object(entry, "allocations[]"));
        if (auto ok = json::fields(item, "genesis allocation", { "address", "balance" }, true); !ok)
            return std::unexpected(ok.error());
        GenesisAllocationInfo allocation;
        LS_LIGHT_TRY(allocation.address,
            json::address(item.value(QStringLiteral("address")), "allocations[].address"));
        LS_LIGHT_TRY(allocation.balance,
            json::decimal(item.value(QStringLiteral("balance")), "allocations[].balance"));
        genesis.allocations.push_back(allocation);
    }
    QJsonObject params;
    LS_LIGHT_TRY(params, json::object(object.value(QStringLiteral("params")), "params"));
    if (auto ok = json::fields(params, "genesis params",
            { "minGasPrice", "blockGasLimit", "serviceFeeBps", "treasury", "heartbeatMs" }, true);
        !ok)
        return std::unexpected(ok.error());
    GenesisParamsInfo& p = genesis.params;
    LS_LIGHT_TRY(
        p.minGasPrice, json::decimal(params.value(QStringLiteral("minGasPrice")), "minGasPrice"));
    LS_LIGHT_TRY(p.blockGasLimit,
        json::wholeNumber(params.value(QStringLiteral("blockGasLimit")), "blockGasLimit"));
    LS_LIGHT_TRY(p.serviceFeeBps,
        json::wholeNumber(params.value(QStringLiteral("serviceFeeBps")), "serviceFeeBps"));
    LS_LIGHT_TRY(p.treasury, json::address(params.value(QStringLiteral("treasury")), "treasury"));
    LS_LIGHT_TRY(p.heartbeatMs,
        json::wholeNumber(params.value(QStringLiteral("heartbeatMs")), "heartbeatMs"));
    return genesis;
}

Result<StateProofInfo> decodeStateProof(const QJsonValue& result, std::uint64_t askedHeight)
{
    QJsonObject object;
    LS_LIGHT_TRY(object, json::object(result, "result"));
    if (auto ok = json::fields(object, "state proof", { "value", "proof" }, false); !ok)
        return std::unexpected(ok.error());
    StateProofInfo info { askedHeight, std::nullopt, {} };
    if (object.contains(QStringLiteral("height"))) {
        LS_LIGHT_TRY(
            info.height, json::quantity64(object.value(QStringLiteral("height")), "height"));
        if (info.height != askedHeight)
            return json::fieldError("height",
                "the proof is for height " + std::to_string(info.height) + ", but height "
                    + std::to_string(askedHeight) + " was asked for.");
    }
    const QJsonValue value = object.value(QStringLiteral("value"));
    if (!value.isNull()) {
        Bytes bytes;
        LS_LIGHT_TRY(bytes, json::data(value, "value"));
        info.value = std::move(bytes);
    }
    Bytes proofBytes;
    LS_LIGHT_TRY(proofBytes, json::data(object.value(QStringLiteral("proof")), "proof"));
    LS_LIGHT_TRY(info.proof, protocol::StateProof::decode(proofBytes));
    return info;
}

Result<std::optional<ReceiptProofInfo>> decodeReceiptProof(const QJsonValue& result)
{
    if (result.isNull())
        return std::optional<ReceiptProofInfo> {};
    QJsonObject object;
    LS_LIGHT_TRY(object, json::object(result, "result"));
    if (auto ok
        = json::fields(object, "receipt proof", { "height", "index", "receipt", "proof" }, true);
        !ok)
        return std::unexpected(ok.error());
    ReceiptProofInfo info;
    LS_LIGHT_TRY(info.height, json::quantity64(object.value(QStringLiteral("height")), "height"));
    LS_LIGHT_TRY(info.index, json::quantity64(object.value(QStringLiteral("index")), "index"));
    LS_LIGHT_TRY(
        info.receiptEncoding, json::data(object.value(QStringLiteral("receipt")), "receipt"));
    LS_LIGHT_TRY(info.receipt, protocol::Receipt::decode(info.receiptEncoding));
    Bytes proofBytes;
    LS_LIGHT_TRY(proofBytes, json::data(object.value(QStringLiteral("proof")), "proof"));
    LS_LIGHT_TRY(info.proof, protocol::MerkleProof::decode(proofBytes));
    if (info.proof.index != info.index)
        return json::fieldError("proof",
            "the proof is for index " + std::to_string(info.proof.index) + ", not "
                + std::to_string(info.index) + ".");
    return std::optional<ReceiptProofInfo> { std::move(info) };
}

Result<std::optional<TransactionInfo>> decodeTransaction(const QJsonValue& result)
{
    if (result.isNull())
        return std::optional<TransactionInfo> {};
    QJsonObject object;
    LS_LIGHT_TRY(object, json::object(result, "result"));
    if (auto ok = json::fields(object, "transaction",
            { "hash", "type", "chainId", "nonce", "from", "to", "value", "gas", "input",
                "blockHash", "blockNumber", "transactionIndex" },
            false);
        !ok)
        return std::unexpected(ok.error());
    TransactionInfo tx;
    LS_LIGHT_TRY(tx.hash, json::hash(object.value(QStringLiteral("hash")), "hash"));
    std::uint64_t type = 0;
    LS_LIGHT_TRY(type, json::quantity64(object.value(QStringLiteral("type")), "type"));
    if (type != 0 && type != 2)
        return json::fieldError("type", "only transaction types 0 and 2 exist on this chain.");
    tx.type = static_cast<std::uint8_t>(type);
    LS_LIGHT_TRY(tx.chainId, json::quantity64(object.value(QStringLiteral("chainId")), "chainId"));
    LS_LIGHT_TRY(tx.nonce, json::quantity64(object.value(QStringLiteral("nonce")), "nonce"));
    LS_LIGHT_TRY(tx.from, json::address(object.value(QStringLiteral("from")), "from"));
    LS_LIGHT_TRY(tx.to, json::address(object.value(QStringLiteral("to")), "to"));
    LS_LIGHT_TRY(tx.value, json::quantity(object.value(QStringLiteral("value")), "value"));
    LS_LIGHT_TRY(tx.gas, json::quantity64(object.value(QStringLiteral("gas")), "gas"));
    LS_LIGHT_TRY(tx.input, json::data(object.value(QStringLiteral("input")), "input"));
    const QJsonValue blockHash = object.value(QStringLiteral("blockHash"));
    const QJsonValue blockNumber = object.value(QStringLiteral("blockNumber"));
    const QJsonValue index = object.value(QStringLiteral("transactionIndex"));
    if (blockHash.isNull() && blockNumber.isNull() && index.isNull())
        return std::optional<TransactionInfo> { std::move(tx) };
    TransactionInfo::Position position;
    LS_LIGHT_TRY(position.blockHash, json::hash(blockHash, "blockHash"));
    LS_LIGHT_TRY(position.height, json::quantity64(blockNumber, "blockNumber"));
    LS_LIGHT_TRY(position.index, json::quantity64(index, "transactionIndex"));
    tx.position = position;
    return std::optional<TransactionInfo> { std::move(tx) };
}

Result<std::uint64_t> decodeChainId(const QJsonValue& result)
{
    return json::quantity64(result, "result");
}

Result<Hash256> decodeSubmittedHash(const QJsonValue& result, ByteView rawTransaction)
{
    Hash256 hash {};
    LS_LIGHT_TRY(hash, json::hash(result, "result"));
    const Hash256 expected = crypto::keccak256(rawTransaction);
    if (hash != expected)
        return json::fieldError("result",
            "the server reports transaction hash " + codec::toHex(hash, true)
                + ", but the transaction sent hashes to " + codec::toHex(expected, true) + ".");
    return hash;
}

} // namespace ls::light
