#include "core/library/MediaOpening.h"

#include <algorithm>
#include <optional>

namespace ls::library {
namespace {

// What a demuxer reads of the box after the media data: its header, in one buffered read.
constexpr std::uint64_t kNextBoxRead = 64 * 1024;

std::uint64_t bigEndian(ByteView bytes, std::size_t at, std::size_t width)
{
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i)
        value = (value << 8) | bytes[at + i];
    return value;
}

bool typeIs(ByteView bytes, std::size_t at, const char (&type)[5])
{
    return std::equal(type, type + 4, bytes.begin() + static_cast<std::ptrdiff_t>(at + 4));
}

struct TopLevel {
    std::optional<ByteRange> index; // moov: where it starts and how long it is
    std::optional<std::uint64_t> mediaEnd; // mdat
};

// Walks the top-level boxes (ISO/IEC 14496-12 §4.2) whose headers lie within `head`. nullopt
// when the head is not an ISO-BMFF file (no ftyp first) or a box header is malformed.
std::optional<TopLevel> walkBoxes(ByteView head, std::uint64_t size)
{
    if (head.size() < 8 || !typeIs(head, 0, "ftyp"))
        return std::nullopt;
    TopLevel found;
    std::uint64_t at = 0;
    while (at + 8 <= head.size() && at < size) {
        const auto offset = static_cast<std::size_t>(at);
        std::uint64_t boxSize = bigEndian(head, offset, 4);
        std::uint64_t headerSize = 8;
        if (boxSize == 1) { // a 64-bit size follows the type
            if (at + 16 > head.size())
                break;
            boxSize = bigEndian(head, offset + 8, 8);
            headerSize = 16;
        } else if (boxSize == 0) { // to the end of the file
            boxSize = size - at;
        }
        if (boxSize < headerSize || boxSize > size - at)
            return std::nullopt;
        if (typeIs(head, offset, "moov") && !found.index)
            found.index = ByteRange { at, boxSize };
        if (typeIs(head, offset, "mdat"))
            found.mediaEnd = at + boxSize;
        at += boxSize;
    }
    return found;
}

// Where an ID3v2 tag at the start of `head` ends (its 10-byte header, the syncsafe size, and a
// footer when flagged); nullopt without one.
std::optional<std::uint64_t> id3v2End(ByteView head)
{
    if (head.size() < 10 || head[0] != 'I' || head[1] != 'D' || head[2] != '3')
        return std::nullopt;
    std::uint64_t size = 0;
    for (std::size_t i = 6; i < 10; ++i) {
        if (head[i] & 0x80)
            return std::nullopt; // not syncsafe: not a tag
        size = (size << 7) | head[i];
    }
    const bool footer = (head[5] & 0x10) != 0;
    return 10 + size + (footer ? 10 : 0);
}

} // namespace

std::vector<ByteRange> mediaOpeningRanges(ByteView head, std::uint64_t size)
{
    std::vector<ByteRange> ranges;
    const std::uint64_t headLength = std::min<std::uint64_t>(size, kMediaOpeningHead);
    if (headLength > 0)
        ranges.push_back({ 0, headLength });
    auto beyondHead = [&](std::uint64_t offset, std::uint64_t length) {
        if (offset + length <= headLength)
            return; // read with the head
        const std::uint64_t from = std::max(offset, headLength);
        ranges.push_back({ from, std::min(offset + length, size) - from });
    };
    const ByteView known
        = head.first(static_cast<std::size_t>(std::min<std::uint64_t>(head.size(), headLength)));
    const auto boxes = walkBoxes(known, size);
    if (boxes && boxes->index) {
        // The index at the front ("faststart"): all of it, however long (an hour of video has
        // megabytes of it), and the box header after the media data when that is not last.
        beyondHead(boxes->index->offset, std::min(boxes->index->length, kMediaOpeningIndexLimit));
        if (boxes->mediaEnd && *boxes->mediaEnd < size)
            beyondHead(*boxes->mediaEnd, std::min(kNextBoxRead, size - *boxes->mediaEnd));
        return ranges;
    }
    if (const auto tagEnd = id3v2End(known); tagEnd && *tagEnd > headLength) {
        // An MP3 whose ID3v2 tag (cover art, lyrics) outgrows the head: the demuxer reads past
        // the tag on opening, to the first audio frames.
        beyondHead(0, std::min({ *tagEnd + kNextBoxRead, size, kMediaOpeningIndexLimit }));
    }
    if (boxes && boxes->mediaEnd && *boxes->mediaEnd < size) {
        // The index follows the media data: everything from there (the index and any boxes
        // after it), up to the limit.
        beyondHead(*boxes->mediaEnd, std::min(size - *boxes->mediaEnd, kMediaOpeningIndexLimit));
        return ranges;
    }
    const std::uint64_t tailLength = std::min(kMediaOpeningTail, size - headLength);
    if (tailLength > 0)
        ranges.push_back({ size - tailLength, tailLength });
    return ranges;
}

} // namespace ls::library
