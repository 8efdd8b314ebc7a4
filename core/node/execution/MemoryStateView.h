#pragma once

#include "core/node/execution/StateChange.h"
#include "core/node/execution/StateView.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <map>
#include <optional>
#include <span>

namespace ls::node {

// The whole state in a map keyed by tree path, as the tree itself is keyed: for tests, benchmarks
// and tools that run the state machine without a database. apply() takes the same change sets
// the tree takes, so a sequence of blocks can be replayed on it.
class MemoryStateView final : public StateView {
public:
    Result<std::optional<Bytes>> get(std::uint8_t ns, ByteView key) override;

    void set(std::uint8_t ns, ByteView key, Bytes value);
    void apply(std::span<const StateChange> changes);

    const std::map<Hash256, Bytes>& entries() const { return m_entries; }

private:
    std::map<Hash256, Bytes> m_entries;
};

} // namespace ls::node
