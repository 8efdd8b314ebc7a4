#include "core/market/ContentPaths.h"

#include "core/codec/Hex.h"

#include <algorithm>

namespace ls::market::content {
namespace {

constexpr const char* kContentDirectory = "content";

} // namespace

std::filesystem::path directory(const std::filesystem::path& profile)
{
    return profile / kContentDirectory;
}

std::filesystem::path boughtTitleDirectory(
    const std::filesystem::path& profile, std::uint64_t titleId)
{
    return directory(profile) / "titles" / std::to_string(titleId);
}

std::filesystem::path torrentFile(const std::filesystem::path& profile, const Hash256& infohash)
{
    return directory(profile) / "torrents" / (codec::toHex(infohash) + ".torrent");
}

std::filesystem::path jobsDirectory(const std::filesystem::path& profile)
{
    return profile / "publishing";
}

std::string containerName(std::uint64_t titleId, std::uint32_t version)
{
    return "title-" + std::to_string(titleId) + "-v" + std::to_string(version) + ".lsc";
}

std::string stagingName(const std::string& jobId)
{
    return ".staging-" + jobId + ".lsc";
}

std::string metadataName(const std::string& jobId)
{
    return "metadata-" + jobId + ".json";
}

std::string relativeContentPath(const std::string& fileName)
{
    return std::string(kContentDirectory) + "/" + fileName;
}

std::optional<std::string> relativeToProfile(
    const std::filesystem::path& profile, const std::filesystem::path& file)
{
    const auto relative = file.lexically_normal().lexically_relative(profile.lexically_normal());
    if (relative.empty() || relative.is_absolute() || *relative.begin() == "..")
        return std::nullopt;
    return relative.generic_string();
}

std::uint32_t chunkSizeFor(std::uint64_t plaintextSize)
{
    return plaintextSize < 4 * 1024 * 1024 ? 16 * 1024 : 64 * 1024;
}

std::uint32_t pieceSizeFor(std::uint64_t containerSize)
{
    constexpr std::uint64_t kMaxPieces = 4096;
    std::uint64_t piece = 256 * 1024;
    while (piece < (std::uint64_t { 1 } << 26) && containerSize / piece >= kMaxPieces)
        piece *= 2;
    return static_cast<std::uint32_t>(piece);
}

Bytes fullBitfield(std::uint64_t size, std::uint32_t pieceSize)
{
    const std::uint64_t pieces = std::max<std::uint64_t>(1, (size + pieceSize - 1) / pieceSize);
    Bytes bits((pieces + 7) / 8, 0);
    for (std::uint64_t i = 0; i < pieces; ++i)
        bits[i / 8] |= static_cast<std::uint8_t>(0x80 >> (i % 8));
    return bits;
}

} // namespace ls::market::content
