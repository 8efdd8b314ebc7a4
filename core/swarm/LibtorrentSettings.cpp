#include "core/swarm/LibtorrentSettings.h"

#include <libtorrent/alert.hpp>
#include <libtorrent/session.hpp>

namespace ls::swarm {

lt::settings_pack settingsPackFor(const SwarmSettings& settings)
{
    lt::settings_pack pack;
    pack.set_str(lt::settings_pack::listen_interfaces, settings.listenInterfaces);
    pack.set_str(lt::settings_pack::user_agent, "Lightstreams");
    pack.set_bool(lt::settings_pack::enable_dht, settings.dht);
    pack.set_bool(lt::settings_pack::enable_lsd, settings.localDiscovery);
    pack.set_bool(lt::settings_pack::enable_upnp, false);
    pack.set_bool(lt::settings_pack::enable_natpmp, false);
    pack.set_bool(lt::settings_pack::enable_outgoing_utp, settings.utp);
    pack.set_bool(lt::settings_pack::enable_incoming_utp, settings.utp);
    pack.set_int(lt::settings_pack::out_enc_policy,
        settings.obfuscateOutgoing ? lt::settings_pack::pe_enabled
                                   : lt::settings_pack::pe_disabled);
    pack.set_int(lt::settings_pack::in_enc_policy, lt::settings_pack::pe_enabled);
    // libtorrent connects to new peers and hands out bandwidth quota once per tick (500 ms by
    // default): a stream would wait that long for its first peer, and rate-limited transfers come
    // in bursts. A tenth of a second keeps the start of playback quick for little CPU.
    pack.set_int(lt::settings_pack::tick_interval, 100);
    // After libtorrent's high_performance_seed(): on a fast link (a LAN, loopback) the default
    // send buffer (10 KiB to 500 KiB, half a second of the peer's rate) and 1 MiB disk write
    // queue starve the connection. Here 128 KiB to 3 MiB, a second and a half of the peer's
    // rate: a slow peer's buffer stays small, so a stream's urgent pieces do not queue behind
    // seconds of data (high_performance_seed's 1 MiB floor would). ls-bench-swarm on loopback:
    // about 1.5x the throughput.
    pack.set_int(lt::settings_pack::send_buffer_low_watermark, 128 * 1024);
    pack.set_int(lt::settings_pack::send_buffer_watermark, 3 * 1024 * 1024);
    pack.set_int(lt::settings_pack::send_buffer_watermark_factor, 150);
    pack.set_int(lt::settings_pack::max_queued_disk_bytes, 7 * 1024 * 1024);
    // Several profiles on one machine (and every loopback test) connect from one address.
    pack.set_bool(lt::settings_pack::allow_multiple_connections_per_ip, true);
    pack.set_int(lt::settings_pack::upload_rate_limit, settings.uploadLimit);
    pack.set_int(lt::settings_pack::download_rate_limit, settings.downloadLimit);
    pack.set_int(lt::settings_pack::share_ratio_limit,
        static_cast<int>(settings.seedRatioLimit * 100.0 + 0.5));
    pack.set_int(
        lt::settings_pack::seed_time_limit, static_cast<int>(settings.seedTimeLimitMinutes) * 60);
    // Full seeding: every owned title seeds, however many, so no queue limits on seeds. Normal
    // mode sets libtorrent's defaults back explicitly: apply_settings only changes what a pack
    // names, so leaving them out would keep full seeding's limits after switching back.
    const lt::settings_pack defaults = lt::default_settings();
    pack.set_int(lt::settings_pack::active_seeds,
        settings.fullSeeding ? -1 : defaults.get_int(lt::settings_pack::active_seeds));
    pack.set_int(lt::settings_pack::active_limit,
        settings.fullSeeding ? -1 : defaults.get_int(lt::settings_pack::active_limit));
    pack.set_int(lt::settings_pack::alert_mask,
        lt::alert_category::status | lt::alert_category::error | lt::alert_category::storage
            | lt::alert_category::piece_progress);
    return pack;
}

lt::ip_filter peerClassFilter()
{
    const auto global = 1u << static_cast<std::uint32_t>(lt::session::global_peer_class_id);
    lt::ip_filter filter;
    filter.add_rule(lt::make_address("0.0.0.0"), lt::make_address("255.255.255.255"), global);
    filter.add_rule(lt::make_address("::"),
        lt::make_address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), global);
    return filter;
}

} // namespace ls::swarm
