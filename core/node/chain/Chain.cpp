#include "core/node/chain/Chain.h"

#include "core/node/chain/RecoveryPool.h"
#include "core/node/chain/TreeStateView.h"
#include "core/node/execution/Admission.h"
#include "core/node/execution/ChainState.h"
#include "core/node/execution/StateKeys.h"
#include "core/node/execution/StateOverlay.h"
#include "core/node/state/SparseMerkleTree.h"
#include "core/protocol/MerkleList.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"

#include <algorithm>
#include <future>
#include <map>
#include <system_error>

namespace ls::node {
namespace {

constexpr std::string_view kMetaSchema =
    "CREATE TABLE IF NOT EXISTS chain_meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)";
constexpr std::size_t kMaxTransactionsPerBlock = 20'000;

std::vector<StateUpdate> toUpdates(const std::vector<StateChange>& changes)
{
    std::vector<StateUpdate> updates;
    updates.reserve(changes.size());
    for (const auto& change : changes)
        updates.push_back(StateUpdate{change.path, change.value});
    return updates;
}

Result<void> writeMeta(storage::Database& database, std::string_view key, ByteView value)
{
    auto statement = database.cached("INSERT OR REPLACE INTO chain_meta(key, value) VALUES (?1, ?2)");
    if (!statement)
        return std::unexpected(statement.error());
    if (auto bound = (*statement)->bindAll(key, value); !bound)
        return bound;
    return (*statement)->run();
}

Result<std::optional<Bytes>> readMeta(storage::Database& database, std::string_view key)
{
    auto statement = database.cached("SELECT value FROM chain_meta WHERE key = ?1");
    if (!statement)
        return std::unexpected(statement.error());
    if (auto bound = (*statement)->bindAll(key); !bound)
        return std::unexpected(bound.error());
    auto row = (*statement)->step();
    if (!row)
        return std::unexpected(row.error());
    std::optional<Bytes> value;
    if (*row) {
        auto blob = (*statement)->columnBlob(0);
        value = Bytes(blob.begin(), blob.end());
    }
    (*statement)->reset();
    return value;
}

} // namespace

struct Chain::State {
    State(storage::Database db, const MempoolLimits& limits) : database(std::move(db)), mempool(limits) {}

    // The tree and the block store keep the database's address: State lives on the heap and
    // never moves, and they are filled in right after construction.
    storage::Database database;
    std::optional<SparseMerkleTree> tree;
    std::optional<BlockStore> blocks;
    Mempool mempool;
    RecoveryPool recovery;
    QByteArray genesisJson;
    ChainParams params;
    Hash256 genesisHash{};
    std::optional<protocol::LightBlock> latest; // ValidatorSet has no empty state

