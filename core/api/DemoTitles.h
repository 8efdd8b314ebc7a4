#pragma once

#include "core/api/Chain.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ls::api {

struct DemoTitlesStatus {
    enum class State {
        Stopped, // not started yet (the network is not running), or stopped
        Preparing, // unlocking the demo author's account and library, checking the chain
        Publishing, // "Publishing demo titles…": `published` of `total` are on chain
        Seeding, // every demo title is published and served from `peerAddress`
        Failed, // `error` says why; start() tries again
    };
    State state = State::Stopped;
    int published = 0; // demo titles on chain so far
    int total = 0;
    std::string currentTitle; // while Publishing: the one in progress
    std::string author; // the demo author's account (EIP-55), once known
    std::vector<std::uint64_t> titleIds; // on chain, in the order of the demo material
    // While Seeding: "127.0.0.1:PORT" of the demo author's swarm. The user's library adds it as
    // a peer (api::Library::addPeer), as the demo swarm has neither DHT nor local discovery.
    std::string peerAddress;
    std::string error; // when Failed: a sentence for the user
};

// The demo author of "This computer" (DESIGN.md §6): an account on the local network that
// publishes a few demo titles once (a book, an audio track, a video) and seeds them for as long
// as the app runs, so a newcomer can buy, read and stream within the first minute.
//
// Use from one thread with a Qt event loop; status callbacks come on that thread, queued.
class DemoTitles {
public:
    using Handle = Chain::Handle;

    virtual ~DemoTitles() = default;

    virtual DemoTitlesStatus status() const = 0;
    [[nodiscard]] virtual Handle subscribeStatus(
        std::function<void(const DemoTitlesStatus&)> onChange)
        = 0;
};

} // namespace ls::api
