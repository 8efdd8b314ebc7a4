#include "core/node/state/StateNode.h"

#include "core/protocol/StateProof.h"

#include <array>
#include <bit>
#include <cstring>

namespace ls::node {

namespace {

// Below this many children a full rehash costs about what a partial one does, so such nodes (the
// great majority near the leaves) do not pay 480 bytes for stored in-between hashes.
constexpr std::size_t kLevelsThreshold = 4;
constexpr std::size_t kLevels = 15;
constexpr unsigned kFirstSlotPosition = 16; // heap positions 16…31 are the slots

// Slots covered by heap position `position` (1…31), as a bit per slot.
std::uint16_t rangeMask(unsigned position)
{
    unsigned level = static_cast<unsigned>(std::bit_width(position)) - 1; // 0…4
    unsigned width = 16U >> level;
    unsigned offset = position - (1U << level);
    return static_cast<std::uint16_t>(((1U << width) - 1U) << (offset * width));
}

unsigned countBelow(std::uint16_t mask, unsigned slot)
{
    return static_cast<unsigned>(std::popcount(static_cast<unsigned>(mask & ((1U << slot) - 1U))));
}

} // namespace

std::size_t StateNode::indexOf(unsigned slot) const
{
    return countBelow(m_mask, slot);
}

NodeId StateNode::childId(std::size_t index) const
{
    NodeId id = 0;
    std::memcpy(&id, m_items[index / 4].data() + 8 * (index % 4), sizeof id);
    return id;
}

void StateNode::setId(std::size_t index, NodeId id)
{
    std::memcpy(m_items[index / 4].data() + 8 * (index % 4), &id, sizeof id);
}

ChildRef StateNode::child(unsigned slot) const
{
    if ((m_mask >> slot & 1U) == 0)
        return {};
    ChildRef ref;
    std::size_t index = indexOf(slot);
    ref.id = childId(index);
    ref.hash = m_items[hashAt() + index];
    if (slotIsLeaf(slot)) {
        ref.kind = ChildRef::Kind::Leaf;
        ref.path = m_items[pathAt() + countBelow(m_leafMask, slot)];
    } else {
        ref.kind = ChildRef::Kind::Internal;
    }
    return ref;
}

void StateNode::update(SlotChanges changes)
{
    std::uint16_t mask = m_mask;
    std::uint16_t leafMask = m_leafMask;
    std::uint16_t dirty = 0;
    for (const auto& [slot, ref] : changes) {
        auto bit = static_cast<std::uint16_t>(1U << slot);
        dirty = static_cast<std::uint16_t>(dirty | bit);
        mask = static_cast<std::uint16_t>(ref.isEmpty() ? mask & ~bit : mask | bit);
        leafMask = static_cast<std::uint16_t>(ref.isLeaf() ? leafMask | bit : leafMask & ~bit);
    }
    if (mask == m_mask && leafMask == m_leafMask) {
        // Same shape (the usual case: children replaced by newer versions): overwrite in place
        // and keep the stored in-between hashes of the untouched slots.
        for (const auto& [slot, ref] : changes) {
            std::size_t index = indexOf(slot);
            setId(index, ref.id);
            m_items[hashAt() + index] = ref.hash;
            if (ref.isLeaf())
                m_items[pathAt() + countBelow(m_leafMask, slot)] = ref.path;
        }
        if (!hasLevels() && m_count >= kLevelsThreshold)
            dirty = 0xffff;
    } else {
        std::array<ChildRef, kSlots> all;
        for (unsigned slot = 0; slot < kSlots; ++slot)
            all[slot] = child(slot);
        for (const auto& [slot, ref] : changes)
            all[slot] = ref;
        m_mask = mask;
        m_leafMask = leafMask;
        m_count = static_cast<std::uint8_t>(std::popcount(static_cast<unsigned>(mask)));
        m_leafCount = static_cast<std::uint8_t>(std::popcount(static_cast<unsigned>(leafMask)));
        std::size_t size = levelAt() + (m_count >= kLevelsThreshold ? kLevels : 0);
        m_items.assign(size, Hash256 {}); // the stored in-between hashes are recomputed below
        m_items.shrink_to_fit();
        std::size_t index = 0;
        std::size_t leafIndex = 0;
        for (unsigned slot = 0; slot < kSlots; ++slot) {
            if (all[slot].isEmpty())
                continue;
            setId(index, all[slot].id);
            m_items[hashAt() + index++] = all[slot].hash;
            if (all[slot].isLeaf())
                m_items[pathAt() + leafIndex++] = all[slot].path;
        }
        dirty = 0xffff;
    }
    m_hash = rehashPosition(1, dirty);
}

Hash256 StateNode::rehashPosition(unsigned position, std::uint16_t dirty)
{
    std::uint16_t range = rangeMask(position);
    auto present = static_cast<std::uint16_t>(m_mask & range);
    if (present == 0)
        return protocol::kEmptyStateHash;
    if (std::has_single_bit(present)) {
        auto slot = static_cast<unsigned>(std::countr_zero(present));
        if (slotIsLeaf(slot) || position >= kFirstSlotPosition)
            return slotHash(slot); // collapse: a lone leaf stands for the whole subtree
    }
    bool stored = hasLevels();
    if (stored && (dirty & range) == 0)
        return m_items[levelAt() + position - 1];
    Hash256 h = protocol::stateInternalHash(
        rehashPosition(2 * position, dirty), rehashPosition(2 * position + 1, dirty));
    if (stored)
        m_items[levelAt() + position - 1] = h;
    return h;
}

Hash256 StateNode::positionHash(unsigned position) const
{
    std::uint16_t range = rangeMask(position);
    auto present = static_cast<std::uint16_t>(m_mask & range);
    if (present == 0)
        return protocol::kEmptyStateHash;
    if (std::has_single_bit(present)) {
        auto slot = static_cast<unsigned>(std::countr_zero(present));
        if (slotIsLeaf(slot) || position >= kFirstSlotPosition)
            return slotHash(slot);
    }
    if (hasLevels())
        return m_items[levelAt() + position - 1];
    return protocol::stateInternalHash(positionHash(2 * position), positionHash(2 * position + 1));
}

StateNode::Walk StateNode::walk(unsigned slot, std::vector<Hash256>* siblings) const
{
    unsigned position = 1;
    for (unsigned level = 0; level < 4; ++level) {
        auto present = static_cast<std::uint16_t>(m_mask & rangeMask(position));
        if (present == 0)
            return { Walk::End::Empty, {} };
        if (std::has_single_bit(present)) {
            auto only = static_cast<unsigned>(std::countr_zero(present));
            if (slotIsLeaf(only))
                return { Walk::End::Leaf, child(only) };
        }
        unsigned next = 2 * position + ((slot >> (3 - level)) & 1U);
        if (siblings)
            siblings->push_back(positionHash(next ^ 1U));
        position = next;
    }
    ChildRef reached = child(slot);
    if (reached.isEmpty())
        return { Walk::End::Empty, {} };
    return { reached.isLeaf() ? Walk::End::Leaf : Walk::End::Descend, reached };
}

std::size_t StateNode::memoryBytes() const
{
    return sizeof(StateNode) + m_items.capacity() * sizeof(Hash256);
}

} // namespace ls::node
