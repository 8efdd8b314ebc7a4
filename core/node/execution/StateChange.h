#pragma once

#include "core/util/Bytes.h"

#include <optional>

namespace ls::node {

// One entry of the change set a block (or a transaction) leaves behind: the entry at
// `path` = statePath(namespace, key) gets `value`, or is deleted when `value` is empty. The same
// shape as the tree's StateUpdate (core/node/state/SparseMerkleTree.h), which this module does
// not include so that execution stays independent of storage.
struct StateChange {
    Hash256 path {};
    std::optional<Bytes> value;

    friend bool operator==(const StateChange&, const StateChange&) = default;
};

} // namespace ls::node
