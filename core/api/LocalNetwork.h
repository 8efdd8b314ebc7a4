#pragma once

#include "core/api/Chain.h"

#include <functional>
#include <string>

namespace ls::api {

struct LocalNetworkStatus {
    enum class State {
        Stopped, // not started yet, or stopped on purpose
        Starting, // creating the network (first time) or bringing the node up
        Running, // the node answers; networkProfileFile names its real endpoint
        Failed, // the node could not start or ended by itself; `error` says why
    };
    // The wallet given to start(), which the network gives PHT once: at genesis, or by a
    // transfer when it arrives later (a second profile).
    enum class Funding {
        Idle, // no wallet given, or the network is not running
        Funding, // checking the record and the chain, or sending
        Funded, // it has its PHT (now or earlier)
        Failed, // `fundingError` says why; the next start() tries again
    };
    State state = State::Stopped;
    // While Starting or Running: this app runs the node (false: another app on this computer
    // does, and this one uses it).
    bool runsHere = false;
    std::string dataDirectory; // where the chain lives
    std::string networkProfileFile; // while Running: the network.json a light client loads
    std::string endpoint; // while Running: http://127.0.0.1:PORT
    std::string error; // when Failed: a sentence, then the node's last error output
    Funding funding = Funding::Idle;
    std::string fundingError;
};

// "This computer" (DESIGN.md §6): a single-validator network that the app runs for the user as
// a child process, one per data directory: every profile on the machine uses the same chain.
// The first start creates the network and funds one address at genesis; later starts continue
// the same chain. When another app on this computer already runs the node, start() uses that
// node instead, and takes over (runs the node here) when that app goes. The node stops when
// the object running it goes.
//
// Use from one thread with a Qt event loop; status callbacks come on that thread.
class LocalNetwork {
public:
    using Handle = Chain::Handle;

    virtual ~LocalNetwork() = default;

    // True once the network was created here: start() continues its chain.
    virtual bool exists() const = 0;
    virtual LocalNetworkStatus status() const = 0;
    [[nodiscard]] virtual Handle subscribeStatus(
        std::function<void(const LocalNetworkStatus&)> onChange)
        = 0;

    // Starts the node (after a failure too), or uses the one another app runs; creates the
    // network first when it does not exist, funding `fundedAddress` (0x-prefixed) at genesis.
    // Once running, funds `fundedAddress` by a transfer unless it was funded before (`funding`
    // in the status). Does nothing while starting or running.
    virtual void start(std::string fundedAddress) = 0;
    // Stops the node this app runs and waits (a few seconds at most) for it to close its
    // database; stops using another app's node.
    virtual void stop() = 0;
};

} // namespace ls::api
