#include "core/node/state/StateReader.h"

#include "core/crypto/Keccak.h"
#include "core/protocol/StateProof.h"

#include <algorithm>
#include <string>

namespace ls::node {

Result<std::shared_ptr<const StateNode>> StateReader::node(NodeId id)
{
    std::lock_guard lock(m_mutex);
    if (auto cached = m_cache.find(id))
        return cached;
    auto loaded = loadLocked(id);
    if (loaded)
        m_cache.insert(id, *loaded);
    return loaded;
}

Result<std::shared_ptr<const StateNode>> StateReader::nodeForUpdate(NodeId id)
{
    std::lock_guard lock(m_mutex);
    if (auto cached = m_cache.take(id))
        return cached;
    return loadLocked(id);
}

void StateReader::putBack(NodeId id, std::shared_ptr<const StateNode> node)
{
    std::lock_guard lock(m_mutex);
    m_cache.insert(id, std::move(node));
}

Result<std::shared_ptr<const StateNode>> StateReader::loadLocked(NodeId id)
{
    auto row = m_store.readRow(id);
    if (!row)
        return std::unexpected(row.error());
    auto decoded = StateStore::decodeInternal(*row);
    if (!decoded)
        return std::unexpected(decoded.error());
    std::vector<std::pair<unsigned, ChildRef>> children;
    std::size_t next = 0;
    for (unsigned slot = 0; slot < StateNode::kSlots; ++slot) {
        if ((decoded->mask & (1U << slot)) == 0)
            continue;
        auto child = refLocked(decoded->childIds[next++]);
        if (!child)
            return std::unexpected(child.error());
        children.emplace_back(slot, *child);
    }
    auto loaded = std::make_shared<StateNode>();
    loaded->update(children);
    if (loaded->hash() != decoded->hash)
        return fail(ErrorKind::Io,
            "The state database is damaged: tree node " + std::to_string(id)
                + " does not match its children.");
    return std::shared_ptr<const StateNode>(std::move(loaded));
}

Result<ChildRef> StateReader::ref(NodeId id)
{
    std::lock_guard lock(m_mutex);
    return refLocked(id);
}

Result<ChildRef> StateReader::refLocked(NodeId id)
{
    ChildRef out;
    out.id = id;
    // Leaves are never cached, so a miss here is no news: peek, do not count.
    if (auto cached = m_cache.peek(id)) {
        out.kind = ChildRef::Kind::Internal;
        out.hash = cached->hash();
        return out;
    }
    auto row = m_store.readRow(id);
    if (!row)
        return std::unexpected(row.error());
    if (StateStore::isLeafRow(*row)) {
        auto leaf = StateStore::decodeLeaf(*row);
        if (!leaf)
            return std::unexpected(leaf.error());
        out.kind = ChildRef::Kind::Leaf;
        out.path = leaf->path;
        out.hash = protocol::stateLeafHash(leaf->path, crypto::keccak256(leaf->value));
        return out;
    }
    auto internal = StateStore::decodeInternal(*row);
    if (!internal)
        return std::unexpected(internal.error());
    out.kind = ChildRef::Kind::Internal;
    out.hash = internal->hash;
    return out;
}

Result<Bytes> StateReader::leafValue(NodeId id)
{
    std::lock_guard lock(m_mutex);
    auto row = m_store.readRow(id);
    if (!row)
        return std::unexpected(row.error());
    auto leaf = StateStore::decodeLeaf(*row);
    if (!leaf)
        return std::unexpected(leaf.error());
    return Bytes(leaf->value.begin(), leaf->value.end());
}

} // namespace ls::node
