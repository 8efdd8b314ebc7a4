#include "core/node/service/EthApi.h"

#include "core/codec/Hex.h"
#include "core/node/chain/Chain.h"
#include "core/node/rpc/RpcServer.h"
#include "core/node/service/EthJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <span>
#include <vector>

namespace ls::node {
namespace {

using rpc::CallContext;
using rpc::RpcError;
using Reply = std::expected<QJsonValue, RpcError>;

constexpr std::uint64_t kMaxLogRange = 10'000;
constexpr int kExecutionReverted = 3; // geth's code for a reverted eth_call / estimate

// Execution-API errors: bad input is "invalid params", a missing thing is a null result for
// lookups, and anything else is the node's fault.
RpcError toRpcError(const Error& error)
{
    if (error.kind == ErrorKind::InvalidInput || error.kind == ErrorKind::NotFound
        || error.kind == ErrorKind::Verification)
        return RpcError::invalidParams(QString::fromStdString(error.message));
    return RpcError::internalError(QString::fromStdString(error.message));
}

QJsonArray paramsArray(const QJsonValue& params)
{
    return params.isArray() ? params.toArray() : QJsonArray();
}

Reply reverted(const CallResult& result)
{
    RpcError error;
    error.code = kExecutionReverted;
    error.message = QStringLiteral("execution reverted: ") + QString::fromStdString(*result.revertReason);
    error.data = eth::data(result.revertData());
    return std::unexpected(error);
}

struct CallRequest {
    crypto::Address from;
    crypto::Address to;
    Bytes data;
    codec::UInt256 value;
};

Result<CallRequest> parseCall(const QJsonValue& value)
{
    if (!value.isObject())
        return fail(ErrorKind::InvalidInput, "the call must be an object with at least \"to\"");
    auto object = value.toObject();
    CallRequest call;
    if (object.contains(QStringLiteral("from")) && !object.value(QStringLiteral("from")).isNull()) {
        auto from = eth::parseAddress(object.value(QStringLiteral("from")), "from");
        if (!from)
            return std::unexpected(from.error());
        call.from = *from;
    }
    auto to = eth::parseAddress(object.value(QStringLiteral("to")), "to");
    if (!to)
        return std::unexpected(to.error());
    call.to = *to;
    for (const char* field : {"input", "data"}) {
        auto key = QString::fromLatin1(field);
        if (object.contains(key) && !object.value(key).isNull()) {
            auto data = eth::parseData(object.value(key), field);
            if (!data)
                return std::unexpected(data.error());
            call.data = std::move(*data);
            break;
        }
    }
    if (object.contains(QStringLiteral("value")) && !object.value(QStringLiteral("value")).isNull()) {
        auto amount = eth::parseQuantity(object.value(QStringLiteral("value")), "value");
        if (!amount)
            return std::unexpected(amount.error());
        call.value = *amount;
    }
    return call;
}

class Methods {
public:
    Methods(Chain& chain, QString clientVersion, std::function<void()> onSubmitted)
        : m_chain(chain)
        , m_clientVersion(std::move(clientVersion))
        , m_onSubmitted(std::move(onSubmitted))
    {
    }

