#include "core/swarm/LibtorrentSwarm.h"

#include "core/swarm/PermitGate.h"
#include "core/swarm/PermitHub.h"

#include <libtorrent/add_torrent_params.hpp>
#include <libtorrent/alert_types.hpp>
#include <libtorrent/extensions/smart_ban.hpp>
#include <libtorrent/extensions/ut_metadata.hpp>
#include <libtorrent/read_resume_data.hpp>
#include <libtorrent/session.hpp>
#include <libtorrent/torrent_info.hpp>
#include <libtorrent/torrent_status.hpp>
#include <libtorrent/write_resume_data.hpp>

#include <QMetaObject>

#include <map>
#include <mutex>

namespace ls::swarm {
namespace {

Hash256 toHash(const lt::sha256_hash& hash)
{
    Hash256 out;
    std::copy(hash.begin(), hash.end(), out.begin());
    return out;
}

lt::sha256_hash toSha256(const Hash256& hash)
{
    return lt::sha256_hash(reinterpret_cast<const char*>(hash.data()));
}

lt::settings_pack packFor(const SwarmSettings& settings)
{
    lt::settings_pack pack;
    pack.set_str(lt::settings_pack::listen_interfaces, settings.listenInterfaces);
    pack.set_str(lt::settings_pack::user_agent, "Lightstreams");
    pack.set_bool(lt::settings_pack::enable_dht, settings.dht);
    pack.set_bool(lt::settings_pack::enable_lsd, settings.localDiscovery);
    pack.set_bool(lt::settings_pack::enable_upnp, false);
    pack.set_bool(lt::settings_pack::enable_natpmp, false);
    pack.set_int(lt::settings_pack::out_enc_policy,
        settings.obfuscateOutgoing ? lt::settings_pack::pe_enabled : lt::settings_pack::pe_disabled);
    pack.set_int(lt::settings_pack::in_enc_policy, lt::settings_pack::pe_enabled);
    // Several profiles on one machine (and every loopback test) connect from one address.
    pack.set_bool(lt::settings_pack::allow_multiple_connections_per_ip, true);
    pack.set_int(lt::settings_pack::upload_rate_limit, settings.uploadLimit);
    pack.set_int(lt::settings_pack::download_rate_limit, settings.downloadLimit);
    pack.set_int(lt::settings_pack::share_ratio_limit,
        static_cast<int>(settings.seedRatioLimit * 100.0 + 0.5));
    pack.set_int(lt::settings_pack::seed_time_limit,
        static_cast<int>(settings.seedTimeLimitMinutes) * 60);
    if (settings.fullSeeding) {
        // Every owned title seeds, however many: no queue limits on seeds.
        pack.set_int(lt::settings_pack::active_seeds, -1);
        pack.set_int(lt::settings_pack::active_limit, -1);
    }
    pack.set_int(lt::settings_pack::alert_mask,
        lt::alert_category::status | lt::alert_category::error | lt::alert_category::storage
            | lt::alert_category::piece_progress);
    return pack;
}

TorrentStatus::State stateOf(const lt::torrent_status& status)
{
    if (status.errc)
        return TorrentStatus::State::Failed;
    if (status.flags & lt::torrent_flags::paused)
        return TorrentStatus::State::Stopped;
    switch (status.state) {
    case lt::torrent_status::checking_files:
    case lt::torrent_status::checking_resume_data:
        return TorrentStatus::State::Checking;
    case lt::torrent_status::downloading_metadata:
        return TorrentStatus::State::FetchingMetadata;
    case lt::torrent_status::downloading:
        return TorrentStatus::State::Downloading;
    case lt::torrent_status::finished:
    case lt::torrent_status::seeding:
        return TorrentStatus::State::Seeding;
    default:
        return TorrentStatus::State::Adding;
    }
}

} // namespace

struct LibtorrentSwarm::Impl {
    struct Entry {
        lt::torrent_handle handle;
        std::filesystem::path savePath;
        std::shared_ptr<const lt::torrent_info> info;
        TorrentStatus status;
    };

    SwarmSettings settings;
    std::shared_ptr<PermitHub> hub;
    std::shared_ptr<GateDirectory> gates = std::make_shared<GateDirectory>();
    std::unique_ptr<lt::session> session;
    std::shared_ptr<bool> alive = std::make_shared<bool>(true);

