#pragma once

#include "core/util/Bytes.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace ls::node {

// Values of the tree's latest version by path, absences included, so the reads execution and
// admission make (an account, a title, a licence that does not exist yet) cost one hash lookup
// instead of a walk down the tree and a SQLite row. Each purchase reads about six entries at the
// latest version, several of them twice (admission, block selection, execution).
//
// It only ever holds the latest version: the tree refreshes every cached path a batch changes as
// the batch is applied, and empties the cache when a batch is rolled back. Bounded by an
// approximate byte budget; when a new entry would exceed it the cache starts over empty (cheaper
// than bookkeeping for LRU, and the hot entries come back on their next read).
//
// Open addressing with linear probing and the entries inline: a lookup usually costs one cache
// miss, where a node-based map costs three (bucket, node, value). Entries are only ever
// overwritten or cleared all at once, so probing needs no tombstones.
class LatestValueCache {
public:
    explicit LatestValueCache(std::size_t budgetBytes)
        : m_budget(budgetBytes)
    {
    }

    // nullptr when the path is not cached; otherwise the value, or nullopt for "no entry".
    const std::optional<Bytes>* find(const Hash256& path) const;
    void put(const Hash256& path, std::optional<Bytes> value);
    // put() for a path that is already cached; nothing otherwise. For writes: an entry only
    // written (a batch nobody read from, a bulk import) is not worth a place in the cache.
    void refresh(const Hash256& path, const std::optional<Bytes>& value);
    void clear();

    std::size_t size() const { return m_count; }
    std::size_t bytes() const { return m_slots.size() * sizeof(Slot) + m_valueBytes; }

private:
    struct Slot {
        Hash256 path {};
        bool used = false;
        std::optional<Bytes> value;
    };
    static constexpr std::size_t kInitialSlots = 1024; // a power of two

    // The slot holding `path`, or the vacant one where it would go.
    std::size_t locate(const Hash256& path) const;
    bool grow();

    std::size_t m_budget;
    std::size_t m_count = 0;
    std::size_t m_valueBytes = 0;
    unsigned m_shift = 64;
    std::vector<Slot> m_slots; // empty, or a power of two in size and at most 70 % full
};

} // namespace ls::node
