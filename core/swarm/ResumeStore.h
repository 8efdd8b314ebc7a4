#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <filesystem>
#include <optional>

namespace ls::swarm {

// The swarm's resume files: `<directory>/<v2 infohash hex>.resume`, each libtorrent's bencoded
// resume data for one torrent (which pieces are done, file priorities, counters). Written
// atomically, so a crash mid-save leaves the previous file; a missing or unreadable file only
// means the download is checked or fetched again, never that anything is lost.
class ResumeStore {
public:
    // Resume data is a few bytes per piece; anything larger than this is not ours.
    static constexpr std::size_t kMaxFileSize = 64 * 1024 * 1024;

    explicit ResumeStore(std::filesystem::path directory)
        : m_directory(std::move(directory))
    {
    }

    const std::filesystem::path& directory() const { return m_directory; }
    std::filesystem::path pathFor(const Hash256& infohash) const;

    // The saved data, or nullopt when there is none (or it cannot be read).
    std::optional<Bytes> load(const Hash256& infohash) const;
    // Creates the directory if needed.
    Result<void> save(const Hash256& infohash, ByteView resumeData) const;
    void erase(const Hash256& infohash) const;

private:
    std::filesystem::path m_directory;
};

} // namespace ls::swarm