    void registerOn(rpc::RpcServer& server)
    {
        auto bind = [&](const char* name, Reply (Methods::*method)(const QJsonArray&)) {
            server.registerMethod(QString::fromLatin1(name),
                                  [this, method](const QJsonValue& params, const CallContext&) {
                                      return (this->*method)(paramsArray(params));
                                  });
        };
        bind("web3_clientVersion", &Methods::clientVersion);
        bind("net_version", &Methods::netVersion);
        bind("net_listening", &Methods::netListening);
        bind("net_peerCount", &Methods::netPeerCount);
        bind("eth_chainId", &Methods::chainId);
        bind("eth_syncing", &Methods::syncing);
        bind("eth_blockNumber", &Methods::blockNumber);
        bind("eth_gasPrice", &Methods::gasPrice);
        bind("eth_maxPriorityFeePerGas", &Methods::maxPriorityFee);
        bind("eth_feeHistory", &Methods::feeHistory);
        bind("eth_getBalance", &Methods::getBalance);
        bind("eth_getTransactionCount", &Methods::getTransactionCount);
        bind("eth_getCode", &Methods::getCode);
        bind("eth_call", &Methods::call);
        bind("eth_estimateGas", &Methods::estimateGas);
        bind("eth_sendRawTransaction", &Methods::sendRawTransaction);
        bind("eth_getTransactionByHash", &Methods::getTransactionByHash);
        bind("eth_getTransactionReceipt", &Methods::getTransactionReceipt);
        bind("eth_getBlockByNumber", &Methods::getBlockByNumber);
        bind("eth_getBlockByHash", &Methods::getBlockByHash);
        bind("eth_getLogs", &Methods::getLogs);
        bind("ls_getGenesis", &Methods::genesis);
        bind("ls_getLightBlock", &Methods::lightBlock);
        bind("ls_getStateProof", &Methods::stateProof);
        bind("ls_getReceiptProof", &Methods::receiptProof);
        server.registerBatchHandler(QStringLiteral("eth_sendRawTransaction"),
                                    [this](std::span<const QJsonValue> params, const CallContext&) {
                                        return sendRawTransactions(params);
                                    });
    }

private:
    Reply clientVersion(const QJsonArray&) { return m_clientVersion; }
    Reply netVersion(const QJsonArray&) { return QString::number(m_chain.chainId()); }
    Reply netListening(const QJsonArray&) { return true; }
    Reply netPeerCount(const QJsonArray&) { return eth::quantity(std::uint64_t{0}); }
    Reply chainId(const QJsonArray&) { return eth::quantity(m_chain.chainId()); }
    Reply syncing(const QJsonArray&) { return false; }
    Reply blockNumber(const QJsonArray&) { return eth::quantity(m_chain.height()); }
    Reply gasPrice(const QJsonArray&) { return eth::quantity(m_chain.params().minGasPrice); }
    Reply maxPriorityFee(const QJsonArray&) { return eth::quantity(std::uint64_t{0}); }

    Reply feeHistory(const QJsonArray& params)
    {
        auto count = params.isEmpty() ? Result<std::uint64_t>(1)
                     : params.at(0).isDouble() ? Result<std::uint64_t>(static_cast<std::uint64_t>(params.at(0).toInteger()))
                                               : eth::parseQuantity64(params.at(0), "blockCount");
        if (!count)
            return std::unexpected(toRpcError(count.error()));
        auto newest = eth::parseBlockTag(params.at(1), m_chain.height());
        if (!newest)
            return std::unexpected(toRpcError(newest.error()));
        std::uint64_t blocks = std::min<std::uint64_t>({*count, 1024, *newest + 1});
        QJsonArray baseFees;
        QJsonArray ratios;
        QJsonArray rewards;
        for (std::uint64_t i = 0; i <= blocks; ++i)
            baseFees.append(eth::quantity(m_chain.params().minGasPrice));
        for (std::uint64_t i = 0; i < blocks; ++i) {
            ratios.append(0.0);
            QJsonArray percentiles;
            for (qsizetype p = 0; p < paramsArray(params.at(2)).size(); ++p)
                percentiles.append(eth::quantity(std::uint64_t{0}));
            rewards.append(percentiles);
        }
        QJsonObject result{{QStringLiteral("oldestBlock"), eth::quantity(*newest + 1 - blocks)},
                           {QStringLiteral("baseFeePerGas"), baseFees},
                           {QStringLiteral("gasUsedRatio"), ratios}};
        if (params.size() > 2)
            result.insert(QStringLiteral("reward"), rewards);
        return result;
    }

    // [address, block] → the account at that block: eth_getBalance, eth_getTransactionCount.
    Result<AccountState> accountFromParams(const QJsonArray& params)
    {
        auto address = eth::parseAddress(params.at(0), "address");
        if (!address)
            return std::unexpected(address.error());
        auto height = eth::parseBlockTag(params.at(1), m_chain.height());
        if (!height)
            return std::unexpected(height.error());
        return m_chain.account(*address, *height);
    }

    Reply getBalance(const QJsonArray& params)
    {
        auto account = accountFromParams(params);
        if (!account)
            return std::unexpected(toRpcError(account.error()));
        return eth::quantity(account->balance);
    }

