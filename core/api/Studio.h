#pragma once

#include "core/api/Chain.h"
#include "core/api/Library.h"
#include "core/crypto/SecureMemory.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ls::api {

// What a title's public metadata says (DESIGN.md §4 "Torrents": the metadata torrent).
struct TitleMetadata {
    std::string title;
    std::vector<std::string> authors;
    std::string subject; // also the Catalog's subject: at most 64 bytes
    std::string blurb;
    std::string coverImageFile; // PNG, JPEG or WebP, at most 256 KiB; empty: no cover
    std::vector<std::string> contents; // table of contents; may be empty
    // A short public excerpt readers can try before they buy: a PDF, M4A/MP3 audio or MP4 video
    // file of at most 768 KiB; empty: no sample.
    std::string sampleFile = {};
};

// What Studio accepts in a title's metadata and a version's note, so that a screen can say what
// is wrong while the author types (market::TitleMetadataDocument enforces the same numbers and
// checks that they agree). Sizes are bytes of UTF-8.
struct TitleMetadataLimits {
    static constexpr std::size_t maxTitleBytes = 512;
    static constexpr std::size_t maxAuthors = 32;
    static constexpr std::size_t maxAuthorBytes = 256;
    static constexpr std::size_t maxSubjectBytes = 64;
    static constexpr std::size_t maxBlurbBytes = 16 * 1024;
    static constexpr std::size_t maxContentsEntries = 2000;
    static constexpr std::size_t maxContentsEntryBytes = 512;
    static constexpr std::size_t maxCoverBytes = 256 * 1024;
    static constexpr std::size_t maxSampleBytes = 768 * 1024;
    static constexpr std::size_t maxNoteBytes = 256;
};

struct PublishRequest {
    std::string file; // the content to encrypt and publish
    TitleMetadata metadata;
    std::string price; // base units, decimal digits
    std::string mediaType; // empty: recognised from the file
    std::string note; // the version's note, at most 256 bytes
};

enum class PublishStage {
    Preparing, // the title key, and the metadata torrent
    Registering, // a Catalog transaction (the title, later the version)
    Encrypting,
    Hashing, // the content torrent
    Seeding,
};

struct PublishProgress {
    PublishStage stage = PublishStage::Preparing;
    std::uint64_t done = 0; // bytes, while encrypting
    std::uint64_t total = 0;
    std::string txHash; // while registering, once known
    bool resumed = false; // continuing a publication an earlier run left unfinished
};

struct PublishedVersion {
    std::uint64_t titleId = 0;
    std::uint32_t version = 0;
    std::string metadataInfohash; // 0x-prefixed hex
    std::string contentInfohash;
    std::uint64_t containerSize = 0;
};

// A publication an earlier run did not finish (the app or the CLI stopped, or it failed).
struct UnfinishedPublication {
    std::string id;
    std::string file;
    std::string title;
    std::uint64_t titleId = 0; // 0 until the title is on chain
    std::uint32_t version = 0; // 0 for a new title's first version until it is on chain
    PublishStage stage = PublishStage::Preparing; // where it will continue
};

// Publishing (DESIGN.md §4): encrypt a file under a fresh title key, make the content and
// metadata torrents, record title and version in the Catalog, keep the key in the library and
// seed. Each publication records its progress durably, so one interrupted at any stage
// continues where it stopped — never publishing the title twice.
//
// Calls return at once; progress and results come on the calling thread (which runs a Qt event
// loop) while the Handle lives. Dropping the Handle cancels (a transaction already sent may
// still be included; resuming finds it).
class Studio {
public:
    using Handle = Chain::Handle;
    template <typename T> using Callback = Chain::Callback<T>;
    using Progress = std::function<void(const PublishProgress&)>;

    virtual ~Studio() = default;

    // Publishes a new title with `request.file` as version 1. An unfinished publication of the
    // same file with the same metadata and price is resumed instead of starting another.
    [[nodiscard]] virtual Handle publish(PublishRequest request, crypto::SecretBytes passphrase,
        Progress progress, Callback<PublishedVersion> done)
        = 0;
    // Adds `file` as the next version of one of the wallet's titles.
    [[nodiscard]] virtual Handle addVersion(std::uint64_t titleId, std::string file,
        std::string note, crypto::SecretBytes passphrase, Progress progress,
        Callback<PublishedVersion> done)
        = 0;

    virtual Result<std::vector<UnfinishedPublication>> unfinished() = 0;
    [[nodiscard]] virtual Handle resume(std::string id, crypto::SecretBytes passphrase,
        Progress progress, Callback<PublishedVersion> done)
        = 0;

    // The titles this wallet published, most recent first.
    virtual Result<std::vector<LibraryTitle>> titles() = 0;
};

} // namespace ls::api
