#include "core/node/state/LatestValueCache.h"

#include <bit>
#include <cstring>

namespace ls::node {
namespace {

std::size_t heapBytes(const std::optional<Bytes>& value)
{
    return value ? value->capacity() : 0;
}

} // namespace

std::size_t LatestValueCache::locate(const Hash256& path) const
{
    // Paths are keccak outputs, but tests (and prefixes) make similar ones: mix before taking
    // the top bits (Fibonacci hashing).
    std::uint64_t word = 0;
    std::memcpy(&word, path.data(), sizeof word);
    auto index = static_cast<std::size_t>((word * 0x9E3779B97F4A7C15ULL) >> m_shift);
    const std::size_t mask = m_slots.size() - 1;
    while (m_slots[index].used && m_slots[index].path != path)
        index = (index + 1) & mask;
    return index;
}

const std::optional<Bytes>* LatestValueCache::find(const Hash256& path) const
{
    if (m_count == 0)
        return nullptr;
    const Slot& slot = m_slots[locate(path)];
    return slot.used ? &slot.value : nullptr;
}

bool LatestValueCache::grow()
{
    std::size_t capacity = m_slots.empty() ? kInitialSlots : 2 * m_slots.size();
    if (capacity * sizeof(Slot) + m_valueBytes > m_budget)
        return false;
    std::vector<Slot> old = std::move(m_slots);
    m_slots = std::vector<Slot>(capacity);
    m_shift = 64U - static_cast<unsigned>(std::countr_zero(capacity));
    for (auto& slot : old)
        if (slot.used)
            m_slots[locate(slot.path)] = std::move(slot);
    return true;
}

void LatestValueCache::put(const Hash256& path, std::optional<Bytes> value)
{
    if (10 * (m_count + 1) > 7 * m_slots.size() && !grow()) {
        clear();
        if (m_slots.empty() && !grow())
            return; // a budget below one table: no cache at all
    }
    if (bytes() + heapBytes(value) > m_budget)
        clear();
    if (bytes() + heapBytes(value) > m_budget)
        return;
    Slot& slot = m_slots[locate(path)];
    if (slot.used) {
        m_valueBytes -= heapBytes(slot.value);
    } else {
        slot.used = true;
        slot.path = path;
        ++m_count;
    }
    m_valueBytes += heapBytes(value);
    slot.value = std::move(value);
}

void LatestValueCache::refresh(const Hash256& path, const std::optional<Bytes>& value)
{
    if (m_count == 0)
        return;
    Slot& slot = m_slots[locate(path)];
    if (!slot.used)
        return;
    if (bytes() - heapBytes(slot.value) + heapBytes(value) > m_budget) {
        clear(); // dropping it is always correct; keeping the old value never is
        return;
    }
    m_valueBytes -= heapBytes(slot.value);
    slot.value = value;
    m_valueBytes += heapBytes(slot.value);
}

void LatestValueCache::clear()
{
    for (auto& slot : m_slots)
        slot = Slot {};
    m_count = 0;
    m_valueBytes = 0;
}

} // namespace ls::node
