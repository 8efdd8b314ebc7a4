#pragma once

#include "core/library/LibraryTypes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace ls::library {

struct LibraryContext;

// Where each version's local copy stands: its container file (relative to the profile
// directory), size, verified bytes and piece bitfield, and a state. A view of an open Library
// (Library::downloads()); it must not outlive it. Library::removeLocalCopy also deletes the file.
class LibraryDownloads {
public:
    static constexpr std::size_t kMaxPathBytes = 1024;
    static constexpr std::size_t kMaxBitfieldBytes = 8 * 1024 * 1024; // 64 Mi pieces

    explicit LibraryDownloads(LibraryContext& context)
        : m_context(&context)
    {
    }

    // The state of one version; DownloadState::None (and no file) when it was never started.
    // NotFound when the library does not know the version.
    Result<VersionDownload> download(std::uint64_t titleId, std::uint32_t version);
    // The versions of a title that have any download state, ascending.
    Result<std::vector<VersionDownload>> downloads(std::uint64_t titleId);

    // Starts (or resumes) downloading a version into `containerFile`, a relative path inside the
    // profile directory. A download already under way or complete for the same file and size is
    // left as it is, so resuming keeps its progress; anything else starts from nothing.
    Result<VersionDownload> begin(std::uint64_t titleId, std::uint32_t version,
        std::string_view containerFile, std::uint64_t totalSize);
    // Records verified progress of a download under way: bytes verified so far and the bitfield
    // of verified pieces.
    Result<void> recordProgress(std::uint64_t titleId, std::uint32_t version,
        std::uint64_t bytesVerified, ByteView pieceBitfield);
    // Every piece verified: the state becomes Complete and the verified bytes the total size.
    Result<void> markComplete(std::uint64_t titleId, std::uint32_t version, ByteView pieceBitfield);
    // The local copy is gone (or about to be): state Removed, progress cleared, file name kept
    // so a new download can reuse it. Returns the state before the change.
    Result<VersionDownload> markRemoved(std::uint64_t titleId, std::uint32_t version);

    // The absolute path of a stored relative container path.
    std::filesystem::path containerPath(const VersionDownload& download) const;

    // Relative, inside the profile directory ('..' and absolute paths refused), UTF-8.
    static Result<void> checkContainerFile(std::string_view containerFile);

private:
    Result<VersionDownload> requireStarted(std::uint64_t titleId, std::uint32_t version);

    LibraryContext* m_context;
};

} // namespace ls::library
