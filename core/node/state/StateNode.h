#pragma once

#include "core/util/Bytes.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace ls::node {

// Row id of a stored node or leaf; 0 means "no row" (an empty subtree).
using NodeId = std::uint64_t;

// A subtree as its parent (or a version's root) refers to it.
struct ChildRef {
    enum class Kind : std::uint8_t { Empty, Leaf, Internal };

    Kind kind = Kind::Empty;
    NodeId id = 0;
    Hash256 hash {}; // E (zeros) for an empty subtree
    Hash256 path {}; // leaves only: the entry's full 256-bit path

    bool isEmpty() const { return kind == Kind::Empty; }
    bool isLeaf() const { return kind == Kind::Leaf; }
    bool isInternal() const { return kind == Kind::Internal; }
    // Rows are immutable and ids never shared, so the id identifies the content.
    bool sameAs(const ChildRef& other) const { return kind == other.kind && id == other.id; }
};

// (slot, new child) pairs; an Empty child clears the slot.
using SlotChanges = std::span<const std::pair<unsigned, ChildRef>>;

// Nibble `index` (0…63) of a path: 4 bits, most significant first.
inline unsigned pathNibble(const Hash256& path, std::size_t index)
{
    std::uint8_t byte = path[index / 2];
    return index % 2 == 0 ? static_cast<unsigned>(byte >> 4) : static_cast<unsigned>(byte & 0x0f);
}

// One stored node: four levels of the binary tree (a nibble of the path) in one row, Jellyfish
// style, so an update writes ~1/4 as many rows as one row per binary node would. Its 16 slots hold
// the subtrees at the four-levels-down boundary; the binary hashes in between follow the spec's
// collapse rule: a position covering no child is E, one covering a single leaf *is* that leaf,
// anything else is keccak(0x01 ‖ left ‖ right). A node always has at least two leaves below it.
//
// Memory matters (a 10^6-entry tree is ~385k nodes), so the children live in
// one compact buffer: ids, hashes, paths of the leaf children only, and — for busy nodes — the
// 15 in-between hashes, so a batch that changes one slot rehashes 4 positions instead of 15.
class StateNode {
public:
    static constexpr unsigned kSlots = 16;

    std::uint16_t mask() const { return m_mask; } // bit s set when slot s holds a child
    std::size_t childCount() const { return m_count; }
    ChildRef child(unsigned slot) const; // Empty when vacant
    NodeId childId(std::size_t index) const; // index-th present child, in slot order
    const Hash256& hash() const { return m_hash; }

    // Applies `changes`, then recomputes the hashes above the changed slots.
    void update(SlotChanges changes);

    // How a walk along a path ends inside this node.
    struct Walk {
        enum class End { Empty, Leaf, Descend } end = End::Empty;
        ChildRef child; // the leaf (Leaf) or the internal child one nibble down (Descend)
    };
    // Walks from this node's top towards `slot`, appending the sibling hashes met on the way (one
    // per binary level passed; collapsed and empty subtrees end the walk early) to `siblings`
    // unless it is null: a plain read needs no proof, and the siblings of small nodes cost keccaks.
    Walk walk(unsigned slot, std::vector<Hash256>* siblings) const;

    std::size_t memoryBytes() const;

private:
    std::size_t idWords() const { return (m_count + 3U) / 4U; } // ids packed 4 per item
    std::size_t hashAt() const { return idWords(); }
    std::size_t pathAt() const { return idWords() + m_count; }
    std::size_t levelAt() const { return pathAt() + m_leafCount; }
    bool hasLevels() const { return m_items.size() > levelAt(); }
    std::size_t indexOf(unsigned slot) const;
    const Hash256& slotHash(unsigned slot) const { return m_items[hashAt() + indexOf(slot)]; }
    bool slotIsLeaf(unsigned slot) const { return (m_leafMask >> slot & 1U) != 0; }
    void setId(std::size_t index, NodeId id);

    Hash256 positionHash(unsigned position) const;
    Hash256 rehashPosition(unsigned position, std::uint16_t dirty);

    std::uint16_t m_mask = 0; // slots holding a child
    std::uint16_t m_leafMask = 0; // slots holding a leaf
    std::uint8_t m_count = 0;
    std::uint8_t m_leafCount = 0;
    Hash256 m_hash {};
    // [ids, 4 per item][hashes, one per child][paths of leaf children][in-between hashes at heap
    // positions 1…15 (1 = this node, 2–3 one level down, …, 8–15 the level above the slots)].
    std::vector<Hash256> m_items;
};

} // namespace ls::node
