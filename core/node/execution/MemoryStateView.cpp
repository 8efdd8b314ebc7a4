#include "core/node/execution/MemoryStateView.h"

#include "core/protocol/StateProof.h"

namespace ls::node {

Result<std::optional<Bytes>> MemoryStateView::get(std::uint8_t ns, ByteView key)
{
    auto it = m_entries.find(protocol::statePath(ns, key));
    if (it == m_entries.end())
        return std::optional<Bytes> {};
    return std::optional<Bytes> { it->second };
}

void MemoryStateView::set(std::uint8_t ns, ByteView key, Bytes value)
{
    m_entries.insert_or_assign(protocol::statePath(ns, key), std::move(value));
}

void MemoryStateView::apply(std::span<const StateChange> changes)
{
    for (const StateChange& change : changes) {
        if (change.value)
            m_entries.insert_or_assign(change.path, *change.value);
        else
            m_entries.erase(change.path);
    }
}

} // namespace ls::node
