#pragma once

#include "core/crypto/Secp256k1.h"
#include "core/util/Error.h"

#include <QHostAddress>
#include <QObject>

#include <filesystem>
#include <memory>

namespace ls::node {

class BlockProducer;
class Chain;
namespace rpc {
class RpcServer;
}

struct NodeRunnerOptions {
    std::filesystem::path dataDir;
    QHostAddress rpcHost = QHostAddress::LocalHost;
    quint16 rpcPort = 8545; // 0: any free port
    std::optional<crypto::PrivateKey> validatorKey; // this node proposes when set
    int batchDelayMs = 20;
    QString clientVersion;
};

// A running node: the chain of <dataDir>, its JSON-RPC server (HTTP + WebSocket, with
// newHeads/logs subscriptions) and, for a validator, the block producer — all on the thread
// that starts it.
class NodeRunner : public QObject {
    Q_OBJECT

public:
    static Result<std::unique_ptr<NodeRunner>> start(const NodeRunnerOptions& options);
    ~NodeRunner() override;

    Chain& chain() { return *m_chain; }
    quint16 rpcPort() const;

Q_SIGNALS:
    void blockProduced(quint64 height);
    void problem(const QString& message);

private:
    NodeRunner() = default;
    void publishBlock(std::uint64_t height);

    std::unique_ptr<Chain> m_chain;
    std::unique_ptr<rpc::RpcServer> m_server;
    std::unique_ptr<BlockProducer> m_producer;
};

} // namespace ls::node
