#pragma once

// In-memory chains for the light client tests: real secp256k1 validator keys, real headers and
// commits made with protocol::Commit::sign, validator set changes announced one block ahead
// through nextValidatorsHash — and the means to forge and fork them.
#include "core/crypto/Address.h"
#include "core/crypto/Secp256k1.h"
#include "core/light/VerifyError.h"
#include "core/protocol/Commit.h"
#include "core/protocol/Header.h"
#include "core/protocol/LightBlock.h"
#include "core/protocol/ValidatorSet.h"

#include <QTest>

#include "tests/chain/ProtocolTestSupport.h"
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace ls::testing {

inline constexpr std::uint64_t kLightChainId = 16300;
inline constexpr std::uint64_t kGenesisTimeMs = 1'795'000'000'000;

inline crypto::Address addressOfKey(const crypto::PrivateKey& key)
{
    return crypto::Address::fromPublicKey(key.publicKey());
}

// Validator `n` (1…255) has the private key n repeated 32 times.
inline crypto::PrivateKey validatorKey(std::uint8_t n)
{
    return keyFromByte(n);
}

// A set of validators named by key number, each with its power.
inline protocol::ValidatorSet validatorSet(
    std::initializer_list<std::pair<std::uint8_t, std::uint64_t>> members)
{
    std::vector<protocol::Validator> validators;
    for (const auto& [n, power] : members)
        validators.push_back({ addressOfKey(validatorKey(n)), power });
    return must(protocol::ValidatorSet::create(std::move(validators)));
}

inline void mustSucceed(const Result<void>& result)
{
    if (!result)
        qFatal("unexpected error: %s", result.error().message.c_str());
}

template <typename T> T mustVerify(light::VerifyResult<T> result)
{
    if (!result)
        qFatal("unexpected verification error: %s", result.error().message.c_str());
    return std::move(*result);
}

// A commit for `header` signed by the members of `set` whose key numbers are in `signers`
// (all members when empty).
inline protocol::Commit signBy(const protocol::Header& header, const protocol::ValidatorSet& set,
    std::vector<std::uint8_t> signers = {})
{
    std::vector<crypto::PrivateKey> keys;
    for (std::uint8_t n = 1; n < 255; ++n) {
        const bool wanted = signers.empty() || std::ranges::find(signers, n) != signers.end();
        if (wanted && set.indexOf(addressOfKey(validatorKey(n))))
            keys.push_back(validatorKey(n));
    }
    return must(protocol::Commit::sign(header, 0, set, keys));
}

// A chain grown one block at a time. Block h is signed by the set block h−1 announced.
class TestChain {
public:
    explicit TestChain(protocol::ValidatorSet genesisSet, std::uint64_t chainId = kLightChainId,
        const std::function<void(protocol::Header&)>& editGenesis = {})
        : m_current(genesisSet)
        , m_next(std::move(genesisSet))
    {
        protocol::Header header;
        header.chainId = chainId;
        header.timeMs = kGenesisTimeMs;
        header.stateRoot = filledHash(0x44);
        header.txRoot = filledHash(0x22);
        header.receiptsRoot = filledHash(0x33);
        header.validatorsHash = m_current.hash();
        header.nextValidatorsHash = m_next.hash();
        if (editGenesis)
            editGenesis(header);
        // The genesis block is trusted by its hash; its commit carries no signatures.
        protocol::Commit commit;
        commit.blockHash = header.hash();
        m_blocks.push_back({ header, commit, m_current });
    }

    static Hash256 filledHash(std::uint8_t byte)
    {
        Hash256 h;
        h.fill(byte);
        return h;
    }

    // The next block appended announces `set` as the set of the block after it.
    void changeValidators(protocol::ValidatorSet set) { m_next = std::move(set); }

    // Appends one block signed by all its validators (or `signers`); `edit` may change the
    // header before it is signed (roots, time).
    const protocol::LightBlock& append(std::vector<std::uint8_t> signers = {},
        const std::function<void(protocol::Header&)>& edit = {})
    {
        const protocol::LightBlock& parent = m_blocks.back();
        m_current = findSet(parent.header.nextValidatorsHash);
        protocol::Header header = parent.header;
        header.height = parent.header.height + 1;
        header.timeMs = parent.header.timeMs + 1000;
        header.parentHash = parent.header.hash();
        header.stateRoot = filledHash(static_cast<std::uint8_t>(header.height));
        header.validatorsHash = m_current.hash();
        header.nextValidatorsHash = m_next.hash();
        header.proposer = m_current.at(0).address;
        if (edit)
            edit(header);
        m_known.insert_or_assign(m_next.hash(), m_next);
        m_blocks.push_back({ header, signBy(header, m_current, std::move(signers)), m_current });
        return m_blocks.back();
    }

    void appendMany(std::size_t count)
    {
        for (std::size_t i = 0; i < count; ++i)
            append();
    }

    const protocol::LightBlock& at(std::uint64_t height) const
    {
        return m_blocks.at(static_cast<std::size_t>(height));
    }
    const protocol::LightBlock& genesis() const { return m_blocks.front(); }
    const protocol::LightBlock& latest() const { return m_blocks.back(); }
    std::uint64_t height() const { return m_blocks.back().header.height; }
    Hash256 genesisHash() const { return m_blocks.front().header.hash(); }
    std::uint64_t chainId() const { return m_blocks.front().header.chainId; }
    // Replaces a block after the fact (forks, tampering). Later blocks are left as they were.
    void replace(std::uint64_t height, protocol::LightBlock block)
    {
        m_blocks.at(static_cast<std::size_t>(height)) = std::move(block);
    }

private:
    const protocol::ValidatorSet& findSet(const Hash256& hash)
    {
        m_known.insert_or_assign(m_current.hash(), m_current);
        return m_known.at(hash);
    }

    protocol::ValidatorSet m_current;
    protocol::ValidatorSet m_next;
    std::map<Hash256, protocol::ValidatorSet> m_known;
    std::vector<protocol::LightBlock> m_blocks;
};

// A copy of `block` with `edit` applied to its header and re-signed by `signers` of its set:
// a different, equally well signed block at the same height (a fork when the signers are honest
// validators gone byzantine).
inline protocol::LightBlock resigned(const protocol::LightBlock& block,
    const std::function<void(protocol::Header&)>& edit, std::vector<std::uint8_t> signers = {})
{
    protocol::Header header = block.header;
    edit(header);
    return { header, signBy(header, block.validators, std::move(signers)), block.validators };
}

} // namespace ls::testing
