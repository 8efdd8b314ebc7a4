#include "core/node/state/BatchUpdate.h"

#include "core/node/state/StateStore.h"
#include "core/protocol/StateProof.h"

#include <algorithm>
#include <bit>
#include <future>
#include <optional>
#include <system_error>

namespace ls::node {

namespace {

// Splits a sorted run into the runs sharing nibble `depth`, calling fn(nibble, run) for each.
template <typename T, typename PathOf, typename Fn>
void forEachNibbleGroup(std::span<const T> items, std::size_t depth, PathOf pathOf, Fn fn)
{
    std::size_t begin = 0;
    while (begin < items.size()) {
        unsigned nibble = pathNibble(pathOf(items[begin]), depth);
        std::size_t end = begin + 1;
        while (end < items.size() && pathNibble(pathOf(items[end]), depth) == nibble)
            ++end;
        fn(nibble, items.subspan(begin, end - begin));
        begin = end;
    }
}

} // namespace

Result<ChildRef> BatchUpdate::apply(const ChildRef& root, std::span<const PreparedUpdate> updates)
{
    if (updates.empty())
        return root;
    m_rows.reserve(updates.size() * 3);
    m_rowData.reserve(updates.size() * 200);
    if (!root.isInternal() || updates.size() < kParallelThreshold)
        return update(root, 0, updates);

    // Split the root's children between this thread and a helper, at the nibble boundary nearest
    // the middle of the batch. The two halves touch disjoint subtrees; they share only the reader
    // (which locks) and need disjoint row ids, so the helper numbers its rows from past the most
    // this half can create.
    auto loaded = m_reader.nodeForUpdate(root.id);
    if (!loaded)
        return std::unexpected(loaded.error());
    std::size_t middle = updates.size() / 2;
    unsigned splitNibble = pathNibble(updates[middle].path, 0);
    while (middle > 0 && pathNibble(updates[middle - 1].path, 0) == splitNibble)
        --middle;
    if (middle == 0)
        return update(root, 0, updates); // everything under one child: nothing to split
    auto mine = updates.first(middle);
    auto theirs = updates.subspan(middle);
    BatchUpdate helper(m_reader, m_nextId + kMaxRowsPerUpdate * mine.size() + 1);
    Changes changes;
    Changes theirChanges;
    std::future<Result<void>> helped;
    try {
        helped = std::async(std::launch::async,
            [&] { return helper.updateChildren(**loaded, 0, theirs, theirChanges); });
    } catch (const std::system_error&) {
        return update(root, 0, updates); // no thread to be had: do it all here
    }
    auto mineDone = updateChildren(**loaded, 0, mine, changes);
    auto theirsDone = helped.get();
    if (!mineDone || !theirsDone)
        return std::unexpected(!mineDone ? mineDone.error() : theirsDone.error());
    for (const auto& [slot, ref] : theirChanges.view())
        changes.add(slot, ref);
    mergeFrom(helper);
    NodeId helperNext = helper.m_nextId;
    ChildRef result = finishNode(root, std::move(*loaded), changes);
    m_nextId = std::max(m_nextId, helperNext);
    return result;
}

void BatchUpdate::mergeFrom(BatchUpdate& other)
{
    std::size_t base = m_rowData.size();
    m_rowData.insert(m_rowData.end(), other.m_rowData.begin(), other.m_rowData.end());
    for (Row row : other.m_rows) {
        row.offset += base;
        m_rows.push_back(row);
    }
    m_stale.insert(m_stale.end(), other.m_stale.begin(), other.m_stale.end());
    m_nodes.insert(m_nodes.end(), std::make_move_iterator(other.m_nodes.begin()),
        std::make_move_iterator(other.m_nodes.end()));
}

Result<void> BatchUpdate::updateChildren(const StateNode& old, std::size_t depth,
    std::span<const PreparedUpdate> updates, Changes& changes)
{
    std::optional<Error> error;
    forEachNibbleGroup(
        updates, depth, [](const PreparedUpdate& u) -> const Hash256& { return u.path; },
        [&](unsigned nibble, std::span<const PreparedUpdate> group) {
            if (error)
                return;
            ChildRef before = old.child(nibble);
            auto after = update(before, depth + 1, group);
            if (!after)
                error = after.error();
            else if (!after->sameAs(before))
                changes.add(nibble, *after);
        });
    if (error)
        return std::unexpected(std::move(*error));
    return {};
}

ChildRef BatchUpdate::finishNode(
    const ChildRef& current, std::shared_ptr<const StateNode> old, const Changes& changes)
{
    if (changes.count == 0) { // e.g. only deletions of absent paths
        m_reader.putBack(current.id, std::move(old));
        return current;
    }
    m_stale.push_back(current.id);
    // The old node (already out of the cache) only serves older versions from now on. Held by no
    // one else, its memory becomes the new node's (saving a copy, and a free later); otherwise
    // (a reader still has it) copy it.
    std::shared_ptr<StateNode> changed = old.use_count() == 1
        ? std::const_pointer_cast<StateNode>(std::move(old))
        : std::make_shared<StateNode>(*old);
    changed->update(changes.view());
    if (changed->childCount() == 0)
        return ChildRef {};
    if (changed->childCount() == 1) {
        ChildRef only = changed->child(static_cast<unsigned>(std::countr_zero(changed->mask())));
        if (only.isLeaf())
            return only; // a lone leaf moves up to where it is alone
    }
    return newInternal(std::move(changed));
}

Result<ChildRef> BatchUpdate::update(
    const ChildRef& current, std::size_t depth, std::span<const PreparedUpdate> updates)
{
    if (!current.isInternal())
        return rebuild(current, depth, updates);
    auto loaded = m_reader.nodeForUpdate(current.id);
    if (!loaded)
        return std::unexpected(loaded.error());
    Changes changes;
    if (auto done = updateChildren(**loaded, depth, updates, changes); !done)
        return std::unexpected(done.error());
    return finishNode(current, std::move(*loaded), changes);
}

ChildRef BatchUpdate::rebuild(
    const ChildRef& current, std::size_t depth, std::span<const PreparedUpdate> updates)
{
    // The subtree is empty or a single leaf: the result is the canonical subtree of the leaf (if
    // no update touches it) plus the inserted values.
    std::vector<Entry>& entries = m_entries; // build() below does not come back here
    entries.clear();
    bool keepExisting = current.isLeaf();
    bool changed = false;
    for (const auto& u : updates) {
        if (current.isLeaf() && u.path == current.path) {
            if (u.value != nullptr && protocol::stateLeafHash(u.path, u.valueHash) == current.hash)
                continue; // same value written again: nothing changes
            keepExisting = false;
            changed = true;
            m_stale.push_back(current.id);
        } else if (u.value == nullptr) {
            continue; // deleting a path that is not there
        } else {
            changed = true;
        }
        if (u.value != nullptr)
            entries.push_back(Entry { &u.path, nullptr, &u });
    }
    if (!changed)
        return current;
    if (keepExisting) {
        // Keep the entries sorted by path: the existing leaf goes where it belongs.
        auto at = std::ranges::lower_bound(
            entries, current.path, {}, [](const Entry& e) -> const Hash256& { return *e.path; });
        entries.insert(at, Entry { &current.path, &current, nullptr });
    }
    return build(depth, entries);
}

ChildRef BatchUpdate::build(std::size_t depth, std::span<const Entry> entries)
{
    if (entries.empty())
        return ChildRef {};
    if (entries.size() == 1)
        return entries[0].existing != nullptr ? *entries[0].existing : newLeaf(*entries[0].update);
    Changes children;
    forEachNibbleGroup(
        entries, depth, [](const Entry& e) -> const Hash256& { return *e.path; },
        [&](unsigned nibble, std::span<const Entry> group) {
            children.add(nibble, build(depth + 1, group));
        });
    auto node = std::make_shared<StateNode>();
    node->update(children.view());
    return newInternal(std::move(node));
}

ChildRef BatchUpdate::newLeaf(const PreparedUpdate& update)
{
    ChildRef ref;
    ref.kind = ChildRef::Kind::Leaf;
    ref.id = m_nextId++;
    ref.path = update.path;
    ref.hash = protocol::stateLeafHash(update.path, update.valueHash);
    std::size_t offset = m_rowData.size();
    StateStore::appendLeaf(m_rowData, update.path, *update.value);
    m_rows.push_back({ ref.id, offset, m_rowData.size() - offset });
    return ref;
}

ChildRef BatchUpdate::newInternal(std::shared_ptr<StateNode> node)
{
    ChildRef ref;
    ref.kind = ChildRef::Kind::Internal;
    ref.id = m_nextId++;
    ref.hash = node->hash();
    std::size_t offset = m_rowData.size();
    StateStore::appendInternal(m_rowData, ref.hash, *node);
    m_rows.push_back({ ref.id, offset, m_rowData.size() - offset });
    m_nodes.emplace_back(ref.id, std::move(node));
    return ref;
}

} // namespace ls::node
