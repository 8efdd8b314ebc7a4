#pragma once

#include "core/node/execution/StateView.h"

#include <cstdint>

namespace ls::node {

class SparseMerkleTree;

// Execution's read interface over one committed version of the state tree.
class TreeStateView final : public StateView {
public:
    TreeStateView(SparseMerkleTree& tree, std::uint64_t version) : m_tree(tree), m_version(version) {}

    Result<std::optional<Bytes>> get(std::uint8_t ns, ByteView key) override;
    Result<std::optional<Bytes>> getAtPath(std::uint8_t ns, ByteView key, const Hash256& path) override;

private:
    SparseMerkleTree& m_tree;
    std::uint64_t m_version;
};

} // namespace ls::node
