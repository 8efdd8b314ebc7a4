#pragma once

#include "core/crypto/Address.h"
#include "core/protocol/Commit.h"
#include "core/protocol/Header.h"
#include "core/protocol/LightBlock.h"
#include "core/protocol/Receipt.h"
#include "core/protocol/Transaction.h"
#include "core/protocol/ValidatorSet.h"
#include "core/util/Error.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace ls::storage {
class Database;
class Transaction;
} // namespace ls::storage

namespace ls::node {

// Where a transaction landed, with what the RPC answers about it.
struct StoredTransaction {
    std::uint64_t height = 0;
    std::uint32_t index = 0;
    Hash256 blockHash{};
    protocol::Transaction transaction;
    crypto::Address sender;
    protocol::Receipt receipt;
};

// One block as the node committed it.
struct StoredBlock {
    protocol::LightBlock light; // header, commit, validator set
    Hash256 hash{};
    std::vector<protocol::Transaction> transactions;
    std::vector<crypto::Address> senders; // one per transaction
};

// The committed blocks (SQLite tables block, block_tx): headers, commits, validator sets,
// transactions with their senders and receipts, indexed by height, block hash and tx hash.
// Writes go through a storage::Transaction the caller owns, so a block and its state change
// commit together. Not thread-safe: one thread (the database's).
class BlockStore {
public:
    static Result<BlockStore> open(storage::Database& database);

    // Appends the block at latestHeight() + 1 (or height 0 on an empty store). Its transactions
    // come as the block builder already has them — hash, canonical encoding, sender, encoded
    // receipt, one of each per transaction — so nothing is encoded or hashed twice.
    Result<void> append(storage::Transaction& transaction, const protocol::LightBlock& block,
                        std::span<const Hash256> hashes, std::span<const Bytes> encodedTransactions,
                        std::span<const crypto::Address> senders,
                        std::span<const Bytes> encodedReceipts);

    Result<std::optional<std::uint64_t>> latestHeight();
    Result<std::optional<protocol::LightBlock>> lightBlock(std::uint64_t height);
    Result<std::optional<std::uint64_t>> heightOf(const Hash256& blockHash);
    Result<std::optional<StoredBlock>> block(std::uint64_t height);
    Result<std::vector<protocol::Receipt>> receipts(std::uint64_t height);
    Result<std::optional<StoredTransaction>> findTransaction(const Hash256& hash);

private:
    explicit BlockStore(storage::Database& database) : m_database(&database) {}
    storage::Database* m_database;
};

} // namespace ls::node
