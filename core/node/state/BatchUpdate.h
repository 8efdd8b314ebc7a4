#pragma once

#include "core/node/state/StateNode.h"
#include "core/node/state/StateReader.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <array>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace ls::node {

// One change of a batch, prepared for the tree walk: the path, the new value (nullptr deletes)
// and the value's hash, computed once up front.
struct PreparedUpdate {
    Hash256 path {};
    const Bytes* value = nullptr;
    Hash256 valueHash {};
};

// Applies a whole batch to one version of the tree in a single top-down pass: the updates are
// sorted by path, so every node on the way is loaded, rebuilt and rehashed once for all the
// updates below it (the top of the tree once per batch, not once per update). Produces the new
// rows (nodes and leaves) in memory; the caller writes them. Rows are never modified: a changed
// node gets a new id and the old id goes on the stale list.
class BatchUpdate {
public:
    // Large batches split the work under the root between this thread and a helper thread.
    static constexpr std::size_t kParallelThreshold = 1024;

    struct Row {
        NodeId id = 0;
        std::size_t offset = 0; // into rowData()
        std::size_t size = 0;
    };

    BatchUpdate(StateReader& reader, NodeId firstFreeId)
        : m_reader(reader)
        , m_nextId(firstFreeId)
    {
    }

    // `updates` must be sorted by path with no path twice.
    Result<ChildRef> apply(const ChildRef& root, std::span<const PreparedUpdate> updates);

    // Rows to insert (children before parents), their bytes back to back in one buffer so a batch
    // of thousands of rows costs a handful of allocations.
    const std::vector<Row>& rows() const { return m_rows; }
    ByteView rowBytes(const Row& row) const
    {
        return ByteView(m_rowData).subspan(row.offset, row.size);
    }
    // Ids of rows the new version no longer reaches.
    const std::vector<NodeId>& stale() const { return m_stale; }
    // The new internal nodes, ready for the cache.
    std::vector<std::pair<NodeId, std::shared_ptr<const StateNode>>>& nodes() { return m_nodes; }
    NodeId nextFreeId() const { return m_nextId; }

private:
    // An entry of a subtree being rebuilt below a former leaf or empty slot: an unchanged leaf
    // (kept with its row) or a new value.
    struct Entry {
        const Hash256* path;
        const ChildRef* existing;
        const PreparedUpdate* update;
    };
    // The changed slots of one node; fixed capacity, so walking a node allocates nothing.
    struct Changes {
        std::array<std::pair<unsigned, ChildRef>, StateNode::kSlots> items;
        std::size_t count = 0;
        void add(unsigned slot, const ChildRef& ref) { items[count++] = { slot, ref }; }
        SlotChanges view() const { return SlotChanges(items.data(), count); }
    };

    // A batch creates at most one leaf and 64 internal nodes (one per nibble level) per update.
    static constexpr std::size_t kMaxRowsPerUpdate = 65;

    Result<ChildRef> update(
        const ChildRef& current, std::size_t depth, std::span<const PreparedUpdate> updates);
    Result<void> updateChildren(const StateNode& old, std::size_t depth,
        std::span<const PreparedUpdate> updates, Changes& changes);
    ChildRef finishNode(
        const ChildRef& current, std::shared_ptr<const StateNode> old, const Changes& changes);
    ChildRef rebuild(
        const ChildRef& current, std::size_t depth, std::span<const PreparedUpdate> updates);
    ChildRef build(std::size_t depth, std::span<const Entry> entries);
    ChildRef newLeaf(const PreparedUpdate& update);
    ChildRef newInternal(std::shared_ptr<StateNode> node);
    void mergeFrom(BatchUpdate& other);

    StateReader& m_reader;
    NodeId m_nextId;
    std::vector<Row> m_rows;
    Bytes m_rowData;
    std::vector<NodeId> m_stale;
    std::vector<std::pair<NodeId, std::shared_ptr<const StateNode>>> m_nodes;
    std::vector<Entry> m_entries; // scratch for rebuild(), reused across calls
};

} // namespace ls::node
