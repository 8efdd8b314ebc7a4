#pragma once

#include "core/protocol/StateProof.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>

namespace ls::storage {
class Database;
class Transaction;
} // namespace ls::storage

namespace ls::node {

// One change of a batch: the entry at `path` gets `value`, or is deleted when `value` is empty.
struct StateUpdate {
    Hash256 path {};
    std::optional<Bytes> value;
};

struct SparseMerkleTreeOptions {
    // Memory for decoded nodes. The latest version of a 10^6-entry tree is ~385k nodes, ~200 MB
    // (ls-bench-state); a smaller budget still works, with more reads from SQLite.
    std::size_t cacheBytes = std::size_t { 256 } << 20;
    // Memory for the latest version's values by path (LatestValueCache), which answers get() at
    // the latest version without walking the tree or reading SQLite. ~200 bytes per entry.
    std::size_t valueCacheBytes = std::size_t { 64 } << 20;
};

struct SparseMerkleTreeStats {
    std::size_t cachedNodes = 0;
    std::size_t cacheBytes = 0;
    std::uint64_t cacheHits = 0;
    std::uint64_t cacheMisses = 0;
    std::size_t cachedValues = 0;
};

// The chain state: the canonical collapsed binary sparse Merkle tree of docs/protocol.md §2,
// versioned by block height and stored in SQLite (tables state_node, state_root, state_stale —
// see StateStore.h).
//
// Writes go through a storage::Transaction the caller owns, so the node commits a block's state
// and its other block data atomically; the tree never commits by itself. If that transaction
// rolls back, the tree forgets the batch too (in-memory state included). Reads see the
// connection's view, including the caller's uncommitted batches.
//
// Every version from oldestVersion() to latestVersion() keeps its root, values and proofs until
// prune() drops the older ones. Not thread-safe: use from one thread (the Database's).
class SparseMerkleTree {
public:
    // Creates the tables if needed and picks up the latest committed version. `database` must
    // outlive the tree and stay where it is (not be moved from).
    static Result<SparseMerkleTree> open(
        storage::Database& database, const SparseMerkleTreeOptions& options = {});

    SparseMerkleTree(SparseMerkleTree&&) noexcept;
    SparseMerkleTree& operator=(SparseMerkleTree&&) noexcept;
    ~SparseMerkleTree();

    std::optional<std::uint64_t> latestVersion() const;
    std::optional<std::uint64_t> oldestVersion() const;

    // Applies `updates` (each path at most once; order does not matter) to the latest version and
    // stores the result as `version`, which must be above the latest. An empty batch still makes
    // a version (a block that changed nothing has a state root too). Returns the new root.
    Result<Hash256> applyBatch(storage::Transaction& transaction, std::uint64_t version,
        std::span<const StateUpdate> updates);

    // NotFound for a version never written or already pruned.
    Result<Hash256> root(std::uint64_t version);
    // The value at `path` in `version`, or nullopt when there is none.
    Result<std::optional<Bytes>> get(std::uint64_t version, const Hash256& path);
    // Inclusion proof when `path` has a value in `version`, non-inclusion proof otherwise.
    Result<protocol::StateProof> prove(std::uint64_t version, const Hash256& path);

    // Deletes every version below `keepFromVersion` and the rows only they reach. Versions from
    // keepFromVersion on are unaffected. The latest version cannot be pruned away.
    Result<void> prune(storage::Transaction& transaction, std::uint64_t keepFromVersion);

    SparseMerkleTreeStats stats() const;

private:
    struct State;
    explicit SparseMerkleTree(std::shared_ptr<State> state);

    // shared_ptr so the rollback actions registered with a transaction can find the state
    // (through a weak_ptr) even if the tree object was moved — and do nothing if it is gone.
    std::shared_ptr<State> m_state;
};

} // namespace ls::node
