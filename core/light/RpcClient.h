#pragma once

#include "core/light/CatalogEvents.h"
#include "core/light/RpcError.h"
#include "core/light/RpcTypes.h"
#include "core/protocol/LightBlock.h"
#include "core/util/Bytes.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace ls::light {

struct RpcClientOptions {
    // Whole-call deadline, from sending the request to the last byte of the answer: a server
    // that trickles bytes cannot hold a call open forever.
    std::chrono::milliseconds timeout { 15'000 };
    // Bigger answers are cut off (RpcError::TooLarge). Light blocks and proofs are kilobytes.
    qint64 maxResponseBytes = 4 * 1024 * 1024;
};

// JSON-RPC 2.0 over HTTP POST to one endpoint (docs/protocol.md §8), with typed calls for the
// methods the light client uses. Asynchronous: every call returns at once and its callback runs
// later on the thread that owns the client (never inside the call). Calls still pending when
// the client is destroyed or cancelAll() runs are dropped without their callbacks.
//
// Results are the server's claims, strictly decoded (RpcDecoders.h) but not verified: that is
// the caller's job (Verifier, proofs).
class RpcClient : public QObject {
    Q_OBJECT

public:
    template <typename T> using Callback = std::function<void(RpcResult<T>)>;

    explicit RpcClient(QUrl endpoint, RpcClientOptions options = {}, QObject* parent = nullptr);
    ~RpcClient() override;

    const QUrl& endpoint() const { return m_endpoint; }
    std::size_t pendingCalls() const;
    void cancelAll();

    // Any method; the callback gets the raw `result`.
    void call(const QString& method, const QJsonArray& params, Callback<QJsonValue> done);

    void getGenesis(Callback<GenesisInfo> done);
    // nullopt asks for "latest".
    void getLightBlock(std::optional<std::uint64_t> height, Callback<protocol::LightBlock> done);
    void getStateProof(
        std::uint64_t height, std::uint8_t ns, ByteView key, Callback<StateProofInfo> done);
    // nullopt: the server does not know the transaction (or it is not in a block yet).
    void getReceiptProof(const Hash256& txHash, Callback<std::optional<ReceiptProofInfo>> done);
    void sendRawTransaction(ByteView raw, Callback<Hash256> done);
    void getTransactionByHash(const Hash256& txHash, Callback<std::optional<TransactionInfo>> done);
    void chainId(Callback<std::uint64_t> done);
    // eth_getLogs over blocks from…to (inclusive) for the events of `address` whose topic 0 is
    // one of `topics0`.
    void getLogs(std::uint64_t from, std::uint64_t to, const crypto::Address& address,
        const std::vector<Hash256>& topics0,
        Callback<std::vector<catalogevents::LogCandidate>> done);

private:
    struct Pending;

    template <typename T, typename Decode>
    void typed(const QString& method, const QJsonArray& params, Decode decode, Callback<T> done);
    void finish(const std::shared_ptr<Pending>& pending);
    RpcError failure(RpcError::Kind kind, const QString& method, std::string message) const;

    QUrl m_endpoint;
    RpcClientOptions m_options;
    QNetworkAccessManager* m_network = nullptr; // child
    std::int64_t m_nextId = 1;
    std::vector<std::shared_ptr<Pending>> m_pending;
};

} // namespace ls::light
