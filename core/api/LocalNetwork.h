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
    State state = State::Stopped;
    std::string dataDirectory; // where the chain lives
    std::string networkProfileFile; // while Running: the network.json a light client loads
    std::string endpoint; // while Running: http://127.0.0.1:PORT
    std::string error; // when Failed: a sentence, then the node's last error output
};

// "This computer" (DESIGN.md §6): a single-validator network that the app runs for the user as
// a child process, in the profile. The first start creates the network and funds one address;
// later starts continue the same chain. The node stops when this object goes.
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

    // Starts the node (after a failure too); creates the network first when it does not exist,
    // funding `fundedAddress` (0x-prefixed) at genesis. Does nothing while starting or running.
    virtual void start(std::string fundedAddress) = 0;
    // Stops the node and waits (a few seconds at most) for it to close its database.
    virtual void stop() = 0;
};

} // namespace ls::api
