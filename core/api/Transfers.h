#pragma once

#include "core/api/Chain.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ls::api {

// One torrent of the profile's swarm, as the Network page lists it: a version's content or a
// title's public metadata.
struct TitleTransfer {
    enum class State { Checking, Downloading, Seeding, Paused, Failed };
    std::uint64_t titleId = 0; // 0: not (yet) known to the library
    std::uint32_t version = 0; // 0: the title's public metadata
    std::string name; // the title's name, else the torrent's file name
    State state = State::Checking;
    double progress = 0; // 0…1
    int downloadRate = 0; // payload bytes per second
    int uploadRate = 0;
    std::uint64_t uploaded = 0; // payload bytes, across restarts
    std::uint64_t downloaded = 0;
    double ratio = 0; // uploaded / size of the local copy
    int peers = 0;
};

// How much this computer shares (DESIGN.md §6 Network): in normal mode a title stops seeding at
// an upload ratio, as in any BitTorrent client; full seeding serves every title for as long as
// the app runs (also from the tray once the window is closed). Rates: bytes per second, 0 =
// unlimited.
struct SwarmLimits {
    bool fullSeeding = false;
    int uploadLimit = 0;
    int downloadLimit = 0;
    bool operator==(const SwarmLimits&) const = default;
};

struct SwarmStatus {
    int peers = 0; // connections, summed over torrents
    int downloadRate = 0;
    int uploadRate = 0;
    std::uint16_t listenPort = 0;
    SwarmLimits limits;
    std::vector<TitleTransfer> titles; // by title, then version
};

// The swarm of the profile's content session, seen from the screens: totals and per-title
// figures, and the sharing limits, applied at once. Like api::Chain: callbacks come on the
// calling thread (which runs a Qt event loop) while the Handle lives.
class Transfers {
public:
    using Handle = Chain::Handle;

    virtual ~Transfers() = default;

    virtual SwarmStatus status() const = 0;
    // onChange: soon after subscribing, then every kReportIntervalMs.
    [[nodiscard]] virtual Handle subscribeStatus(std::function<void(const SwarmStatus&)> onChange)
        = 0;
    virtual void setLimits(const SwarmLimits& limits) = 0;

    static constexpr int kReportIntervalMs = 1000;
};

} // namespace ls::api
