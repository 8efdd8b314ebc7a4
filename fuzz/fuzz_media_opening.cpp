// library::mediaOpeningRanges reads the first megabyte of a title's plaintext, which is the
// author's file: any bytes, and any announced size, give ranges within the file.
#include "core/library/MediaOpening.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 8)
        return 0;
    std::uint64_t announced = 0;
    for (int i = 0; i < 8; ++i)
        announced = (announced << 8) | data[i];
    const ls::ByteView head(data + 8, size - 8);
    // As the caller does: the head is the file's first bytes, so the file is at least that long.
    const std::uint64_t fileSize = announced < head.size() ? head.size() : announced;
    for (const auto& range : ls::library::mediaOpeningRanges(head, fileSize))
        if (range.length == 0 || range.offset > fileSize || range.length > fileSize - range.offset)
            std::abort();
    return 0;
}