    mutable std::mutex mutex; // guards entries: stream readers ask from other threads
    std::map<Hash256, Entry> entries;

    Entry* find(const lt::torrent_handle& handle)
    {
        for (auto& [infohash, entry] : entries)
            if (entry.handle == handle)
                return &entry;
        return nullptr;
    }
    std::optional<lt::torrent_handle> handleOf(const Hash256& infohash) const
    {
        std::lock_guard lock(mutex);
        auto found = entries.find(infohash);
        if (found == entries.end() || !found->second.handle.is_valid())
            return std::nullopt;
        return found->second.handle;
    }
};

LibtorrentSwarm::LibtorrentSwarm(
    SwarmSettings settings, SwarmIdentity identity, PermitPolicy& policy, QObject* parent)
    : Swarm(parent)
    , m_policy(policy)
    , d(std::make_unique<Impl>())
{
    d->settings = settings;
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
    d->session = std::make_unique<lt::session>(lt::session_params(packFor(settings), {}));
    d->session->add_extension(&lt::create_ut_metadata_plugin);
    d->session->add_extension(&lt::create_smart_ban_plugin);
    d->session->set_alert_notify([this] {
        // libtorrent's thread: only wake the owner, never pop here.
        QMetaObject::invokeMethod(this, &LibtorrentSwarm::drainAlerts, Qt::QueuedConnection);
    });

    m_statusTimer.setInterval(500);
    connect(&m_statusTimer, &QTimer::timeout, this, [this] { d->session->post_torrent_updates(); });
    m_statusTimer.start();
}

LibtorrentSwarm::~LibtorrentSwarm()
{
    *d->alive = false;
    m_statusTimer.stop();
    d->session->set_alert_notify([] {});
    d->session.reset(); // stops libtorrent's threads, and with them every gate
}

std::uint16_t LibtorrentSwarm::listenPort() const { return d->session->listen_port(); }

void LibtorrentSwarm::applySettings(const SwarmSettings& settings)
{
    d->settings = settings;
    d->session->apply_settings(packFor(settings));
    std::lock_guard lock(d->mutex);
    for (auto& [infohash, entry] : d->entries) {
        if (!entry.handle.is_valid())
            continue;
        // Full seeding takes titles out of the queue (and its ratio limits) altogether.
        if (settings.fullSeeding)
            entry.handle.unset_flags(lt::torrent_flags::auto_managed);
        else
            entry.handle.set_flags(lt::torrent_flags::auto_managed);
        entry.handle.resume();
    }
}

Result<void> LibtorrentSwarm::add(TorrentSource source)
{
    lt::add_torrent_params params;
    if (!source.resumeData.empty()) {
        lt::error_code error;
        params = lt::read_resume_data(
            { reinterpret_cast<const char*>(source.resumeData.data()),
                static_cast<long>(source.resumeData.size()) },
            error);
        if (error)
            params = lt::add_torrent_params(); // unreadable resume data: start over, lose nothing
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
    if (source.permissioned)
        params.extensions.push_back(permitGateFactory(d->hub, d->gates, source.infohash));
    if (d->settings.fullSeeding)
        params.flags &= ~lt::torrent_flags::auto_managed;
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
}

void LibtorrentSwarm::connectPeer(const Hash256& infohash, const std::string& hostPort)
{
    auto handle = d->handleOf(infohash);
    const auto colon = hostPort.rfind(':');
    if (!handle || colon == std::string::npos)
        return;
    lt::error_code error;
    auto address = lt::make_address(hostPort.substr(0, colon), error);
    const int port = std::atoi(hostPort.c_str() + colon + 1);
    if (error || port <= 0 || port > 65535)
        return;
    handle->connect_peer(lt::tcp::endpoint(address, static_cast<std::uint16_t>(port)));
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

void LibtorrentSwarm::setKeyWanted(const Hash256& infohash, bool wanted)
{
    d->hub->setWantsKey(infohash, wanted);
    if (auto handle = d->handleOf(infohash))
        wakePermitGate(*handle, d->gates, infohash);
}

void LibtorrentSwarm::saveResumeData()
{
    std::lock_guard lock(d->mutex);
    for (auto& [infohash, entry] : d->entries)
        if (entry.handle.is_valid())
            entry.handle.save_resume_data(lt::torrent_handle::save_info_dict);
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

void LibtorrentSwarm::drainAlerts()
{
    std::vector<lt::alert*> alerts;
    d->session->pop_alerts(&alerts);
    for (lt::alert* alert : alerts) {
        if (auto* added = lt::alert_cast<lt::add_torrent_alert>(alert)) {
            const Hash256 infohash = toHash(added->params.info_hashes.v2);
            if (added->error) {
                {
                    std::lock_guard lock(d->mutex);
                    d->entries.erase(infohash);
                }
                Q_EMIT torrentFailed(infohash, QString::fromStdString(added->error.message()));
                continue;
            }
            {
                std::lock_guard lock(d->mutex);
                auto found = d->entries.find(infohash);
                if (found == d->entries.end())
                    continue; // removed meanwhile
                found->second.handle = added->handle;
                if (!found->second.info)
                    found->second.info = added->handle.torrent_file();
            }
            Q_EMIT torrentAdded(infohash);
        } else if (auto* update = lt::alert_cast<lt::state_update_alert>(alert)) {
            for (const lt::torrent_status& st : update->status) {
                TorrentStatus status;
                {
                    std::lock_guard lock(d->mutex);
                    auto found = d->entries.find(toHash(st.info_hashes.v2));
                    if (found == d->entries.end())
                        continue;
                    TorrentStatus& s = found->second.status;
                    s.state = stateOf(st);
                    s.progress = st.progress;
                    s.totalDone = static_cast<std::uint64_t>(st.total_done);
                    s.totalWanted = static_cast<std::uint64_t>(st.total_wanted);
                    s.downloadRate = st.download_payload_rate;
                    s.uploadRate = st.upload_payload_rate;
                    s.totalUploaded = static_cast<std::uint64_t>(st.total_payload_upload);
                    s.totalDownloaded = static_cast<std::uint64_t>(st.total_payload_download);
                    s.peers = st.num_peers;
                    s.name = st.name;
                    s.error = st.errc ? st.errc.message() : std::string();
                    status = s;
                }
                Q_EMIT torrentUpdated(status);
            }
        } else if (auto* metadata = lt::alert_cast<lt::metadata_received_alert>(alert)) {
            std::lock_guard lock(d->mutex);
            if (Impl::Entry* entry = d->find(metadata->handle))
                entry->info = metadata->handle.torrent_file();
        } else if (auto* finished = lt::alert_cast<lt::torrent_finished_alert>(alert)) {
            std::optional<Hash256> infohash;
            {
                std::lock_guard lock(d->mutex);
                if (Impl::Entry* entry = d->find(finished->handle))
                    infohash = entry->status.infohash;
            }
            if (infohash)
                Q_EMIT torrentFinished(*infohash);
        } else if (auto* saved = lt::alert_cast<lt::save_resume_data_alert>(alert)) {
            const std::vector<char> buffer = lt::write_resume_data_buf(saved->params);
            Q_EMIT resumeDataSaved(toHash(saved->params.info_hashes.v2), Bytes(buffer.begin(), buffer.end()));
        } else if (auto* failed = lt::alert_cast<lt::hash_failed_alert>(alert)) {
            std::optional<Hash256> infohash;
            {
                std::lock_guard lock(d->mutex);
                if (Impl::Entry* entry = d->find(failed->handle))
                    infohash = entry->status.infohash;
            }
            if (infohash)
                Q_EMIT permitEvent(*infohash,
                    QStringLiteral("piece %1 failed its hash check and was discarded")
                        .arg(static_cast<int>(failed->piece_index)));
        } else if (auto* error = lt::alert_cast<lt::torrent_error_alert>(alert)) {
            std::optional<Hash256> infohash;
            {
                std::lock_guard lock(d->mutex);
                if (Impl::Entry* entry = d->find(error->handle))
                    infohash = entry->status.infohash;
            }
            if (infohash)
                Q_EMIT torrentFailed(*infohash, QString::fromStdString(error->error.message()));
        }
    }
}

} // namespace ls::swarm
