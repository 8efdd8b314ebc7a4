#pragma once

#include "core/storage/Database.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ls::market {

// One title as Discover shows it: the chain's facts (proven by the light client when they were
// read) and the metadata the title's public metadata torrent carries (authenticated by its
// infohash on chain).
struct CatalogEntry {
    std::uint64_t titleId = 0;
    std::string author; // EIP-55
    std::string price; // base units, decimal digits
    std::string subject;
    bool listed = true;
    std::uint32_t versionCount = 0;
    std::uint64_t salesCount = 0;
    std::uint64_t publishedAtMs = 0;
    std::uint64_t provenAtHeight = 0;
    // From the metadata (empty until it is fetched).
    std::string title;
    std::string authors; // as the author wrote them, e.g. "Ada Lovelace, Charles Babbage"
    std::string blurb;
    std::string mediaType; // e.g. application/pdf, audio/mpeg, video/mp4
    friend bool operator==(const CatalogEntry&, const CatalogEntry&) = default;
};

// A title's public metadata document as fetched (checked against `metadataInfohash`, the one the
// chain records), with its cover and sample kept apart so the grid reads covers and a title page
// its sample without decoding documents.
struct CatalogDocument {
    std::string metadataInfohash; // 0x-prefixed hex
    Bytes document; // the JSON as fetched
    std::string coverMediaType; // empty: no cover
    Bytes cover;
    std::string sampleMediaType; // empty: no sample
    Bytes sample; // stored by storeDocument(); CatalogIndex::document() leaves it empty
};

struct CatalogSample {
    std::string metadataInfohash; // of the document the sample came in
    std::string mediaType;
    Bytes data;
};

struct CatalogQuery {
    enum class Sort { Relevance, Newest, MostSold, PriceLowToHigh, PriceHighToLow };
    std::string text; // words typed by the user: each must match (prefixes too)
    std::optional<std::string> subject;
    std::optional<std::string> author; // EIP-55 address
    std::optional<std::string> mediaTypePrefix; // "video/", "audio/", "application/pdf"
    std::optional<std::string> maxPrice; // base units
    bool includeUnlisted = false;
    Sort sort = Sort::Relevance; // without text, Relevance is Newest
    int limit = 200;
    int offset = 0;
};

// Discover's search index (DESIGN.md §6): the verified catalog in SQLite with an FTS5 index over
// title, authors, subject and blurb. Filled by whoever reads the catalog from the chain; a cache
// that can always be rebuilt, so it lives beside the library, not in it.
class CatalogIndex {
public:
    static Result<CatalogIndex> open(const std::filesystem::path& file);
    static Result<CatalogIndex> openInMemory();

    // Inserts or replaces the entry for its title id.
    Result<void> upsert(const CatalogEntry& entry);
    Result<std::optional<CatalogEntry>> find(std::uint64_t titleId);
    Result<std::vector<CatalogEntry>> search(const CatalogQuery& query);
    // Distinct subjects of listed titles, for the subject filter.
    Result<std::vector<std::string>> subjects();
    // Publishing accounts of listed titles with the names of their newest title, by name.
    Result<std::vector<std::pair<std::string, std::string>>> authors();
    // The metadata document of a title, replacing any earlier one.
    Result<void> storeDocument(std::uint64_t titleId, const CatalogDocument& document);
    // The stored document, without the sample's bytes (see sample()). With `json` false, without
    // the JSON too: what the grid shows (the cover) costs no more than the cover.
    Result<std::optional<CatalogDocument>> document(std::uint64_t titleId, bool json = true);
    // The sample of the title's stored document; nullopt when there is no document or it has no
    // sample.
    Result<std::optional<CatalogSample>> sample(std::uint64_t titleId);
    // The infohash of the stored document (nullopt: none yet): whether a refresh fetches it.
    Result<std::optional<std::string>> documentInfohash(std::uint64_t titleId);
    // The highest title id indexed (0 when empty): where a refresh continues.
    Result<std::uint64_t> highestTitleId();

private:
    explicit CatalogIndex(storage::Database database);
    static Result<CatalogIndex> prepare(Result<storage::Database> database);

    storage::Database m_db;
};

// The words of a search box as an FTS5 query that cannot be a syntax error: every word quoted,
// each a prefix match, all required. Empty when nothing searchable was typed.
std::string ftsQueryFor(const std::string& typed);

} // namespace ls::market
