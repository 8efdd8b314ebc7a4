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
//     "cover": { "mediaType": "image/png", "data": "<base64>" } }      (cover optional)
struct TitleMetadataDocument {
    static constexpr std::string_view kFormat = "lightstreams-title-metadata";
    static constexpr int kVersion = 1;
    static constexpr std::size_t kMaxDocumentBytes = 1024 * 1024; // the library's limit
    static constexpr std::size_t kMaxCoverBytes = 256 * 1024;
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
        && Limits::maxCoverBytes == kMaxCoverBytes);

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

    // From what an author typed: checks every field's limits, reads and recognises the cover
    // image (PNG, JPEG or WebP, at most kMaxCoverBytes).
    static Result<TitleMetadataDocument> fromRequest(const api::TitleMetadata& metadata,
        std::string mediaType, std::string fileName, std::uint64_t size);

    // Strict decoder for bytes from the network or a file: a JSON object of the format above,
    // every field of the right type and within its limit. Unknown fields are ignored (later
    // versions may add some); an unknown version is Unsupported.
    static Result<TitleMetadataDocument> decode(ByteView bytes);
    // Compact JSON; decode(encode()) gives the same document.
    Bytes encode() const;
};

// "image/png", "image/jpeg", "image/webp" from the first bytes of an image; empty otherwise.
std::string imageMediaType(ByteView bytes);
// The content's media type from the file's name and first bytes (Qt's MIME database), in the
// lowercase form the container records; application/octet-stream when unknown.
std::string contentMediaType(const std::filesystem::path& file);

} // namespace ls::market
