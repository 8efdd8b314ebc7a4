#pragma once

namespace ls::nodeapp {

// SIGINT/SIGTERM end the event loop cleanly (the database closes, the RPC port is released).
// A signal handler may only do async-signal-safe things, so it writes to a pipe that a
// QSocketNotifier watches on the main thread. Call once, after the QCoreApplication exists.
void quitOnTerminationSignals();

} // namespace ls::nodeapp
