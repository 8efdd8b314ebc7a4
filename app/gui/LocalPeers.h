#pragma once

#include <QObject>
#include <QTimer>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <set>
#include <string>

namespace ls::gui {

// How the profiles on one machine find each other's swarms. Local discovery (BEP 14) cannot be
// relied on for that: it multicasts on the network interfaces, and the loopback interface
// carries no multicast on Linux, so on a machine without a network (and in tests, which listen
// on 127.0.0.1 only) two profiles never hear of each other. Instead each running app writes its
// listen address to `<profiles root>/swarm-peers/<profile>.peer` and adds every other file's
// address as a peer, looking again every few seconds (a profile started later). A file left by
// an app that crashed names a port nobody listens on: the connection is refused and nothing
// else happens. The file goes when the app ends.
class LocalPeers : public QObject {
public:
    static constexpr int kScanIntervalMs = 5000;

    // `listenPort` is asked until the swarm has one; `addPeer` gets "127.0.0.1:PORT" once per
    // address.
    LocalPeers(std::filesystem::path directory, std::string profile,
        std::function<std::uint16_t()> listenPort, std::function<void(std::string)> addPeer);
    ~LocalPeers() override;

    static std::filesystem::path directoryFor(const std::filesystem::path& profilesRoot)
    {
        return profilesRoot / "swarm-peers";
    }

private:
    void scan();
    void announce(std::uint16_t port);

    std::filesystem::path m_directory;
    std::string m_profile;
    std::function<std::uint16_t()> m_listenPort;
    std::function<void(std::string)> m_addPeer;
    std::uint16_t m_announced = 0;
    std::set<std::string> m_known;
    QTimer m_timer;
};

} // namespace ls::gui
