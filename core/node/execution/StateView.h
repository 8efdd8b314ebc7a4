#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <optional>

namespace ls::node {

// Read access to one version of the chain state, by entry (docs/protocol.md §3): namespace byte
// and key. The state machine reads only through this interface, so it runs the same over the
// SQLite-backed tree, over a block's overlay, or over an in-memory map in tests and benchmarks.
//
// A read that cannot be answered (I/O, corruption) is an error; an absent entry is nullopt.
class StateView {
public:
    virtual ~StateView() = default;
    virtual Result<std::optional<Bytes>> get(std::uint8_t ns, ByteView key) = 0;

    // get() for a caller that already has the entry's tree path, protocol::statePath(ns, key)
    // (an overlay computes it once per entry and keeps it for changes()): a view over the tree
    // uses it instead of hashing again. `path` must be exactly that hash.
    virtual Result<std::optional<Bytes>> getAtPath(std::uint8_t ns, ByteView key, const Hash256& path)
    {
        (void)path;
        return get(ns, key);
    }
};

} // namespace ls::node
