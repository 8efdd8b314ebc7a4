#include "core/light/HeaderStore.h"

#include "core/codec/Hex.h"
#include "core/light/Verifier.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"

#include <limits>
#include <string>

namespace ls::light {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS light_meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS light_block (
    height        INTEGER PRIMARY KEY,
    hash          BLOB NOT NULL,
    header        BLOB NOT NULL,
    commit_rlp    BLOB NOT NULL,
    validators    BLOB NOT NULL,
    verified_from INTEGER
);
)sql";

constexpr std::string_view kSelectColumns
    = "SELECT height, hash, header, commit_rlp, validators, verified_from FROM light_block ";

std::unexpected<Error> damaged(std::uint64_t height, const std::string& why)
{
    return fail(ErrorKind::Verification,
        "The stored light block at height " + std::to_string(height) + " fails its check: " + why
            + " The header store was damaged or edited; delete it to verify again from genesis.");
}

struct Row {
    std::uint64_t height = 0;
    std::optional<std::uint64_t> verifiedFrom;
    TrustedState state;
};

// Turns the current row of a SELECT of kSelectColumns into a block whose hash and height are
// checked against the header they were stored with.
Result<Row> readRow(const storage::Statement& select)
{
    const std::int64_t rawHeight = select.columnInt64(0);
    if (rawHeight < 0)
        return fail(ErrorKind::Verification, "The header store has a negative height.");
    const auto height = static_cast<std::uint64_t>(rawHeight);
    auto header = protocol::Header::decode(select.columnBlob(2));
    if (!header)
        return damaged(height, header.error().message);
    auto commit = protocol::Commit::decode(select.columnBlob(3));
    if (!commit)
        return damaged(height, commit.error().message);
    auto validators = protocol::ValidatorSet::decode(select.columnBlob(4));
    if (!validators)
        return damaged(height, validators.error().message);
    if (header->height != height)
        return damaged(height, "its header is for height " + std::to_string(header->height) + ".");
    TrustedState state(
        protocol::LightBlock { *header, std::move(*commit), std::move(*validators) });
    const ByteView storedHash = select.columnBlob(1);
    if (!std::ranges::equal(storedHash, state.hash()))
        return damaged(height,
            "its header hashes to " + codec::toHex(state.hash(), true) + ", not to the stored "
                + codec::toHex(storedHash, true) + ".");
    std::optional<std::uint64_t> from;
    if (!select.isNull(5)) {
        const std::int64_t rawFrom = select.columnInt64(5);
        if (rawFrom < 0 || static_cast<std::uint64_t>(rawFrom) >= height)
            return damaged(height, "it names an impossible height it was verified from.");
        from = static_cast<std::uint64_t>(rawFrom);
    }
    return Row { height, from, std::move(state) };
}

Result<std::int64_t> sqlHeight(std::uint64_t height)
{
    if (height > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return fail(ErrorKind::InvalidInput, "Height " + std::to_string(height) + " is too large.");
    return static_cast<std::int64_t>(height);
}

} // namespace

struct HeaderStore::Impl {
    storage::Database db;
    std::uint64_t chainId = 0;
    Hash256 genesisHash {};
    std::optional<TrustedState> latest;

    Result<std::optional<Row>> query(std::string_view where, std::uint64_t height)
    {
        auto h = sqlHeight(height);
        if (!h)
            return std::unexpected(h.error());
        auto select = db.cached(std::string(kSelectColumns) + std::string(where));
        if (!select)
            return std::unexpected(select.error());
        storage::Statement& statement = **select;
        if (auto bound = statement.bindAll(*h); !bound)
            return std::unexpected(bound.error());
        auto hasRow = statement.step();
        if (!hasRow)
            return std::unexpected(hasRow.error());
        if (!*hasRow)
            return std::optional<Row> {};
        auto row = readRow(statement);
        statement.reset();
        if (!row)
            return std::unexpected(row.error());
        return std::optional<Row> { std::move(*row) };
    }

    Result<void> checkMeta();
    Result<void> recheckLatest();
    Result<void> insert(const TrustedState& state, std::optional<std::uint64_t> verifiedFrom);
};

