#include "core/swarm/LibtorrentSwarm.h"

#include "core/swarm/LibtorrentSettings.h"
#include "core/swarm/LibtorrentSwarmImpl.h"

#include <QMetaObject>

#include <libtorrent/add_torrent_params.hpp>
#include <libtorrent/extensions/smart_ban.hpp>
#include <libtorrent/extensions/ut_metadata.hpp>
#include <libtorrent/read_resume_data.hpp>

namespace ls::swarm {

LibtorrentSwarm::LibtorrentSwarm(
    SwarmSettings settings, SwarmIdentity identity, PermitPolicy& policy, QObject* parent)
    : Swarm(parent)
    , m_policy(policy)
    , d(std::make_unique<Impl>())
{
    d->settings = settings;
    d->useResumeDirectory(settings.resumeDirectory);
    PermitHub::Owner owner;
    owner.context = this;
    owner.authorize = [this](const Hash256& infohash, const crypto::Address& peer) {
        onAuthorize(infohash, peer);
    };
    owner.keyRequested
        = [this](const Hash256& infohash, const crypto::Address& peer, std::uint64_t connection) {
              onKeyRequested(infohash, peer, connection);
          };
    owner.keyDelivered = [this](const Hash256& infohash, const crypto::Address& peer,
                             const FixedBytes<80>& sealed) {
        Q_EMIT titleKeyArrived(infohash, QString::fromStdString(peer.toChecksumString()), sealed);
    };
    owner.event = [this](const Hash256& infohash, const std::string& event) {
        Q_EMIT permitEvent(infohash, QString::fromStdString(event));
    };
    d->hub = std::make_shared<PermitHub>(identity.chainId, identity.accountKey, std::move(owner));

    // Our own plugin list (DESIGN.md §9): metadata exchange and smart-ban, no peer exchange.
    d->session = std::make_unique<lt::session>(lt::session_params(settingsPackFor(settings), {}));
    d->session->add_extension(&lt::create_ut_metadata_plugin);
    d->session->add_extension(&lt::create_smart_ban_plugin);
    d->session->set_peer_class_filter(peerClassFilter());
    d->session->set_alert_notify([this] {
        // libtorrent's thread: only wake the owner, never pop here.
        QMetaObject::invokeMethod(this, &LibtorrentSwarm::drainAlerts, Qt::QueuedConnection);
    });

    m_statusTimer.setInterval(500);
    connect(&m_statusTimer, &QTimer::timeout, this, [this] { d->session->post_torrent_updates(); });
    m_statusTimer.start();
    m_resumeTimer.setInterval(std::chrono::milliseconds(kResumeSaveInterval));
    connect(&m_resumeTimer, &QTimer::timeout, this, [this] {
        if (d->resume)
            requestResumeData(true);
    });
    m_resumeTimer.start();
}

LibtorrentSwarm::~LibtorrentSwarm()
{
    *d->alive = false;
    m_statusTimer.stop();
    m_resumeTimer.stop();
    d->session->set_alert_notify([] {});
    if (d->resume)
        saveResumeDataBeforeShutdown();
    d->session.reset(); // stops libtorrent's threads, and with them every gate
}

std::uint16_t LibtorrentSwarm::listenPort() const
{
    return d->session->listen_port();
}

void LibtorrentSwarm::applySettings(const SwarmSettings& settings)
{
    d->settings = settings;
    d->useResumeDirectory(settings.resumeDirectory);
    d->session->apply_settings(settingsPackFor(settings));
    std::lock_guard lock(d->mutex);
    for (auto& [infohash, entry] : d->entries) {
        if (!entry.handle.is_valid())
            continue;
        // Full seeding takes titles out of the queue (and its ratio limits) altogether; public
        // metadata is never in it.
        if (settings.fullSeeding || !entry.status.permissioned)
            entry.handle.unset_flags(lt::torrent_flags::auto_managed);
        else
            entry.handle.set_flags(lt::torrent_flags::auto_managed);
        entry.handle.resume();
    }
}

namespace {

// "host:port" as an endpoint; nullopt for anything else.
std::optional<lt::tcp::endpoint> endpointOf(const std::string& hostPort)
{
    const auto colon = hostPort.rfind(':');
    if (colon == std::string::npos)
        return std::nullopt;
    lt::error_code error;
    auto address = lt::make_address(hostPort.substr(0, colon), error);
    const int port = std::atoi(hostPort.c_str() + colon + 1);
    if (error || port <= 0 || port > 65535)
        return std::nullopt;
    return lt::tcp::endpoint(address, static_cast<std::uint16_t>(port));
}

} // namespace

Result<void> LibtorrentSwarm::add(TorrentSource source)
{
    lt::add_torrent_params params;
    Bytes resumeData = std::move(source.resumeData);
    if (resumeData.empty() && d->resume)
        resumeData = d->resume->load(source.infohash).value_or(Bytes());
    if (!resumeData.empty()) {
        lt::error_code error;
        params = lt::read_resume_data({ reinterpret_cast<const char*>(resumeData.data()),
                                          static_cast<long>(resumeData.size()) },
            error);
        // Unreadable, or another torrent's: start over (checking the file), lose nothing.
        if (error
            || (params.info_hashes.has_v2() && toHash(params.info_hashes.v2) != source.infohash))
            params = lt::add_torrent_params();
    }
    std::shared_ptr<const lt::torrent_info> info;
    if (!source.torrentFile.empty()) {
        lt::error_code error;
        auto parsed = std::make_shared<lt::torrent_info>(
            lt::span<const char>(reinterpret_cast<const char*>(source.torrentFile.data()),
                static_cast<long>(source.torrentFile.size())),
            error, lt::from_span);
        if (error)
            return fail(ErrorKind::InvalidInput, "Not a torrent file: " + error.message());
        if (!parsed->info_hashes().has_v2() || toHash(parsed->info_hashes().v2) != source.infohash)
            return fail(ErrorKind::Verification,
                "The torrent file does not have the expected (v2) infohash");
        info = parsed;
        params.ti = std::const_pointer_cast<lt::torrent_info>(info);
    }
    params.info_hashes.v2 = toSha256(source.infohash);
    params.save_path = source.savePath.string();
    for (const std::string& peer : source.peers)
        if (auto endpoint = endpointOf(peer))
            params.peers.push_back(*endpoint);
    if (source.permissioned)
        params.extensions.push_back(permitGateFactory(d->hub, d->gates, source.infohash));
    if (d->settings.fullSeeding || !source.permissioned)
        params.flags &= ~lt::torrent_flags::auto_managed;
    // Outside the queue nothing would ever resume it (libtorrent's default flags add torrents
    // paused for the queue to start).
    if (!(params.flags & lt::torrent_flags::auto_managed))
        params.flags &= ~lt::torrent_flags::paused;
    if (source.knownComplete)
        params.flags |= lt::torrent_flags::seed_mode;
    {
        std::lock_guard lock(d->mutex);
        if (d->entries.contains(source.infohash))
            return fail(ErrorKind::InvalidInput, "This torrent is already in the swarm");
        Impl::Entry entry;
        entry.savePath = source.savePath;
        entry.info = info;
        entry.status.infohash = source.infohash;
        entry.status.permissioned = source.permissioned;
        d->entries.emplace(source.infohash, std::move(entry));
    }
    d->session->async_add_torrent(std::move(params));
    return {};
}

void LibtorrentSwarm::remove(const Hash256& infohash, bool deleteFiles)
{
    std::lock_guard lock(d->mutex);
    auto found = d->entries.find(infohash);
    if (found == d->entries.end())
        return;
    if (found->second.handle.is_valid())
        d->session->remove_torrent(
            found->second.handle, deleteFiles ? lt::session::delete_files : lt::remove_flags_t {});
    d->entries.erase(found);
    // Kept otherwise: adding the title again resumes where it stopped.
    if (deleteFiles && d->resume)
        d->resume->erase(infohash);
}

void LibtorrentSwarm::connectPeer(const Hash256& infohash, const std::string& hostPort)
{
    auto handle = d->handleOf(infohash);
    auto endpoint = endpointOf(hostPort);
    if (handle && endpoint)
        handle->connect_peer(*endpoint);
}

std::optional<TorrentStatus> LibtorrentSwarm::status(const Hash256& infohash) const
{
    std::lock_guard lock(d->mutex);
    auto found = d->entries.find(infohash);
    if (found == d->entries.end())
        return std::nullopt;
    return found->second.status;
}

std::vector<TorrentStatus> LibtorrentSwarm::torrents() const
{
    std::lock_guard lock(d->mutex);
    std::vector<TorrentStatus> out;
    for (const auto& [infohash, entry] : d->entries)
        out.push_back(entry.status);
    return out;
}

std::optional<std::filesystem::path> LibtorrentSwarm::filePath(const Hash256& infohash) const
{
    std::lock_guard lock(d->mutex);
    auto found = d->entries.find(infohash);
    if (found == d->entries.end() || !found->second.info)
        return std::nullopt;
    const lt::file_storage& files = found->second.info->files();
    return found->second.savePath / files.file_path(lt::file_index_t(0));
}

std::optional<std::uint64_t> LibtorrentSwarm::fileSize(const Hash256& infohash) const
{
    std::lock_guard lock(d->mutex);
    auto found = d->entries.find(infohash);
    if (found == d->entries.end() || !found->second.info)
        return std::nullopt;
    return static_cast<std::uint64_t>(found->second.info->total_size());
}

std::optional<std::uint32_t> LibtorrentSwarm::pieceSize(const Hash256& infohash) const
{
    std::lock_guard lock(d->mutex);
    auto found = d->entries.find(infohash);
    if (found == d->entries.end() || !found->second.info)
        return std::nullopt;
    return static_cast<std::uint32_t>(found->second.info->piece_length());
}

bool LibtorrentSwarm::havePiece(const Hash256& infohash, std::uint32_t piece) const
{
    auto handle = d->handleOf(infohash);
    return handle && handle->have_piece(lt::piece_index_t(static_cast<int>(piece)));
}

void LibtorrentSwarm::prioritize(
    const Hash256& infohash, std::uint32_t firstPiece, std::uint32_t lastPiece, int milliseconds)
{
    auto handle = d->handleOf(infohash);
    if (!handle)
        return;
    for (std::uint32_t piece = firstPiece; piece <= lastPiece; ++piece)
        handle->set_piece_deadline(lt::piece_index_t(static_cast<int>(piece)), milliseconds);
}

void LibtorrentSwarm::clearPriorities(const Hash256& infohash)
{
    if (auto handle = d->handleOf(infohash))
        handle->clear_piece_deadlines();
}

bool LibtorrentSwarm::keyWanted(const Hash256& infohash) const
{
    return d->hub->wantsKey(infohash);
}

void LibtorrentSwarm::setKeyWanted(const Hash256& infohash, bool wanted)
{
    d->hub->setWantsKey(infohash, wanted);
    if (auto handle = d->handleOf(infohash))
        wakePermitGate(*handle, d->gates, infohash);
}

void LibtorrentSwarm::saveResumeData()
{
    requestResumeData(false);
}

void LibtorrentSwarm::onAuthorize(const Hash256& infohash, const crypto::Address& peer)
{
    m_policy.authorize(infohash, peer,
        [this, alive = std::weak_ptr<bool>(d->alive), infohash, peer](PermitDecision decision) {
            if (alive.expired())
                return;
            d->hub->decide(infohash, peer, std::move(decision));
            if (auto handle = d->handleOf(infohash))
                wakePermitGate(*handle, d->gates, infohash);
        });
}

void LibtorrentSwarm::onKeyRequested(
    const Hash256& infohash, const crypto::Address& peer, std::uint64_t connection)
{
    m_policy.sealTitleKey(infohash, peer,
        [this, alive = std::weak_ptr<bool>(d->alive), infohash, connection](
            Result<FixedBytes<80>> sealed) {
            if (alive.expired())
                return;
            if (sealed)
                d->hub->sendMessage(connection, KeyDelivery { *sealed });
            else
                d->hub->sendMessage(connection, KeyRefusal { sealed.error().message });
            if (auto handle = d->handleOf(infohash))
                wakePermitGate(*handle, d->gates, infohash);
        });
}

} // namespace ls::swarm
