// LightClient::activity, apart from LightClient.cpp to keep that file to the sync and the reads:
// the history scan itself is ActivityScan; this wires it to the primary endpoint and confirm().
#include "core/light/ActivityScan.h"
#include "core/light/LightClient.h"
#include "core/protocol/NativeTransfer.h"

#include <QTimer>

#include <iterator>

namespace ls::light {

void LightClient::activity(const crypto::Address& account, std::uint64_t fromBlock,
    Reply<std::vector<ConfirmedTransaction>> done)
{
    const auto height = verifiedHeight();
    if (!m_store || !height) {
        // Callbacks never run inside the call that asked for them.
        QTimer::singleShot(0, this, [done = std::move(done)] {
            done(fail(ErrorKind::NotFound, "No verified block yet: sync first."));
        });
        return;
    }
    const std::size_t source = primaryIndex();
    RpcClient* rpc = m_clients.at(source).get();
    ActivityScan::start(
        account, fromBlock, *height,
        [rpc](std::uint64_t from, std::uint64_t to, auto reply) {
            // Two queries per window, one per emitter: the Catalog's events, then the native
            // Transfer logs. Both are whole-chain lists; ActivityScan keeps the account's.
            rpc->getLogs(from, to, catalogevents::catalogAddress(),
                { catalogevents::purchasedTopic(), catalogevents::titlePublishedTopic() },
                [rpc, from, to, reply](RpcResult<std::vector<catalogevents::LogCandidate>> events) {
                    if (!events)
                        return reply(std::unexpected(events.error().toError()));
                    rpc->getLogs(from, to, protocol::nativetransfer::emitterAddress(),
                        { protocol::nativetransfer::topic() },
                        [reply, events = std::move(*events)](
                            RpcResult<std::vector<catalogevents::LogCandidate>> transfers) mutable {
                            if (!transfers)
                                return reply(std::unexpected(transfers.error().toError()));
                            std::move(
                                transfers->begin(), transfers->end(), std::back_inserter(events));
                            reply(std::move(events));
                        });
                });
        },
        [this](const Hash256& txHash, auto reply) { confirm(txHash, std::move(reply)); },
        [this, source, done = std::move(done)](Result<std::vector<ConfirmedTransaction>> found) {
            if (!found && found.error().kind == ErrorKind::Verification)
                return done(std::unexpected(blameEndpoint(source, found.error())));
            done(std::move(found));
        });
}

} // namespace ls::light
