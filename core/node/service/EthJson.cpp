#include "core/node/service/EthJson.h"

#include "core/codec/Hex.h"
#include "core/crypto/Keccak.h"

namespace ls::node::eth {
namespace {

// keccak(rlp([])): the "no uncles" hash every post-merge Ethereum block reports.
const QString kEmptyUnclesHash =
    QStringLiteral("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
const QString kZeroHash = QStringLiteral("0x") + QString(64, QLatin1Char('0'));
// No bloom filters are kept: an all-zero bloom is valid and makes clients ask eth_getLogs.
const QString kEmptyBloom = QStringLiteral("0x") + QString(512, QLatin1Char('0'));

QString hash(const Hash256& value)
{
    return eth::data(ByteView(value));
}

Result<QString> requireString(const QJsonValue& value, const char* field)
{
    if (!value.isString())
        return fail(ErrorKind::InvalidInput, std::string(field) + " must be a hex string");
    return value.toString();
}

} // namespace

QString quantity(std::uint64_t value)
{
    return quantity(codec::UInt256(value));
}

QString quantity(const codec::UInt256& value)
{
    return QString::fromStdString(value.toHexQuantity());
}

QString data(ByteView bytes)
{
    return QString::fromStdString(codec::toHex(bytes, true));
}

QString address(const crypto::Address& address)
{
    return QString::fromStdString(address.toChecksumString());
}

Result<codec::UInt256> parseQuantity(const QJsonValue& value, const char* field)
{
    auto text = requireString(value, field);
    if (!text)
        return std::unexpected(text.error());
    auto parsed = codec::UInt256::fromHexQuantity(text->toStdString());
    if (!parsed)
        return fail(ErrorKind::InvalidInput, std::string(field) + ": " + parsed.error().message);
    return *parsed;
}

Result<std::uint64_t> parseQuantity64(const QJsonValue& value, const char* field)
{
    auto parsed = parseQuantity(value, field);
    if (!parsed)
        return std::unexpected(parsed.error());
    auto small = parsed->toUint64();
    if (!small)
        return fail(ErrorKind::InvalidInput, std::string(field) + " is too large");
    return *small;
}

Result<Bytes> parseData(const QJsonValue& value, const char* field)
{
    auto text = requireString(value, field);
    if (!text)
        return std::unexpected(text.error());
    auto bytes = codec::fromHex(text->toStdString());
    if (!bytes)
        return fail(ErrorKind::InvalidInput, std::string(field) + ": " + bytes.error().message);
    return *bytes;
}

Result<Hash256> parseHash(const QJsonValue& value, const char* field)
{
    auto bytes = parseData(value, field);
    if (!bytes)
        return std::unexpected(bytes.error());
    if (bytes->size() != 32)
        return fail(ErrorKind::InvalidInput, std::string(field) + " must be 32 bytes");
    Hash256 out{};
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return out;
}

Result<crypto::Address> parseAddress(const QJsonValue& value, const char* field)
{
    auto text = requireString(value, field);
    if (!text)
        return std::unexpected(text.error());
    auto parsed = crypto::Address::parse(text->toStdString());
    if (!parsed)
        return fail(ErrorKind::InvalidInput, std::string(field) + ": " + parsed.error().message);
    return *parsed;
}

Result<std::uint64_t> parseBlockTag(const QJsonValue& value, std::uint64_t latest)
{
    if (value.isUndefined() || value.isNull())
        return latest;
    if (value.isString()) {
        auto tag = value.toString();
        if (tag == QLatin1String("latest") || tag == QLatin1String("pending")
            || tag == QLatin1String("safe") || tag == QLatin1String("finalized"))
            return latest; // every block is final the moment it exists (BFT)
        if (tag == QLatin1String("earliest"))
            return 0;
    }
    if (value.isObject()) {
        // EIP-1898 { "blockNumber": … }
        auto object = value.toObject();
        if (object.contains(QStringLiteral("blockNumber")))
            return parseBlockTag(object.value(QStringLiteral("blockNumber")), latest);
        return fail(ErrorKind::InvalidInput, "block: only { \"blockNumber\": … } is supported");
    }
    auto number = parseQuantity64(value, "block");
    if (!number)
        return std::unexpected(number.error());
    if (*number > latest)
        return fail(ErrorKind::NotFound, "block " + std::to_string(*number) + " does not exist yet");
    return *number;
}

QJsonObject transaction(const protocol::Transaction& tx, const crypto::Address& sender,
                        const std::optional<TransactionPosition>& position,
                        const codec::UInt256& minGasPrice)
{
    const bool legacy = tx.type == protocol::TransactionType::Legacy;
    QJsonObject object{
        {QStringLiteral("hash"), hash(tx.hash())},
        {QStringLiteral("type"), quantity(static_cast<std::uint64_t>(tx.type))},
        {QStringLiteral("chainId"), quantity(tx.chainId)},
        {QStringLiteral("nonce"), quantity(tx.nonce)},
        {QStringLiteral("from"), address(sender)},
        {QStringLiteral("to"), address(tx.to)},
        {QStringLiteral("value"), quantity(tx.value)},
        {QStringLiteral("gas"), quantity(tx.gasLimit)},
        {QStringLiteral("input"), eth::data(tx.data)},
        {QStringLiteral("r"), eth::data(ByteView(tx.signature.r))},
        {QStringLiteral("s"), eth::data(ByteView(tx.signature.s))},
        {QStringLiteral("blockHash"), position ? QJsonValue(hash(position->blockHash)) : QJsonValue()},
        {QStringLiteral("blockNumber"), position ? QJsonValue(quantity(position->height)) : QJsonValue()},
        {QStringLiteral("transactionIndex"),
         position ? QJsonValue(quantity(std::uint64_t{position->index})) : QJsonValue()},
    };
    if (legacy) {
        object.insert(QStringLiteral("gasPrice"), quantity(tx.gasPrice));
        object.insert(QStringLiteral("v"),
                      quantity(tx.chainId * 2 + 35 + tx.signature.recoveryId));
    } else {
        auto headroom = tx.maxFeePerGas.checkedSub(minGasPrice).value_or(codec::UInt256());
        auto price = *minGasPrice.checkedAdd(std::min(headroom, tx.maxPriorityFeePerGas));
        object.insert(QStringLiteral("gasPrice"), quantity(price));
        object.insert(QStringLiteral("maxFeePerGas"), quantity(tx.maxFeePerGas));
        object.insert(QStringLiteral("maxPriorityFeePerGas"), quantity(tx.maxPriorityFeePerGas));
        object.insert(QStringLiteral("accessList"), QJsonArray());
        object.insert(QStringLiteral("v"), quantity(std::uint64_t{tx.signature.recoveryId}));
        object.insert(QStringLiteral("yParity"), quantity(std::uint64_t{tx.signature.recoveryId}));
    }
    return object;
}

QJsonObject log(const protocol::Log& entry, const TransactionPosition& position, const Hash256& txHash,
                std::uint64_t logIndex)
{
    QJsonArray topics;
    for (const auto& topic : entry.topics)
        topics.append(hash(topic));
    return QJsonObject{
        {QStringLiteral("address"), address(entry.address)},
        {QStringLiteral("topics"), topics},
        {QStringLiteral("data"), eth::data(entry.data)},
        {QStringLiteral("blockHash"), hash(position.blockHash)},
        {QStringLiteral("blockNumber"), quantity(position.height)},
        {QStringLiteral("transactionHash"), hash(txHash)},
        {QStringLiteral("transactionIndex"), quantity(std::uint64_t{position.index})},
        {QStringLiteral("logIndex"), quantity(logIndex)},
        {QStringLiteral("removed"), QJsonValue(false)},
    };
}

QJsonObject receipt(const StoredTransaction& stored, std::uint64_t firstLogIndex)
{
    TransactionPosition position{stored.blockHash, stored.height, stored.index};
    QJsonArray logs;
    for (std::size_t i = 0; i < stored.receipt.logs.size(); ++i)
        logs.append(log(stored.receipt.logs[i], position, stored.receipt.txHash, firstLogIndex + i));
    QJsonObject object{
        {QStringLiteral("transactionHash"), hash(stored.receipt.txHash)},
        {QStringLiteral("transactionIndex"), quantity(std::uint64_t{stored.index})},
        {QStringLiteral("blockHash"), hash(stored.blockHash)},
        {QStringLiteral("blockNumber"), quantity(stored.height)},
        {QStringLiteral("from"), address(stored.sender)},
        {QStringLiteral("to"), address(stored.transaction.to)},
        {QStringLiteral("cumulativeGasUsed"), quantity(stored.receipt.cumulativeGasUsed)},
        {QStringLiteral("gasUsed"), quantity(stored.receipt.gasUsed)},
        {QStringLiteral("effectiveGasPrice"), quantity(stored.receipt.effectiveGasPrice)},
        {QStringLiteral("contractAddress"), QJsonValue()},
        {QStringLiteral("logs"), logs},
        {QStringLiteral("logsBloom"), kEmptyBloom},
        {QStringLiteral("status"), quantity(std::uint64_t{stored.receipt.status})},
        {QStringLiteral("type"), quantity(static_cast<std::uint64_t>(stored.transaction.type))},
    };
    if (!stored.receipt.revertReason.empty())
        object.insert(QStringLiteral("revertReason"), QString::fromStdString(stored.receipt.revertReason));
    return object;
}

QJsonObject block(const StoredBlock& stored, const std::vector<protocol::Receipt>& receipts,
                  bool fullTransactions, const ChainParams& params)
{
    const auto& header = stored.light.header;
    QJsonArray transactions;
    std::uint64_t size = stored.light.header.encode().size();
    for (std::size_t i = 0; i < stored.transactions.size(); ++i) {
        const auto& tx = stored.transactions[i];
        size += tx.encode().size();
        if (fullTransactions)
            transactions.append(transaction(tx, stored.senders[i],
                                            TransactionPosition{stored.hash, header.height,
                                                                static_cast<std::uint32_t>(i)},
                                            params.minGasPrice));
        else
            transactions.append(hash(tx.hash()));
    }
    std::uint64_t gasUsed = receipts.empty() ? 0 : receipts.back().cumulativeGasUsed;
    return QJsonObject{
        {QStringLiteral("number"), quantity(header.height)},
        {QStringLiteral("hash"), hash(stored.hash)},
        {QStringLiteral("parentHash"), hash(header.parentHash)},
        {QStringLiteral("nonce"), QStringLiteral("0x0000000000000000")},
        {QStringLiteral("sha3Uncles"), kEmptyUnclesHash},
        {QStringLiteral("logsBloom"), kEmptyBloom},
        {QStringLiteral("transactionsRoot"), hash(header.txRoot)},
        {QStringLiteral("stateRoot"), hash(header.stateRoot)},
        {QStringLiteral("receiptsRoot"), hash(header.receiptsRoot)},
        {QStringLiteral("miner"), address(header.proposer)},
        {QStringLiteral("difficulty"), QStringLiteral("0x0")},
        {QStringLiteral("totalDifficulty"), QStringLiteral("0x0")},
        {QStringLiteral("extraData"), QStringLiteral("0x")},
        {QStringLiteral("size"), quantity(size)},
        {QStringLiteral("gasLimit"), quantity(params.blockGasLimit)},
        {QStringLiteral("gasUsed"), quantity(gasUsed)},
        {QStringLiteral("timestamp"), quantity(header.timeMs / 1000)},
        {QStringLiteral("transactions"), transactions},
        {QStringLiteral("uncles"), QJsonArray()},
        {QStringLiteral("baseFeePerGas"), quantity(params.minGasPrice)},
        {QStringLiteral("mixHash"), kZeroHash},
        {QStringLiteral("validatorsHash"), hash(header.validatorsHash)},
    };
}

} // namespace ls::node::eth
