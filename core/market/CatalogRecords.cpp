#include "core/market/CatalogRecords.h"

#include "core/market/CatalogCalls.h"
#include "core/market/TitleMetadataDocument.h"

namespace ls::market {
namespace {

constexpr std::string_view kAuthorSeparator = ", ";

std::string joinAuthors(const std::vector<std::string>& authors)
{
    std::string out;
    for (const std::string& author : authors) {
        if (!out.empty())
            out += kAuthorSeparator;
        out += author;
    }
    return out;
}

std::vector<std::string> splitAuthors(const std::string& joined)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < joined.size()) {
        const std::size_t end = joined.find(kAuthorSeparator, start);
        out.push_back(joined.substr(start, end == std::string::npos ? end : end - start));
        if (end == std::string::npos)
            break;
        start = end + kAuthorSeparator.size();
    }
    return out;
}

CatalogQuery::Sort indexSort(api::CatalogSort sort)
{
    switch (sort) {
    case api::CatalogSort::Relevance:
        return CatalogQuery::Sort::Relevance;
    case api::CatalogSort::Newest:
        return CatalogQuery::Sort::Newest;
    case api::CatalogSort::MostSold:
        return CatalogQuery::Sort::MostSold;
    case api::CatalogSort::PriceLowToHigh:
        return CatalogQuery::Sort::PriceLowToHigh;
    case api::CatalogSort::PriceHighToLow:
        return CatalogQuery::Sort::PriceHighToLow;
    }
    return CatalogQuery::Sort::Relevance;
}

} // namespace

CatalogEntry catalogEntryFor(const api::TitleInfo& title, const std::optional<CatalogEntry>& known)
{
    CatalogEntry entry = known.value_or(CatalogEntry {});
    entry.titleId = title.id;
    entry.author = title.author;
    entry.price = title.price;
    entry.subject = title.subject;
    entry.listed = title.listed;
    entry.versionCount = title.versionCount;
    entry.salesCount = title.salesCount;
    entry.publishedAtMs = title.publishedAtMs;
    entry.provenAtHeight = title.proof.height;
    return entry;
}

bool chainFactsDiffer(const CatalogEntry& a, const CatalogEntry& b)
{
    return a.author != b.author || a.price != b.price || a.subject != b.subject
        || a.listed != b.listed || a.versionCount != b.versionCount || a.salesCount != b.salesCount
        || a.publishedAtMs != b.publishedAtMs;
}

Result<void> storeMetadata(CatalogIndex& index, std::uint64_t titleId,
    const std::string& metadataInfohash, const Bytes& document)
{
    auto decoded = TitleMetadataDocument::decode(document);
    if (!decoded)
        return std::unexpected(decoded.error());
    auto entry = index.find(titleId);
    if (!entry)
        return std::unexpected(entry.error());
    if (!*entry)
        return fail(ErrorKind::NotFound, "Title " + std::to_string(titleId) + " is not indexed");
    if (auto stored = index.storeDocument(titleId,
            { metadataInfohash, document, decoded->coverMediaType, decoded->cover,
                decoded->sampleMediaType, decoded->sample });
        !stored)
        return stored;
    CatalogEntry updated = **entry;
    updated.title = decoded->title;
    updated.authors = joinAuthors(decoded->authors);
    updated.blurb = decoded->blurb;
    updated.mediaType = decoded->mediaType;
    return index.upsert(updated);
}

api::CatalogTitle apiCatalogTitle(
    const CatalogEntry& entry, const std::optional<CatalogDocument>& document)
{
    api::CatalogTitle out;
    out.titleId = entry.titleId;
    out.author = entry.author;
    out.price = entry.price;
    out.subject = entry.subject;
    out.listed = entry.listed;
    out.versionCount = entry.versionCount;
    out.salesCount = entry.salesCount;
    out.publishedAtMs = entry.publishedAtMs;
    out.provenAtHeight = entry.provenAtHeight;
    out.hasMetadata = document.has_value();
    out.title = entry.title;
    out.authors = splitAuthors(entry.authors);
    out.mediaType = entry.mediaType;
    if (document) {
        out.coverMediaType = document->coverMediaType;
        out.cover = document->cover;
    }
    return out;
}

Result<std::vector<api::CatalogTitle>> searchCatalog(
    CatalogIndex& index, const api::CatalogSearch& search)
{
    CatalogQuery query;
    query.text = search.text;
    query.subject = search.subject;
    query.author = search.author;
    query.mediaTypePrefix = search.mediaTypePrefix;
    query.maxPrice = search.maxPrice;
    query.sort = indexSort(search.sort);
    query.limit = search.limit;
    query.offset = search.offset;
    auto entries = index.search(query);
    if (!entries)
        return std::unexpected(entries.error());
    std::vector<api::CatalogTitle> out;
    out.reserve(entries->size());
    for (const CatalogEntry& entry : *entries) {
        auto document = index.document(entry.titleId, false); // the cover, not the JSON
        if (!document)
            return std::unexpected(document.error());
        out.push_back(apiCatalogTitle(entry, *document));
    }
    return out;
}

std::uint64_t purchaseGasLimit(std::uint64_t titleId)
{
    Hash256 anyBoxKey;
    anyBoxKey.fill(0xff);
    return purchaseCall(titleId, anyBoxKey).gasLimit;
}

} // namespace ls::market
