#pragma once

#include "core/node/state/NodeCache.h"
#include "core/node/state/StateNode.h"
#include "core/node/state/StateStore.h"
#include "core/util/Error.h"

#include <memory>
#include <mutex>

namespace ls::node {

// Thread-safe (one lock around cache and database) so both halves of a parallel batch can read.
//
// Reads tree rows through the node cache and turns them into in-memory nodes and references.
// Loading a node also recomputes its hash from its children and compares it with the stored one,
// so a damaged row is reported instead of silently producing wrong roots and proofs.
class StateReader {
public:
    StateReader(StateStore& store, NodeCache& cache)
        : m_store(store)
        , m_cache(cache)
    {
    }

    Result<std::shared_ptr<const StateNode>> node(NodeId id);
    // Like node(), for a node about to be replaced: it leaves the cache (one lookup instead of a
    // find now and an erase later). putBack() returns it if it ends up unchanged after all.
    Result<std::shared_ptr<const StateNode>> nodeForUpdate(NodeId id);
    void putBack(NodeId id, std::shared_ptr<const StateNode> node);
    // What a parent needs to know about row `id`: its kind, its hash and, for a leaf, its path.
    Result<ChildRef> ref(NodeId id);
    // The value bytes stored in leaf `id`.
    Result<Bytes> leafValue(NodeId id);

private:
    Result<ChildRef> refLocked(NodeId id);
    Result<std::shared_ptr<const StateNode>> loadLocked(NodeId id);

    std::mutex m_mutex;
    StateStore& m_store;
    NodeCache& m_cache;
};

} // namespace ls::node
