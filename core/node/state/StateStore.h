#pragma once

#include "core/node/state/StateNode.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace ls::storage {
class Database;
}

namespace ls::node {

// The state tree's tables and row formats; the only part of the tree that speaks SQL.
//
//   state_node(id INTEGER PRIMARY KEY, data BLOB)   immutable rows, ids only ever grow, so a
//       batch's inserts append to the end of the table's B-tree (sequential pages, cheap WAL):
//         internal node: 0x01 ‖ hash(32) ‖ slot mask (2, big-endian) ‖ child ids (LEB128 varints,
//                        slot order). Child hashes live in the children's own rows, so an update
//                        rewrites ~110 bytes per node instead of ~600.
//         leaf:          0x00 ‖ path(32) ‖ value (the entry's bytes; its hash is recomputed)
//   state_root(version INTEGER PRIMARY KEY, root_id, root_hash)   root_id 0: empty state
//   state_stale(version INTEGER PRIMARY KEY, ids BLOB)   rows that version made unreachable from
//       itself and every later version (sorted, delta-encoded varints); pruning below a version
//       deletes exactly the rows listed up to it.
class StateStore {
public:
    struct RootRow {
        std::uint64_t version = 0;
        NodeId rootId = 0;
        Hash256 rootHash {};
    };
    struct InternalRow {
        Hash256 hash {};
        std::uint16_t mask = 0;
        std::vector<NodeId> childIds; // slot order
    };
    struct LeafRow {
        Hash256 path {};
        ByteView value; // points into the row passed to decodeLeaf
    };
    struct StaleRow {
        std::uint64_t version = 0;
        std::vector<NodeId> ids;
    };

    explicit StateStore(storage::Database& db)
        : m_db(&db)
    {
    }

    Result<void> createSchema();

    Result<Bytes> readRow(NodeId id);
    struct RowView {
        NodeId id = 0;
        ByteView data;
    };
    Result<void> writeRow(NodeId id, ByteView data);
    // Many rows, several per INSERT statement (a third less time per row than one at a time).
    Result<void> writeRows(std::span<const RowView> rows);
    Result<void> deleteRow(NodeId id);
    Result<NodeId> maxId();

    Result<void> writeRoot(const RootRow& root);
    Result<std::optional<RootRow>> readRoot(std::uint64_t version);
    Result<std::optional<RootRow>> latestRoot();
    Result<std::optional<RootRow>> oldestRoot();
    Result<void> deleteRootsBelow(std::uint64_t version);

    Result<void> writeStale(const StaleRow& stale);
    Result<std::vector<StaleRow>> staleUpTo(std::uint64_t version);
    Result<void> deleteStaleUpTo(std::uint64_t version);

    static void appendInternal(Bytes& out, const Hash256& hash, const StateNode& node);
    static Result<InternalRow> decodeInternal(ByteView row);
    static void appendLeaf(Bytes& out, const Hash256& path, ByteView value);
    static Result<LeafRow> decodeLeaf(ByteView row);
    static bool isLeafRow(ByteView row) { return !row.empty() && row[0] == 0x00; }

private:
    storage::Database* m_db;
};

} // namespace ls::node
