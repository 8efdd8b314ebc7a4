#include "core/node/chain/BlockStore.h"

#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"

#include <string>

namespace ls::node {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS block (
    height      INTEGER PRIMARY KEY,
    hash        BLOB NOT NULL UNIQUE,
    light_block BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS block_tx (
    hash     BLOB PRIMARY KEY,
    height   INTEGER NOT NULL REFERENCES block(height),
    position INTEGER NOT NULL,
    raw      BLOB NOT NULL,
    sender   BLOB NOT NULL,
    receipt  BLOB NOT NULL,
    UNIQUE (height, position)
);
)sql";

template <typename T>
Result<T> corrupt(const std::string& what, const Error& cause)
{
    return fail(ErrorKind::Internal, "The block store is damaged (" + what + "): " + cause.message);
}

// Runs the cached statement `sql` with `args` bound and hands each row to `visit` (which returns
// Result<void>). The statement is reset however the loop ends, so no read snapshot outlives the
// call.
template <typename Visit, typename... Args>
Result<void> forEachRow(storage::Database& database, std::string_view sql, Visit&& visit,
                        const Args&... args)
{
    auto query = database.cached(sql);
    if (!query)
        return std::unexpected(query.error());
    storage::Statement& statement = **query;
    struct ResetOnExit {
        storage::Statement& statement;
        ~ResetOnExit() { statement.reset(); }
    } resetOnExit{statement};
    if (auto bound = statement.bindAll(args...); !bound)
        return bound;
    while (true) {
        auto row = statement.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return {};
        if (auto visited = visit(statement); !visited)
            return visited;
    }
}

Hash256 toHash(ByteView bytes)
{
    Hash256 hash{};
    if (bytes.size() == hash.size())
        std::copy(bytes.begin(), bytes.end(), hash.begin());
    return hash;
}

} // namespace

Result<BlockStore> BlockStore::open(storage::Database& database)
{
    if (auto created = database.exec(kSchema); !created)
        return std::unexpected(created.error());
    return BlockStore(database);
}

Result<void> BlockStore::append(storage::Transaction& transaction, const protocol::LightBlock& block,
                                std::span<const Hash256> hashes, std::span<const Bytes> encodedTransactions,
                                std::span<const crypto::Address> senders,
                                std::span<const Bytes> encodedReceipts)
{
    if (!transaction.belongsTo(*m_database))
        return fail(ErrorKind::Internal, "BlockStore::append needs a transaction on its database");
    if (hashes.size() != encodedTransactions.size() || hashes.size() != senders.size()
        || hashes.size() != encodedReceipts.size())
        return fail(ErrorKind::Internal, "BlockStore::append: transactions, senders and receipts differ in count");
    auto latest = latestHeight();
    if (!latest)
        return std::unexpected(latest.error());
    std::uint64_t expected = *latest ? **latest + 1 : 0;
    if (block.header.height != expected)
        return fail(ErrorKind::Internal, "BlockStore::append: expected height " + std::to_string(expected)
                                             + ", got " + std::to_string(block.header.height));

    auto hash = block.header.hash();
    auto insertBlock = m_database->cached("INSERT INTO block(height, hash, light_block) VALUES (?1, ?2, ?3)");
    if (!insertBlock)
        return std::unexpected(insertBlock.error());
    if (auto bound = (*insertBlock)->bindAll(static_cast<std::int64_t>(block.header.height), hash, block.encode()); !bound)
        return bound;
    if (auto ran = (*insertBlock)->run(); !ran)
        return ran;

    auto insertTx = m_database->cached(
        "INSERT INTO block_tx(hash, height, position, raw, sender, receipt) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insertTx)
        return std::unexpected(insertTx.error());
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        auto bound = (*insertTx)->bindAll(hashes[i], static_cast<std::int64_t>(block.header.height),
                                          static_cast<std::int64_t>(i), encodedTransactions[i],
                                          senders[i].bytes(), encodedReceipts[i]);
        if (!bound)
            return bound;
        if (auto ran = (*insertTx)->run(); !ran)
            return ran;
    }
    return {};
}

Result<std::optional<std::uint64_t>> BlockStore::latestHeight()
{
    std::optional<std::uint64_t> height;
    auto rows = forEachRow(*m_database, "SELECT max(height) FROM block",
                           [&](storage::Statement& row) -> Result<void> {
                               if (!row.isNull(0))
                                   height = static_cast<std::uint64_t>(row.columnInt64(0));
                               return {};
                           });
    if (!rows)
        return std::unexpected(rows.error());
    return height;
}

