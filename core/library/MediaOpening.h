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
// Always the head. For an MP4/ISO-BMFF file, also its index (moov) where the head's box headers
// place it: after the head when it is longer, or after the media data (mdat) when it follows
// them, at most kMediaOpeningIndexLimit bytes; and, for an index at the front, the box header
// after the media data when the media data is not last (the demuxer reads it). For anything else
// (an MP4 whose layout the head does not show, MP3, unknown formats) the last kMediaOpeningTail
// bytes, where such an index or a tag lives; and for an MP3 whose ID3v2 tag is longer than the
// head, the rest of the tag and the first frames after it. The ranges lie within [0, size) and do
// not overlap the head. `head` is outside input: any bytes give a valid answer.
inline constexpr std::uint64_t kMediaOpeningHead = 1024 * 1024;
inline constexpr std::uint64_t kMediaOpeningTail = 1024 * 1024;
inline constexpr std::uint64_t kMediaOpeningIndexLimit = 32 * 1024 * 1024;

std::vector<ByteRange> mediaOpeningRanges(ByteView head, std::uint64_t size);

} // namespace ls::library
