#pragma once

#include <QString>

#include <functional>

namespace ls::node {

class Chain;
namespace rpc {
class RpcServer;
}

// Registers the node's JSON-RPC methods (docs/protocol.md §8) on `server`: the eth_/net_/web3_
// methods a wallet or ethers.js needs, and the ls_ methods that hand a light client the
// canonical bytes it verifies. The chain and the server must live on the same thread and outlive
// the registration. `onSubmitted` runs after a transaction entered the mempool (the block
// producer uses it to build a block promptly).
void registerEthApi(rpc::RpcServer& server, Chain& chain, const QString& clientVersion,
                    std::function<void()> onSubmitted);

} // namespace ls::node
