#include "core/market/PublishWorkflow.h"

#include "core/codec/Hex.h"
#include "core/codec/UInt256.h"
#include "core/crypto/SealedBox.h"
#include "core/market/CatalogCalls.h"
#include "core/market/ContentBuilder.h"
#include "core/market/ContentPaths.h"
#include "core/market/PublishRecords.h"
#include "core/market/TitleMetadataDocument.h"
#include "core/market/WorkerTask.h"
#include "core/util/AtomicFile.h"

#include <QDateTime>

#include <system_error>

namespace ls::market {
namespace {

using Stage = PublishJob::Stage;
using Moment = PublishInterruption::Moment;

Result<std::uint64_t> plaintextSizeOf(const std::string& file)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error))
        return fail(ErrorKind::NotFound, "There is no file " + file + " to publish");
    const auto size = std::filesystem::file_size(file, error);
    if (error)
        return fail(ErrorKind::Io, "Cannot read " + file + ": " + error.message());
    return size;
}

} // namespace

Result<PublishJob> PublishWorkflow::newTitleJob(api::PublishRequest request)
{
    std::error_code error;
    const auto absolute = std::filesystem::absolute(request.file, error);
    auto size = plaintextSizeOf(absolute.string());
    if (!size)
        return std::unexpected(size.error());
    if (!codec::UInt256::fromDecimal(request.price))
        return fail(ErrorKind::InvalidInput, "The price is not an amount of base units");
    if (auto subject = checkSubject(request.metadata.subject); !subject)
        return std::unexpected(subject.error());
    if (auto note = checkNote(request.note); !note)
        return std::unexpected(note.error());
    request.file = absolute.string();
    if (!request.metadata.sampleFile.empty()) // read again when a resumed run prepares
        request.metadata.sampleFile
            = std::filesystem::absolute(request.metadata.sampleFile, error).string();
    if (request.mediaType.empty())
        request.mediaType = contentMediaType(absolute);
    // The whole metadata document is checked now, so a bad cover fails before anything is made.
    auto document = TitleMetadataDocument::fromRequest(
        request.metadata, request.mediaType, absolute.filename().string(), *size);
    if (!document)
        return std::unexpected(document.error());
    PublishJob job;
    job.id = PublishJob::newId();
    job.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    job.newTitle = true;
    job.request = std::move(request);
    job.version = 1;
    return job;
}

PublishWorkflow::PublishWorkflow(ContentServices& services, PublishJob job, Origin origin,
    crypto::SecretBytes passphrase, api::Studio::Progress progress, Done done,
    PublishInterruption interruption)
    : m_services(services)
    , m_job(std::move(job))
    , m_fresh(origin == Origin::NewTitle)
    , m_resumed(origin == Origin::Resumed)
    , m_passphrase(std::move(passphrase))
    , m_progress(std::move(progress))
    , m_done(std::move(done))
    , m_interruption(std::move(interruption))
    , m_registration(services.chain, services.market, services.account.address())
{
}

PublishWorkflow::~PublishWorkflow()
{
    cancel();
}

void PublishWorkflow::start()
{
    if (m_fresh)
        return prepare();
    advance();
}

void PublishWorkflow::cancel()
{
    m_finished = true;
    m_stop.request_stop();
    m_registration.cancel();
    m_read.reset();
    m_alive.reset(); // results of worker tasks still running are dropped
}

void PublishWorkflow::advance()
{
    if (m_finished)
        return;
    switch (m_job.stage) {
    case Stage::Prepared:
        return registerTitle();
    case Stage::TitleRegistered:
        return encrypt();
    case Stage::Encrypted:
        return hash();
    case Stage::Hashed:
        return registerVersion();
    case Stage::VersionRegistered:
        return seed();
    }
}

void PublishWorkflow::report(
    api::PublishStage stage, std::uint64_t done, std::uint64_t total, std::string txHash)
{
    if (m_progress && !m_finished)
        m_progress({ stage, done, total, std::move(txHash), m_resumed });
}

bool PublishWorkflow::interrupted(Moment moment)
{
    if (!m_interruption.stopAt || !m_interruption.stopAt(moment, m_job))
        return false;
    finish(fail(ErrorKind::Internal, "The publication was interrupted"));
    return true;
}

void PublishWorkflow::saveStage(Stage stage)
{
    m_job.stage = stage;
    if (auto saved = m_job.save(m_services.profile); !saved)
        return finish(std::unexpected(saved.error()));
    if (interrupted(Moment::AfterStage))
        return;
    advance();
}

