#include "core/node/state/StateStore.h"

#include "core/storage/Database.h"
#include "core/storage/Statement.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <string>

namespace ls::node {

namespace {

constexpr std::uint8_t kLeafTag = 0x00;
constexpr std::uint8_t kInternalTag = 0x01;

std::unexpected<Error> damaged(const std::string& what)
{
    return fail(ErrorKind::Io, "The state database is damaged: " + what + ".");
}

void putVarint(Bytes& out, std::uint64_t value)
{
    while (value >= 0x80) {
        out.push_back(static_cast<std::uint8_t>(value | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(value));
}

std::optional<std::uint64_t> getVarint(ByteView in, std::size_t& offset)
{
    std::uint64_t value = 0;
    for (unsigned shift = 0; shift < 64 && offset < in.size(); shift += 7) {
        std::uint8_t byte = in[offset++];
        value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0)
            return value;
    }
    return std::nullopt;
}

std::int64_t asSql(std::uint64_t value)
{
    return static_cast<std::int64_t>(value); // callers keep values within int64 (checked on entry)
}

Result<std::optional<StateStore::RootRow>> readRootWith(
    storage::Database& db, const char* sql, std::optional<std::uint64_t> version)
{
    auto stmt = db.cached(sql);
    if (!stmt)
        return std::unexpected(stmt.error());
    if (version)
        if (auto bound = (*stmt)->bind(1, asSql(*version)); !bound)
            return std::unexpected(bound.error());
    auto row = (*stmt)->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<StateStore::RootRow> {};
    StateStore::RootRow root;
    root.version = static_cast<std::uint64_t>((*stmt)->columnInt64(0));
    root.rootId = static_cast<NodeId>((*stmt)->columnInt64(1));
    auto hash = (*stmt)->columnBlob(2);
    if (hash.size() != root.rootHash.size())
        return damaged("the root of version " + std::to_string(root.version) + " is malformed");
    std::ranges::copy(hash, root.rootHash.begin());
    (*stmt)->reset();
    return std::optional<StateStore::RootRow> { root };
}

Result<void> runWith(storage::Database& db, const char* sql, std::int64_t a)
{
    auto stmt = db.cached(sql);
    if (!stmt)
        return std::unexpected(stmt.error());
    if (auto bound = (*stmt)->bind(1, a); !bound)
        return bound;
    return (*stmt)->run();
}

} // namespace

Result<void> StateStore::createSchema()
{
    return m_db->exec(
        "CREATE TABLE IF NOT EXISTS state_node (id INTEGER PRIMARY KEY, data BLOB NOT NULL);"
        "CREATE TABLE IF NOT EXISTS state_root (version INTEGER PRIMARY KEY, "
        "  root_id INTEGER NOT NULL, root_hash BLOB NOT NULL);"
        "CREATE TABLE IF NOT EXISTS state_stale (version INTEGER PRIMARY KEY, ids BLOB NOT NULL);");
}

Result<Bytes> StateStore::readRow(NodeId id)
{
    auto stmt = m_db->cached("SELECT data FROM state_node WHERE id = ?1");
    if (!stmt)
        return std::unexpected(stmt.error());
    if (auto bound = (*stmt)->bind(1, asSql(id)); !bound)
        return std::unexpected(bound.error());
    auto row = (*stmt)->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return damaged("tree node " + std::to_string(id) + " is missing");
    auto data = (*stmt)->columnBlob(0);
    Bytes out(data.begin(), data.end());
    (*stmt)->reset();
    return out;
}

Result<void> StateStore::writeRow(NodeId id, ByteView data)
{
    auto stmt = m_db->cached("INSERT INTO state_node(id, data) VALUES(?1, ?2)");
    if (!stmt)
        return std::unexpected(stmt.error());
    if (auto bound = (*stmt)->bindAll(asSql(id), data); !bound)
        return bound;
    return (*stmt)->run();
}

Result<void> StateStore::writeRows(std::span<const RowView> rows)
{
    constexpr std::size_t kPerStatement = 50;
    static const std::string multiRowSql = [] {
        std::string sql = "INSERT INTO state_node(id, data) VALUES(?, ?)";
        for (std::size_t i = 1; i < kPerStatement; ++i)
            sql += ", (?, ?)";
        return sql;
    }();
    std::size_t done = 0;
    if (rows.size() >= kPerStatement) {
        auto stmt = m_db->cached(multiRowSql);
        if (!stmt)
            return std::unexpected(stmt.error());
        for (; rows.size() - done >= kPerStatement; done += kPerStatement) {
            for (std::size_t i = 0; i < kPerStatement; ++i) {
                const RowView& row = rows[done + i];
                auto index = static_cast<int>(2 * i);
                if (auto bound = (*stmt)->bind(index + 1, asSql(row.id)); !bound)
                    return bound;
                if (auto bound = (*stmt)->bind(index + 2, row.data); !bound)
                    return bound;
            }
            if (auto ran = (*stmt)->run(); !ran)
                return ran;
        }
    }
    for (; done < rows.size(); ++done)
        if (auto written = writeRow(rows[done].id, rows[done].data); !written)
            return written;
    return {};
}

Result<void> StateStore::deleteRow(NodeId id)
{
    return runWith(*m_db, "DELETE FROM state_node WHERE id = ?1", asSql(id));
}

Result<NodeId> StateStore::maxId()
{
    auto stmt = m_db->cached("SELECT coalesce(max(id), 0) FROM state_node");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = (*stmt)->step();
    if (!row)
        return std::unexpected(row.error());
    auto id = static_cast<NodeId>(*row ? (*stmt)->columnInt64(0) : 0);
    (*stmt)->reset();
    return id;
}

Result<void> StateStore::writeRoot(const RootRow& root)
{
    auto stmt
        = m_db->cached("INSERT INTO state_root(version, root_id, root_hash) VALUES(?1, ?2, ?3)");
    if (!stmt)
        return std::unexpected(stmt.error());
    if (auto bound = (*stmt)->bindAll(asSql(root.version), asSql(root.rootId), root.rootHash);
        !bound)
        return bound;
    return (*stmt)->run();
}

Result<std::optional<StateStore::RootRow>> StateStore::readRoot(std::uint64_t version)
{
    return readRootWith(
        *m_db, "SELECT version, root_id, root_hash FROM state_root WHERE version = ?1", version);
}

Result<std::optional<StateStore::RootRow>> StateStore::latestRoot()
{
    return readRootWith(*m_db,
        "SELECT version, root_id, root_hash FROM state_root ORDER BY version DESC LIMIT 1",
        std::nullopt);
}

Result<std::optional<StateStore::RootRow>> StateStore::oldestRoot()
{
    return readRootWith(*m_db,
        "SELECT version, root_id, root_hash FROM state_root ORDER BY version ASC LIMIT 1",
        std::nullopt);
}

Result<void> StateStore::deleteRootsBelow(std::uint64_t version)
{
    return runWith(*m_db, "DELETE FROM state_root WHERE version < ?1", asSql(version));
}

Result<void> StateStore::writeStale(const StaleRow& stale)
{
    std::vector<NodeId> ids = stale.ids;
    std::ranges::sort(ids);
    Bytes packed;
    packed.reserve(ids.size() * 3);
    NodeId previous = 0;
    for (NodeId id : ids) {
        putVarint(packed, id - previous);
        previous = id;
    }
    auto stmt = m_db->cached("INSERT INTO state_stale(version, ids) VALUES(?1, ?2)");
    if (!stmt)
        return std::unexpected(stmt.error());
    if (auto bound = (*stmt)->bindAll(asSql(stale.version), packed); !bound)
        return bound;
    return (*stmt)->run();
}

Result<std::vector<StateStore::StaleRow>> StateStore::staleUpTo(std::uint64_t version)
{
    auto stmt = m_db->prepare("SELECT version, ids FROM state_stale WHERE version <= ?1");
    if (!stmt)
        return std::unexpected(stmt.error());
    if (auto bound = stmt->bind(1, asSql(version)); !bound)
        return std::unexpected(bound.error());
    std::vector<StaleRow> out;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        StaleRow stale;
        stale.version = static_cast<std::uint64_t>(stmt->columnInt64(0));
        ByteView packed = stmt->columnBlob(1);
        NodeId id = 0;
        for (std::size_t offset = 0; offset < packed.size();) {
            auto delta = getVarint(packed, offset);
            if (!delta)
                return damaged(
                    "the stale list of version " + std::to_string(stale.version) + " is malformed");
            id += *delta;
            stale.ids.push_back(id);
        }
        out.push_back(std::move(stale));
    }
    return out;
}

Result<void> StateStore::deleteStaleUpTo(std::uint64_t version)
{
    return runWith(*m_db, "DELETE FROM state_stale WHERE version <= ?1", asSql(version));
}

void StateStore::appendInternal(Bytes& row, const Hash256& hash, const StateNode& node)
{
    row.push_back(kInternalTag);
    row.insert(row.end(), hash.begin(), hash.end());
    row.push_back(static_cast<std::uint8_t>(node.mask() >> 8));
    row.push_back(static_cast<std::uint8_t>(node.mask() & 0xff));
    for (std::size_t i = 0; i < node.childCount(); ++i)
        putVarint(row, node.childId(i));
}

Result<StateStore::InternalRow> StateStore::decodeInternal(ByteView row)
{
    if (row.size() < 35 || row[0] != kInternalTag)
        return damaged("a tree node has the wrong format");
    InternalRow out;
    std::copy(row.begin() + 1, row.begin() + 33, out.hash.begin());
    out.mask = static_cast<std::uint16_t>((row[33] << 8) | row[34]);
    std::size_t offset = 35;
    while (offset < row.size()) {
        auto id = getVarint(row, offset);
        if (!id || *id == 0)
            return damaged("a tree node has a malformed child reference");
        out.childIds.push_back(*id);
    }
    if (out.childIds.size() != static_cast<std::size_t>(std::popcount(out.mask))
        || out.childIds.empty())
        return damaged("a tree node's children do not match its slot mask");
    return out;
}

void StateStore::appendLeaf(Bytes& row, const Hash256& path, ByteView value)
{
    row.push_back(kLeafTag);
    row.insert(row.end(), path.begin(), path.end());
    row.insert(row.end(), value.begin(), value.end());
}

Result<StateStore::LeafRow> StateStore::decodeLeaf(ByteView row)
{
    if (row.size() < 33 || row[0] != kLeafTag)
        return damaged("a tree leaf has the wrong format");
    LeafRow out;
    std::copy(row.begin() + 1, row.begin() + 33, out.path.begin());
    out.value = row.subspan(33);
    return out;
}

} // namespace ls::node
