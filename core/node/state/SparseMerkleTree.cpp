#include "core/node/state/SparseMerkleTree.h"

#include "core/crypto/Keccak.h"
#include "core/node/state/BatchUpdate.h"
#include "core/node/state/LatestValueCache.h"
#include "core/node/state/NodeCache.h"
#include "core/node/state/StateReader.h"
#include "core/node/state/StateStore.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <algorithm>
#include <functional>
#include <future>
#include <limits>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace ls::node {

struct SparseMerkleTree::State {
    storage::Database* db;
    StateStore store;
    NodeCache cache;
    StateReader reader;
    LatestValueCache latestValues;
    NodeId nextId = 1;
    std::optional<std::uint64_t> latestVersion;
    ChildRef latestRoot;
    std::optional<std::uint64_t> oldestVersion;

    State(storage::Database& database, const SparseMerkleTreeOptions& options)
        : db(&database)
        , store(database)
        , cache(options.cacheBytes)
        , reader(store, cache)
        , latestValues(options.valueCacheBytes)
    {
    }

    Result<ChildRef> rootRef(std::uint64_t version);
    // Walks `version` along `path` to where it ends (Empty or a leaf), collecting the siblings
    // when `siblings` is not null.
    Result<ChildRef> descend(
        std::uint64_t version, const Hash256& path, std::vector<Hash256>* siblings);
    Result<std::optional<Bytes>> read(std::uint64_t version, const Hash256& path);
    std::unexpected<Error> missingVersion(std::uint64_t version) const;
};

namespace {

constexpr auto kMaxVersion = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());

Result<void> checkTransaction(const storage::Transaction& transaction, const storage::Database& db)
{
    if (!transaction.active() || !transaction.belongsTo(db))
        return fail(
            ErrorKind::Internal, "State tree: the transaction is not open on the state database");
    return {};
}

// Runs `work` on another thread, or here when no thread can be started.
std::optional<std::future<void>> startAsync(const std::function<void()>& work)
{
    try {
        return std::async(std::launch::async, work);
    } catch (const std::system_error&) {
        work();
        return std::nullopt;
    }
}

// Sorts by path (the walk needs it) and hashes the values; nullopt when a path comes twice
// ("last one wins" would make the result depend on the order of the batch).
std::optional<std::vector<PreparedUpdate>> prepareUpdates(std::span<const StateUpdate> updates)
{
    std::vector<PreparedUpdate> prepared(updates.size());
    auto hashRange = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            prepared[i].path = updates[i].path;
            if (updates[i].value) {
                prepared[i].value = &*updates[i].value;
                prepared[i].valueHash = crypto::keccak256(*updates[i].value);
            }
        }
    };
    std::size_t half = updates.size() / 2;
    if (updates.size() >= BatchUpdate::kParallelThreshold) {
        auto other = startAsync([&] { hashRange(half, updates.size()); });
        hashRange(0, half);
        if (other)
            other->get();
    } else {
        hashRange(0, updates.size());
    }
    std::ranges::sort(prepared, {}, &PreparedUpdate::path);
    auto twice = std::ranges::adjacent_find(prepared, {}, &PreparedUpdate::path);
    if (twice != prepared.end())
        return std::nullopt;
    return prepared;
}

Result<void> writeBatch(
    StateStore& store, std::uint64_t version, const ChildRef& root, BatchUpdate& batch)
{
    std::vector<StateStore::RowView> rows;
    rows.reserve(batch.rows().size());
    for (const auto& row : batch.rows())
        rows.push_back({ row.id, batch.rowBytes(row) });
    if (auto written = store.writeRows(rows); !written)
        return written;
    if (auto written = store.writeRoot({ version, root.id, root.hash }); !written)
        return written;
    if (batch.stale().empty())
        return {};
    return store.writeStale({ version, batch.stale() });
}

} // namespace

std::unexpected<Error> SparseMerkleTree::State::missingVersion(std::uint64_t version) const
{
    std::string what = "State version " + std::to_string(version);
    if (!latestVersion || version > *latestVersion)
        return fail(ErrorKind::NotFound, what + " has not been written yet.");
    if (oldestVersion && version < *oldestVersion)
        return fail(ErrorKind::NotFound,
            what + " has been pruned (the oldest kept is " + std::to_string(*oldestVersion) + ").");
    return fail(ErrorKind::NotFound, what + " does not exist.");
}

Result<ChildRef> SparseMerkleTree::State::rootRef(std::uint64_t version)
{
    if (latestVersion && version == *latestVersion)
        return latestRoot;
    if (version > kMaxVersion)
        return missingVersion(version);
    auto row = store.readRoot(version);
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return missingVersion(version);
    if ((*row)->rootId == 0)
        return ChildRef {};
    auto ref = reader.ref((*row)->rootId);
    if (ref && ref->hash != (*row)->rootHash)
        return fail(ErrorKind::Io,
            "The state database is damaged: the root of version " + std::to_string(version)
                + " does not match its node.");
    return ref;
}

