#include "core/swarm/LibtorrentSwarmImpl.h"

#include <libtorrent/alert_types.hpp>
#include <libtorrent/write_resume_data.hpp>

namespace ls::swarm {

void LibtorrentSwarm::saveResumeDataBeforeShutdown()
{
    // Paused, nothing more is written to the files, so the data saved matches them. (Pausing the
    // session is not the torrents' own paused flag: they come back running.)
    d->session->pause();
    {
        std::lock_guard lock(d->mutex);
        for (auto& [infohash, entry] : d->entries) {
            if (!entry.handle.is_valid())
                continue;
            entry.handle.save_resume_data(
                lt::torrent_handle::save_info_dict | lt::torrent_handle::flush_disk_cache);
            ++entry.savesPending;
        }
    }
    auto pending = [this] {
        std::lock_guard lock(d->mutex);
        int count = 0;
        for (const auto& [infohash, entry] : d->entries)
            count += entry.savesPending;
        return count;
    };
    // Earlier periodic requests are answered first (libtorrent keeps their order), so waiting
    // until none is pending waits for the final ones. Bounded: shutting down must not hang on a
    // stuck disk.
    const auto deadline = std::chrono::steady_clock::now() + kShutdownSaveTimeout;
    while (pending() > 0) {
        const auto left = deadline - std::chrono::steady_clock::now();
        if (left <= decltype(left)::zero()
            || !d->session->wait_for_alert(std::chrono::duration_cast<lt::time_duration>(left)))
            break;
        std::vector<lt::alert*> alerts;
        d->session->pop_alerts(&alerts);
        for (lt::alert* alert : alerts) {
            if (auto* saved = lt::alert_cast<lt::save_resume_data_alert>(alert)) {
                if (auto infohash = d->saveAnswered(saved->handle)) {
                    const std::vector<char> buffer = lt::write_resume_data_buf(saved->params);
                    d->writeResumeFile(*infohash, Bytes(buffer.begin(), buffer.end()));
                }
            } else if (auto* failed = lt::alert_cast<lt::save_resume_data_failed_alert>(alert)) {
                d->saveAnswered(failed->handle);
            }
        }
    }
    if (const int left = pending(); left > 0)
        qWarning("The swarm shut down before libtorrent saved resume data for %d torrents", left);
}

void LibtorrentSwarm::requestResumeData(bool onlyIfModified)
{
    lt::resume_data_flags_t flags = lt::torrent_handle::save_info_dict;
    if (onlyIfModified)
        flags |= lt::torrent_handle::only_if_modified;
    std::lock_guard lock(d->mutex);
    for (auto& [infohash, entry] : d->entries) {
        if (!entry.handle.is_valid())
            continue;
        entry.handle.save_resume_data(flags);
        ++entry.savesPending;
    }
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
                    s.allTimeUploaded = static_cast<std::uint64_t>(st.all_time_upload);
                    s.allTimeDownloaded = static_cast<std::uint64_t>(st.all_time_download);
                    s.peers = st.num_peers;
                    s.name = st.name;
                    s.error = st.errc ? st.errc.message() : std::string();
                    s.autoManaged = static_cast<bool>(st.flags & lt::torrent_flags::auto_managed);
                    status = s;
                }
                Q_EMIT torrentUpdated(status);
            }
        } else if (auto* metadata = lt::alert_cast<lt::metadata_received_alert>(alert)) {
            std::lock_guard lock(d->mutex);
            if (Impl::Entry* entry = d->find(metadata->handle))
                entry->info = metadata->handle.torrent_file();
        } else if (auto* finished = lt::alert_cast<lt::torrent_finished_alert>(alert)) {
            // Every piece is verified, but some may still sit in libtorrent's store buffer on
            // their way to the file: whoever reads the file now (decrypting it, checking it)
            // could find a hole. Finished is reported once the cache is flushed.
            {
                std::lock_guard lock(d->mutex);
                if (Impl::Entry* entry = d->find(finished->handle))
                    entry->finishing = true;
            }
            finished->handle.flush_cache();
        } else if (auto* flushed = lt::alert_cast<lt::cache_flushed_alert>(alert)) {
            std::optional<Hash256> infohash;
            {
                std::lock_guard lock(d->mutex);
                if (Impl::Entry* entry = d->find(flushed->handle); entry && entry->finishing) {
                    entry->finishing = false;
                    infohash = entry->status.infohash;
                }
            }
            if (infohash)
                Q_EMIT torrentFinished(*infohash);
        } else if (auto* saved = lt::alert_cast<lt::save_resume_data_alert>(alert)) {
            const auto infohash = d->saveAnswered(saved->handle);
            if (!infohash)
                continue; // removed meanwhile
            const std::vector<char> buffer = lt::write_resume_data_buf(saved->params);
            const Bytes data(buffer.begin(), buffer.end());
            d->writeResumeFile(*infohash, data);
            Q_EMIT resumeDataSaved(*infohash, data);
        } else if (auto* notSaved = lt::alert_cast<lt::save_resume_data_failed_alert>(alert)) {
            d->saveAnswered(notSaved->handle); // most often: nothing changed since the last save
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
