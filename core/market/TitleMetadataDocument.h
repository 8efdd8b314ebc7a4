#pragma once

#include "core/api/Studio.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ls::market {

// A title's public metadata document (DESIGN.md §4): the one JSON file of the title's public
// metadata torrent, whose v2 infohash the chain records, so whoever fetches it by that infohash
// knows it is the author's. Any BitTorrent client can fetch it; ours decodes it strictly.
//
//   { "format": "lightstreams-title-metadata", "version": 1,
//     "title": "…", "authors": ["…"], "subject": "…", "blurb": "…", "contents": ["…"],
//     "mediaType": "application/pdf", "fileName": "book.pdf", "size": 123456,
//     "cover": { "mediaType": "image/png", "data": "<base64>" },      (cover optional)
//     "sample": { "mediaType": "application/pdf", "data": "<base64>" } } (sample optional)
//
// The sample is a short public excerpt readers open before they buy: a PDF, an M4A/MP4 or MP3
// audio file, or an MP4 video, whose first bytes match the type it names.
struct TitleMetadataDocument {
    static constexpr std::string_view kFormat = "lightstreams-title-metadata";
    static constexpr int kVersion = 1;
    // The whole document, as fetched and as encoded.
    static constexpr std::size_t kMaxDocumentBytes = 2 * 1024 * 1024;
    // The document without its sample: what a library keeps (library::LibraryTitles' limit).
    static constexpr std::size_t kMaxDocumentBytesWithoutSample = 1024 * 1024;
    static constexpr std::size_t kMaxCoverBytes = 256 * 1024;
    static constexpr std::size_t kMaxSampleBytes = 768 * 1024;
    static constexpr std::size_t kMaxTitleBytes = 512;
    static constexpr std::size_t kMaxAuthors = 32;
    static constexpr std::size_t kMaxNameBytes = 256;
    static constexpr std::size_t kMaxBlurbBytes = 16 * 1024;
    static constexpr std::size_t kMaxContentsEntries = 2000;
    static constexpr std::size_t kMaxContentsEntryBytes = 512;

    // The limits screens show (api::TitleMetadataLimits) are the ones enforced here.
    using Limits = api::TitleMetadataLimits;
    static_assert(Limits::maxTitleBytes == kMaxTitleBytes && Limits::maxAuthors == kMaxAuthors
        && Limits::maxAuthorBytes == kMaxNameBytes && Limits::maxBlurbBytes == kMaxBlurbBytes
        && Limits::maxContentsEntries == kMaxContentsEntries
        && Limits::maxContentsEntryBytes == kMaxContentsEntryBytes
        && Limits::maxCoverBytes == kMaxCoverBytes && Limits::maxSampleBytes == kMaxSampleBytes);

    std::string title;
    std::vector<std::string> authors;
    std::string subject;
    std::string blurb;
    std::vector<std::string> contents;
    std::string mediaType; // of the content (the container records it too)
    std::string fileName; // the author's file name, a suggestion for saving a copy
    std::uint64_t size = 0; // plaintext bytes of version 1
    std::string coverMediaType; // empty: no cover
    Bytes cover;
    std::string sampleMediaType; // empty: no sample; else one of sampleMediaTypes()
    Bytes sample;

    // From what an author typed: checks every field's limits, reads and recognises the cover
    // image (PNG, JPEG or WebP, at most kMaxCoverBytes) and the sample (a PDF, audio or video
    // file of at most kMaxSampleBytes).
    static Result<TitleMetadataDocument> fromRequest(const api::TitleMetadata& metadata,
        std::string mediaType, std::string fileName, std::uint64_t size);

    // Strict decoder for bytes from the network or a file: a JSON object of the format above,
    // every field of the right type and within its limit. Unknown fields are ignored (later
    // versions may add some); an unknown version is Unsupported.
    static Result<TitleMetadataDocument> decode(ByteView bytes);
    // Compact JSON; decode(encode()) gives the same document.
    Bytes encode() const;
    // encode() of the document without its sample: what a library keeps of a title's metadata
    // (the sample stays readable from the catalog).
    Bytes encodeWithoutSample() const;
    // What a library keeps of `fetched`, the bytes this document was decoded from: those bytes
    // as they are, or, when the document carries a sample, encodeWithoutSample().
    Bytes libraryCopy(ByteView fetched) const;
};

// The media types a sample may have: the ones the app's reader and player open.
const std::vector<std::string>& sampleMediaTypes();
// Whether `bytes` begin the way a file of `mediaType` (one of sampleMediaTypes()) does: "%PDF-"
// for a PDF, an "ftyp" box for MP4/M4A, an ID3 tag or an MPEG frame sync for MP3.
bool sampleMatchesType(ByteView bytes, std::string_view mediaType);

// "image/png", "image/jpeg", "image/webp" from the first bytes of an image; empty otherwise.
std::string imageMediaType(ByteView bytes);
// The content's media type from the file's name and first bytes (Qt's MIME database), in the
// lowercase form the container records; application/octet-stream when unknown.
std::string contentMediaType(const std::filesystem::path& file);

} // namespace ls::market