Result<ChildRef> SparseMerkleTree::State::descend(
    std::uint64_t version, const Hash256& path, std::vector<Hash256>* siblings)
{
    auto root = rootRef(version);
    if (!root)
        return root;
    ChildRef current = *root;
    for (std::size_t depth = 0; current.isInternal(); ++depth) {
        auto node = reader.node(current.id);
        if (!node)
            return std::unexpected(node.error());
        current = (*node)->walk(pathNibble(path, depth), siblings).child;
    }
    return current;
}

Result<std::optional<Bytes>> SparseMerkleTree::State::read(
    std::uint64_t version, const Hash256& path)
{
    auto end = descend(version, path, nullptr);
    if (!end)
        return std::unexpected(end.error());
    if (!end->isLeaf() || end->path != path)
        return std::optional<Bytes> {};
    auto value = reader.leafValue(end->id);
    if (!value)
        return std::unexpected(value.error());
    return std::optional<Bytes> { std::move(*value) };
}

SparseMerkleTree::SparseMerkleTree(std::shared_ptr<State> state)
    : m_state(std::move(state))
{
}
SparseMerkleTree::SparseMerkleTree(SparseMerkleTree&&) noexcept = default;
SparseMerkleTree& SparseMerkleTree::operator=(SparseMerkleTree&&) noexcept = default;
SparseMerkleTree::~SparseMerkleTree() = default;

Result<SparseMerkleTree> SparseMerkleTree::open(
    storage::Database& database, const SparseMerkleTreeOptions& options)
{
    auto state = std::make_shared<State>(database, options);
    if (auto created = state->store.createSchema(); !created)
        return std::unexpected(created.error());
    auto maxId = state->store.maxId();
    if (!maxId)
        return std::unexpected(maxId.error());
    state->nextId = *maxId + 1;
    auto latest = state->store.latestRoot();
    auto oldest = state->store.oldestRoot();
    if (!latest || !oldest)
        return std::unexpected(!latest ? latest.error() : oldest.error());
    if (*latest) {
        state->oldestVersion = (*oldest)->version;
        // Loading the latest root checks its row against its children right away.
        auto ref = state->rootRef((*latest)->version);
        if (!ref)
            return std::unexpected(ref.error());
        if (ref->isInternal())
            if (auto node = state->reader.node(ref->id); !node)
                return std::unexpected(node.error());
        state->latestVersion = (*latest)->version;
        state->latestRoot = *ref;
    }
    return SparseMerkleTree(std::move(state));
}

std::optional<std::uint64_t> SparseMerkleTree::latestVersion() const
{
    return m_state->latestVersion;
}

std::optional<std::uint64_t> SparseMerkleTree::oldestVersion() const
{
    return m_state->oldestVersion;
}

Result<Hash256> SparseMerkleTree::applyBatch(
    storage::Transaction& transaction, std::uint64_t version, std::span<const StateUpdate> updates)
{
    State& s = *m_state;
    if (auto ok = checkTransaction(transaction, *s.db); !ok)
        return std::unexpected(ok.error());
    if (version > kMaxVersion || (s.latestVersion && version <= *s.latestVersion))
        return fail(ErrorKind::InvalidInput,
            "State version " + std::to_string(version) + " must be above the latest ("
                + std::to_string(s.latestVersion.value_or(0)) + ").");
    auto prepared = prepareUpdates(updates);
    if (!prepared)
        return fail(ErrorKind::InvalidInput,
            "State batch for version " + std::to_string(version)
                + " changes the same entry twice.");

    // Our own savepoint: a failure half-way leaves nothing behind in the caller's transaction.
    auto savepoint = storage::Transaction::begin(*s.db);
    if (!savepoint)
        return std::unexpected(savepoint.error());
    BatchUpdate batch(s.reader, s.nextId);
    auto newRoot = batch.apply(s.latestRoot, *prepared);
    if (!newRoot)
        return std::unexpected(newRoot.error());

    // From here on the cache learns about the new nodes. If this batch is rolled back (now, or
    // later with the caller's transaction), forget it in memory too: the cached nodes of the
    // rows that vanish, the ids, the latest version. (The nodes it replaced left the cache when
    // they were replaced; they are simply read again.)
    std::vector<NodeId> newIds;
    newIds.reserve(batch.nodes().size());
    for (const auto& entry : batch.nodes())
        newIds.push_back(entry.first);
    savepoint->onRollback([weak = std::weak_ptr<State>(m_state), newIds = std::move(newIds),
                              firstId = s.nextId, previousVersion = s.latestVersion,
                              previousRoot = s.latestRoot, previousOldest = s.oldestVersion] {
        auto state = weak.lock();
        if (!state)
            return;
        for (NodeId id : newIds)
            state->cache.erase(id);
        state->latestValues.clear(); // it may hold values of the batch that vanished
        state->nextId = firstId;
        state->latestVersion = previousVersion;
        state->latestRoot = previousRoot;
        state->oldestVersion = previousOldest;
    });
    // Filling the cache and writing the rows are independent: overlap them on two cores. Only
    // this thread touches the database meanwhile, only the helper the cache.
    auto fillCache = [&s, &batch] {
        for (auto& [id, node] : batch.nodes())
            s.cache.insert(id, std::move(node));
    };
    std::optional<std::future<void>> filling;
    if (batch.nodes().size() >= BatchUpdate::kParallelThreshold)
        filling = startAsync(fillCache);
    else
        fillCache();
    auto written = writeBatch(s.store, version, *newRoot, batch);
    if (filling)
        filling->get();
    if (!written)
        return std::unexpected(written.error());

    s.nextId = batch.nextFreeId();
    s.latestVersion = version;
    s.latestRoot = *newRoot;
    // The entries this batch left alone keep their cached values; the cached ones it wrote get
    // their new values (execution reads what it writes, so those are the entries that matter).
    for (const auto& update : updates)
        s.latestValues.refresh(update.path, update.value);
    if (!s.oldestVersion)
        s.oldestVersion = version;
    if (auto committed = savepoint->commit(); !committed)
        return std::unexpected(committed.error());
    return newRoot->hash;
}

