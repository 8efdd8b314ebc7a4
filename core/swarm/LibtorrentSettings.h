#pragma once

// How SwarmSettings map to libtorrent's. Internal to core/swarm (it names libtorrent types); the
// swarm benchmark includes it too, so that its plain-libtorrent anchor runs with exactly the
// settings the app uses.
#include "core/swarm/SwarmTypes.h"

#include <libtorrent/ip_filter.hpp>
#include <libtorrent/settings_pack.hpp>

namespace ls::swarm {

lt::settings_pack settingsPackFor(const SwarmSettings& settings);

// For lt::session::set_peer_class_filter. By default libtorrent puts peers on local networks and
// loopback in a class of their own that rate limits do not touch; ours apply to every peer
// (qBittorrent's default, "apply rate limit to peers on LAN"), so every address is global.
lt::ip_filter peerClassFilter();

} // namespace ls::swarm
