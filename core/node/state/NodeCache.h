#pragma once

#include "core/node/state/StateNode.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace ls::node {

// Cache of decoded nodes by row id, bounded by (approximate) memory. Nodes are immutable once
// stored, so an entry never goes stale; it only has to be dropped when its row disappears (a
// rolled-back batch, pruning), which the tree does explicitly.
//
// Every update of a block visits a handful of nodes scattered over a few hundred megabytes, so a
// lookup is dominated by cache misses: the table is open addressing (linear probing, backward-shift
// deletion) with the entries inline, one miss per lookup where a node-based map takes three.
// Eviction is least-recently-used in bulk: each entry remembers when it was last used, and when
// the budget is exceeded the oldest quarter goes at once.
class NodeCache {
public:
    explicit NodeCache(std::size_t budgetBytes)
        : m_budget(budgetBytes)
    {
    }

    std::shared_ptr<const StateNode> find(NodeId id);
    // Like find(), but neither counted as a hit or miss nor refreshing the entry's age.
    std::shared_ptr<const StateNode> peek(NodeId id) const;
    void insert(NodeId id, std::shared_ptr<const StateNode> node);
    void erase(NodeId id);
    // Removes the entry and hands it over (nullptr when absent). A batch takes the nodes it
    // replaces: when nobody else holds one, it can be rebuilt in place instead of copied.
    std::shared_ptr<const StateNode> take(NodeId id);
    void clear();

    std::size_t bytes() const { return m_bytes; }
    std::size_t size() const { return m_count; }
    std::uint64_t hits() const { return m_hits; }
    std::uint64_t misses() const { return m_misses; }

private:
    struct Slot {
        NodeId id = 0; // 0: vacant (row ids start at 1)
        std::uint32_t bytes = 0;
        std::uint64_t lastUse = 0;
        std::shared_ptr<const StateNode> node;
    };
    static constexpr std::size_t kNotFound = ~std::size_t { 0 };

    std::size_t home(NodeId id) const;
    std::size_t locate(NodeId id) const;
    void removeAt(std::size_t index);
    void rebuild(std::size_t capacity, std::uint64_t keepFromUse);
    void evictOldest();

    std::size_t m_budget;
    std::size_t m_bytes = 0;
    std::size_t m_count = 0;
    unsigned m_shift = 64;
    std::uint64_t m_clock = 0;
    std::vector<Slot> m_slots; // capacity a power of two, at most 70% full
    std::uint64_t m_hits = 0;
    std::uint64_t m_misses = 0;
};

} // namespace ls::node
