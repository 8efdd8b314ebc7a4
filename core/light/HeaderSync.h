#pragma once

#include "core/light/Bisection.h"
#include "core/light/HeaderStore.h"
#include "core/light/RpcClient.h"
#include "core/light/TrustedState.h"
#include "core/protocol/LightBlock.h"

#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace ls::light {

// Why a sync job stopped without reaching its target.
struct SyncFailure {
    enum class Cause {
        Unreachable, // the server could not be asked (network, timeout, HTTP)
        Faulty, // the server sent something that does not decode or does not verify
        Conflict, // the server sent a valid-looking block that contradicts a verified one
        Storage, // the header store failed
    };
    Cause cause = Cause::Faulty;
    std::string message;
    std::optional<protocol::LightBlock> conflicting; // Conflict: the server's block
};

// One verification run against one server, from the newest stored block at or below the target
// to the target: anchoring the genesis first if the store is empty, then sequential (adjacent)
// verification for small gaps or skipping verification with bisection for large ones. Each
// verified block is stored as soon as it verifies, so a cancelled or failed run keeps its
// progress. Everything happens in RpcClient callbacks on the owning thread.
//
// The job keeps itself alive until it finishes; the returned handle only cancels it. After
// cancel() neither callback runs. The store and the client must outlive the job, or the client
// must be destroyed first (which drops the job's pending calls, and with them the job).
class HeaderSync : public std::enable_shared_from_this<HeaderSync> {
public:
    using Progress = std::function<void(std::uint64_t verifiedHeight, std::uint64_t targetHeight)>;
    using Done = std::function<void(std::expected<TrustedState, SyncFailure>)>;

    // `target` nullopt: whatever the server reports as its latest block. Gaps of at most
    // `sequentialWindow` heights are verified block by block.
    static std::shared_ptr<HeaderSync> start(HeaderStore& store, RpcClient& source,
        std::optional<std::uint64_t> target, std::uint64_t sequentialWindow, Progress progress,
        Done done);

    void cancel();

    HeaderSync(HeaderStore& store, RpcClient& source, std::uint64_t sequentialWindow,
        Progress progress, Done done);

private:
    void run(std::optional<std::uint64_t> target);
    void haveTarget(protocol::LightBlock block);
    void sequentialNext();
    void bisectNext();
    void acceptSteps(const std::vector<VerifiedStep>& steps);
    void finish(std::expected<TrustedState, SyncFailure> outcome);
    void fail(SyncFailure::Cause cause, std::string message);
    void failFromRpc(const RpcError& error);
    // Fetches `height` (nullopt: latest) and hands the block to `next` unless cancelled.
    void fetch(std::optional<std::uint64_t> height,
        std::function<void(HeaderSync&, protocol::LightBlock)> next);
    std::string source() const;

    HeaderStore& m_store;
    RpcClient& m_source;
    std::uint64_t m_window = 0;
    Progress m_progress;
    Done m_done;
    bool m_finished = false;

    std::optional<protocol::LightBlock> m_target;
    std::optional<TrustedState> m_trusted; // sequential mode: the last verified block
    std::optional<Bisection> m_walk; // skipping mode
};

} // namespace ls::light
