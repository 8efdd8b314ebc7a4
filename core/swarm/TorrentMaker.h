#pragma once

#include "core/swarm/SwarmTypes.h"
#include "core/util/Error.h"

#include <filesystem>

namespace ls::swarm {

// Makes the torrent of one file (a title version's container, or a metadata bundle): a hybrid
// BitTorrent v1 + v2 torrent, so its v2 infohash (SHA-256, what the chain records) works with
// v2 clients and the file stays reachable for v1-only ones. `pieceSize` is a power of two of at
// least 16 KiB; 0 lets libtorrent choose by size.
Result<CreatedTorrent> makeTorrent(const std::filesystem::path& file, std::uint32_t pieceSize = 0);

} // namespace ls::swarm
