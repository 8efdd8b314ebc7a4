#pragma once

#include "core/library/ContainerWriter.h"
#include "core/swarm/SwarmTypes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <filesystem>
#include <stop_token>

// The long steps of publishing, run on worker threads: encrypting a file into its container,
// and hashing a file into its torrent. Plain functions of their inputs, so a resumed
// publication can run them again.
namespace ls::market::build {

struct Encryption {
    std::filesystem::path source;
    std::filesystem::path staging; // written here first (never a half container under `target`)
    std::filesystem::path target; // then renamed to this
    library::ContainerWriter::Settings settings;
};

// Encrypts `job.source` under `key` into `job.staging`, then renames it to `job.target`.
// Returns the container's size. Cancelled through `stop` (an error; `target` is untouched).
Result<std::uint64_t> encryptContainer(const Encryption& job, const library::VersionKey& key,
    library::ContainerWriter::Progress progress, std::stop_token stop);

// Makes the torrent of `file` with `pieceSize` and stores it (atomically) where the profile
// keeps torrents (content::torrentFile).
Result<swarm::CreatedTorrent> hashIntoTorrent(const std::filesystem::path& file,
    std::uint32_t pieceSize, const std::filesystem::path& profile);

} // namespace ls::market::build
