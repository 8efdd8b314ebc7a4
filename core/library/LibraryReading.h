#pragma once

#include "core/library/LibraryTypes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ls::library {

struct LibraryContext;

// The reader's state: last positions, bookmarks, annotations and page reads, per title version.
// A view of an open Library (Library::reading()); it must not outlive it. None of it refers to
// the owned titles: a subscriber reads titles it does not own, and removing a title from the
// library keeps the user's notes on it (forgetTitle() clears them).
class LibraryReading {
public:
    static constexpr std::size_t kMaxPositionBytes = 4096;
    static constexpr std::size_t kMaxLabelBytes = 1024;
    static constexpr std::size_t kMaxAnnotationBytes = 64 * 1024; // quote and note, each
    static constexpr std::int64_t kMaxSecondsPerRecord = 24 * 60 * 60;

    explicit LibraryReading(LibraryContext& context)
        : m_context(&context)
    {
    }

    Result<void> setPosition(
        std::uint64_t titleId, std::uint32_t version, std::string_view position);
    Result<std::optional<ReadingPosition>> position(std::uint64_t titleId, std::uint32_t version);
    // The most recently updated position of any version of the title ("continue reading").
    Result<std::optional<ReadingPosition>> lastPosition(std::uint64_t titleId);
    Result<void> clearPosition(std::uint64_t titleId, std::uint32_t version);

    Result<Bookmark> addBookmark(std::uint64_t titleId, std::uint32_t version,
        std::string_view position, std::string_view label);
    Result<std::vector<Bookmark>> bookmarks(std::uint64_t titleId, std::uint32_t version);
    Result<void> renameBookmark(std::int64_t bookmarkId, std::string_view label);
    Result<void> removeBookmark(std::int64_t bookmarkId); // NotFound when absent

    // Stores a new annotation: id and times are assigned, the rest is taken from `draft`.
    Result<Annotation> addAnnotation(const Annotation& draft);
    // In reading order (by start page, then offset).
    Result<std::vector<Annotation>> annotations(std::uint64_t titleId, std::uint32_t version);
    Result<Annotation> updateAnnotation(
        std::int64_t annotationId, std::string_view note, std::uint32_t colour);
    Result<void> removeAnnotation(std::int64_t annotationId); // NotFound when absent

    // Adds `seconds` of reading to a page; the first call for a page records when it was first
    // read. Seconds are capped per call (kMaxSecondsPerRecord) so a stuck timer cannot inflate
    // the totals a subscription pays by.
    Result<PageRead> recordPageRead(
        std::uint64_t titleId, std::uint32_t version, std::uint32_t page, std::int64_t seconds);
    Result<std::vector<PageRead>> pageReads(std::uint64_t titleId); // by version, then page
    // Per title: pages first read in [fromMs, toMs) and the time spent on them, by title id.
    Result<std::vector<PageReadTotal>> pageReadTotals(std::int64_t fromMs, std::int64_t toMs);

    // Deletes every position, bookmark, annotation and page read of the title.
    Result<void> forgetTitle(std::uint64_t titleId);

private:
    Result<Annotation> annotation(std::int64_t annotationId);

    LibraryContext* m_context;
};

} // namespace ls::library
