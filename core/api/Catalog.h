#pragma once

#include "core/api/Chain.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ls::api {

// One title as Discover's grid shows it: the chain's facts, proven by the light client when the
// catalog last read them, and what the title's public metadata says (empty while it has not
// arrived: `hasMetadata` false).
struct CatalogTitle {
    std::uint64_t titleId = 0;
    std::string author; // EIP-55
    std::string price; // base units, decimal digits
    std::string subject;
    bool listed = true;
    std::uint32_t versionCount = 0;
    std::uint64_t salesCount = 0;
    std::uint64_t publishedAtMs = 0;
    std::uint64_t provenAtHeight = 0; // the block the facts above were proven at
    bool hasMetadata = false;
    std::string title;
    std::vector<std::string> authors;
    std::string mediaType; // of the content, e.g. "application/pdf"
    std::string coverMediaType; // "image/png", "image/jpeg", "image/webp"; empty: no cover
    Bytes cover;
};

struct CatalogVersion {
    std::uint32_t number = 0; // from 1
    std::string contentInfohash; // 0x-prefixed hex
    std::uint64_t size = 0; // bytes of the encrypted container
    std::string note;
    std::uint64_t addedAtMs = 0;
};

// Everything a title page shows: facts read fresh from the chain (proven at `proof`), with the
// cached metadata document.
struct CatalogTitleDetails {
    CatalogTitle summary;
    std::string metadataInfohash; // 0x-prefixed hex
    std::string blurb;
    std::vector<std::string> contents;
    std::string fileName; // the author's name for the file
    std::uint64_t contentSize = 0; // plaintext bytes of version 1, as the metadata says
    // The free excerpt the author added: "application/pdf", "audio/mp4", "audio/mpeg" or
    // "video/mp4"; empty when the title has none. Catalog::sample() reads it.
    std::string sampleMediaType;
    bool hasSample() const { return !sampleMediaType.empty(); }
    std::vector<CatalogVersion> versions; // ascending
    // Gas a purchase of this title takes at most: with the network's minimum gas price, the
    // largest fee a purchase can cost.
    std::uint64_t purchaseGasLimit = 0;
    ProvenAt proof;
};

struct CatalogSample {
    std::string mediaType; // as CatalogTitleDetails::sampleMediaType
    Bytes data;
};

// A publishing account of listed titles, for the author filter: its account and the names its
// newest title gives (as the author wrote them; empty until its metadata arrived).
struct CatalogAuthor {
    std::string account; // EIP-55, what CatalogSearch::author takes
    std::string names;
};

enum class CatalogSort { Relevance, Newest, MostSold, PriceLowToHigh, PriceHighToLow };

struct CatalogSearch {
    std::string text; // words typed by the user; each must match (prefixes too)
    std::optional<std::string> subject;
    std::optional<std::string> author; // EIP-55
    std::optional<std::string> mediaTypePrefix; // "application/pdf", "audio/", "video/"
    std::optional<std::string> maxPrice; // base units
    CatalogSort sort = CatalogSort::Relevance; // without text, Relevance is Newest
    int limit = 200;
    int offset = 0;
};

enum class CatalogRefreshStage {
    Syncing, // bringing the light client up to the newest block
    ReadingTitles, // proving each title's record
    FetchingMetadata, // public metadata torrents of titles that have none cached yet
};

struct CatalogRefreshProgress {
    CatalogRefreshStage stage = CatalogRefreshStage::Syncing;
    std::uint64_t done = 0; // titles read, or metadata documents settled
    std::uint64_t total = 0;
};

struct CatalogRefreshSummary {
    std::uint64_t provenAtHeight = 0;
    std::uint64_t titleCount = 0; // titles on chain
    std::uint64_t newTitles = 0;
    std::uint64_t changedTitles = 0; // price, listing, sales or versions changed
    std::uint64_t metadataFetched = 0;
    std::uint64_t metadataMissing = 0; // not found on the swarm this time; tried again next time
};

// The verified catalog behind Discover (DESIGN.md §6): every title on chain, read through the
// light client, with its public metadata fetched over the swarm by the infohash the chain
// records, kept in a search index in the profile that can always be rebuilt.
//
// Like api::Chain: asynchronous calls return at once and answer later on the calling thread
// (which runs a Qt event loop) while the returned Handle lives; dropping it cancels. Queries
// answer at once from the index.
class Catalog {
public:
    using Handle = Chain::Handle;
    template <typename T> using Callback = Chain::Callback<T>;
    using Progress = std::function<void(const CatalogRefreshProgress&)>;

    virtual ~Catalog() = default;

    // Reads new titles (ids up to the proven title count) and re-reads the known ones (price,
    // listing, sales, versions), then fetches metadata still missing. One refresh runs at a
    // time: a second call while one runs joins it.
    [[nodiscard]] virtual Handle refresh(Progress progress, Callback<CatalogRefreshSummary> done)
        = 0;

    virtual Result<std::vector<CatalogTitle>> search(const CatalogSearch& query) = 0;
    // Subjects of listed titles, sorted, for the subject filter.
    virtual Result<std::vector<std::string>> subjects() = 0;
    // Accounts that publish listed titles, sorted by their names, for the author filter.
    virtual Result<std::vector<CatalogAuthor>> authors() = 0;
    // A title page: the title and its versions proven now, with the cached metadata. NotFound
    // when the title is proven not to exist.
    [[nodiscard]] virtual Handle details(std::uint64_t titleId, Callback<CatalogTitleDetails> done)
        = 0;
    // The sample of a title whose details name one (public plaintext, at most 768 KiB, from the
    // index). NotFound when the title's cached metadata has no sample.
    virtual Result<CatalogSample> sample(std::uint64_t titleId) = 0;

    // Called whenever the index changed (a refresh brought new titles, facts or metadata).
    [[nodiscard]] virtual Handle subscribe(std::function<void()> onChange) = 0;
};

} // namespace ls::api
