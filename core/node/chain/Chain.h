#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/crypto/Secp256k1.h"
#include "core/node/chain/BlockStore.h"
#include "core/node/execution/AccountState.h"
#include "core/node/execution/Admission.h"
#include "core/node/execution/CallResult.h"
#include "core/node/execution/ChainParams.h"
#include "core/node/execution/Executor.h"
#include "core/node/execution/Genesis.h"
#include "core/node/mempool/Mempool.h"
#include "core/protocol/MerkleProof.h"
#include "core/protocol/StateProof.h"
#include "core/util/Error.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace ls::storage {
class Transaction;
}

namespace ls::node {

struct ReceiptProof {
    std::uint64_t height = 0;
    protocol::Receipt receipt;
    protocol::MerkleProof proof; // against the block's receiptsRoot
};

// The node's chain: the committed blocks, the state tree and the mempool in one SQLite file
// (<datadir>/chain.db), and the rules that grow it. A block, its state change and its receipts
// are written in one database transaction, so a crash leaves the chain at a block boundary and a
// restart resumes there without replaying anything.
//
// Single-threaded: the node runs it, its RPC server and its block timer on one thread.
class Chain {
public:
    static constexpr std::string_view kDatabaseFile = "chain.db";

    // Writes the genesis block into a fresh <dataDir>/chain.db. Refuses an existing chain.
    static Result<Hash256> initialize(const std::filesystem::path& dataDir, const Genesis& genesis);
    static Result<std::unique_ptr<Chain>> open(const std::filesystem::path& dataDir,
                                               const MempoolLimits& limits = {});
    ~Chain();

    std::uint64_t chainId() const;
    const ChainParams& params() const;
    const Hash256& genesisHash() const;
    const QByteArray& genesisJson() const;
    std::uint64_t height() const;
    const protocol::LightBlock& latest() const;

    // Queries. Heights above height() give NotFound.
    Result<protocol::LightBlock> lightBlock(std::uint64_t height);
    Result<std::optional<StoredBlock>> block(std::uint64_t height);
    Result<std::optional<std::uint64_t>> heightOf(const Hash256& blockHash);
    Result<std::vector<protocol::Receipt>> receipts(std::uint64_t height);
    Result<std::optional<StoredTransaction>> transaction(const Hash256& hash);
    Result<ReceiptProof> receiptProof(const Hash256& txHash);
    Result<AccountState> account(const crypto::Address& address, std::optional<std::uint64_t> height = {});
    Result<std::optional<Bytes>> stateValue(std::uint64_t height, std::uint8_t ns, ByteView key);
    Result<protocol::StateProof> stateProof(std::uint64_t height, std::uint8_t ns, ByteView key);
    Result<CallResult> call(const crypto::Address& from, const crypto::Address& to, ByteView data,
                            const codec::UInt256& value);
    Result<GasEstimate> estimateGas(const crypto::Address& from, const crypto::Address& to,
                                    ByteView data, const codec::UInt256& value);

    // eth_sendRawTransaction: decode, recover, check against the latest state, queue.
    Result<Hash256> submit(ByteView raw);
    // submit() for many transactions at once (a JSON-RPC batch, a peer's gossip): the senders are
    // recovered on all cores, then each transaction is admitted in order, so result i is exactly
    // what submit(raws[i]) would have returned after submit(raws[0…i-1]).
    std::vector<Result<Hash256>> submitBatch(std::span<const ByteView> raws);
    std::uint64_t nextNonce(const crypto::Address& address);
    const Mempool& mempool() const;
    std::optional<PendingTransaction> pending(const Hash256& hash) const;
    bool hasPending() const;

    // Builds, executes, signs (as the single validator `key`) and commits the next block with the
    // best pending transactions. `nowMs` is the block time (kept strictly increasing).
    Result<StoredBlock> produceBlock(const crypto::PrivateKey& key, std::uint64_t nowMs);

    // Appends a block made elsewhere (a follower, or a replay from genesis): its commit must be
    // valid for the current validator set, its parent the current head, and re-executing its
    // transactions here must give exactly its transaction, receipt and state roots.
    Result<void> applyBlock(const protocol::LightBlock& block,
                            std::span<const protocol::Transaction> transactions);

private:
    struct State;
    struct Execution;
    Result<Hash256> admit(VerifiedTransaction verified);
    Result<Execution> execute(const BlockContext& context,
                              std::vector<PendingTransaction> candidates, bool dropInvalid);
    Result<void> commitBlock(const protocol::LightBlock& block, const Execution& execution);
    Result<void> finishBlock(storage::Transaction& transaction, const protocol::LightBlock& block,
                             const Execution& execution);
    explicit Chain(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace ls::node