void PublishWorkflow::prepare()
{
    report(api::PublishStage::Preparing);
    auto size = plaintextSizeOf(m_job.request.file);
    if (!size)
        return finish(std::unexpected(size.error()));
    auto document
        = TitleMetadataDocument::fromRequest(m_job.request.metadata, m_job.request.mediaType,
            std::filesystem::path(m_job.request.file).filename().string(), *size);
    if (!document)
        return finish(std::unexpected(document.error()));

    // The key exists only sealed to our own box key until the library holds it wrapped.
    library::TitleKey key = library::TitleKey::generate();
    auto boxKey = codec::fromHexFixed<32>(m_services.account.boxPublicKey());
    if (!boxKey)
        return finish(std::unexpected(boxKey.error()));
    auto sealed = crypto::sealedbox::seal(*boxKey, key.bytes());
    if (!sealed)
        return finish(std::unexpected(sealed.error()));
    m_job.sealedTitleKey = codec::toHex(*sealed);
    m_job.keyCommitment = codec::toHex(key.commitment(), true);

    m_job.metadataFile = content::metadataName(m_job.id);
    const auto metadataPath = content::directory(m_services.profile) / m_job.metadataFile;
    std::error_code error;
    std::filesystem::create_directories(metadataPath.parent_path(), error);
    if (auto written = writeFileAtomically(metadataPath, document->encode()); !written)
        return finish(std::unexpected(written.error()));
    // At most 2 MiB: hashing it here takes a few milliseconds.
    auto torrent
        = build::hashIntoTorrent(metadataPath, content::kMetadataPieceSize, m_services.profile);
    if (!torrent)
        return finish(std::unexpected(torrent.error()));
    m_job.metadataInfohash = codec::toHex(torrent->infohash, true);
    m_titleKey.emplace(std::move(key));
    m_fresh = false;
    saveStage(Stage::Prepared);
}

Result<void> PublishWorkflow::loadTitleKey()
{
    if (m_titleKey)
        return {};
    if (!m_job.newTitle || m_job.stage >= Stage::TitleRegistered) {
        auto key = m_services.library.titles().key(m_job.titleId);
        if (!key)
            return std::unexpected(key.error());
        m_titleKey.emplace(std::move(*key));
        return {};
    }
    auto sealed = codec::fromHex(m_job.sealedTitleKey);
    if (!sealed)
        return fail(ErrorKind::InvalidInput, "The publication record's sealed key is damaged");
    auto opened = m_services.account.openSealed(*sealed);
    if (!opened)
        return fail(opened.error().kind,
            "This wallet cannot open the publication's title key: " + opened.error().message);
    auto key = library::TitleKey::fromBytes(opened->view());
    if (!key)
        return std::unexpected(key.error());
    auto commitment = codec::fromHexFixed<32>(m_job.keyCommitment);
    if (!commitment)
        return std::unexpected(commitment.error());
    if (auto matches = key->checkCommitment(*commitment); !matches)
        return std::unexpected(matches.error());
    m_titleKey.emplace(std::move(*key));
    return {};
}

api::Market::Progress PublishWorkflow::transactionProgress(std::string PublishJob::*hashField)
{
    return [this, hashField](const api::TransactionProgress& progress) {
        if (m_finished)
            return;
        // Saved now, inside the market's call, before the transaction leaves. Anything that
        // ends the publication is posted: the market must not be cancelled from within.
        if (!progress.txHash.empty() && m_job.*hashField != progress.txHash) {
            m_job.*hashField = progress.txHash;
            if (auto saved = m_job.save(m_services.profile); !saved)
                return postTo(&m_services.home, m_alive,
                    [this, error = saved.error()] { finish(std::unexpected(error)); });
        }
        report(api::PublishStage::Registering, 0, 0, progress.txHash);
        if (progress.stage == api::TransactionStage::Confirming)
            postTo(&m_services.home, m_alive, [this] { interrupted(Moment::TransactionAccepted); });
    };
}

void PublishWorkflow::registerTitle()
{
    report(api::PublishStage::Registering);
    if (auto key = loadTitleKey(); !key)
        return finish(std::unexpected(key.error()));
    m_registration.registerTitle(
        m_job, m_passphrase,
        [this](std::uint64_t titleCount) {
            m_job.titleCountBefore = titleCount;
            m_job.titleTxHash.clear();
            if (auto saved = m_job.save(m_services.profile); !saved)
                postTo(&m_services.home, m_alive,
                    [this, error = saved.error()] { finish(std::unexpected(error)); });
        },
        transactionProgress(&PublishJob::titleTxHash),
        [this](Result<std::uint64_t> titleId) {
            if (m_finished)
                return;
            if (!titleId)
                return finish(std::unexpected(titleId.error()));
            m_job.titleId = *titleId;
            m_job.version = 1;
            if (auto stored = records::storeTitle(m_services.library, m_job, *m_titleKey,
                    m_services.account.address(), m_services.profile);
                !stored)
                return finish(std::unexpected(stored.error()));
            saveStage(Stage::TitleRegistered);
        });
}

