#pragma once

// Helpers shared by the state tree tests: committing a batch the way the node does (one
// transaction per block), counting rows, and finding every row reachable from the kept roots by
// reading the raw rows (not through the tree).

#include "core/node/state/SparseMerkleTree.h"
#include "core/node/state/StateStore.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"

#include <QtGlobal>

#include <set>
#include <string>
#include <vector>

namespace ls::testing {

using node::NodeId;
using node::SparseMerkleTree;
using node::StateStore;
using node::StateUpdate;

inline Hash256 pathFromBits(
    std::initializer_list<std::pair<std::size_t, bool>> bits, std::uint8_t fill = 0)
{
    Hash256 path;
    path.fill(fill);
    for (auto [index, set] : bits) {
        auto mask = static_cast<std::uint8_t>(0x80 >> (index % 8));
        path[index / 8]
            = static_cast<std::uint8_t>(set ? path[index / 8] | mask : path[index / 8] & ~mask);
    }
    return path;
}

inline Bytes bytesOf(const char* text)
{
    auto view = asBytes(text);
    return Bytes(view.begin(), view.end());
}

template <typename T> T must(Result<T> result)
{
    if (!result)
        qFatal("unexpected error: %s", result.error().message.c_str());
    return std::move(*result);
}

// Applies one batch in its own committed transaction, as the node does per block.
inline Hash256 commitBatch(storage::Database& db, SparseMerkleTree& tree, std::uint64_t version,
    const std::vector<StateUpdate>& updates)
{
    auto txn = must(storage::Transaction::begin(db));
    Hash256 root = must(tree.applyBatch(txn, version, updates));
    auto committed = txn.commit();
    if (!committed)
        qFatal("commit failed: %s", committed.error().message.c_str());
    return root;
}

inline std::int64_t countRows(storage::Database& db, const char* table)
{
    auto stmt = must(db.prepare(std::string("SELECT count(*) FROM ") + table));
    (void)must(stmt.step());
    return stmt.columnInt64(0);
}

// Every row reachable from the kept roots, found by reading the raw rows (not through the tree).
inline std::set<std::int64_t> reachableRows(storage::Database& db)
{
    node::StateStore store(db);
    std::set<std::int64_t> seen;
    std::vector<NodeId> stack;
    auto roots = must(db.prepare("SELECT root_id FROM state_root WHERE root_id != 0"));
    while (must(roots.step()))
        stack.push_back(static_cast<NodeId>(roots.columnInt64(0)));
    while (!stack.empty()) {
        NodeId id = stack.back();
        stack.pop_back();
        if (!seen.insert(static_cast<std::int64_t>(id)).second)
            continue;
        Bytes row = must(store.readRow(id));
        if (!StateStore::isLeafRow(row))
            for (NodeId child : must(StateStore::decodeInternal(row)).childIds)
                stack.push_back(child);
    }
    return seen;
}

} // namespace ls::testing
