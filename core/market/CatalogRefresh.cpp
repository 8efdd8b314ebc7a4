#include "core/market/CatalogRefresh.h"

#include "core/codec/Hex.h"
#include "core/market/CatalogRecords.h"

#include <QTimer>

namespace ls::market {
namespace {

bool allZero(const Hash256& hash)
{
    return std::all_of(hash.begin(), hash.end(), [](std::uint8_t b) { return b == 0; });
}

} // namespace

CatalogRefresh::CatalogRefresh(ContentServices& services, CatalogIndex& index,
    CatalogRefreshSettings settings,
    std::function<void(const api::CatalogRefreshProgress&)> progress, std::function<void()> changed,
    Done done)
    : m_services(services)
    , m_index(index)
    , m_settings(std::move(settings))
    , m_progress(std::move(progress))
    , m_changed(std::move(changed))
    , m_done(std::move(done))
{
}

void CatalogRefresh::cancel()
{
    m_finished = true;
    m_step.reset();
    m_reads.clear();
    m_metadataQueue.clear();
    // At once, while the seeder they take their torrents out of still exists. None of them is
    // on the stack here: onMetadata() takes a finishing fetch out of the map first.
    m_fetches.clear();
}

void CatalogRefresh::report(api::CatalogRefreshStage stage, std::uint64_t done, std::uint64_t total)
{
    if (m_progress && !m_finished)
        m_progress({ stage, done, total });
}

void CatalogRefresh::start()
{
    report(api::CatalogRefreshStage::Syncing, 0, 0);
    m_step = m_services.chain.update([this](Result<std::uint64_t> height) {
        if (!height)
            return finish(fail(height.error().kind,
                "Cannot reach the network to refresh the catalog: " + height.error().message));
        m_step = m_services.chain.parameters([this](Result<api::NetworkParameters> parameters) {
            if (!parameters)
                return finish(std::unexpected(parameters.error()));
            onCount(parameters->titleCount, parameters->proof.height);
        });
    });
}

void CatalogRefresh::onCount(std::uint64_t titleCount, std::uint64_t height)
{
    m_summary.titleCount = titleCount;
    m_summary.provenAtHeight = height;
    report(api::CatalogRefreshStage::ReadingTitles, 0, titleCount);
    readMoreTitles();
}

void CatalogRefresh::readMoreTitles()
{
    if (m_finished)
        return;
    while (m_nextTitle <= m_summary.titleCount
        && static_cast<int>(m_reads.size()) < m_settings.parallelReads) {
        const std::uint64_t titleId = m_nextTitle++;
        m_reads.emplace(titleId,
            m_services.chain.title(
                titleId, [this, titleId](Result<std::optional<api::TitleInfo>> title) {
                    onTitle(titleId, std::move(title));
                }));
    }
    if (m_reads.empty())
        startMetadata();
}

void CatalogRefresh::onTitle(std::uint64_t titleId, Result<std::optional<api::TitleInfo>> title)
{
    // The handle is released on the next turn: this callback is running inside it.
    if (auto found = m_reads.find(titleId); found != m_reads.end()) {
        QTimer::singleShot(0, &m_services.home,
            [doomed = std::make_shared<api::Chain::Handle>(std::move(found->second))] {});
        m_reads.erase(found);
    }
    if (m_finished)
        return;
    if (!title)
        return finish(std::unexpected(title.error()));
    if (!*title)
        return finish(fail(ErrorKind::Verification,
            "The chain counts a title " + std::to_string(titleId) + " but proves none"));
    if (auto indexed = indexTitle(**title); !indexed)
        return finish(std::unexpected(indexed.error()));
    report(api::CatalogRefreshStage::ReadingTitles, ++m_titlesRead, m_summary.titleCount);
    readMoreTitles();
}

Result<void> CatalogRefresh::indexTitle(const api::TitleInfo& title)
{
    auto known = m_index.find(title.id);
    if (!known)
        return std::unexpected(known.error());
    const CatalogEntry entry = catalogEntryFor(title, *known);
    if (!*known)
        ++m_summary.newTitles;
    else if (chainFactsDiffer(**known, entry))
        ++m_summary.changedTitles;
    if (!*known || **known != entry)
        if (auto stored = m_index.upsert(entry); !stored)
            return stored;

    auto infohash = codec::fromHexFixed<32>(title.metadataInfohash);
    if (!infohash || allZero(*infohash))
        return {}; // no metadata published (yet)
    auto stored = m_index.documentInfohash(title.id);
    if (!stored)
        return std::unexpected(stored.error());
    if (*stored != title.metadataInfohash)
        m_metadataQueue.push_back({ title.id, title.metadataInfohash });
    return {};
}

void CatalogRefresh::notifyTitles()
{
    if (!std::exchange(m_titlesNotified, true) && m_summary.newTitles + m_summary.changedTitles > 0
        && m_changed)
        m_changed();
}

void CatalogRefresh::startMetadata()
{
    notifyTitles();
    m_metadataTotal = m_metadataQueue.size();
    report(api::CatalogRefreshStage::FetchingMetadata, 0, m_metadataTotal);
    fetchMoreMetadata();
}

void CatalogRefresh::fetchMoreMetadata()
{
    if (m_finished)
        return;
    while (!m_metadataQueue.empty()
        && static_cast<int>(m_fetches.size()) < m_settings.parallelFetches) {
        const Pending next = m_metadataQueue.front();
        m_metadataQueue.pop_front();
        const Hash256 infohash = codec::fromHexFixed<32>(next.infohash).value();
        auto fetch = std::make_unique<PublicMetadataFetch>(m_services, next.titleId, infohash,
            m_settings.metadataDirectory / std::to_string(next.titleId), m_settings.metadataTimeout,
            [this, next, alive = std::weak_ptr<int>(m_alive)](Result<Bytes> document) {
                if (!alive.expired())
                    onMetadata(next.titleId, next.infohash, std::move(document));
            });
        PublicMetadataFetch* started = fetch.get();
        m_fetches.emplace(next.titleId, std::move(fetch));
        started->start();
        if (m_finished)
            return;
    }
    if (m_fetches.empty() && m_metadataQueue.empty())
        finish(m_summary);
}

void CatalogRefresh::onMetadata(
    std::uint64_t titleId, const std::string& infohash, Result<Bytes> document)
{
    if (auto found = m_fetches.find(titleId); found != m_fetches.end()) {
        QTimer::singleShot(0, &m_services.home,
            [doomed = std::shared_ptr<PublicMetadataFetch>(std::move(found->second))] {});
        m_fetches.erase(found);
    }
    if (m_finished)
        return;
    bool stored = false;
    if (document) {
        auto result = storeMetadata(m_index, titleId, infohash, *document);
        if (!result)
            qWarning("catalog: the metadata of title %llu was not stored: %s",
                static_cast<unsigned long long>(titleId), result.error().message.c_str());
        stored = result.has_value();
    } else {
        qInfo("catalog: no metadata for title %llu yet: %s",
            static_cast<unsigned long long>(titleId), document.error().message.c_str());
    }
    ++(stored ? m_summary.metadataFetched : m_summary.metadataMissing);
    if (stored && m_changed)
        m_changed();
    report(api::CatalogRefreshStage::FetchingMetadata, ++m_metadataSettled, m_metadataTotal);
    fetchMoreMetadata();
}

void CatalogRefresh::finish(Result<api::CatalogRefreshSummary> result)
{
    if (m_finished)
        return;
    // What was indexed before a failure stays, and the screens hear of it.
    if (!result)
        notifyTitles();
    cancel();
    if (auto done = std::exchange(m_done, nullptr))
        done(std::move(result));
}

} // namespace ls::market
