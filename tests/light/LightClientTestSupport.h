#pragma once

// Shared by the LightClient tests: profiles over FakeNodes, temporary stores, and waiting for
// callbacks while the event loop runs.
#include "core/light/LightClient.h"
#include "core/protocol/NetworkProfile.h"

#include <QTemporaryDir>
#include <QTest>

#include "tests/light/FakeNode.h"
#include <memory>
#include <optional>

namespace ls::testing {

inline constexpr int kLightWaitMs = 30'000;

inline protocol::NetworkProfile profileFor(
    const TestChain& chain, const std::vector<std::string>& endpoints)
{
    return { "test network", chain.chainId(), chain.genesisHash(), endpoints };
}

// A light client over `endpoints` with its header store in a temporary directory.
class ClientFixture {
public:
    ClientFixture(const TestChain& chain, std::vector<std::string> endpoints,
        light::LightClientOptions options = {})
        : m_profile(profileFor(chain, endpoints))
        , m_options(options)
    {
        reopen();
    }

    light::LightClient& client() { return *m_client; }
    light::LightClient* operator->() { return m_client.get(); }
    std::filesystem::path storePath() const
    {
        return std::filesystem::path(m_dir.path().toStdString()) / "light" / "headers.db";
    }
    // Destroys the client and opens a new one on the same store (an app restart).
    void reopen()
    {
        m_client.reset();
        m_client = std::make_unique<light::LightClient>(m_profile, storePath(), m_options);
        mustSucceed(m_client->open());
    }

private:
    QTemporaryDir m_dir;
    protocol::NetworkProfile m_profile;
    light::LightClientOptions m_options;
    std::unique_ptr<light::LightClient> m_client;
};

// Runs `start(callback)` and spins the event loop until the callback ran.
template <typename T, typename Start> Result<T> awaitResult(Start start)
{
    std::optional<Result<T>> out;
    start([&out](Result<T> result) { out = std::move(result); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, kLightWaitMs))
        qFatal("the light client callback never ran");
    return std::move(*out);
}

} // namespace ls::testing
