#pragma once

#include "core/api/Catalog.h"
#include "core/market/CatalogIndex.h"

#include <optional>

// How the verified catalog's pieces meet: chain facts and metadata documents into index
// entries, index entries into what api::Catalog answers.
namespace ls::market {

// The index entry for a proven title record: the chain's facts, with the metadata fields of the
// entry known before (the chain says nothing about them).
CatalogEntry catalogEntryFor(const api::TitleInfo& title, const std::optional<CatalogEntry>& known);
// Whether two entries differ in what the chain says (price, listing, sales, versions, …).
bool chainFactsDiffer(const CatalogEntry& a, const CatalogEntry& b);

// Stores a fetched metadata document (strictly decoded again here) and copies its title,
// authors, blurb and media type into the title's entry.
Result<void> storeMetadata(CatalogIndex& index, std::uint64_t titleId,
    const std::string& metadataInfohash, const Bytes& document);

api::CatalogTitle apiCatalogTitle(
    const CatalogEntry& entry, const std::optional<CatalogDocument>& document);
Result<std::vector<api::CatalogTitle>> searchCatalog(
    CatalogIndex& index, const api::CatalogSearch& search);

// The highest gas a purchase of `titleId` can take (calldata of all non-zero bytes).
std::uint64_t purchaseGasLimit(std::uint64_t titleId);

} // namespace ls::market
