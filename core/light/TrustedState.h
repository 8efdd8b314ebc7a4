#pragma once

#include "core/protocol/Header.h"
#include "core/protocol/LightBlock.h"
#include "core/protocol/ValidatorSet.h"
#include "core/util/Bytes.h"

#include <cstdint>

namespace ls::light {

// A light block the client has verified (from the genesis hash pinned in the network profile,
// through a chain of verifications): its header, the commit that finalised it, and the
// validator set that signed it. The header's nextValidatorsHash says which set must sign the
// next height. Only the Verifier and HeaderStore (after re-checking its rows) make these.
class TrustedState {
public:
    explicit TrustedState(protocol::LightBlock block)
        : m_block(std::move(block))
        , m_hash(m_block.header.hash())
    {
    }

    const protocol::LightBlock& block() const { return m_block; }
    const protocol::Header& header() const { return m_block.header; }
    const protocol::Commit& commit() const { return m_block.commit; }
    // The set that signed header() (it hashes to header().validatorsHash).
    const protocol::ValidatorSet& validators() const { return m_block.validators; }
    const Hash256& nextValidatorsHash() const { return m_block.header.nextValidatorsHash; }
    const Hash256& hash() const { return m_hash; } // header().hash(), computed once
    std::uint64_t height() const { return m_block.header.height; }
    std::uint64_t chainId() const { return m_block.header.chainId; }

    friend bool operator==(const TrustedState& a, const TrustedState& b)
    {
        return a.m_block == b.m_block;
    }

private:
    protocol::LightBlock m_block;
    Hash256 m_hash;
};

} // namespace ls::light
