#include "core/market/CatalogDetailsRead.h"

#include "core/market/CatalogRecords.h"
#include "core/market/TitleMetadataDocument.h"

namespace ls::market {

CatalogDetailsRead::CatalogDetailsRead(api::Chain& chain, CatalogIndex& index,
    std::uint64_t titleId, std::function<void()> changed,
    api::Catalog::Callback<api::CatalogTitleDetails> done)
    : m_chain(chain)
    , m_index(index)
    , m_titleId(titleId)
    , m_changed(std::move(changed))
    , m_done(std::move(done))
{
}

void CatalogDetailsRead::cancel()
{
    m_done = nullptr;
    m_read.reset();
}

void CatalogDetailsRead::start()
{
    m_read = m_chain.title(m_titleId, [this](Result<std::optional<api::TitleInfo>> title) {
        if (!title)
            return finish(std::unexpected(title.error()));
        if (!*title)
            return finish(fail(ErrorKind::NotFound,
                "There is no title " + std::to_string(m_titleId) + " (proven absent)"));
        m_title = std::move(**title);
        readVersion(1);
    });
}

void CatalogDetailsRead::readVersion(std::uint32_t number)
{
    if (number > m_title.versionCount)
        return finish(compose());
    m_read = m_chain.version(
        m_titleId, number, [this, number](Result<std::optional<api::VersionInfo>> version) {
            if (!version)
                return finish(std::unexpected(version.error()));
            if (!*version)
                return finish(fail(ErrorKind::Verification,
                    "The chain counts a version " + std::to_string(number) + " of title "
                        + std::to_string(m_titleId) + " but proves none"));
            m_versions.push_back({ (*version)->number, (*version)->contentInfohash,
                (*version)->size, (*version)->note, (*version)->addedAtMs });
            readVersion(number + 1);
        });
}

Result<api::CatalogTitleDetails> CatalogDetailsRead::compose()
{
    auto known = m_index.find(m_titleId);
    if (!known)
        return std::unexpected(known.error());
    const CatalogEntry entry = catalogEntryFor(m_title, *known);
    if (!*known || **known != entry) {
        if (auto stored = m_index.upsert(entry); !stored)
            return std::unexpected(stored.error());
        if (m_changed && (!*known || chainFactsDiffer(**known, entry)))
            m_changed();
    }
    auto document = m_index.document(m_titleId);
    if (!document)
        return std::unexpected(document.error());
    // A document fetched for an earlier infohash is not this title's metadata any more.
    if (*document && (*document)->metadataInfohash != m_title.metadataInfohash)
        document->reset();

    api::CatalogTitleDetails details;
    details.summary = apiCatalogTitle(entry, *document);
    details.metadataInfohash = m_title.metadataInfohash;
    if (*document) {
        if (auto decoded = TitleMetadataDocument::decode((*document)->document)) {
            details.summary.authors = decoded->authors;
            details.blurb = std::move(decoded->blurb);
            details.contents = std::move(decoded->contents);
            details.fileName = std::move(decoded->fileName);
            details.contentSize = decoded->size;
            details.sampleMediaType = std::move(decoded->sampleMediaType);
        }
    }
    details.versions = std::move(m_versions);
    details.purchaseGasLimit = purchaseGasLimit(m_titleId);
    details.proof = m_title.proof;
    return details;
}

void CatalogDetailsRead::finish(Result<api::CatalogTitleDetails> result)
{
    if (auto done = std::exchange(m_done, nullptr))
        done(std::move(result));
}

} // namespace ls::market