    Result<AccountState> accountAt(std::uint64_t version, const crypto::Address& address)
    {
        TreeStateView view(*tree, version);
        StateOverlay overlay(view);
        return ChainState(overlay).account(address);
    }
};

Chain::Chain(std::unique_ptr<State> state) : m_state(std::move(state)) {}
Chain::~Chain() = default;

Result<Hash256> Chain::initialize(const std::filesystem::path& dataDir, const Genesis& genesis)
{
    if (auto valid = genesis.validate(); !valid)
        return std::unexpected(valid.error());
    auto validators = genesis.validatorSet();
    if (!validators)
        return std::unexpected(validators.error());
    auto file = dataDir / kDatabaseFile;
    std::error_code error;
    if (std::filesystem::exists(file, error))
        return fail(ErrorKind::InvalidInput, "A chain already exists in " + dataDir.string());
    std::filesystem::create_directories(dataDir, error);
    if (error)
        return fail(ErrorKind::Io, "Cannot create " + dataDir.string() + ": " + error.message());

    auto database = storage::Database::open(file);
    if (!database)
        return std::unexpected(database.error());
    if (auto created = database->exec(kMetaSchema); !created)
        return std::unexpected(created.error());
    auto tree = SparseMerkleTree::open(*database);
    if (!tree)
        return std::unexpected(tree.error());
    auto blocks = BlockStore::open(*database);
    if (!blocks)
        return std::unexpected(blocks.error());

    auto transaction = storage::Transaction::begin(*database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto stateRoot = tree->applyBatch(*transaction, 0, toUpdates(genesis.initialStateChanges()));
    if (!stateRoot)
        return std::unexpected(stateRoot.error());

    protocol::Header header;
    header.chainId = genesis.chainId;
    header.height = 0;
    header.timeMs = genesis.timeMs;
    header.txRoot = protocol::MerkleList::emptyRoot();
    header.receiptsRoot = protocol::MerkleList::emptyRoot();
    header.stateRoot = *stateRoot;
    header.validatorsHash = validators->hash();
    header.nextValidatorsHash = validators->hash();
    // The genesis block is trusted by its hash (pinned in network profiles), not by signatures.
    protocol::Commit commit;
    commit.height = 0;
    commit.blockHash = header.hash();
    protocol::LightBlock block{header, commit, *validators};
    if (auto appended = blocks->append(*transaction, block, {}, {}, {}, {}); !appended)
        return std::unexpected(appended.error());
    auto json = genesis.serialize();
    ByteView jsonBytes(reinterpret_cast<const std::uint8_t*>(json.constData()),
                       static_cast<std::size_t>(json.size()));
    if (auto written = writeMeta(*database, "genesis", jsonBytes); !written)
        return std::unexpected(written.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return block.header.hash();
}

Result<std::unique_ptr<Chain>> Chain::open(const std::filesystem::path& dataDir,
                                           const MempoolLimits& limits)
{
    auto file = dataDir / kDatabaseFile;
    std::error_code error;
    if (!std::filesystem::exists(file, error))
        return fail(ErrorKind::NotFound,
                    "No chain in " + dataDir.string() + ": run `lightstreams-node init` first");
    auto database = storage::Database::open(file);
    if (!database)
        return std::unexpected(database.error());
    if (auto created = database->exec(kMetaSchema); !created)
        return std::unexpected(created.error());

    auto state = std::make_unique<State>(std::move(*database), limits);
    auto genesisBytes = readMeta(state->database, "genesis");
    if (!genesisBytes)
        return std::unexpected(genesisBytes.error());
    if (!*genesisBytes)
        return fail(ErrorKind::Internal, "The chain database has no genesis record");
    state->genesisJson = QByteArray(reinterpret_cast<const char*>((*genesisBytes)->data()),
                                    static_cast<qsizetype>((*genesisBytes)->size()));
    auto genesis = Genesis::parse(state->genesisJson);
    if (!genesis)
        return std::unexpected(genesis.error());

    auto tree = SparseMerkleTree::open(state->database);
    if (!tree)
        return std::unexpected(tree.error());
    state->tree.emplace(std::move(*tree));
    auto blocks = BlockStore::open(state->database);
    if (!blocks)
        return std::unexpected(blocks.error());
    state->blocks.emplace(std::move(*blocks));

    auto height = state->blocks->latestHeight();
    if (!height)
        return std::unexpected(height.error());
    if (!*height)
        return fail(ErrorKind::Internal, "The chain database has no blocks");
    if (state->tree->latestVersion() != *height)
        return fail(ErrorKind::Internal, "The chain database is inconsistent: state version and block height differ");
    auto genesisBlock = state->blocks->lightBlock(0);
    auto latest = state->blocks->lightBlock(**height);
    if (!genesisBlock || !*genesisBlock || !latest || !*latest)
        return fail(ErrorKind::Internal, "The chain database cannot read its blocks");
    state->genesisHash = (*genesisBlock)->header.hash();
    state->latest.emplace(std::move(**latest));

    TreeStateView view(*state->tree, **height);
    StateOverlay overlay(view);
    auto params = ChainState(overlay).params(genesis->chainId);
    if (!params)
        return std::unexpected(params.error());
    state->params = *params;
    return std::unique_ptr<Chain>(new Chain(std::move(state)));
}

std::uint64_t Chain::chainId() const { return m_state->params.chainId; }
const ChainParams& Chain::params() const { return m_state->params; }
const Hash256& Chain::genesisHash() const { return m_state->genesisHash; }
const QByteArray& Chain::genesisJson() const { return m_state->genesisJson; }
std::uint64_t Chain::height() const { return m_state->latest->header.height; }
const protocol::LightBlock& Chain::latest() const { return *m_state->latest; }
const Mempool& Chain::mempool() const { return m_state->mempool; }
bool Chain::hasPending() const { return m_state->mempool.size() > 0; }

std::optional<PendingTransaction> Chain::pending(const Hash256& hash) const
{
    return m_state->mempool.find(hash);
}

Result<protocol::LightBlock> Chain::lightBlock(std::uint64_t height)
{
    auto block = m_state->blocks->lightBlock(height);
    if (!block)
        return std::unexpected(block.error());
    if (!*block)
        return fail(ErrorKind::NotFound, "No block at height " + std::to_string(height) + " yet");
    return std::move(**block);
}

Result<std::optional<StoredBlock>> Chain::block(std::uint64_t height)
{
    return m_state->blocks->block(height);
}

Result<std::optional<std::uint64_t>> Chain::heightOf(const Hash256& blockHash)
{
    return m_state->blocks->heightOf(blockHash);
}

Result<std::vector<protocol::Receipt>> Chain::receipts(std::uint64_t height)
{
    return m_state->blocks->receipts(height);
}

Result<std::optional<StoredTransaction>> Chain::transaction(const Hash256& hash)
{
    return m_state->blocks->findTransaction(hash);
}

Result<ReceiptProof> Chain::receiptProof(const Hash256& txHash)
{
    auto stored = transaction(txHash);
    if (!stored)
        return std::unexpected(stored.error());
    if (!*stored)
        return fail(ErrorKind::NotFound, "Transaction not found in any block");
    auto all = receipts((*stored)->height);
    if (!all)
        return std::unexpected(all.error());
    std::vector<Bytes> items;
    items.reserve(all->size());
    for (const auto& receipt : *all)
        items.push_back(receipt.encode());
    auto proof = protocol::MerkleList::proveIndex(items, (*stored)->index);
    if (!proof)
        return std::unexpected(proof.error());
    return ReceiptProof{(*stored)->height, (*stored)->receipt, *proof};
}

Result<AccountState> Chain::account(const crypto::Address& address, std::optional<std::uint64_t> height)
{
    auto version = height.value_or(this->height());
    if (version > this->height())
        return fail(ErrorKind::NotFound, "No block at height " + std::to_string(version) + " yet");
    return m_state->accountAt(version, address);
}

Result<std::optional<Bytes>> Chain::stateValue(std::uint64_t height, std::uint8_t ns, ByteView key)
{
    return m_state->tree->get(height, protocol::statePath(ns, key));
}

Result<protocol::StateProof> Chain::stateProof(std::uint64_t height, std::uint8_t ns, ByteView key)
{
    return m_state->tree->prove(height, protocol::statePath(ns, key));
}

namespace {

BlockContext nextBlockContext(const Chain& chain, std::uint64_t timeMs)
{
    BlockContext context;
    context.height = chain.height() + 1;
    context.timeMs = timeMs;
    context.proposer = chain.latest().header.proposer;
    context.params = chain.params();
    return context;
}

} // namespace

Result<CallResult> Chain::call(const crypto::Address& from, const crypto::Address& to, ByteView data,
                               const codec::UInt256& value)
{
    TreeStateView view(*m_state->tree, height());
    auto context = nextBlockContext(*this, latest().header.timeMs);
    return Executor::call(view, context, from, to, data, value);
}

Result<GasEstimate> Chain::estimateGas(const crypto::Address& from, const crypto::Address& to,
                                       ByteView data, const codec::UInt256& value)
{
    TreeStateView view(*m_state->tree, height());
    auto context = nextBlockContext(*this, latest().header.timeMs);
    return Executor::estimateGas(view, context, from, to, data, value);
}

Result<Hash256> Chain::submit(ByteView raw)
{
    auto verified = decodeAndRecover(raw, chainId());
    if (!verified)
        return std::unexpected(verified.error());
    return admit(std::move(*verified));
}

std::vector<Result<Hash256>> Chain::submitBatch(std::span<const ByteView> raws)
{
    std::vector<Result<Hash256>> results;
    results.reserve(raws.size());
    m_state->recovery.run(raws, chainId(), [&](std::size_t, Result<VerifiedTransaction> verified) {
        if (!verified)
            results.push_back(std::unexpected(std::move(verified.error())));
        else
            results.push_back(admit(std::move(*verified)));
    });
    return results;
}

Result<Hash256> Chain::admit(VerifiedTransaction verified)
{
    // One overlay for both checks: it caches the sender's account, so admission reads it from
    // the tree once (this is the node's hottest path).
    TreeStateView view(*m_state->tree, height());
    StateOverlay state(view);
    if (auto admitted = checkAdmission(state, verified.tx, verified.sender, m_state->params,
                                       NoncePolicy::AllowFuture);
        !admitted)
        return std::unexpected(admitted.error());
    auto account = ChainState(state).account(verified.sender);
    if (!account)
        return std::unexpected(account.error());
    auto pending = PendingTransaction::make(std::move(verified.tx), verified.sender,
                                            m_state->params.minGasPrice);
    auto hash = pending.hash;
    if (auto added = m_state->mempool.add(std::move(pending), account->nonce); !added)
        return std::unexpected(added.error());
    return hash;
}

std::uint64_t Chain::nextNonce(const crypto::Address& address)
{
    auto account = m_state->accountAt(height(), address);
    return m_state->mempool.nextNonce(address, account ? account->nonce : 0);
}

// What executing a block's transactions gave: the inputs to its header and its store rows.
struct Chain::Execution {
    std::vector<protocol::Transaction> transactions;
    std::vector<crypto::Address> senders;
    std::vector<Hash256> hashes; // from the mempool, computed at admission
    std::vector<protocol::Receipt> receipts;
    std::vector<StateUpdate> updates;
    std::map<crypto::Address, std::uint64_t> nextNonces;
    // Filled by seal(), once, for the header's roots and the block store alike.
    std::vector<Bytes> encodedTransactions;
    std::vector<Bytes> encodedReceipts;
    Hash256 txRoot{};
    Hash256 receiptsRoot{};

    void seal()
    {
        encodedTransactions.reserve(transactions.size());
        for (const auto& tx : transactions)
            encodedTransactions.push_back(tx.encode());
        encodedReceipts.reserve(receipts.size());
        for (const auto& receipt : receipts)
            encodedReceipts.push_back(receipt.encode());
        txRoot = protocol::MerkleList::root(encodedTransactions);
        receiptsRoot = protocol::MerkleList::root(encodedReceipts);
    }
};

namespace {

// Below this many transactions sealing a block takes less than starting a thread for it.
constexpr std::size_t kSealAsideThreshold = 64;

// Seals `execution` on another core when the block is big enough (while the caller updates the
// state tree, which does not touch what sealing reads or writes), else right here. The caller
// waits for the returned future, if any, before using the roots.
template <typename Execution> std::optional<std::future<void>> sealAside(Execution& execution)
{
    if (execution.transactions.size() >= kSealAsideThreshold) {
        try {
            return std::async(std::launch::async, [&execution] { execution.seal(); });
        } catch (const std::system_error&) {
            // No thread to be had: seal here.
        }
    }
    execution.seal();
    return std::nullopt;
}

} // namespace

Result<Chain::Execution> Chain::execute(const BlockContext& start,
                                        std::vector<PendingTransaction> candidates, bool dropInvalid)
{
    BlockContext context = start;
    TreeStateView view(*m_state->tree, height());
    StateOverlay overlay(view);
    Execution execution;
    for (auto& candidate : candidates) {
        auto receipt = Executor::apply(overlay, candidate.transaction, candidate.sender, context,
                                       candidate.hash);
        if (!receipt) {
            if (!dropInvalid)
                return fail(ErrorKind::Verification, "The block holds a transaction that is not valid here: "
                                                         + receipt.error().message);
            // Not valid in this block any more (e.g. the balance went elsewhere): drop it and the
            // sender's later transactions, which could only fail on the nonce now.
            m_state->mempool.removeWithSuccessors(candidate.hash);
            continue;
        }
        context.cumulativeGasUsed = receipt->cumulativeGasUsed;
        execution.nextNonces[candidate.sender] = candidate.transaction.nonce + 1;
        execution.hashes.push_back(candidate.hash);
        execution.transactions.push_back(std::move(candidate.transaction));
        execution.senders.push_back(candidate.sender);
        execution.receipts.push_back(std::move(*receipt));
    }
    execution.updates = toUpdates(overlay.changes());
    return execution;
}

Result<void> Chain::commitBlock(const protocol::LightBlock& block, const Execution& execution)
{
    auto transaction = storage::Transaction::begin(m_state->database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto stateRoot = m_state->tree->applyBatch(*transaction, block.header.height, execution.updates);
    if (!stateRoot)
        return std::unexpected(stateRoot.error());
    if (*stateRoot != block.header.stateRoot)
        return fail(ErrorKind::Verification, "Block " + std::to_string(block.header.height)
                                                 + ": re-execution gives a different state root");
    return finishBlock(*transaction, block, execution);
}

Result<void> Chain::finishBlock(storage::Transaction& transaction, const protocol::LightBlock& block,
                                const Execution& execution)
{
    if (auto appended = m_state->blocks->append(transaction, block, execution.hashes,
                                                execution.encodedTransactions, execution.senders,
                                                execution.encodedReceipts);
        !appended)
        return appended;
    if (auto committed = transaction.commit(); !committed)
        return committed;
    for (const auto& [sender, nonce] : execution.nextNonces)
        m_state->mempool.removeConfirmed(sender, nonce);
    m_state->latest.emplace(block);
    return {};
}

Result<StoredBlock> Chain::produceBlock(const crypto::PrivateKey& key, std::uint64_t nowMs)
{
    const protocol::LightBlock& parent = *m_state->latest;
    auto proposer = crypto::Address::fromPublicKey(key.publicKey());
    if (!parent.validators.indexOf(proposer))
        return fail(ErrorKind::InvalidInput, "This node's key " + proposer.toChecksumString()
                                                 + " is not a validator of the chain");

    BlockContext context = nextBlockContext(*this, std::max(nowMs, parent.header.timeMs + 1));
    context.proposer = proposer;
    TreeStateView view(*m_state->tree, height());
    StateOverlay nonceView(view);
    auto nonceOf = [&](const crypto::Address& address) -> std::uint64_t {
        auto account = ChainState(nonceView).account(address);
        return account ? account->nonce : 0;
    };
    auto candidates = m_state->mempool.selectForBlock(nonceOf, m_state->params.blockGasLimit,
                                                      kMaxTransactionsPerBlock);
    auto execution = execute(context, std::move(candidates), true);
    if (!execution)
        return std::unexpected(execution.error());

    // The state root is known once the tree has the batch; the header that names it is signed
    // inside the same database transaction, so the block and its state commit together.
    auto sealing = sealAside(*execution);
    auto transaction = storage::Transaction::begin(m_state->database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto stateRoot = m_state->tree->applyBatch(*transaction, context.height, execution->updates);
    if (sealing)
        sealing->get();
    if (!stateRoot)
        return std::unexpected(stateRoot.error());

    protocol::Header header;
    header.chainId = chainId();
    header.height = context.height;
    header.timeMs = context.timeMs;
    header.parentHash = parent.header.hash();
    header.txRoot = execution->txRoot;
    header.receiptsRoot = execution->receiptsRoot;
    header.stateRoot = *stateRoot;
    header.validatorsHash = parent.header.nextValidatorsHash;
    header.nextValidatorsHash = parent.header.nextValidatorsHash;
    header.proposer = proposer;
    std::array<crypto::PrivateKey, 1> keys{key};
    auto commit = protocol::Commit::sign(header, 0, parent.validators, keys);
    if (!commit)
        return std::unexpected(commit.error());
    protocol::LightBlock block{header, std::move(*commit), parent.validators};

    if (auto committed = finishBlock(*transaction, block, *execution); !committed)
        return std::unexpected(committed.error());
    auto hash = block.header.hash();
    return StoredBlock{std::move(block), hash, std::move(execution->transactions),
                       std::move(execution->senders)};
}

Result<void> Chain::applyBlock(const protocol::LightBlock& block,
                               std::span<const protocol::Transaction> transactions)
{
    const protocol::LightBlock& parent = *m_state->latest;
    if (block.header.height != parent.header.height + 1)
        return fail(ErrorKind::InvalidInput, "Block " + std::to_string(block.header.height)
                                                 + " does not follow the head "
                                                 + std::to_string(parent.header.height));
    if (block.header.chainId != chainId() || block.header.parentHash != parent.header.hash())
        return fail(ErrorKind::Verification, "Block " + std::to_string(block.header.height)
                                                 + " belongs to another chain or fork");
    if (block.validators.hash() != parent.header.nextValidatorsHash)
        return fail(ErrorKind::Verification, "Block " + std::to_string(block.header.height)
                                                 + " is signed by an unannounced validator set");
    if (auto verified = block.verify(); !verified)
        return verified;
    if (block.header.timeMs <= parent.header.timeMs)
        return fail(ErrorKind::Verification, "Block time must increase");

    BlockContext context = nextBlockContext(*this, block.header.timeMs);
    context.proposer = block.header.proposer;
    std::vector<PendingTransaction> candidates;
    for (const auto& tx : transactions) {
        auto sender = tx.recoverSender(chainId());
        if (!sender)
            return std::unexpected(sender.error());
        candidates.push_back(PendingTransaction::make(tx, *sender, m_state->params.minGasPrice));
    }
    auto execution = execute(context, std::move(candidates), false);
    if (!execution)
        return std::unexpected(execution.error());
    execution->seal();
    if (execution->txRoot != block.header.txRoot || execution->receiptsRoot != block.header.receiptsRoot)
        return fail(ErrorKind::Verification, "Block " + std::to_string(block.header.height)
                                                 + ": transactions or receipts differ from its header");
    return commitBlock(block, *execution);
}

} // namespace ls::node
