#include "core/node/chain/TreeStateView.h"

#include "core/node/state/SparseMerkleTree.h"
#include "core/protocol/StateProof.h"

namespace ls::node {

Result<std::optional<Bytes>> TreeStateView::get(std::uint8_t ns, ByteView key)
{
    return m_tree.get(m_version, protocol::statePath(ns, key));
}

Result<std::optional<Bytes>> TreeStateView::getAtPath(std::uint8_t, ByteView, const Hash256& path)
{
    return m_tree.get(m_version, path);
}

} // namespace ls::node
