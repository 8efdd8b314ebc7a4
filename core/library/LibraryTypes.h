#pragma once

// The plain values the local library stores and hands out (docs/library.md). No behaviour here:
// Library, LibraryTitles, LibraryDownloads and LibraryReading read and write them.

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/util/Bytes.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ls::library {

// Milliseconds since the Unix epoch. The library stamps changes with it; tests inject a fake.
using Clock = std::function<std::int64_t()>;

// The facts of the buyer's licence as the chain recorded them at purchase.
struct Licence {
    std::uint32_t versionAtPurchase = 0;
    codec::UInt256 price; // in the chain's smallest unit
    std::int64_t purchasedAtMs = 0; // chain time of the purchase

    friend bool operator==(const Licence&, const Licence&) = default;
};

// A title the user owns: what the chain says about it plus the metadata document that was
// checked against the metadata infohash before it was stored.
struct OwnedTitle {
    std::uint64_t titleId = 0; // the Catalog's id; at most 2^63-1
    crypto::Address author;
    Hash256 metadataInfohash {};
    Hash256 keyCommitment {}; // what a delivered title key must hash to
    std::string metadataJson; // a JSON object, UTF-8, as verified
    Licence licence;
    std::int64_t addedAtMs = 0; // set by the library when the title is added

    friend bool operator==(const OwnedTitle&, const OwnedTitle&) = default;
};

// One published version of a title, as on chain. Versions never change once published.
struct TitleVersion {
    std::uint32_t number = 0;
    Hash256 contentInfohash {};
    std::uint64_t size = 0; // bytes of the version's container
    std::string note; // UTF-8
    std::int64_t addedAtMs = 0; // chain time the version was added

    friend bool operator==(const TitleVersion&, const TitleVersion&) = default;
};

// Where the local copy of one version stands. The numbers are stored, so they must never change.
enum class DownloadState {
    None = 0, // never downloaded
    Downloading = 1, // started; pieceBitfield says which pieces are verified so far
    Complete = 2, // every piece verified; the container is on disk
    Removed = 3, // the user removed the local copy; licence and key are kept
};

struct VersionDownload {
    std::uint64_t titleId = 0;
    std::uint32_t version = 0;
    DownloadState state = DownloadState::None;
    std::string containerFile; // relative to the profile directory, '/'-separated; empty for None
    std::uint64_t totalSize = 0;
    std::uint64_t bytesVerified = 0;
    Bytes pieceBitfield; // bit i (most significant bit first) set when piece i is verified
    std::int64_t updatedAtMs = 0;

    friend bool operator==(const VersionDownload&, const VersionDownload&) = default;
};

// Where the reader left a version. `position` is the reader's own locator (a PDF page and offset,
// an EPUB CFI, a media time): opaque to the library.
struct ReadingPosition {
    std::uint64_t titleId = 0;
    std::uint32_t version = 0;
    std::string position;
    std::int64_t updatedAtMs = 0;

    friend bool operator==(const ReadingPosition&, const ReadingPosition&) = default;
};

struct Bookmark {
    std::int64_t id = 0; // assigned by the library; never reused
    std::uint64_t titleId = 0;
    std::uint32_t version = 0;
    std::string position; // as in ReadingPosition
    std::string label;
    std::int64_t createdAtMs = 0;

    friend bool operator==(const Bookmark&, const Bookmark&) = default;
};

// A span of the text: from (startPage, startOffset) up to (endPage, endOffset), end included.
struct TextRange {
    std::uint32_t startPage = 0;
    std::uint32_t startOffset = 0; // characters into the page
    std::uint32_t endPage = 0;
    std::uint32_t endOffset = 0;

    friend bool operator==(const TextRange&, const TextRange&) = default;
};

struct Annotation {
    std::int64_t id = 0; // assigned by the library; never reused
    std::uint64_t titleId = 0;
    std::uint32_t version = 0;
    TextRange range;
    std::string quote; // the highlighted text, kept so the note still reads without the book
    std::string note; // what the user wrote; may be empty (a plain highlight)
    std::uint32_t colour = 0xffeb3b; // 0xRRGGBB
    std::int64_t createdAtMs = 0;
    std::int64_t updatedAtMs = 0;

    friend bool operator==(const Annotation&, const Annotation&) = default;
};

// One page of one version the user has read: when first, and for how long in total. Kept for the
// subscription model, which pays authors by pages read.
struct PageRead {
    std::uint64_t titleId = 0;
    std::uint32_t version = 0;
    std::uint32_t page = 0;
    std::int64_t firstReadAtMs = 0;
    std::int64_t seconds = 0;

    friend bool operator==(const PageRead&, const PageRead&) = default;
};

// Pages of a title first read within a period, for a subscription report.
struct PageReadTotal {
    std::uint64_t titleId = 0;
    std::uint64_t pages = 0; // distinct page numbers, whatever the version
    std::int64_t seconds = 0; // reading time spent on those pages

    friend bool operator==(const PageReadTotal&, const PageReadTotal&) = default;
};

// One row of the library screen: a title with everything needed to draw it without further
// queries.
struct LibraryEntry {
    OwnedTitle title;
    std::vector<TitleVersion> versions; // ascending by number
    std::vector<VersionDownload> downloads; // versions with any download state, ascending
    bool hasKey = false; // the title key has been delivered and stored
    std::optional<ReadingPosition> lastPosition; // the most recent across versions
};

} // namespace ls::library
