#include "core/node/execution/StateOverlay.h"

#include "core/protocol/StateProof.h"

#include <algorithm>

namespace ls::node {

std::string StateOverlay::entryKey(std::uint8_t ns, ByteView key)
{
    std::string out;
    out.reserve(1 + key.size());
    out.push_back(static_cast<char>(ns));
    out.append(reinterpret_cast<const char*>(key.data()), key.size());
    return out;
}

Result<std::optional<Bytes>> StateOverlay::get(std::uint8_t ns, ByteView key)
{
    return read(ns, key, nullptr);
}

Result<std::optional<Bytes>> StateOverlay::getAtPath(
    std::uint8_t ns, ByteView key, const Hash256& path)
{
    return read(ns, key, &path);
}

Result<std::optional<Bytes>> StateOverlay::read(
    std::uint8_t ns, ByteView key, const Hash256* knownPath)
{
    std::string mapKey = entryKey(ns, key);
    if (auto it = m_entries.find(mapKey); it != m_entries.end())
        return it->second.value;
    // The path is hashed once per entry, here, and serves the base's read and changes().
    Hash256 path = knownPath ? *knownPath : protocol::statePath(ns, key);
    auto fromBase = m_base.getAtPath(ns, key, path);
    if (!fromBase)
        return std::unexpected(std::move(fromBase.error()));
    // A cached read changes no state, so it needs no undo record: reverting a later write to
    // this entry restores exactly this clean entry.
    Entry entry;
    entry.value = *fromBase;
    entry.baseKnown = true;
    entry.base = *fromBase;
    entry.path = path;
    m_entries.emplace(std::move(mapKey), std::move(entry));
    return std::move(*fromBase);
}

void StateOverlay::set(std::uint8_t ns, ByteView key, Bytes value)
{
    write(entryKey(ns, key), std::move(value));
}

void StateOverlay::erase(std::uint8_t ns, ByteView key)
{
    write(entryKey(ns, key), std::nullopt);
}

void StateOverlay::write(std::string key, std::optional<Bytes> value)
{
    auto it = m_entries.find(key);
    if (!m_checkpoints.empty()) {
        UndoRecord undo;
        undo.key = key;
        if (it != m_entries.end())
            undo.previous = it->second;
        m_journal.push_back(std::move(undo));
    }
    if (it == m_entries.end())
        it = m_entries.emplace(std::move(key), Entry {}).first;
    it->second.value = std::move(value);
    it->second.dirty = true;
}

StateOverlay::Checkpoint StateOverlay::checkpoint()
{
    m_checkpoints.push_back(m_journal.size());
    return Checkpoint { m_checkpoints.size() - 1, m_journal.size() };
}

Result<void> StateOverlay::revertTo(const Checkpoint& checkpoint)
{
    return close(checkpoint, true);
}

Result<void> StateOverlay::commit(const Checkpoint& checkpoint)
{
    return close(checkpoint, false);
}

Result<void> StateOverlay::close(const Checkpoint& checkpoint, bool revert)
{
    if (checkpoint.depth >= m_checkpoints.size()
        || m_checkpoints[checkpoint.depth] != checkpoint.journalSize)
        return fail(ErrorKind::Internal,
            "State overlay: the checkpoint was already reverted or committed.");
    if (revert) {
        while (m_journal.size() > checkpoint.journalSize) {
            UndoRecord& undo = m_journal.back();
            if (undo.previous)
                m_entries.insert_or_assign(std::move(undo.key), std::move(*undo.previous));
            else
                m_entries.erase(undo.key);
            m_journal.pop_back();
        }
    }
    m_checkpoints.resize(checkpoint.depth);
    // Undo records only serve open checkpoints; with none left they can never be used.
    if (m_checkpoints.empty())
        m_journal.clear();
    return {};
}

std::vector<StateChange> StateOverlay::changes() const
{
    std::vector<StateChange> out;
    for (const auto& [key, entry] : m_entries) {
        if (!entry.dirty || (entry.baseKnown && entry.base == entry.value))
            continue;
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(key.data());
        out.push_back(StateChange { entry.path
                ? *entry.path
                : protocol::statePath(bytes[0], ByteView(bytes + 1, key.size() - 1)),
            entry.value });
    }
    std::sort(out.begin(), out.end(),
        [](const StateChange& a, const StateChange& b) { return a.path < b.path; });
    return out;
}

} // namespace ls::node