    Reply getTransactionCount(const QJsonArray& params)
    {
        if (params.at(1).toString() == QLatin1String("pending")) {
            // The mempool's view: past every consecutive waiting transaction of the sender.
            auto address = eth::parseAddress(params.at(0), "address");
            if (!address)
                return std::unexpected(toRpcError(address.error()));
            return eth::quantity(m_chain.nextNonce(*address));
        }
        auto account = accountFromParams(params);
        if (!account)
            return std::unexpected(toRpcError(account.error()));
        return eth::quantity(account->nonce);
    }

    Reply getCode(const QJsonArray& params)
    {
        auto address = eth::parseAddress(params.at(0), "address");
        if (!address)
            return std::unexpected(toRpcError(address.error()));
        // System contracts run natively; a one-byte marker tells tools "this is a contract".
        auto probe = m_chain.estimateGas(crypto::Address(), *address, Bytes{0, 0, 0, 0}, {});
        bool isContract = probe.has_value();
        return isContract ? QStringLiteral("0xfe") : QStringLiteral("0x");
    }

    Reply call(const QJsonArray& params)
    {
        auto request = parseCall(params.at(0));
        if (!request)
            return std::unexpected(toRpcError(request.error()));
        auto result = m_chain.call(request->from, request->to, request->data, request->value);
        if (!result)
            return std::unexpected(toRpcError(result.error()));
        if (result->reverted())
            return reverted(*result);
        return eth::data(result->output);
    }

    Reply estimateGas(const QJsonArray& params)
    {
        auto request = parseCall(params.at(0));
        if (!request)
            return std::unexpected(toRpcError(request.error()));
        auto estimate = m_chain.estimateGas(request->from, request->to, request->data, request->value);
        if (!estimate)
            return std::unexpected(toRpcError(estimate.error()));
        if (estimate->revertReason)
            return reverted(CallResult::revert(*estimate->revertReason));
        return eth::quantity(estimate->gas);
    }

    Reply sendRawTransaction(const QJsonArray& params)
    {
        auto raw = eth::parseData(params.at(0), "transaction");
        if (!raw)
            return std::unexpected(toRpcError(raw.error()));
        auto hash = m_chain.submit(*raw);
        if (!hash)
            return std::unexpected(toRpcError(hash.error()));
        if (m_onSubmitted)
            m_onSubmitted();
        return eth::data(ByteView(*hash));
    }

    // A JSON-RPC batch of eth_sendRawTransaction calls: the signatures are checked on all cores
    // (Chain::submitBatch), and every reply is the one the single call would have given.
    std::vector<Reply> sendRawTransactions(std::span<const QJsonValue> paramsList)
    {
        std::vector<Reply> replies(paramsList.size());
        std::vector<Bytes> raws;
        std::vector<std::size_t> positions; // of the well-formed calls, in replies
        for (std::size_t i = 0; i < paramsList.size(); ++i) {
            auto raw = eth::parseData(paramsArray(paramsList[i]).at(0), "transaction");
            if (!raw) {
                replies[i] = std::unexpected(toRpcError(raw.error()));
                continue;
            }
            raws.push_back(std::move(*raw));
            positions.push_back(i);
        }
        std::vector<ByteView> views(raws.begin(), raws.end());
        auto hashes = m_chain.submitBatch(views);
        bool anyAdmitted = false;
        for (std::size_t k = 0; k < hashes.size(); ++k) {
            if (!hashes[k]) {
                replies[positions[k]] = std::unexpected(toRpcError(hashes[k].error()));
                continue;
            }
            replies[positions[k]] = eth::data(ByteView(*hashes[k]));
            anyAdmitted = true;
        }
        if (anyAdmitted && m_onSubmitted)
            m_onSubmitted();
        return replies;
    }

    Reply getTransactionByHash(const QJsonArray& params)
    {
        auto hash = eth::parseHash(params.at(0), "hash");
        if (!hash)
            return std::unexpected(toRpcError(hash.error()));
        auto stored = m_chain.transaction(*hash);
        if (!stored)
            return std::unexpected(toRpcError(stored.error()));
        if (*stored) {
            const auto& found = **stored;
            return eth::transaction(found.transaction, found.sender,
                                    eth::TransactionPosition{found.blockHash, found.height, found.index},
                                    m_chain.params().minGasPrice);
        }
        if (auto pending = m_chain.pending(*hash))
            return eth::transaction(pending->transaction, pending->sender, std::nullopt,
                                    m_chain.params().minGasPrice);
        return QJsonValue();
    }

