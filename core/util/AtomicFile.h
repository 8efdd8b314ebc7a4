#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <filesystem>

namespace ls {

// Replaces `path` with `contents` so that a crash at any moment leaves either the old file or the
// new one, never a mix: write a temporary file in the same directory, fsync it, rename it over the
// target, fsync the directory. The file is created with owner-only permissions (0600) because the
// callers store key material, encrypted or not.
Result<void> writeFileAtomically(const std::filesystem::path& path, ByteView contents);

// Reads a whole file, refusing files larger than `maxSize` so a hostile file cannot exhaust memory.
Result<Bytes> readFileLimited(const std::filesystem::path& path, std::size_t maxSize);

} // namespace ls