void PublishWorkflow::chooseVersion()
{
    // A new version of an existing title: the next number, as the chain has it now. The
    // container records it, so it is fixed (and saved) before encrypting.
    report(api::PublishStage::Preparing);
    m_read = m_services.chain.update([this](Result<std::uint64_t> height) {
        if (!height)
            return finish(std::unexpected(height.error()));
        m_read = m_services.chain.title(
            m_job.titleId, [this](Result<std::optional<api::TitleInfo>> title) {
                if (!title)
                    return finish(std::unexpected(title.error()));
                const std::string name = "title " + std::to_string(m_job.titleId);
                if (!*title)
                    return finish(fail(ErrorKind::NotFound, "There is no " + name));
                if ((*title)->author != m_services.account.address())
                    return finish(fail(ErrorKind::InvalidInput,
                        name + " belongs to " + (*title)->author
                            + "; only its author can add versions"));
                m_job.version = (*title)->versionCount + 1;
                saveStage(Stage::TitleRegistered);
            });
    });
}

void PublishWorkflow::encrypt()
{
    if (m_job.version == 0)
        return chooseVersion();
    if (auto key = loadTitleKey(); !key)
        return finish(std::unexpected(key.error()));
    auto versionKey = m_titleKey->versionKey(m_job.version);
    auto size = plaintextSizeOf(m_job.request.file);
    if (!versionKey || !size)
        return finish(std::unexpected(!versionKey ? versionKey.error() : size.error()));
    report(api::PublishStage::Encrypting, 0, *size);
    const auto directory = content::directory(m_services.profile);
    const std::string target = content::containerName(m_job.titleId, m_job.version);
    build::Encryption encryption { m_job.request.file, directory / content::stagingName(m_job.id),
        directory / target,
        { m_job.titleId, m_job.version, m_job.request.mediaType, content::chunkSizeFor(*size) } };
    std::weak_ptr<int> alive = m_alive;
    QObject* home = &m_services.home;
    auto progress = [this, alive, home](std::uint64_t done, std::uint64_t total) {
        postTo(home, alive, [this, done, total] {
            report(api::PublishStage::Encrypting, done, total);
            if (done < total)
                interrupted(Moment::Encrypting);
        });
    };
    runOnWorker<std::uint64_t>(
        m_services.workers, home, m_alive,
        [encryption, key = *versionKey, progress, stop = m_stop.get_token()] {
            return build::encryptContainer(encryption, key, progress, stop);
        },
        [this, target](Result<std::uint64_t> containerSize) {
            if (!containerSize)
                return finish(std::unexpected(containerSize.error()));
            m_job.containerFile = target;
            m_job.containerSize = *containerSize;
            saveStage(Stage::Encrypted);
        });
}

void PublishWorkflow::hash()
{
    report(api::PublishStage::Hashing);
    const auto container = content::directory(m_services.profile) / m_job.containerFile;
    std::error_code error;
    if (std::filesystem::file_size(container, error) != m_job.containerSize || error) {
        // The container went missing or changed since it was made: make it again.
        m_job.stage = Stage::TitleRegistered;
        return encrypt();
    }
    runOnWorker<swarm::CreatedTorrent>(
        m_services.workers, &m_services.home, m_alive,
        [container, size = m_job.containerSize, profile = m_services.profile] {
            return build::hashIntoTorrent(container, content::pieceSizeFor(size), profile);
        },
        [this](Result<swarm::CreatedTorrent> torrent) {
            if (!torrent)
                return finish(std::unexpected(torrent.error()));
            m_job.contentInfohash = codec::toHex(torrent->infohash, true);
            saveStage(Stage::Hashed);
        });
}

void PublishWorkflow::registerVersion()
{
    report(api::PublishStage::Registering);
    m_registration.registerVersion(m_job, m_passphrase,
        transactionProgress(&PublishJob::versionTxHash), [this](Result<api::VersionInfo> version) {
            if (m_finished)
                return;
            if (!version)
                return finish(std::unexpected(version.error()));
            if (auto stored = records::storeVersion(m_services.library, m_job, *version); !stored)
                return finish(std::unexpected(stored.error()));
            saveStage(Stage::VersionRegistered);
        });
}

void PublishWorkflow::seed()
{
    report(api::PublishStage::Seeding);
    auto metadataHash = codec::fromHexFixed<32>(m_job.metadataInfohash);
    auto contentHash = codec::fromHexFixed<32>(m_job.contentInfohash);
    if (!metadataHash || !contentHash)
        return finish(fail(ErrorKind::InvalidInput, "The publication record is damaged"));
    // The metadata torrent of a title published elsewhere may not be here: not worth failing.
    (void)m_services.seeder.addStored(*metadataHash, { m_job.titleId, 0 }, false, true);
    if (auto seeded
        = m_services.seeder.addStored(*contentHash, { m_job.titleId, m_job.version }, true, true);
        !seeded)
        return finish(std::unexpected(seeded.error()));
    if (auto removed = m_job.remove(m_services.profile); !removed)
        return finish(std::unexpected(removed.error()));
    finish(api::PublishedVersion { m_job.titleId, m_job.version, m_job.metadataInfohash,
        m_job.contentInfohash, m_job.containerSize });
}

void PublishWorkflow::finish(Result<api::PublishedVersion> result)
{
    if (m_finished)
        return;
    cancel();
    if (auto done = std::exchange(m_done, nullptr))
        done(std::move(result));
}

} // namespace ls::market
