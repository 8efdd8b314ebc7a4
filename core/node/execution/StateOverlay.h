#pragma once

#include "core/node/execution/StateChange.h"
#include "core/node/execution/StateView.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ls::node {

// Buffered writes over a StateView: what a block (or an eth_call) changes, kept in memory until
// the block producer turns changes() into one tree batch. Reads see the overlay's own writes
// first, then the base; values read from the base are cached, so a block reads each entry from
// the tree at most once.
//
// Checkpoints nest: checkpoint() marks the current state, revertTo(cp) undoes every write made
// since (and closes cp and every checkpoint opened after it), commit(cp) keeps the writes and
// closes cp and the checkpoints inside it. A transaction runs inside one, so a revert undoes
// exactly its call and nothing the block did before. An overlay is itself a StateView, so
// overlays stack (an eth_call over the pending block).
class StateOverlay final : public StateView {
public:
    struct Checkpoint {
        std::size_t depth = 0; // index among the open checkpoints
        std::size_t journalSize = 0; // undo records written before it
    };

    explicit StateOverlay(StateView& base)
        : m_base(base)
    {
    }
    // Stacking: without this, `StateOverlay call(block)` would pick the deleted copy constructor.
    explicit StateOverlay(StateOverlay& base)
        : m_base(base)
    {
    }
    StateOverlay(const StateOverlay&) = delete;
    StateOverlay& operator=(const StateOverlay&) = delete;

    Result<std::optional<Bytes>> get(std::uint8_t ns, ByteView key) override;
    Result<std::optional<Bytes>> getAtPath(std::uint8_t ns, ByteView key, const Hash256& path) override;
    void set(std::uint8_t ns, ByteView key, Bytes value);
    void erase(std::uint8_t ns, ByteView key);

    Checkpoint checkpoint();
    // Both fail (Internal) only for a checkpoint that is not open any more: a programming error
    // the caller reports rather than a state it may silently continue from.
    Result<void> revertTo(const Checkpoint& checkpoint);
    Result<void> commit(const Checkpoint& checkpoint);
    std::size_t openCheckpoints() const { return m_checkpoints.size(); }

    // Every entry whose value differs from the base, as tree updates sorted by path (so the same
    // writes always give the same list, whatever order they were made in). Writes that put back
    // the value read from the base are left out; writes inside open checkpoints count as they
    // stand.
    std::vector<StateChange> changes() const;

private:
    struct Entry {
        std::optional<Bytes> value; // current value; nullopt = absent
        bool baseKnown = false; // base value read (or the entry was only read)
        std::optional<Bytes> base;
        bool dirty = false; // written by the overlay
        std::optional<Hash256> path; // statePath of the entry, once computed (a keccak)
    };
    struct UndoRecord {
        std::string key;
        std::optional<Entry> previous; // nullopt: the key was not in m_entries
    };

    static std::string entryKey(std::uint8_t ns, ByteView key);
    Result<std::optional<Bytes>> read(std::uint8_t ns, ByteView key, const Hash256* knownPath);
    void write(std::string key, std::optional<Bytes> value);
    Result<void> close(const Checkpoint& checkpoint, bool revert);

    StateView& m_base;
    std::unordered_map<std::string, Entry> m_entries; // key: namespace byte ‖ entry key
    std::vector<UndoRecord> m_journal; // only while a checkpoint is open
    std::vector<std::size_t> m_checkpoints; // journal size at each open checkpoint
};

} // namespace ls::node
