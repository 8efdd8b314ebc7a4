#pragma once

// LibtorrentSwarm's state, shared by its two source files (LibtorrentSwarm.cpp: set-up, torrents
// and queries; LibtorrentSwarmAlerts.cpp: alerts and resume data). Internal to core/swarm.
#include "core/swarm/LibtorrentSwarm.h"
#include "core/swarm/PermitGate.h"
#include "core/swarm/PermitHub.h"
#include "core/swarm/ResumeStore.h"

#include <QtGlobal>

#include <libtorrent/session.hpp>
#include <libtorrent/torrent_info.hpp>
#include <libtorrent/torrent_status.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>

namespace ls::swarm {

inline Hash256 toHash(const lt::sha256_hash& hash)
{
    Hash256 out;
    std::copy(hash.begin(), hash.end(), out.begin());
    return out;
}

inline lt::sha256_hash toSha256(const Hash256& hash)
{
    return lt::sha256_hash(reinterpret_cast<const char*>(hash.data()));
}

// Resume data is saved this often for torrents that changed (only_if_modified).
inline constexpr std::chrono::seconds kResumeSaveInterval { 30 };
// How long destruction waits for libtorrent's last resume data.
inline constexpr std::chrono::seconds kShutdownSaveTimeout { 5 };

inline TorrentStatus::State stateOf(const lt::torrent_status& status)
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

struct LibtorrentSwarm::Impl {
    struct Entry {
        lt::torrent_handle handle;
        std::filesystem::path savePath;
        std::shared_ptr<const lt::torrent_info> info;
        TorrentStatus status;
        int savesPending = 0; // save_resume_data requests not yet answered by an alert
        bool finishing = false; // finished; its cache is being flushed before we say so
    };

    SwarmSettings settings;
    std::shared_ptr<PermitHub> hub;
    std::shared_ptr<GateDirectory> gates = std::make_shared<GateDirectory>();
    std::unique_ptr<lt::session> session;
    std::shared_ptr<bool> alive = std::make_shared<bool>(true);

    std::optional<ResumeStore> resume;

    mutable std::mutex mutex; // guards entries: stream readers ask from other threads
    std::map<Hash256, Entry> entries;

    void useResumeDirectory(const std::filesystem::path& directory)
    {
        if (directory.empty())
            resume.reset();
        else
            resume.emplace(directory);
    }
    // Records that a save request was answered; whether the torrent is still ours (a removed
    // torrent's late resume data must not bring its file back).
    std::optional<Hash256> saveAnswered(const lt::torrent_handle& handle)
    {
        std::lock_guard lock(mutex);
        Entry* entry = find(handle);
        if (!entry)
            return std::nullopt;
        entry->savesPending = std::max(0, entry->savesPending - 1);
        return entry->status.infohash;
    }
    void writeResumeFile(const Hash256& infohash, const Bytes& data) const
    {
        if (!resume)
            return;
        if (auto saved = resume->save(infohash, data); !saved)
            qWarning("Could not save the swarm's resume data: %s", saved.error().message.c_str());
    }

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

} // namespace ls::swarm
