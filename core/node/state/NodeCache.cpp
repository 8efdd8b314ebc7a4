#include "core/node/state/NodeCache.h"

#include <algorithm>
#include <bit>
#include <utility>

namespace ls::node {

namespace {

// Per-entry bookkeeping (table slot, shared_ptr control block) so the budget tracks real memory.
constexpr std::size_t kEntryOverhead = 80;
constexpr std::size_t kMinCapacity = 64;

} // namespace

std::size_t NodeCache::home(NodeId id) const
{
    // Fibonacci hashing: row ids are consecutive, the multiply spreads them over the table.
    return static_cast<std::size_t>((id * 0x9E3779B97F4A7C15ULL) >> m_shift);
}

std::size_t NodeCache::locate(NodeId id) const
{
    if (m_slots.empty())
        return kNotFound;
    std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = home(id);; i = (i + 1) & mask) {
        if (m_slots[i].id == id)
            return i;
        if (m_slots[i].id == 0)
            return kNotFound;
    }
}

std::shared_ptr<const StateNode> NodeCache::find(NodeId id)
{
    std::size_t index = locate(id);
    if (index == kNotFound) {
        ++m_misses;
        return nullptr;
    }
    ++m_hits;
    m_slots[index].lastUse = ++m_clock;
    return m_slots[index].node;
}

std::shared_ptr<const StateNode> NodeCache::peek(NodeId id) const
{
    std::size_t index = locate(id);
    return index == kNotFound ? nullptr : m_slots[index].node;
}

void NodeCache::insert(NodeId id, std::shared_ptr<const StateNode> node)
{
    auto bytes = static_cast<std::uint32_t>(node->memoryBytes() + kEntryOverhead);
    std::size_t index = locate(id);
    if (index != kNotFound) {
        m_bytes -= m_slots[index].bytes;
    } else {
        if ((m_count + 1) * 10 > m_slots.size() * 7)
            rebuild(std::max(kMinCapacity, m_slots.size() * 2), 0);
        std::size_t mask = m_slots.size() - 1;
        index = home(id);
        while (m_slots[index].id != 0)
            index = (index + 1) & mask;
        m_slots[index].id = id;
        ++m_count;
    }
    m_slots[index].node = std::move(node);
    m_slots[index].bytes = bytes;
    m_slots[index].lastUse = ++m_clock;
    m_bytes += bytes;
    if (m_bytes > m_budget)
        evictOldest();
}

void NodeCache::erase(NodeId id)
{
    std::size_t index = locate(id);
    if (index != kNotFound)
        removeAt(index);
}

std::shared_ptr<const StateNode> NodeCache::take(NodeId id)
{
    std::size_t index = locate(id);
    if (index == kNotFound) {
        ++m_misses;
        return nullptr;
    }
    ++m_hits;
    auto node = std::move(m_slots[index].node);
    removeAt(index);
    return node;
}

void NodeCache::removeAt(std::size_t index)
{
    m_bytes -= m_slots[index].bytes;
    --m_count;
    // Backward-shift deletion: pull later entries of the probe run into the hole when that moves
    // them no further from their home slot, so lookups never need tombstones.
    std::size_t mask = m_slots.size() - 1;
    std::size_t hole = index;
    for (std::size_t next = (hole + 1) & mask; m_slots[next].id != 0; next = (next + 1) & mask) {
        std::size_t want = home(m_slots[next].id);
        bool canMove = hole <= next ? (want <= hole || want > next) : (want <= hole && want > next);
        if (canMove) {
            m_slots[hole] = std::move(m_slots[next]);
            hole = next;
        }
    }
    m_slots[hole] = Slot {};
}

void NodeCache::rebuild(std::size_t capacity, std::uint64_t keepFromUse)
{
    std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(capacity));
    m_shift = 64 - static_cast<unsigned>(std::countr_zero(capacity));
    m_count = 0;
    m_bytes = 0;
    std::size_t mask = capacity - 1;
    for (auto& slot : old) {
        if (slot.id == 0 || slot.lastUse < keepFromUse)
            continue;
        std::size_t index = home(slot.id);
        while (m_slots[index].id != 0)
            index = (index + 1) & mask;
        m_bytes += slot.bytes;
        ++m_count;
        m_slots[index] = std::move(slot);
    }
}

void NodeCache::clear()
{
    m_slots.clear();
    m_count = 0;
    m_bytes = 0;
    m_shift = 64;
}

void NodeCache::evictOldest()
{
    // Everything used before the cut goes: a quarter of the entries, so eviction runs once per
    // many inserts and costs O(1) per insert on average. The newest entry always stays.
    std::vector<std::uint64_t> uses;
    uses.reserve(m_count);
    for (const auto& slot : m_slots)
        if (slot.id != 0)
            uses.push_back(slot.lastUse);
    if (uses.size() < 2)
        return;
    auto cut = uses.begin() + static_cast<std::ptrdiff_t>(uses.size() / 4);
    std::nth_element(uses.begin(), cut, uses.end());
    rebuild(m_slots.size(), *cut);
}

} // namespace ls::node
