#pragma once

#include "core/util/Bytes.h"

#include <cstdint>
#include <map>
#include <optional>

namespace ls::market {

// Which title (and version) each torrent this profile has in its swarm belongs to: the
// workflows record it when they add a torrent, and the permit policy looks up the title whose
// author and licences decide who may receive it.
class TorrentRegistry {
public:
    struct Entry {
        std::uint64_t titleId = 0;
        std::uint32_t version = 0; // 0: the title's public metadata torrent
    };

    void add(const Hash256& infohash, Entry entry) { m_entries[infohash] = entry; }
    void remove(const Hash256& infohash) { m_entries.erase(infohash); }
    std::optional<Entry> find(const Hash256& infohash) const
    {
        auto found = m_entries.find(infohash);
        if (found == m_entries.end())
            return std::nullopt;
        return found->second;
    }

private:
    std::map<Hash256, Entry> m_entries;
};

} // namespace ls::market