Result<Hash256> SparseMerkleTree::root(std::uint64_t version)
{
    auto ref = m_state->rootRef(version);
    if (!ref)
        return std::unexpected(ref.error());
    return ref->hash;
}

Result<std::optional<Bytes>> SparseMerkleTree::get(std::uint64_t version, const Hash256& path)
{
    State& s = *m_state;
    if (!s.latestVersion || version != *s.latestVersion)
        return s.read(version, path);
    if (const auto* cached = s.latestValues.find(path))
        return *cached;
    auto value = s.read(version, path);
    if (value)
        s.latestValues.put(path, *value);
    return value;
}

Result<protocol::StateProof> SparseMerkleTree::prove(std::uint64_t version, const Hash256& path)
{
    protocol::StateProof proof;
    auto end = m_state->descend(version, path, &proof.siblings);
    if (!end)
        return std::unexpected(end.error());
    if (end->isLeaf()) {
        auto value = m_state->reader.leafValue(end->id);
        if (!value)
            return std::unexpected(value.error());
        proof.terminal = protocol::StateLeaf { end->path, crypto::keccak256(*value) };
    }
    return proof;
}

Result<void> SparseMerkleTree::prune(
    storage::Transaction& transaction, std::uint64_t keepFromVersion)
{
    State& s = *m_state;
    if (auto ok = checkTransaction(transaction, *s.db); !ok)
        return ok;
    if (!s.latestVersion || keepFromVersion > *s.latestVersion)
        return fail(ErrorKind::InvalidInput,
            "Cannot prune the state up to version " + std::to_string(keepFromVersion)
                + ": the latest version must be kept.");
    if (s.oldestVersion && keepFromVersion <= *s.oldestVersion)
        return {};

    auto savepoint = storage::Transaction::begin(*s.db);
    if (!savepoint)
        return std::unexpected(savepoint.error());
    savepoint->onRollback([weak = std::weak_ptr<State>(m_state), previous = s.oldestVersion] {
        if (auto state = weak.lock())
            state->oldestVersion = previous; // evicted cache entries simply get reloaded
    });
    auto staleRows = s.store.staleUpTo(keepFromVersion);
    if (!staleRows)
        return std::unexpected(staleRows.error());
    for (const auto& stale : *staleRows) {
        for (NodeId id : stale.ids) {
            if (auto deleted = s.store.deleteRow(id); !deleted)
                return deleted;
            s.cache.erase(id);
        }
    }
    if (auto deleted = s.store.deleteStaleUpTo(keepFromVersion); !deleted)
        return deleted;
    if (auto deleted = s.store.deleteRootsBelow(keepFromVersion); !deleted)
        return deleted;
    auto oldest = s.store.oldestRoot();
    if (!oldest)
        return std::unexpected(oldest.error());
    s.oldestVersion = *oldest ? std::optional((*oldest)->version) : std::nullopt;
    return savepoint->commit();
}

SparseMerkleTreeStats SparseMerkleTree::stats() const
{
    const NodeCache& cache = m_state->cache;
    return { cache.size(), cache.bytes(), cache.hits(), cache.misses(),
        m_state->latestValues.size() };
}

} // namespace ls::node
