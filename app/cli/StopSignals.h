#pragma once

#include <QSocketNotifier>

#include <functional>
#include <memory>

namespace ls::cli {

// Calls `stop` on the event loop's thread when the process gets SIGINT or SIGTERM (Ctrl-C, a
// service manager), so a serving command shuts its swarm down cleanly. The signal handler only
// writes a byte to a pipe (the one thing safe to do there); the notifier reads it in the loop.
// One instance at a time; the default handlers come back when it is destroyed.
class StopSignals {
public:
    explicit StopSignals(std::function<void()> stop);
    ~StopSignals();

    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

private:
    std::function<void()> m_stop;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace ls::cli
