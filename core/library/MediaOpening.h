#pragma once

#include "core/util/Bytes.h"

#include <cstdint>
#include <vector>

namespace ls::library {

struct ByteRange {
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    bool operator==(const ByteRange&) const = default;
};

// What a media player reads while it opens a file, for a stream that must have those bytes
// before the player opens it (docs/ARCHITECTURE.md "Streaming while downloading": Qt 6.4's
// FFmpeg backend opens on the GUI thread, where a read cannot wait for the swarm).
//
// `head` is the file's first bytes (up to kMediaOpeningHead of them) and `size` its full size.
// Always the head. For an MP4/ISO-BMFF file whose index (moov) lies within the head — a
// "faststart" file, as our publish tools and most streaming encoders write — also the box header
// after the media data when the media data is not the last box (the demuxer reads it), and
// nothing else. For anything else (an MP4 with its index at the back, MP3, unknown formats) also
// the last kMediaOpeningTail bytes, where such an index or tag lives. The ranges lie within
// [0, size). `head` is outside input: any bytes give a valid answer.
inline constexpr std::uint64_t kMediaOpeningHead = 1024 * 1024;
inline constexpr std::uint64_t kMediaOpeningTail = 1024 * 1024;

std::vector<ByteRange> mediaOpeningRanges(ByteView head, std::uint64_t size);

} // namespace ls::library
