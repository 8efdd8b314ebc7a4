#include "core/light/HeaderSync.h"

#include "core/light/ForkCheck.h"
#include "core/light/Verifier.h"

namespace ls::light {

std::shared_ptr<HeaderSync> HeaderSync::start(HeaderStore& store, RpcClient& source,
    std::optional<std::uint64_t> target, std::uint64_t sequentialWindow, Progress progress,
    Done done)
{
    auto job = std::make_shared<HeaderSync>(
        store, source, sequentialWindow, std::move(progress), std::move(done));
    job->run(target);
    return job;
}

HeaderSync::HeaderSync(HeaderStore& store, RpcClient& source, std::uint64_t sequentialWindow,
    Progress progress, Done done)
    : m_store(store)
    , m_source(source)
    , m_window(sequentialWindow)
    , m_progress(std::move(progress))
    , m_done(std::move(done))
{
}

void HeaderSync::cancel()
{
    m_finished = true;
    m_progress = nullptr;
    m_done = nullptr;
}

std::string HeaderSync::source() const
{
    return m_source.endpoint().toString().toStdString();
}

void HeaderSync::finish(std::expected<TrustedState, SyncFailure> outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    auto done = std::move(m_done);
    m_progress = nullptr;
    if (done)
        done(std::move(outcome));
}

void HeaderSync::fail(SyncFailure::Cause cause, std::string message)
{
    finish(std::unexpected(SyncFailure { cause, std::move(message), std::nullopt }));
}

void HeaderSync::failFromRpc(const RpcError& error)
{
    const bool faulty = error.kind == RpcError::Kind::Malformed;
    fail(faulty ? SyncFailure::Cause::Faulty : SyncFailure::Cause::Unreachable, error.message);
}

void HeaderSync::fetch(std::optional<std::uint64_t> height,
    std::function<void(HeaderSync&, protocol::LightBlock)> next)
{
    // The pending call holds the job alive; a cancelled job ignores the answer.
    m_source.getLightBlock(height,
        [self = shared_from_this(), next = std::move(next)](RpcResult<protocol::LightBlock> block) {
            if (self->m_finished)
                return;
            if (!block) {
                self->failFromRpc(block.error());
                return;
            }
            next(*self, std::move(*block));
        });
}

void HeaderSync::run(std::optional<std::uint64_t> target)
{
    if (!m_store.latest()) {
        fetch(0, [target](HeaderSync& self, protocol::LightBlock genesis) {
            auto anchor
                = anchorGenesis(self.m_store.chainId(), self.m_store.genesisHash(), genesis);
            if (!anchor)
                return self.fail(SyncFailure::Cause::Faulty,
                    self.source() + " sent a genesis block this client cannot trust: "
                        + anchor.error().message);
            if (auto stored = self.m_store.addGenesis(*anchor); !stored)
                return self.fail(SyncFailure::Cause::Storage, stored.error().message);
            self.run(target);
        });
        return;
    }
    if (target) {
        auto stored = m_store.at(*target);
        if (!stored)
            return fail(SyncFailure::Cause::Storage, stored.error().message);
        if (*stored)
            return finish(std::move(**stored));
    }
    fetch(target, [target](HeaderSync& self, protocol::LightBlock block) {
        if (target && block.header.height != *target)
            return self.fail(SyncFailure::Cause::Faulty,
                self.source() + " was asked for the block at height " + std::to_string(*target)
                    + " and sent the one at height " + std::to_string(block.header.height) + ".");
        self.haveTarget(std::move(block));
    });
}

void HeaderSync::haveTarget(protocol::LightBlock block)
{
    const std::uint64_t height = block.header.height;
    auto stored = m_store.at(height);
    if (!stored)
        return fail(SyncFailure::Cause::Storage, stored.error().message);
    if (*stored) {
        const CrossCheckVerdict verdict = crossCheck(**stored, block);
        if (verdict.kind == CrossCheckVerdict::Kind::Agrees)
            return finish(std::move(**stored));
        const bool fork = verdict.kind == CrossCheckVerdict::Kind::Fork;
        finish(std::unexpected(
            SyncFailure { fork ? SyncFailure::Cause::Conflict : SyncFailure::Cause::Faulty,
                source() + " contradicts the verified chain: " + verdict.reason,
                fork ? std::optional(std::move(block)) : std::nullopt }));
        return;
    }
    auto from = m_store.atOrBelow(height);
    if (!from)
        return fail(SyncFailure::Cause::Storage, from.error().message);
    if (!*from) // cannot happen once the genesis is stored; refuse rather than assume
        return fail(SyncFailure::Cause::Storage, "The header store has no block to start from.");
    m_target = std::move(block);
    if (height - (*from)->height() <= m_window) {
        m_trusted = std::move(**from);
        sequentialNext();
    } else {
        m_walk.emplace(std::move(**from), height);
        bisectNext();
    }
}

void HeaderSync::acceptSteps(const std::vector<VerifiedStep>& steps)
{
    if (auto stored = m_store.add(steps); !stored)
        return fail(SyncFailure::Cause::Storage, stored.error().message);
    if (!steps.empty() && m_progress)
        m_progress(steps.back().state.height(), m_target->header.height);
}

void HeaderSync::sequentialNext()
{
    const std::uint64_t targetHeight = m_target->header.height;
    if (m_trusted->height() == targetHeight)
        return finish(std::move(*m_trusted));
    const std::uint64_t next = m_trusted->height() + 1;
    auto verify = [](HeaderSync& self, const protocol::LightBlock& block) {
        auto verified = verifyAdjacent(*self.m_trusted, block);
        if (!verified)
            return self.fail(SyncFailure::Cause::Faulty,
                self.source() + " sent a block that does not verify: " + verified.error().message);
        const std::vector<VerifiedStep> steps { { *verified, self.m_trusted->height() } };
        self.acceptSteps(steps);
        if (self.m_finished)
            return;
        self.m_trusted = std::move(*verified);
        self.sequentialNext();
    };
    if (next == targetHeight)
        return verify(*this, *m_target);
    fetch(next, verify);
}

void HeaderSync::bisectNext()
{
    while (auto wanted = m_walk->wanted()) {
        std::optional<protocol::LightBlock> block;
        if (*wanted == m_target->header.height && m_walk->fetches() == 0)
            block = *m_target; // already fetched
        if (!block) {
            fetch(*wanted, [](HeaderSync& self, protocol::LightBlock fetched) {
                auto steps = self.m_walk->supply(std::move(fetched));
                if (!steps)
                    return self.fail(SyncFailure::Cause::Faulty,
                        self.source()
                            + " sent a block that does not verify: " + steps.error().message);
                self.acceptSteps(*steps);
                if (!self.m_finished)
                    self.bisectNext();
            });
            return;
        }
        auto steps = m_walk->supply(std::move(*block));
        if (!steps)
            return fail(SyncFailure::Cause::Faulty,
                source() + " sent a block that does not verify: " + steps.error().message);
        acceptSteps(*steps);
        if (m_finished)
            return;
    }
    finish(m_walk->trusted());
}

} // namespace ls::light