    Reply getTransactionReceipt(const QJsonArray& params)
    {
        auto hash = eth::parseHash(params.at(0), "hash");
        if (!hash)
            return std::unexpected(toRpcError(hash.error()));
        auto stored = m_chain.transaction(*hash);
        if (!stored)
            return std::unexpected(toRpcError(stored.error()));
        if (!*stored)
            return QJsonValue();
        auto receipts = m_chain.receipts((*stored)->height);
        if (!receipts)
            return std::unexpected(toRpcError(receipts.error()));
        std::uint64_t firstLog = 0;
        for (std::uint32_t i = 0; i < (*stored)->index && i < receipts->size(); ++i)
            firstLog += (*receipts)[i].logs.size();
        return eth::receipt(**stored, firstLog);
    }

    Reply blockAt(std::uint64_t height, bool full)
    {
        auto block = m_chain.block(height);
        if (!block)
            return std::unexpected(toRpcError(block.error()));
        if (!*block)
            return QJsonValue();
        auto receipts = m_chain.receipts(height);
        if (!receipts)
            return std::unexpected(toRpcError(receipts.error()));
        return eth::block(**block, *receipts, full, m_chain.params());
    }

    Reply getBlockByNumber(const QJsonArray& params)
    {
        auto height = eth::parseBlockTag(params.at(0), m_chain.height());
        if (!height)
            return height.error().kind == ErrorKind::NotFound ? Reply(QJsonValue())
                                                              : std::unexpected(toRpcError(height.error()));
        return blockAt(*height, params.at(1).toBool());
    }

    Reply getBlockByHash(const QJsonArray& params)
    {
        auto hash = eth::parseHash(params.at(0), "hash");
        if (!hash)
            return std::unexpected(toRpcError(hash.error()));
        auto height = m_chain.heightOf(*hash);
        if (!height)
            return std::unexpected(toRpcError(height.error()));
        if (!*height)
            return QJsonValue();
        return blockAt(**height, params.at(1).toBool());
    }

    Reply getLogs(const QJsonArray& params);

    Reply genesis(const QJsonArray&) { return QJsonDocument::fromJson(m_chain.genesisJson()).object(); }

    Reply lightBlock(const QJsonArray& params)
    {
        auto height = eth::parseBlockTag(params.at(0), m_chain.height());
        if (!height)
            return std::unexpected(toRpcError(height.error()));
        auto block = m_chain.lightBlock(*height);
        if (!block)
            return std::unexpected(toRpcError(block.error()));
        return QJsonObject{{QStringLiteral("header"), eth::data(block->header.encode())},
                           {QStringLiteral("commit"), eth::data(block->commit.encode())},
                           {QStringLiteral("validators"), eth::data(block->validators.encode())}};
    }

    Reply stateProof(const QJsonArray& params)
    {
        auto height = eth::parseBlockTag(params.at(0), m_chain.height());
        if (!height)
            return std::unexpected(toRpcError(height.error()));
        auto ns = params.at(1).isDouble() ? Result<std::uint64_t>(static_cast<std::uint64_t>(params.at(1).toInteger()))
                                          : eth::parseQuantity64(params.at(1), "namespace");
        if (!ns || *ns > 255)
            return std::unexpected(RpcError::invalidParams(QStringLiteral("namespace must be 0…255")));
        auto key = eth::parseData(params.at(2), "key");
        if (!key)
            return std::unexpected(toRpcError(key.error()));
        auto value = m_chain.stateValue(*height, static_cast<std::uint8_t>(*ns), *key);
        auto proof = m_chain.stateProof(*height, static_cast<std::uint8_t>(*ns), *key);
        if (!value)
            return std::unexpected(toRpcError(value.error()));
        if (!proof)
            return std::unexpected(toRpcError(proof.error()));
        return QJsonObject{{QStringLiteral("height"), eth::quantity(*height)},
                           {QStringLiteral("value"), *value ? QJsonValue(eth::data(**value)) : QJsonValue()},
                           {QStringLiteral("proof"), eth::data(proof->encode())}};
    }

