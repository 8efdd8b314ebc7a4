#pragma once

// The `ls_permit` libtorrent extension (DESIGN.md §4 "Permission gate"). Internal to core/swarm:
// this header names libtorrent types.
#include "core/swarm/PermitHub.h"

#include <libtorrent/extensions.hpp>
#include <libtorrent/torrent_handle.hpp>

#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace ls::swarm {

class TorrentGate;

// Which gate guards which torrent, so the owner thread can wake one (wakePermitGate).
class GateDirectory {
public:
    void add(const Hash256& infohash, std::weak_ptr<TorrentGate> gate);
    std::shared_ptr<TorrentGate> find(const Hash256& infohash);

private:
    std::mutex m_mutex;
    std::map<Hash256, std::weak_ptr<TorrentGate>> m_gates;
};

using TorrentPluginFactory
    = std::function<std::shared_ptr<lt::torrent_plugin>(lt::torrent_handle const&, lt::client_data_t)>;

// For add_torrent_params::extensions of a permissioned torrent (`infohash` = its v2 infohash).
TorrentPluginFactory permitGateFactory(
    std::shared_ptr<PermitHub> hub, std::shared_ptr<GateDirectory> directory, Hash256 infohash);

// Makes the torrent's gate act at once on what the owner recorded in the hub (decisions, key
// messages) instead of at its next once-a-second tick. It runs on libtorrent's network thread:
// torrent_handle::add_extension calls the factory there, and a factory that returns no plugin
// adds none — so this is the one public way to run a moment of code on that thread.
void wakePermitGate(
    lt::torrent_handle handle, std::shared_ptr<GateDirectory> directory, Hash256 infohash);

} // namespace ls::swarm
