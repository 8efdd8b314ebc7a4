#include "core/market/FetchWorkflow.h"

#include "core/codec/Hex.h"
#include "core/library/ContainerDeviceSource.h"
#include "core/library/ContainerReader.h"
#include "core/market/ContentPaths.h"

#include <QFile>

#include <system_error>

namespace ls::market {
namespace {

constexpr std::chrono::seconds kRecordEvery { 5 };
constexpr int kMetadataGraceMs = 10'000;
constexpr std::string_view kNoMetadataYet = "{}";

std::string titleName(std::uint64_t titleId)
{
    return "title " + std::to_string(titleId);
}

} // namespace

FetchWorkflow::FetchWorkflow(ContentServices& services, std::uint64_t titleId,
    std::optional<std::uint32_t> version, api::Library::Progress progress, Done done)
    : m_services(services)
    , m_titleId(titleId)
    , m_requested(version)
    , m_progress(std::move(progress))
    , m_done(std::move(done))
{
    m_metadataGrace.setSingleShot(true);
    m_metadataGrace.setInterval(kMetadataGraceMs);
    QObject::connect(&m_metadataGrace, &QTimer::timeout, [this] {
        m_metadataSettled = true;
        maybeDone();
    });
}

FetchWorkflow::~FetchWorkflow()
{
    cancel();
}

void FetchWorkflow::cancel()
{
    m_finished = true;
    m_read.reset();
    m_metadataGrace.stop();
    for (const auto& connection : m_connections)
        QObject::disconnect(connection);
    m_connections.clear();
    m_key.reset();
    m_metadata.reset();
}

void FetchWorkflow::report(api::FetchStage stage, std::string note)
{
    m_last.stage = stage;
    m_last.bytesTotal = m_version.size;
    m_last.note = std::move(note);
    // Streamable: the key to decrypt with, and the torrent's layout (known once the download
    // has begun in the library, which needs the torrent's file path) to wait for pieces by.
    m_last.streamable = m_keyStored && (m_downloadBegun || m_contentComplete);
    m_last.described = m_metadataDescribed;
    if (m_progress && !m_finished)
        m_progress(m_last);
}

void FetchWorkflow::start()
{
    report(api::FetchStage::Checking);
    m_read = m_services.chain.update([this](Result<std::uint64_t> height) {
        if (!height)
            return finish(std::unexpected(height.error()));
        m_read = m_services.chain.title(
            m_titleId, [this](Result<std::optional<api::TitleInfo>> title) {
                if (!title)
                    return finish(std::unexpected(title.error()));
                if (!*title)
                    return finish(fail(ErrorKind::NotFound,
                        "There is no " + titleName(m_titleId) + " (proven absent)"));
                onTitle(std::move(**title));
            });
    });
}

void FetchWorkflow::onTitle(api::TitleInfo title)
{
    m_title = std::move(title);
    const std::string me = m_services.account.address();
    if (m_title->author == me)
        return readVersions(1); // the author needs no licence
    m_read = m_services.chain.licence(
        m_titleId, me, [this](Result<std::optional<api::LicenceInfo>> licence) {
            if (!licence)
                return finish(std::unexpected(licence.error()));
            if (!*licence)
                return finish(fail(ErrorKind::NotFound,
                    "This wallet holds no licence for " + titleName(m_titleId)
                        + " (proven absent): buy it first"));
            m_licence = std::move(**licence);
            readVersions(1);
        });
}

void FetchWorkflow::readVersions(std::uint32_t next)
{
    if (next > m_title->versionCount)
        return onFacts();
    m_read = m_services.chain.version(
        m_titleId, next, [this, next](Result<std::optional<api::VersionInfo>> version) {
            if (!version)
                return finish(std::unexpected(version.error()));
            if (!*version)
                return finish(fail(ErrorKind::Verification,
                    "The chain counts a version " + std::to_string(next) + " of "
                        + titleName(m_titleId) + " but proves none"));
            m_versions.push_back(std::move(**version));
            readVersions(next + 1);
        });
}

void FetchWorkflow::onFacts()
{
    if (m_versions.empty())
        return finish(fail(ErrorKind::NotFound, titleName(m_titleId) + " has no content yet"));
    const std::uint32_t number = m_requested.value_or(m_title->versionCount);
    if (number == 0 || number > m_versions.size())
        return finish(fail(ErrorKind::NotFound,
            titleName(m_titleId) + " has no version " + std::to_string(number) + " (it has "
                + std::to_string(m_versions.size()) + ")"));
    m_version = m_versions[number - 1];
    auto infohash = codec::fromHexFixed<32>(m_version.contentInfohash);
    auto commitment = codec::fromHexFixed<32>(m_title->keyCommitment);
    auto metadataHash = codec::fromHexFixed<32>(m_title->metadataInfohash);
    if (!infohash || !commitment || !metadataHash)
        return finish(fail(ErrorKind::Internal, "A proven hash is not 32 bytes of hex"));
    m_infohash = *infohash;
    if (auto recorded = recordTitle(); !recorded)
        return finish(std::unexpected(recorded.error()));

    auto stored = m_services.library.titles().title(m_titleId);
    m_metadataSettled = stored && stored->metadataJson != kNoMetadataYet;
    m_metadataDescribed = m_metadataSettled;
    if (!m_metadataSettled) {
        m_metadata = std::make_unique<MetadataFetch>(
            m_services, m_titleId, *metadataHash, [this](Result<void> fetched) {
                m_metadataSettled = true;
                m_metadataDescribed = fetched.has_value();
                if (!fetched)
                    report(m_last.stage, "No metadata: " + fetched.error().message);
                else
                    report(m_last.stage); // the Library shows the name, cover and media type
                maybeDone();
            });
        m_metadata->start();
    }
    auto hasKey = m_services.library.titles().hasKey(m_titleId);
    m_keyStored = hasKey && *hasKey;
    if (!m_keyStored)
        m_key = std::make_unique<TitleKeyReceiver>(
            m_services, m_titleId, *commitment, m_infohash,
            [this](const std::string& note) { report(m_last.stage, note); },
            [this] {
                m_keyStored = true;
                report(m_last.stage); // may have become streamable
                maybeDone();
            });
    startContent();
}

Result<void> FetchWorkflow::recordTitle()
{
    std::vector<library::TitleVersion> versions;
    for (const api::VersionInfo& version : m_versions) {
        auto infohash = codec::fromHexFixed<32>(version.contentInfohash);
        if (!infohash)
            return std::unexpected(infohash.error());
        versions.push_back({ version.number, *infohash, version.size, version.note,
            static_cast<std::int64_t>(version.addedAtMs) });
    }
    auto titles = m_services.library.titles();
    auto present = titles.contains(m_titleId);
    if (!present)
        return std::unexpected(present.error());
    if (*present)
        return titles.addVersions(m_titleId, versions);
    library::OwnedTitle owned;
    owned.titleId = m_titleId;
    auto author = crypto::Address::parse(m_title->author);
    auto metadataHash = codec::fromHexFixed<32>(m_title->metadataInfohash);
    auto commitment = codec::fromHexFixed<32>(m_title->keyCommitment);
    if (!author || !metadataHash || !commitment)
        return fail(ErrorKind::Internal, "A proven title field did not parse");
    owned.author = *author;
    owned.metadataInfohash = *metadataHash;
    owned.keyCommitment = *commitment;
    owned.metadataJson = std::string(kNoMetadataYet); // until the metadata torrent arrives
    if (m_licence) {
        auto price = codec::UInt256::fromDecimal(m_licence->price);
        owned.licence = { m_licence->versionAtPurchase, price.value_or(codec::UInt256()),
            static_cast<std::int64_t>(m_licence->timeMs) };
    }
    auto added = titles.add(owned, versions);
    if (!added)
        return std::unexpected(added.error());
    return {};
}

void FetchWorkflow::startContent()
{
    swarm::Swarm& swarm = m_services.swarm;
    QObject* home = &m_services.home;
    m_connections.push_back(QObject::connect(
        &swarm, &swarm::Swarm::torrentUpdated, home, [this](const swarm::TorrentStatus& status) {
            if (status.infohash == m_infohash)
                onUpdated(status);
        }));
    m_connections.push_back(QObject::connect(
        &swarm, &swarm::Swarm::torrentFinished, home, [this](const Hash256& infohash) {
            if (infohash == m_infohash)
                onContentComplete();
        }));
    m_connections.push_back(QObject::connect(&swarm, &swarm::Swarm::torrentFailed, home,
        [this](const Hash256& infohash, const QString& error) {
            if (infohash == m_infohash)
                finish(fail(ErrorKind::Io, "The download failed: " + error.toStdString()));
        }));
    m_connections.push_back(QObject::connect(&swarm, &swarm::Swarm::permitEvent, home,
        [this](const Hash256& infohash, const QString& event) {
            // Peers that turn us away are worth telling; key refusals TitleKeyReceiver handles.
            if (infohash == m_infohash && event.contains(QLatin1String("refused by a peer")))
                report(m_last.stage, event.toStdString());
        }));

    auto download = m_services.library.downloads().download(m_titleId, m_version.number);
    if (!download)
        return finish(std::unexpected(download.error()));
    const TorrentRegistry::Entry role { m_titleId, m_version.number };
    std::error_code error;
    // Wanted before the torrent's first connection: its handshake tells holders to keep the
    // connection open for our request even once both copies are complete.
    if (m_key)
        m_key->start();
    // A complete copy without its key (an earlier run stopped in between) is seeded like any
    // other and asks holders for the key (PermitGate keeps such connections open).
    if (download->state == library::DownloadState::Complete) {
        const auto path = m_services.library.downloads().containerPath(*download);
        m_contentComplete = std::filesystem::file_size(path, error) == m_version.size && !error;
        m_downloadBegun = m_contentComplete;
        if (m_contentComplete && !m_services.seeder.contains(m_infohash)
            && !m_services.seeder.addStored(m_infohash, role, true, true, path.parent_path()))
            (void)m_services.seeder.add({ m_infohash, role, true, {}, false, path.parent_path() });
    }
    if (!m_services.seeder.contains(m_infohash)) {
        auto added = m_services.seeder.add({ m_infohash, role, true, {}, false,
            content::boughtTitleDirectory(m_services.profile, m_titleId) });
        if (!added)
            return finish(std::unexpected(added.error()));
    } else if (auto status = swarm.status(m_infohash); !m_contentComplete && status
               && status->state == swarm::TorrentStatus::State::Seeding) {
        onContentComplete(); // downloaded earlier in this session
    }
    if (!m_contentComplete)
        report(api::FetchStage::Connecting);
    else if (!m_keyStored)
        report(api::FetchStage::WaitingForKey);
    maybeDone();
}

Result<void> FetchWorkflow::beginDownload()
{
    if (m_downloadBegun)
        return {};
    auto path = m_services.swarm.filePath(m_infohash);
    if (!path)
        return fail(ErrorKind::NotFound, "The torrent's file is not known yet");
    auto relative = content::relativeToProfile(m_services.profile, *path);
    if (!relative)
        return fail(ErrorKind::InvalidInput, "The torrent's file is outside the profile");
    auto begun = m_services.library.downloads().begin(
        m_titleId, m_version.number, *relative, m_version.size);
    if (!begun)
        return std::unexpected(begun.error());
    m_downloadBegun = true;
    return {};
}

void FetchWorkflow::onUpdated(const swarm::TorrentStatus& status)
{
    if (m_finished || m_contentComplete)
        return;
    // Progress shown never goes back (a torrent added again checks its file from the start).
    m_last.bytesDone = std::max(m_last.bytesDone, status.totalDone);
    m_last.peers = status.peers;
    const bool flowing = m_last.stage == api::FetchStage::Downloading || status.totalDone > 0
        || status.state == swarm::TorrentStatus::State::Downloading;
    const bool begun = static_cast<bool>(beginDownload()); // before report(): streamable
    report(flowing ? api::FetchStage::Downloading : api::FetchStage::Connecting);
    if (!begun)
        return; // the .torrent has not come from a peer yet
    const auto now = std::chrono::steady_clock::now();
    auto pieceSize = m_services.swarm.pieceSize(m_infohash);
    if (now - m_lastRecorded < kRecordEvery || !pieceSize)
        return;
    m_lastRecorded = now;
    // Which pieces are verified, for the library screen and a later resume.
    const std::uint64_t pieces = (m_version.size + *pieceSize - 1) / *pieceSize;
    Bytes bitfield((pieces + 7) / 8, 0);
    for (std::uint64_t piece = 0; piece < pieces; ++piece)
        if (m_services.swarm.havePiece(m_infohash, static_cast<std::uint32_t>(piece)))
            bitfield[piece / 8] |= static_cast<std::uint8_t>(0x80 >> (piece % 8));
    (void)m_services.library.downloads().recordProgress(
        m_titleId, m_version.number, std::min(status.totalDone, m_version.size), bitfield);
}

void FetchWorkflow::onContentComplete()
{
    if (m_finished || m_contentComplete)
        return;
    if (auto begun = beginDownload(); !begun)
        return finish(std::unexpected(begun.error()));
    const std::uint32_t pieceSize
        = m_services.swarm.pieceSize(m_infohash).value_or(content::pieceSizeFor(m_version.size));
    auto complete = m_services.library.downloads().markComplete(
        m_titleId, m_version.number, content::fullBitfield(m_version.size, pieceSize));
    if (!complete)
        return finish(std::unexpected(complete.error()));
    m_contentComplete = true;
    m_last.bytesDone = m_version.size;
    if (!m_keyStored)
        report(api::FetchStage::WaitingForKey);
    maybeDone();
}

void FetchWorkflow::maybeDone()
{
    if (m_finished || !m_contentComplete || !m_keyStored)
        return;
    if (!m_metadataSettled) {
        if (!m_metadataGrace.isActive())
            m_metadataGrace.start();
        return;
    }
    finish(openCheck());
}

Result<api::FetchedVersion> FetchWorkflow::openCheck()
{
    auto download = m_services.library.downloads().download(m_titleId, m_version.number);
    if (!download)
        return std::unexpected(download.error());
    QFile file(
        QString::fromStdString(m_services.library.downloads().containerPath(*download).string()));
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            ErrorKind::Io, "Cannot read the container: " + file.errorString().toStdString());
    auto key = m_services.library.titles().key(m_titleId);
    if (!key)
        return std::unexpected(key.error());
    auto versionKey = key->versionKey(m_version.number);
    if (!versionKey)
        return std::unexpected(versionKey.error());
    library::ContainerDeviceSource source(file);
    auto reader = library::ContainerReader::open(source, *versionKey);
    if (!reader)
        return std::unexpected(reader.error());
    const auto& header = reader->header();
    if (header.titleId != m_titleId || header.version != m_version.number)
        return fail(ErrorKind::Verification,
            "The content the chain names for " + titleName(m_titleId) + " version "
                + std::to_string(m_version.number) + " is a container of title "
                + std::to_string(header.titleId) + " version " + std::to_string(header.version));
    return api::FetchedVersion { m_titleId, m_version.number, header.plaintextSize,
        header.mediaType };
}

void FetchWorkflow::finish(Result<api::FetchedVersion> result)
{
    if (m_finished)
        return;
    if (result)
        report(api::FetchStage::Done);
    cancel();
    if (auto done = std::exchange(m_done, nullptr))
        done(std::move(result));
}

} // namespace ls::market