    Reply receiptProof(const QJsonArray& params)
    {
        auto hash = eth::parseHash(params.at(0), "hash");
        if (!hash)
            return std::unexpected(toRpcError(hash.error()));
        auto proof = m_chain.receiptProof(*hash);
        if (!proof)
            return proof.error().kind == ErrorKind::NotFound ? Reply(QJsonValue())
                                                             : std::unexpected(toRpcError(proof.error()));
        return QJsonObject{{QStringLiteral("height"), eth::quantity(proof->height)},
                           {QStringLiteral("index"), eth::quantity(proof->proof.index)},
                           {QStringLiteral("receipt"), eth::data(proof->receipt.encode())},
                           {QStringLiteral("proof"), eth::data(proof->proof.encode())}};
    }

    Chain& m_chain;
    QString m_clientVersion;
    std::function<void()> m_onSubmitted;
};

bool topicMatches(const QJsonValue& filter, const Hash256& topic)
{
    if (filter.isNull() || filter.isUndefined())
        return true;
    auto target = eth::data(ByteView(topic));
    if (filter.isString())
        return filter.toString().compare(target, Qt::CaseInsensitive) == 0;
    for (const auto& option : filter.toArray())
        if (option.toString().compare(target, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

Reply Methods::getLogs(const QJsonArray& params)
{
    auto filter = params.at(0).toObject();
    std::uint64_t from = 0;
    std::uint64_t to = 0;
    if (filter.contains(QStringLiteral("blockHash"))) {
        auto hash = eth::parseHash(filter.value(QStringLiteral("blockHash")), "blockHash");
        if (!hash)
            return std::unexpected(toRpcError(hash.error()));
        auto height = m_chain.heightOf(*hash);
        if (!height || !*height)
            return std::unexpected(RpcError::invalidParams(QStringLiteral("unknown block hash")));
        from = to = **height;
    } else {
        auto fromBlock = eth::parseBlockTag(filter.value(QStringLiteral("fromBlock")), m_chain.height());
        auto toBlock = eth::parseBlockTag(filter.value(QStringLiteral("toBlock")), m_chain.height());
        if (!fromBlock || !toBlock)
            return std::unexpected(toRpcError(!fromBlock ? fromBlock.error() : toBlock.error()));
        from = *fromBlock;
        to = *toBlock;
    }
    if (to < from)
        return QJsonArray();
    if (to - from >= kMaxLogRange)
        return std::unexpected(RpcError::limitExceeded(
            QStringLiteral("query a range of at most %1 blocks").arg(kMaxLogRange)));

    std::vector<QString> addresses;
    auto addressFilter = filter.value(QStringLiteral("address"));
    for (const auto& entry : addressFilter.isArray() ? addressFilter.toArray() : QJsonArray{addressFilter})
        if (entry.isString())
            addresses.push_back(entry.toString().toLower());
    auto topics = filter.value(QStringLiteral("topics")).toArray();

    QJsonArray logs;
    for (std::uint64_t height = from; height <= to; ++height) {
        auto block = m_chain.block(height);
        auto receipts = m_chain.receipts(height);
        if (!block || !receipts || !*block)
            return std::unexpected(RpcError::internalError(QStringLiteral("cannot read block %1").arg(height)));
        std::uint64_t logIndex = 0;
        for (std::size_t i = 0; i < receipts->size(); ++i) {
            eth::TransactionPosition position{(*block)->hash, height, static_cast<std::uint32_t>(i)};
            for (const auto& entry : (*receipts)[i].logs) {
                bool match = addresses.empty()
                             || std::ranges::find(addresses, eth::address(entry.address).toLower()) != addresses.end();
                for (qsizetype t = 0; match && t < topics.size(); ++t)
                    match = static_cast<std::size_t>(t) < entry.topics.size()
                                ? topicMatches(topics.at(t), entry.topics[static_cast<std::size_t>(t)])
                                : (topics.at(t).isNull());
                if (match)
                    logs.append(eth::log(entry, position, (*receipts)[i].txHash, logIndex));
                ++logIndex;
            }
        }
    }
    return logs;
}

} // namespace

void registerEthApi(rpc::RpcServer& server, Chain& chain, const QString& clientVersion,
                    std::function<void()> onSubmitted)
{
    // Owned by the server: lives exactly as long as the handlers that use it.
    auto* methods = new Methods(chain, clientVersion, std::move(onSubmitted));
    QObject::connect(&server, &QObject::destroyed, [methods] { delete methods; });
    methods->registerOn(server);
}

} // namespace ls::node