Result<void> HeaderStore::Impl::checkMeta()
{
    auto select = db.prepare("SELECT key, value FROM light_meta");
    if (!select)
        return std::unexpected(select.error());
    bool sawChain = false;
    bool sawGenesis = false;
    const Bytes chainBytes = codec::UInt256(chainId).toMinimalBigEndian();
    while (true) {
        auto row = select->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        const std::string key = select->columnText(0);
        const ByteView value = select->columnBlob(1);
        if (key == "chainId") {
            sawChain = true;
            if (!std::ranges::equal(value, chainBytes))
                return fail(ErrorKind::InvalidInput,
                    "This header store belongs to another network (another chain id).");
        } else if (key == "genesisHash") {
            sawGenesis = true;
            if (!std::ranges::equal(value, genesisHash))
                return fail(ErrorKind::InvalidInput,
                    "This header store belongs to another network: it was created for genesis "
                        + codec::toHex(value, true) + ", the profile pins "
                        + codec::toHex(genesisHash, true) + ".");
        }
    }
    select->reset();
    if (sawChain && sawGenesis)
        return {};
    auto insert = db.prepare("INSERT OR REPLACE INTO light_meta (key, value) VALUES (?1, ?2)");
    if (!insert)
        return std::unexpected(insert.error());
    if (auto r = insert->bindAll(std::string_view("chainId"), chainBytes); !r)
        return r;
    if (auto r = insert->run(); !r)
        return r;
    if (auto r = insert->bindAll(std::string_view("genesisHash"), genesisHash); !r)
        return r;
    return insert->run();
}

Result<void> HeaderStore::Impl::recheckLatest()
{
    auto newest = query("WHERE height >= ?1 ORDER BY height DESC LIMIT 1", 0);
    if (!newest)
        return std::unexpected(newest.error());
    if (!*newest)
        return {};
    Row& row = **newest;

    auto genesis = query("WHERE height = ?1", 0);
    if (!genesis)
        return std::unexpected(genesis.error());
    if (!*genesis)
        return damaged(row.height, "the store has no genesis block.");
    if (auto anchor = anchorGenesis(chainId, genesisHash, (*genesis)->state.block()); !anchor)
        return damaged(0, anchor.error().message);

    if (row.height > 0) {
        if (!row.verifiedFrom)
            return damaged(row.height, "it does not say which block it was verified from.");
        auto from = query("WHERE height = ?1", *row.verifiedFrom);
        if (!from)
            return std::unexpected(from.error());
        if (!*from)
            return damaged(row.height,
                "the block it was verified from (height " + std::to_string(*row.verifiedFrom)
                    + ") is missing.");
        if (auto again = verifyForward((*from)->state, row.state.block()); !again)
            return damaged(row.height, again.error().message);
    }
    latest.emplace(std::move(row.state));
    return {};
}

Result<void> HeaderStore::Impl::insert(
    const TrustedState& state, std::optional<std::uint64_t> verifiedFrom)
{
    auto existing = query("WHERE height = ?1", state.height());
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing) {
        if ((*existing)->state.hash() == state.hash())
            return {};
        return fail(ErrorKind::Verification,
            "Two different verified blocks at height " + std::to_string(state.height()) + ": "
                + codec::toHex((*existing)->state.hash(), true) + " is stored, "
                + codec::toHex(state.hash(), true) + " was offered.");
    }
    auto h = sqlHeight(state.height());
    if (!h)
        return std::unexpected(h.error());
    auto statement = db.cached("INSERT INTO light_block (height, hash, header, commit_rlp, "
                               "validators, verified_from) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!statement)
        return std::unexpected(statement.error());
    storage::Statement& insert = **statement;
    Result<void> bound = insert.bindAll(*h, state.hash(), state.header().encode(),
        state.commit().encode(), state.validators().encode());
    if (bound)
        bound = verifiedFrom ? insert.bind(6, static_cast<std::int64_t>(*verifiedFrom))
                             : insert.bindNull(6);
    if (!bound)
        return bound;
    return insert.run();
}

HeaderStore::HeaderStore(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}
HeaderStore::HeaderStore(HeaderStore&&) noexcept = default;
HeaderStore& HeaderStore::operator=(HeaderStore&&) noexcept = default;
HeaderStore::~HeaderStore() = default;

Result<HeaderStore> HeaderStore::setUp(std::unique_ptr<Impl> impl)
{
    if (auto check = impl->db.integrityCheck(); !check)
        return fail(ErrorKind::Io,
            "The light client's header store is damaged; delete it to verify again from "
            "genesis. "
                + check.error().message);
    if (auto schema = impl->db.exec(kSchema); !schema)
        return std::unexpected(schema.error());
    if (auto meta = impl->checkMeta(); !meta)
        return std::unexpected(meta.error());
    if (auto latest = impl->recheckLatest(); !latest)
        return std::unexpected(latest.error());
    return HeaderStore(std::move(impl));
}

