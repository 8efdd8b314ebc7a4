#pragma once

#include "core/light/Bisection.h"
#include "core/light/TrustedState.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>

namespace ls::light {

// The light blocks the client has verified, kept in SQLite (through core/storage) so a restart
// resumes from the newest one instead of re-verifying from genesis. Rows are light blocks by
// height (hash, header, commit, validator set, and the height of the block each was verified
// from); heights skipped by skipping verification are simply absent.
//
// What open() re-checks, so a damaged or edited file is noticed before anything is believed:
//  - `PRAGMA integrity_check`;
//  - the store belongs to this network (chain id and genesis hash recorded at creation), and its
//    height-0 row hashes to the genesis hash the profile pins;
//  - the newest row: its header, commit and validator set decode strictly, its stored hash and
//    height are its header's, and it verifies again (signatures included) against the stored
//    row it was verified from (adjacent or skipping verification). Older rows are re-hashed
//    whenever they are read (at()), so an edited row is refused when used.
// A row that fails is an ErrorKind::Verification error naming the height.
//
// Not thread-safe: use it from one thread (the light client's).
class HeaderStore {
public:
    // Creates the file if needed. `chainId` and `genesisHash` come from the network profile.
    static Result<HeaderStore> open(
        const std::filesystem::path& path, std::uint64_t chainId, const Hash256& genesisHash);
    static Result<HeaderStore> openInMemory(std::uint64_t chainId, const Hash256& genesisHash);

    HeaderStore(HeaderStore&&) noexcept;
    HeaderStore& operator=(HeaderStore&&) noexcept;
    ~HeaderStore();

    // The newest verified block; nullopt for a store that has not even anchored the genesis.
    const std::optional<TrustedState>& latest() const;
    std::uint64_t chainId() const;
    const Hash256& genesisHash() const;

    // The verified block at `height`, or nullopt when that height was never verified.
    Result<std::optional<TrustedState>> at(std::uint64_t height);
    // The verified block with the greatest height ≤ `height` (where to verify `height` from).
    Result<std::optional<TrustedState>> atOrBelow(std::uint64_t height);

    // Records the genesis block; it must verify with anchorGenesis against the pinned hash.
    Result<void> addGenesis(const TrustedState& genesis);
    // Records verified steps in one database transaction. A step whose height already holds the
    // same block is skipped; one that holds a different block is refused (two verified blocks
    // at one height mean a fork, which the caller must have caught). Each step's verifiedFrom
    // must be a stored height.
    Result<void> add(std::span<const VerifiedStep> steps);

    Result<std::uint64_t> rowCount();

private:
    struct Impl;
    explicit HeaderStore(std::unique_ptr<Impl> impl);
    static Result<HeaderStore> setUp(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace ls::light
