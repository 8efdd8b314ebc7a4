#include "core/node/service/NodeRunner.h"

#include "core/node/chain/Chain.h"
#include "core/node/rpc/RpcServer.h"
#include "core/node/service/BlockProducer.h"
#include "core/node/service/EthApi.h"
#include "core/node/service/EthJson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ls::node {
namespace {

// eth_subscribe ["logs", {address?, topics?}]: keeps the filter for the publish predicate.
std::expected<QJsonValue, rpc::RpcError> acceptLogFilter(const QJsonValue& arguments,
                                                         const rpc::CallContext&)
{
    if (!arguments.isUndefined() && !arguments.isNull() && !arguments.isObject())
        return std::unexpected(rpc::RpcError::invalidParams(QStringLiteral("logs filter must be an object")));
    return arguments.isObject() ? arguments : QJsonValue(QJsonObject());
}

bool logMatches(const QJsonValue& filterValue, const QJsonObject& log)
{
    auto filter = filterValue.toObject();
    auto address = filter.value(QStringLiteral("address"));
    if (!address.isUndefined() && !address.isNull()) {
        bool any = false;
        for (const auto& entry : address.isArray() ? address.toArray() : QJsonArray{address})
            any = any || entry.toString().compare(log.value(QStringLiteral("address")).toString(), Qt::CaseInsensitive) == 0;
        if (!any)
            return false;
    }
    auto topics = filter.value(QStringLiteral("topics")).toArray();
    auto logTopics = log.value(QStringLiteral("topics")).toArray();
    for (qsizetype i = 0; i < topics.size(); ++i) {
        if (topics.at(i).isNull())
            continue;
        if (i >= logTopics.size())
            return false;
        auto wanted = topics.at(i).isArray() ? topics.at(i).toArray() : QJsonArray{topics.at(i)};
        bool any = false;
        for (const auto& option : wanted)
            any = any || option.toString().compare(logTopics.at(i).toString(), Qt::CaseInsensitive) == 0;
        if (!any)
            return false;
    }
    return true;
}

} // namespace

NodeRunner::~NodeRunner() = default;

quint16 NodeRunner::rpcPort() const
{
    return m_server->port();
}

Result<std::unique_ptr<NodeRunner>> NodeRunner::start(const NodeRunnerOptions& options)
{
    std::unique_ptr<NodeRunner> runner(new NodeRunner());
    auto chain = Chain::open(options.dataDir);
    if (!chain)
        return std::unexpected(chain.error());
    runner->m_chain = std::move(*chain);
    runner->m_server = std::make_unique<rpc::RpcServer>();
    NodeRunner* self = runner.get();

    if (options.validatorKey) {
        runner->m_producer = std::make_unique<BlockProducer>(*runner->m_chain, *options.validatorKey,
                                                             options.batchDelayMs);
        runner->m_producer->onBlock = [self](const StoredBlock& block) {
            self->publishBlock(block.light.header.height);
        };
        connect(runner->m_producer.get(), &BlockProducer::productionFailed, self, &NodeRunner::problem);
    }
    BlockProducer* producer = runner->m_producer.get();
    registerEthApi(*runner->m_server, *runner->m_chain, options.clientVersion, [producer] {
        if (producer)
            producer->transactionArrived();
    });
    runner->m_server->registerSubscription(QStringLiteral("newHeads"),
                                           [](const QJsonValue&, const rpc::CallContext&) {
                                               return std::expected<QJsonValue, rpc::RpcError>(QJsonValue());
                                           });
    runner->m_server->registerSubscription(QStringLiteral("logs"), acceptLogFilter);

    auto port = runner->m_server->listen(options.rpcHost, options.rpcPort);
    if (!port)
        return std::unexpected(port.error());
    if (runner->m_producer)
        runner->m_producer->start();
    return runner;
}

void NodeRunner::publishBlock(std::uint64_t height)
{
    auto block = m_chain->block(height);
    auto receipts = m_chain->receipts(height);
    if (!block || !*block || !receipts)
        return;
    auto head = eth::block(**block, *receipts, false, m_chain->params());
    head.remove(QStringLiteral("transactions"));
    m_server->publish(QStringLiteral("newHeads"), head);

    std::uint64_t logIndex = 0;
    for (std::size_t i = 0; i < receipts->size(); ++i) {
        eth::TransactionPosition position{(*block)->hash, height, static_cast<std::uint32_t>(i)};
        for (const auto& entry : (*receipts)[i].logs) {
            auto log = eth::log(entry, position, (*receipts)[i].txHash, logIndex++);
            m_server->publish(QStringLiteral("logs"), log,
                              [log](const QJsonValue& filter) { return logMatches(filter, log); });
        }
    }
    Q_EMIT blockProduced(height);
}

} // namespace ls::node
