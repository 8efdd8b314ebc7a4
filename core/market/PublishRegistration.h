#pragma once

#include "core/api/Chain.h"
#include "core/api/Market.h"
#include "core/market/PublishJob.h"

#include <cstdint>
#include <functional>
#include <string>

namespace ls::market {

// The two Catalog records of a publication, each sent at most once across crashes and
// restarts: before sending, it looks on chain (proven reads at the newest verified block)
// whether an earlier run's transaction already made the record —
//   a title: one of the titles numbered above `job.titleCountBefore` whose author is this
//     wallet and whose key commitment is the job's (a fresh random key: no other title has it);
//   a version: the title's version `job.version` with the job's content infohash.
// A transaction that is sent but never included leaves its nonce to the next one, so resending
// cannot make a second record either.
//
// One registration at a time; destroying the object (or cancel()) drops pending callbacks.
class PublishRegistration {
public:
    using TitleCountKnown = std::function<void(std::uint64_t titleCount)>;
    // The transaction's stages; the hash comes with Submitting, before the transaction leaves:
    // saving it then means none is ever out there without the job knowing its hash.
    using TxProgress = api::Market::Progress;

    PublishRegistration(api::Chain& chain, api::Market& market, std::string author);

    // Finds or publishes the job's title record. `beforeSending` gets the title count to record
    // before anything is sent (the caller saves the job then, and again on Submitting).
    void registerTitle(const PublishJob& job, const crypto::SecretBytes& passphrase,
        TitleCountKnown beforeSending, TxProgress progress,
        std::function<void(Result<std::uint64_t>)> done);
    // Finds or adds the job's version record; the result is the record as proven on chain.
    void registerVersion(const PublishJob& job, const crypto::SecretBytes& passphrase,
        TxProgress progress, std::function<void(Result<api::VersionInfo>)> done);

    void cancel();

private:
    void scanTitles(std::uint64_t next, std::uint64_t last, std::string commitment,
        std::function<void(Result<std::optional<std::uint64_t>>)> done);
    void readVersion(std::uint64_t titleId, std::uint32_t number,
        std::function<void(Result<api::VersionInfo>)> done);

    api::Chain& m_chain;
    api::Market& m_market;
    std::string m_author; // EIP-55
    api::Chain::Handle m_read;
    api::Market::Handle m_transaction;
};

} // namespace ls::market
