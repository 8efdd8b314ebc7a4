#pragma once

// A real `lightstreams-node --dev` on 127.0.0.1 for tests that use the chain the way the app and
// the CLI do: its network profile, and its funded development accounts.
#include "core/protocol/NetworkProfile.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/prctl.h>

#include <csignal>
#include <filesystem>
#include <string_view>

namespace ls::testing {

// Funds 1,000,000 PHT on each of its first five accounts (Hardhat's accounts).
inline constexpr std::string_view kDevPhrase
    = "test test test test test test test test test test test junk";
inline constexpr std::string_view kDevAccount0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

class DevNetwork {
public:
    // Starts the node with a 200 ms heartbeat and waits until network.json names its real port.
    bool start()
    {
        m_dataDir = std::filesystem::path(m_dir.path().toStdString()) / "chain";
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // If the test dies, the node goes with it instead of holding ctest's pipes open.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_process.start(QStringLiteral(LS_NODE_PATH),
            { QStringLiteral("--dev"), QStringLiteral("--datadir"),
                QString::fromStdString(m_dataDir.string()), QStringLiteral("--rpc"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--heartbeat-ms"),
                QStringLiteral("200") });
        if (!m_process.waitForStarted(10'000))
            return false;
        // The profile is written twice: at creation (port 0), then with the real port.
        return QTest::qWaitFor(
            [&] {
                auto loaded = protocol::NetworkProfile::load(profilePath());
                if (!loaded || loaded->endpoints.empty()
                    || loaded->endpoints.front().ends_with(":0"))
                    return false;
                m_profile = *loaded;
                return true;
            },
            30'000);
    }

    ~DevNetwork()
    {
        m_process.kill();
        m_process.waitForFinished(10'000);
    }

    const protocol::NetworkProfile& profile() const { return m_profile; }
    std::filesystem::path profilePath() const { return m_dataDir / "network.json"; }

private:
    QTemporaryDir m_dir;
    std::filesystem::path m_dataDir;
    QProcess m_process;
    protocol::NetworkProfile m_profile;
};

} // namespace ls::testing
