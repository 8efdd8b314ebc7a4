#include "core/market/MarketStudio.h"

#include "core/codec/Hex.h"
#include "core/market/ApiTitles.h"
#include "core/market/CatalogCalls.h"
#include "core/market/TitleMetadataDocument.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <system_error>

namespace ls::market {

MarketStudio::MarketStudio(ContentServices& services, PublishInterruption interruption)
    : m_services(services)
    , m_interruption(std::move(interruption))
    , m_jobs(services.home)
{
}

api::Studio::Handle MarketStudio::failLater(Callback<api::PublishedVersion> done, Error error)
{
    auto live = std::make_shared<bool>(true);
    QTimer::singleShot(0, &m_services.home, [live, done = std::move(done), error] {
        if (*live)
            done(std::unexpected(error));
    });
    return Handle([live] { *live = false; });
}

bool MarketStudio::running(const std::string& jobId) const
{
    return m_jobs.any([&](const PublishWorkflow& workflow) { return workflow.job().id == jobId; });
}

api::Studio::Handle MarketStudio::run(PublishJob job, PublishWorkflow::Origin origin,
    crypto::SecretBytes passphrase, Progress progress, Callback<api::PublishedVersion> done)
{
    if (running(job.id))
        return failLater(
            std::move(done), { ErrorKind::InvalidInput, "This publication is already under way" });
    auto id = std::make_shared<std::uint64_t>(0);
    auto [assigned, handle] = m_jobs.add(std::make_unique<PublishWorkflow>(
        m_services, std::move(job), origin, std::move(passphrase), std::move(progress),
        [this, id, done](Result<api::PublishedVersion> result) {
            m_jobs.release(*id);
            done(std::move(result));
        },
        m_interruption));
    *id = assigned;
    m_jobs.startLater(assigned);
    return std::move(handle);
}

api::Studio::Handle MarketStudio::publish(api::PublishRequest request,
    crypto::SecretBytes passphrase, Progress progress, Callback<api::PublishedVersion> done)
{
    std::error_code error;
    const std::string file = std::filesystem::absolute(request.file, error).string();
    auto jobs = PublishJob::list(m_services.profile);
    if (!jobs)
        return failLater(std::move(done), jobs.error());
    // The same file, title and price as an unfinished publication: continue that one.
    for (PublishJob& job : *jobs)
        if (job.newTitle && job.request.file == file
            && job.request.metadata.title == request.metadata.title
            && job.request.price == request.price)
            return run(std::move(job), PublishWorkflow::Origin::Resumed, std::move(passphrase),
                std::move(progress), std::move(done));
    auto job = PublishWorkflow::newTitleJob(std::move(request));
    if (!job)
        return failLater(std::move(done), job.error());
    return run(std::move(*job), PublishWorkflow::Origin::NewTitle, std::move(passphrase),
        std::move(progress), std::move(done));
}

api::Studio::Handle MarketStudio::addVersion(std::uint64_t titleId, std::string file,
    std::string note, crypto::SecretBytes passphrase, Progress progress,
    Callback<api::PublishedVersion> done)
{
    const std::string name = "title " + std::to_string(titleId);
    auto title = m_services.library.titles().title(titleId);
    if (!title)
        return failLater(std::move(done), title.error());
    auto hasKey = m_services.library.titles().hasKey(titleId);
    if (title->author.toChecksumString() != m_services.account.address() || !hasKey || !*hasKey)
        return failLater(std::move(done),
            { ErrorKind::InvalidInput,
                "Only the author of " + name + ", with its title key, can add a version" });
    if (auto checked = checkNote(note); !checked)
        return failLater(std::move(done), checked.error());
    std::error_code error;
    const auto absolute = std::filesystem::absolute(file, error);
    if (!std::filesystem::is_regular_file(absolute, error))
        return failLater(
            std::move(done), { ErrorKind::NotFound, "There is no file " + file + " to publish" });
    PublishJob job;
    job.id = PublishJob::newId();
    job.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    job.newTitle = false;
    job.stage = PublishJob::Stage::TitleRegistered;
    job.titleId = titleId;
    job.version = 0; // chosen from the chain
    job.request.file = absolute.string();
    job.request.note = std::move(note);
    job.request.mediaType = contentMediaType(absolute);
    if (auto document = TitleMetadataDocument::decode(asBytes(title->metadataJson)))
        job.request.metadata.title = document->title;
    job.metadataInfohash = codec::toHex(title->metadataInfohash, true);
    job.keyCommitment = codec::toHex(title->keyCommitment, true);
    if (auto saved = job.save(m_services.profile); !saved)
        return failLater(std::move(done), saved.error());
    return run(std::move(job), PublishWorkflow::Origin::NewVersion, std::move(passphrase),
        std::move(progress), std::move(done));
}

Result<std::vector<api::UnfinishedPublication>> MarketStudio::unfinished()
{
    auto jobs = PublishJob::list(m_services.profile);
    if (!jobs)
        return std::unexpected(jobs.error());
    std::vector<api::UnfinishedPublication> out;
    for (const PublishJob& job : *jobs)
        out.push_back(job.summary());
    return out;
}

api::Studio::Handle MarketStudio::resume(std::string id, crypto::SecretBytes passphrase,
    Progress progress, Callback<api::PublishedVersion> done)
{
    auto jobs = PublishJob::list(m_services.profile);
    if (!jobs)
        return failLater(std::move(done), jobs.error());
    for (PublishJob& job : *jobs)
        if (job.id == id)
            return run(std::move(job), PublishWorkflow::Origin::Resumed, std::move(passphrase),
                std::move(progress), std::move(done));
    return failLater(
        std::move(done), { ErrorKind::NotFound, "There is no unfinished publication " + id });
}

Result<std::vector<api::LibraryTitle>> MarketStudio::titles()
{
    auto all = apiTitles(m_services.library, m_services.account.address());
    if (!all)
        return all;
    std::erase_if(*all, [](const api::LibraryTitle& title) { return !title.authoredHere; });
    return all;
}

} // namespace ls::market
