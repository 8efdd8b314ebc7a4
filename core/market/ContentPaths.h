#pragma once

#include "core/util/Bytes.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

// Where a profile keeps content (DESIGN.md §5: containers stay files beside the library), and
// the sizes that must come out the same for the author and every buyer.
namespace ls::market::content {

// The profile's content directory, `content/`: containers and metadata files, each under the
// name its torrent gives it, so a torrent's save path is this directory.
std::filesystem::path directory(const std::filesystem::path& profile);
// `content/titles/<id>/`: where the torrents of a title this profile bought save their files.
// One directory per title, so whatever names an author's torrents give their files, they can
// only ever meet files of that same title.
std::filesystem::path boughtTitleDirectory(
    const std::filesystem::path& profile, std::uint64_t titleId);
// `content/torrents/<v2 infohash hex>.torrent`: the .torrent of everything this profile seeds,
// so a later run seeds without hashing the files again.
std::filesystem::path torrentFile(const std::filesystem::path& profile, const Hash256& infohash);
// `publishing/`: one job file per unfinished publication.
std::filesystem::path jobsDirectory(const std::filesystem::path& profile);

// "title-7-v2.lsc": the container of a version, as the author names it (and so as its torrent
// names it for every buyer).
std::string containerName(std::uint64_t titleId, std::uint32_t version);
// Where a container is written before it is complete: never under its real name.
std::string stagingName(const std::string& jobId);
// The public metadata document of a publication.
std::string metadataName(const std::string& jobId);
// A library container path ('/'-separated, relative to the profile) for a file in content/.
std::string relativeContentPath(const std::string& fileName);
// The library's form of a path inside the profile; nullopt for one outside it.
std::optional<std::string> relativeToProfile(
    const std::filesystem::path& profile, const std::filesystem::path& file);

// The container chunk size for content of `plaintextSize` bytes: 16 KiB for small titles (a
// book), where the header slot would otherwise cost a large share, else the 64 KiB default.
std::uint32_t chunkSizeFor(std::uint64_t plaintextSize);
// The piece size of a container's torrent: a power of two of at least 256 KiB (so at least the
// chunk size), doubled until the torrent has at most 4,096 pieces. A function of the container
// size alone, which the chain records, so a buyer can rebuild the author's exact torrent.
std::uint32_t pieceSizeFor(std::uint64_t containerSize);
// A piece bitfield (most significant bit first) with every piece of a file of `size` bytes set.
Bytes fullBitfield(std::uint64_t size, std::uint32_t pieceSize);
// Metadata torrents are small: 16 KiB pieces, fixed for the same reason.
inline constexpr std::uint32_t kMetadataPieceSize = 16 * 1024;

} // namespace ls::market::content
