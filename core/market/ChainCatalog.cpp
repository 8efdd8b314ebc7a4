#include "core/market/ChainCatalog.h"

#include "core/market/CatalogRecords.h"

#include <QTimer>

namespace ls::market {
namespace {

CatalogIndex openIndex(const std::filesystem::path& file)
{
    std::error_code ignored;
    std::filesystem::create_directories(file.parent_path(), ignored);
    auto index = CatalogIndex::open(file);
    if (index)
        return std::move(*index);
    // A cache: the catalog still works, from memory, and is read from the chain again.
    qWarning("catalog: %s cannot be opened (%s); keeping the catalog in memory",
        file.string().c_str(), index.error().message.c_str());
    return CatalogIndex::openInMemory().value();
}

} // namespace

std::filesystem::path ChainCatalog::indexFile(const std::filesystem::path& profile)
{
    return profile / "catalog.db";
}

ChainCatalog::ChainCatalog(ContentServices& services, CatalogRefreshSettings settings)
    : m_services(services)
    , m_settings(std::move(settings))
    , m_index(openIndex(indexFile(services.profile)))
    , m_reads(services.home)
{
    if (m_settings.metadataDirectory.empty())
        m_settings.metadataDirectory = services.profile / "catalog" / "metadata";
}

ChainCatalog::~ChainCatalog()
{
    m_alive.reset();
    if (m_refresh)
        m_refresh->cancel();
}

void ChainCatalog::notifyChanged()
{
    // A copy: a subscriber may unsubscribe (or subscribe) from inside its callback.
    const auto subscribers = m_subscribers;
    for (const auto& [id, onChange] : subscribers)
        if (m_subscribers.contains(id))
            onChange();
}

api::Catalog::Handle ChainCatalog::refresh(
    Progress progress, Callback<api::CatalogRefreshSummary> done)
{
    const std::uint64_t id = m_nextId++;
    m_waiters.emplace(id, Waiter { std::move(progress), std::move(done) });
    if (!m_refresh) {
        m_refresh = std::make_unique<CatalogRefresh>(
            m_services, m_index, m_settings,
            [this](const api::CatalogRefreshProgress& p) { onRefreshProgress(p); },
            [this] { notifyChanged(); },
            [this](
                Result<api::CatalogRefreshSummary> result) { onRefreshDone(std::move(result)); });
        // Started on the next turn: no callback runs inside refresh() itself.
        QTimer::singleShot(0, &m_services.home, [this, weak = std::weak_ptr<int>(m_alive)] {
            if (!weak.expired() && m_refresh)
                m_refresh->start();
        });
    }
    return Handle([this, id, weak = std::weak_ptr<int>(m_alive)] {
        if (!weak.expired())
            dropWaiter(id);
    });
}

void ChainCatalog::dropWaiter(std::uint64_t id)
{
    m_waiters.erase(id);
    if (m_waiters.empty() && m_refresh) {
        // Nobody waits: stop. Destroyed later, as this may run inside one of its callbacks.
        m_refresh->cancel();
        QTimer::singleShot(0, &m_services.home,
            [doomed = std::shared_ptr<CatalogRefresh>(std::move(m_refresh))] {});
    }
}

void ChainCatalog::onRefreshProgress(const api::CatalogRefreshProgress& progress)
{
    const auto waiters = m_waiters;
    for (const auto& [id, waiter] : waiters)
        if (waiter.progress && m_waiters.contains(id))
            waiter.progress(progress);
}

void ChainCatalog::onRefreshDone(Result<api::CatalogRefreshSummary> result)
{
    if (m_refresh)
        QTimer::singleShot(0, &m_services.home,
            [doomed = std::shared_ptr<CatalogRefresh>(std::move(m_refresh))] {});
    auto waiters = std::exchange(m_waiters, {});
    for (auto& [id, waiter] : waiters)
        if (waiter.done)
            waiter.done(result);
}

Result<std::vector<api::CatalogTitle>> ChainCatalog::search(const api::CatalogSearch& query)
{
    return searchCatalog(m_index, query);
}

Result<std::vector<std::string>> ChainCatalog::subjects()
{
    return m_index.subjects();
}

Result<std::vector<api::CatalogAuthor>> ChainCatalog::authors()
{
    auto rows = m_index.authors();
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<api::CatalogAuthor> out;
    out.reserve(rows->size());
    for (auto& [account, names] : *rows)
        out.push_back({ std::move(account), std::move(names) });
    return out;
}

api::Catalog::Handle ChainCatalog::details(
    std::uint64_t titleId, Callback<api::CatalogTitleDetails> done)
{
    auto id = std::make_shared<std::uint64_t>(0);
    auto [assigned, handle] = m_reads.add(std::make_unique<CatalogDetailsRead>(
        m_services.chain, m_index, titleId, [this] { notifyChanged(); },
        [this, id, done](Result<api::CatalogTitleDetails> result) {
            m_reads.release(*id);
            done(std::move(result));
        }));
    *id = assigned;
    m_reads.startLater(assigned);
    return std::move(handle);
}

Result<api::CatalogSample> ChainCatalog::sample(std::uint64_t titleId)
{
    auto sample = m_index.sample(titleId);
    if (!sample)
        return std::unexpected(sample.error());
    if (!*sample)
        return fail(ErrorKind::NotFound,
            "Title " + std::to_string(titleId)
                + " has no sample (or its metadata is not here yet)");
    return api::CatalogSample { std::move((*sample)->mediaType), std::move((*sample)->data) };
}

api::Catalog::Handle ChainCatalog::subscribe(std::function<void()> onChange)
{
    const std::uint64_t id = m_nextId++;
    m_subscribers.emplace(id, std::move(onChange));
    return Handle([this, id, weak = std::weak_ptr<int>(m_alive)] {
        if (!weak.expired())
            m_subscribers.erase(id);
    });
}

} // namespace ls::market