Result<HeaderStore> HeaderStore::open(
    const std::filesystem::path& path, std::uint64_t chainId, const Hash256& genesisHash)
{
    // Every row can be fetched and verified again from the network, so commits need not fsync.
    storage::DatabaseOptions options;
    options.durability = storage::Durability::Normal;
    options.pageCacheKiB = 2 * 1024;
    auto db = storage::Database::open(path, options);
    if (!db)
        return std::unexpected(db.error());
    return setUp(std::make_unique<Impl>(Impl { std::move(*db), chainId, genesisHash, {} }));
}

Result<HeaderStore> HeaderStore::openInMemory(std::uint64_t chainId, const Hash256& genesisHash)
{
    auto db = storage::Database::openInMemory();
    if (!db)
        return std::unexpected(db.error());
    return setUp(std::make_unique<Impl>(Impl { std::move(*db), chainId, genesisHash, {} }));
}

const std::optional<TrustedState>& HeaderStore::latest() const
{
    return m_impl->latest;
}

std::uint64_t HeaderStore::chainId() const
{
    return m_impl->chainId;
}

const Hash256& HeaderStore::genesisHash() const
{
    return m_impl->genesisHash;
}

Result<std::optional<TrustedState>> HeaderStore::at(std::uint64_t height)
{
    auto row = m_impl->query("WHERE height = ?1", height);
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<TrustedState> {};
    return std::optional<TrustedState> { std::move((*row)->state) };
}

Result<std::optional<TrustedState>> HeaderStore::atOrBelow(std::uint64_t height)
{
    auto row = m_impl->query("WHERE height <= ?1 ORDER BY height DESC LIMIT 1", height);
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<TrustedState> {};
    return std::optional<TrustedState> { std::move((*row)->state) };
}

Result<void> HeaderStore::addGenesis(const TrustedState& genesis)
{
    if (auto anchor = anchorGenesis(m_impl->chainId, m_impl->genesisHash, genesis.block()); !anchor)
        return std::unexpected(anchor.error().toError());
    auto transaction = storage::Transaction::begin(m_impl->db);
    if (!transaction)
        return std::unexpected(transaction.error());
    if (auto inserted = m_impl->insert(genesis, std::nullopt); !inserted)
        return inserted;
    if (auto committed = transaction->commit(); !committed)
        return committed;
    if (!m_impl->latest)
        m_impl->latest.emplace(genesis);
    return {};
}

Result<void> HeaderStore::add(std::span<const VerifiedStep> steps)
{
    if (steps.empty())
        return {};
    auto transaction = storage::Transaction::begin(m_impl->db);
    if (!transaction)
        return std::unexpected(transaction.error());
    const TrustedState* newest = nullptr;
    for (const VerifiedStep& step : steps) {
        if (step.verifiedFrom >= step.state.height())
            return fail(
                ErrorKind::InvalidInput, "A block can only be verified from a lower height.");
        auto from = m_impl->query("WHERE height = ?1", step.verifiedFrom);
        if (!from)
            return std::unexpected(from.error());
        if (!*from)
            return fail(ErrorKind::InvalidInput,
                "The block at height " + std::to_string(step.state.height())
                    + " was verified from height " + std::to_string(step.verifiedFrom)
                    + ", which is not stored.");
        if (auto inserted = m_impl->insert(step.state, step.verifiedFrom); !inserted)
            return inserted;
        if (!newest || step.state.height() > newest->height())
            newest = &step.state;
    }
    if (auto committed = transaction->commit(); !committed)
        return committed;
    if (newest && (!m_impl->latest || newest->height() > m_impl->latest->height()))
        m_impl->latest.emplace(*newest);
    return {};
}

Result<std::uint64_t> HeaderStore::rowCount()
{
    auto count = m_impl->db.cached("SELECT COUNT(*) FROM light_block");
    if (!count)
        return std::unexpected(count.error());
    auto row = (*count)->step();
    if (!row)
        return std::unexpected(row.error());
    const std::int64_t value = *row ? (*count)->columnInt64(0) : 0;
    (*count)->reset();
    return static_cast<std::uint64_t>(value < 0 ? 0 : value);
}

} // namespace ls::light
