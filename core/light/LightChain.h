#pragma once

#include "core/api/Chain.h"
#include "core/light/LightClient.h"
#include "core/protocol/NetworkProfile.h"

#include <QObject>
#include <QThread>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

namespace ls::light {

// api::Chain over a LightClient that runs on a service thread of its own (docs/ARCHITECTURE.md
// "Threads"): calls are posted to that thread, results come back queued to the thread that
// created this object, and status() is a snapshot kept under a lock. Construct and use it from
// one thread with an event loop (the GUI thread, or the CLI's main thread).
//
// The header store is opened on the service thread right away; if that fails, status().ready
// stays false, lastError says why, and every call fails with that reason.
class LightChain final : public api::Chain {
public:
    LightChain(protocol::NetworkProfile profile, std::filesystem::path storePath,
        LightClientOptions options = {});
    ~LightChain() override;

    LightChain(const LightChain&) = delete;
    LightChain& operator=(const LightChain&) = delete;

    api::ChainStatus status() const override;
    [[nodiscard]] Handle subscribeStatus(
        std::function<void(const api::ChainStatus&)> onChange) override;
    void sync() override;
    void cancelSync() override;
    [[nodiscard]] Handle update(Callback<std::uint64_t> done) override;
    [[nodiscard]] Handle account(
        std::string_view address, Callback<api::AccountInfo> done) override;
    [[nodiscard]] Handle title(
        std::uint64_t titleId, Callback<std::optional<api::TitleInfo>> done) override;
    [[nodiscard]] Handle version(std::uint64_t titleId, std::uint32_t number,
        Callback<std::optional<api::VersionInfo>> done) override;
    [[nodiscard]] Handle parameters(Callback<api::NetworkParameters> done) override;
    [[nodiscard]] Handle licence(std::uint64_t titleId, std::string_view buyer,
        Callback<std::optional<api::LicenceInfo>> done) override;
    [[nodiscard]] Handle confirm(
        std::string_view txHash, Callback<api::TransactionConfirmation> done) override;
    [[nodiscard]] Handle activity(std::string_view address, std::uint64_t fromBlock,
        Callback<std::vector<api::AccountActivity>> done) override;
    [[nodiscard]] Handle submit(Bytes rawTransaction, Callback<std::string> done) override;

private:
    // Runs `run(client, reply)` on the service thread; `reply` hands the result back to `done`
    // on this object's thread, unless the returned handle was released first.
    template <typename T, typename Run> Handle post(Callback<T> done, Run run);
    template <typename T> Handle failLater(Callback<T> done, Error error);
    void refresh(); // service thread: new snapshot, then notify subscribers on ours
    void notify();

    QThread m_thread;
    LightClient* m_client = nullptr; // lives on m_thread; deleted there
    std::unique_ptr<QObject> m_home; // lives on the creating thread: receives results

    mutable std::mutex m_mutex;
    api::ChainStatus m_status; // guarded by m_mutex

    // Only touched on the creating thread.
    std::map<std::uint64_t, std::function<void(const api::ChainStatus&)>> m_subscribers;
    std::uint64_t m_nextSubscriber = 1;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace ls::light
