#pragma once

#include "core/crypto/Address.h"
#include "core/node/execution/AccountState.h"
#include "core/node/execution/CatalogCounters.h"
#include "core/node/execution/ChainParams.h"
#include "core/node/execution/LicenceRecord.h"
#include "core/node/execution/StateOverlay.h"
#include "core/node/execution/TitleRecord.h"
#include "core/node/execution/VersionRecord.h"
#include "core/util/Error.h"

#include <cstdint>
#include <optional>

namespace ls::node {

// Typed access to the entries of docs/protocol.md §3 and §7 through an overlay: reads decode the
// canonical RLP, writes encode it. An entry that does not decode means the state itself is
// corrupt — never a user's fault — so it is an Internal error naming the entry, and the caller
// stops instead of guessing.
class ChainState {
public:
    explicit ChainState(StateOverlay& overlay)
        : m_overlay(overlay)
    {
    }

    StateOverlay& overlay() { return m_overlay; }

    // Absent accounts read as nonce 0, balance 0; writing 0/0 deletes the entry.
    Result<AccountState> account(const crypto::Address& address);
    void setAccount(const crypto::Address& address, const AccountState& account);

    Result<std::optional<TitleRecord>> title(std::uint64_t titleId);
    void setTitle(std::uint64_t titleId, const TitleRecord& title);

    Result<std::optional<VersionRecord>> version(std::uint64_t titleId, std::uint32_t version);
    void setVersion(std::uint64_t titleId, std::uint32_t version, const VersionRecord& record);

    Result<std::optional<LicenceRecord>> licence(
        std::uint64_t titleId, const crypto::Address& buyer);
    void setLicence(
        std::uint64_t titleId, const crypto::Address& buyer, const LicenceRecord& licence);

    // Absent counters read as nextTitleId = 1.
    Result<CatalogCounters> counters();
    void setCounters(const CatalogCounters& counters);

    // The parameters written at genesis; their absence is an Internal error too. `chainId` is
    // filled in from the caller (see ChainParams).
    Result<ChainParams> params(std::uint64_t chainId);
    void setParams(const ChainParams& params);

private:
    StateOverlay& m_overlay;
};

} // namespace ls::node