Result<std::optional<protocol::LightBlock>> BlockStore::lightBlock(std::uint64_t height)
{
    std::optional<protocol::LightBlock> block;
    auto rows = forEachRow(
        *m_database, "SELECT light_block FROM block WHERE height = ?1",
        [&](storage::Statement& row) -> Result<void> {
            auto decoded = protocol::LightBlock::decode(row.columnBlob(0));
            if (!decoded)
                return corrupt<void>("block " + std::to_string(height), decoded.error());
            block.emplace(std::move(*decoded));
            return {};
        },
        static_cast<std::int64_t>(height));
    if (!rows)
        return std::unexpected(rows.error());
    return block;
}

Result<std::optional<std::uint64_t>> BlockStore::heightOf(const Hash256& blockHash)
{
    std::optional<std::uint64_t> height;
    auto rows = forEachRow(
        *m_database, "SELECT height FROM block WHERE hash = ?1",
        [&](storage::Statement& row) -> Result<void> {
            height = static_cast<std::uint64_t>(row.columnInt64(0));
            return {};
        },
        blockHash);
    if (!rows)
        return std::unexpected(rows.error());
    return height;
}

Result<std::optional<StoredBlock>> BlockStore::block(std::uint64_t height)
{
    auto light = lightBlock(height);
    if (!light || !*light)
        return light ? Result<std::optional<StoredBlock>>(std::nullopt)
                     : std::unexpected(light.error());
    StoredBlock stored{std::move(**light), {}, {}, {}};
    stored.hash = stored.light.header.hash();

    auto rows = forEachRow(
        *m_database, "SELECT raw, sender FROM block_tx WHERE height = ?1 ORDER BY position",
        [&](storage::Statement& row) -> Result<void> {
            auto tx = protocol::Transaction::decode(row.columnBlob(0));
            if (!tx)
                return corrupt<void>("a transaction of block " + std::to_string(height), tx.error());
            auto sender = crypto::Address::fromBytes(row.columnBlob(1));
            if (!sender)
                return corrupt<void>("a sender in block " + std::to_string(height), sender.error());
            stored.transactions.push_back(std::move(*tx));
            stored.senders.push_back(*sender);
            return {};
        },
        static_cast<std::int64_t>(height));
    if (!rows)
        return std::unexpected(rows.error());
    return std::optional(std::move(stored));
}

Result<std::vector<protocol::Receipt>> BlockStore::receipts(std::uint64_t height)
{
    std::vector<protocol::Receipt> receipts;
    auto rows = forEachRow(
        *m_database, "SELECT receipt FROM block_tx WHERE height = ?1 ORDER BY position",
        [&](storage::Statement& row) -> Result<void> {
            auto receipt = protocol::Receipt::decode(row.columnBlob(0));
            if (!receipt)
                return corrupt<void>("a receipt of block " + std::to_string(height), receipt.error());
            receipts.push_back(std::move(*receipt));
            return {};
        },
        static_cast<std::int64_t>(height));
    if (!rows)
        return std::unexpected(rows.error());
    return receipts;
}

Result<std::optional<StoredTransaction>> BlockStore::findTransaction(const Hash256& hash)
{
    auto query = m_database->cached(
        "SELECT t.height, t.position, t.raw, t.sender, t.receipt, b.hash FROM block_tx t "
        "JOIN block b ON b.height = t.height WHERE t.hash = ?1");
    if (!query)
        return std::unexpected(query.error());
    if (auto bound = (*query)->bindAll(hash); !bound)
        return std::unexpected(bound.error());
    auto row = (*query)->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row) {
        (*query)->reset();
        return std::optional<StoredTransaction>();
    }
    StoredTransaction stored;
    stored.height = static_cast<std::uint64_t>((*query)->columnInt64(0));
    stored.index = static_cast<std::uint32_t>((*query)->columnInt64(1));
    auto tx = protocol::Transaction::decode((*query)->columnBlob(2));
    auto sender = crypto::Address::fromBytes((*query)->columnBlob(3));
    auto receipt = protocol::Receipt::decode((*query)->columnBlob(4));
    stored.blockHash = toHash((*query)->columnBlob(5));
    (*query)->reset();
    if (!tx || !sender || !receipt)
        return fail(ErrorKind::Internal, "The block store is damaged (transaction row)");
    stored.transaction = std::move(*tx);
    stored.sender = *sender;
    stored.receipt = std::move(*receipt);
    return std::optional(std::move(stored));
}

} // namespace ls::node
