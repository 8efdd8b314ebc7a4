#include "core/market/ContentBuilder.h"

#include "core/market/ContentPaths.h"
#include "core/swarm/TorrentMaker.h"
#include "core/util/AtomicFile.h"

#include <QString>

#include <system_error>

namespace ls::market::build {

Result<std::uint64_t> encryptContainer(const Encryption& job, const library::VersionKey& key,
    library::ContainerWriter::Progress progress, std::stop_token stop)
{
    std::error_code error;
    std::filesystem::create_directories(job.target.parent_path(), error);
    library::ContainerWriter writer(key, job.settings);
    writer.setProgress(std::move(progress));
    writer.setStopToken(std::move(stop));
    auto header = writer.writeFile(
        QString::fromStdString(job.source.string()), QString::fromStdString(job.staging.string()));
    if (!header)
        return std::unexpected(header.error());
    std::filesystem::rename(job.staging, job.target, error);
    if (error)
        return fail(ErrorKind::Io,
            "Could not move the new container to " + job.target.string() + ": " + error.message());
    return header->containerSize();
}

Result<swarm::CreatedTorrent> hashIntoTorrent(const std::filesystem::path& file,
    std::uint32_t pieceSize, const std::filesystem::path& profile)
{
    auto torrent = swarm::makeTorrent(file, pieceSize);
    if (!torrent)
        return torrent;
    const auto torrentPath = content::torrentFile(profile, torrent->infohash);
    std::error_code error;
    std::filesystem::create_directories(torrentPath.parent_path(), error);
    if (auto stored = writeFileAtomically(torrentPath, torrent->torrentFile); !stored)
        return std::unexpected(stored.error());
    return torrent;
}

} // namespace ls::market::build
