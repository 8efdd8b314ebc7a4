#include "core/market/CatalogIndex.h"

#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"

#include <QString>
#include <QStringList>

#include <type_traits>
#include <variant>

namespace ls::market {
namespace {

// Schema 2 added the samples to title_documents. The index is a cache: a schema 1 file loses its
// documents (the next refresh fetches them again, samples included) and keeps its titles.
constexpr std::string_view kUpgradeFrom1 = R"sql(
CREATE TABLE IF NOT EXISTS catalog_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
DROP TABLE IF EXISTS title_documents;
UPDATE catalog_meta SET value = '2' WHERE key = 'schema';
)sql";

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS catalog_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO catalog_meta (key, value) VALUES ('schema', '2');
CREATE TABLE IF NOT EXISTS titles (
    title_id INTEGER PRIMARY KEY,
    author TEXT NOT NULL,
    price TEXT NOT NULL,
    price_key TEXT NOT NULL,
    subject TEXT NOT NULL,
    listed INTEGER NOT NULL,
    version_count INTEGER NOT NULL,
    sales_count INTEGER NOT NULL,
    published_at INTEGER NOT NULL,
    proven_at INTEGER NOT NULL,
    title TEXT NOT NULL,
    authors TEXT NOT NULL,
    blurb TEXT NOT NULL,
    media_type TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS titles_by_published ON titles (published_at);
CREATE INDEX IF NOT EXISTS titles_by_sales ON titles (sales_count);
CREATE TABLE IF NOT EXISTS title_documents (
    title_id INTEGER PRIMARY KEY,
    metadata_infohash TEXT NOT NULL,
    document BLOB NOT NULL,
    cover_media_type TEXT NOT NULL,
    cover BLOB NOT NULL,
    sample_media_type TEXT NOT NULL,
    sample BLOB NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS titles_text USING fts5 (title, authors, subject, blurb,
    tokenize = 'unicode61 remove_diacritics 2');
)sql";

constexpr std::string_view kColumns
    = "t.title_id, t.author, t.price, t.subject, t.listed, t.version_count, t.sales_count, "
      "t.published_at, t.proven_at, t.title, t.authors, t.blurb, t.media_type";

// uint256 amounts as text that sorts like the numbers: 78 digits hold 2^256.
std::string priceKey(const std::string& decimal)
{
    return std::string(decimal.size() < 78 ? 78 - decimal.size() : 0, '0') + decimal;
}

Result<void> checkAmount(const std::string& decimal, const char* what)
{
    if (decimal.empty() || decimal.size() > 78
        || decimal.find_first_not_of("0123456789") != std::string::npos)
        return fail(ErrorKind::InvalidInput, std::string(what) + " must be decimal base units");
    return {};
}

CatalogEntry entryAt(const storage::Statement& row)
{
    CatalogEntry entry;
    entry.titleId = static_cast<std::uint64_t>(row.columnInt64(0));
    entry.author = row.columnText(1);
    entry.price = row.columnText(2);
    entry.subject = row.columnText(3);
    entry.listed = row.columnInt64(4) != 0;
    entry.versionCount = static_cast<std::uint32_t>(row.columnInt64(5));
    entry.salesCount = static_cast<std::uint64_t>(row.columnInt64(6));
    entry.publishedAtMs = static_cast<std::uint64_t>(row.columnInt64(7));
    entry.provenAtHeight = static_cast<std::uint64_t>(row.columnInt64(8));
    entry.title = row.columnText(9);
    entry.authors = row.columnText(10);
    entry.blurb = row.columnText(11);
    entry.mediaType = row.columnText(12);
    return entry;
}

// Every row the statement gives, each read by `read` (default: a catalog entry).
template <typename Read = decltype(&entryAt)>
auto collect(storage::Statement& statement, Read read = &entryAt)
    -> Result<std::vector<std::invoke_result_t<Read, storage::Statement&>>>
{
    std::vector<std::invoke_result_t<Read, storage::Statement&>> out;
    while (true) {
        auto row = statement.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return out;
        out.push_back(read(statement));
    }
}

// The schema of an index file: empty for a new one.
Result<std::string> schemaVersion(storage::Database& database)
{
    auto exists = database.prepare(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'catalog_meta'");
    if (!exists)
        return std::unexpected(exists.error());
    auto found = exists->step();
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return std::string();
    auto statement = database.prepare("SELECT value FROM catalog_meta WHERE key = 'schema'");
    if (!statement)
        return std::unexpected(statement.error());
    auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? statement->columnText(0) : std::string();
}

// Runs a cached one-row query by title id from the start: whether it found a row.
template <typename Statement> Result<bool> stepForTitle(Statement& statement, std::uint64_t titleId)
{
    statement.reset();
    if (auto bound = statement.bindAll(static_cast<std::int64_t>(titleId)); !bound)
        return std::unexpected(bound.error());
    return statement.step();
}

} // namespace

std::string ftsQueryFor(const std::string& typed)
{
    // Letters and digits make words; everything else (quotes, operators, punctuation) only
    // separates them, so nothing typed can change the query's meaning.
    const QString text = QString::fromStdString(typed);
    QStringList words;
    QString word;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            word += c;
        } else if (!word.isEmpty()) {
            words << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        words << word;
    QStringList terms;
    for (const QString& w : words)
        terms << QLatin1Char('"') + w + QStringLiteral("\"*");
    return terms.join(QLatin1Char(' ')).toStdString();
}

CatalogIndex::CatalogIndex(storage::Database database)
    : m_db(std::move(database))
{
}

Result<CatalogIndex> CatalogIndex::prepare(Result<storage::Database> database)
{
    if (!database)
        return std::unexpected(database.error());
    auto version = schemaVersion(*database);
    if (!version)
        return std::unexpected(version.error());
    if (*version == "1")
        if (auto upgraded = database->exec(kUpgradeFrom1); !upgraded)
            return std::unexpected(upgraded.error());
    if (auto created = database->exec(kSchema); !created)
        return std::unexpected(created.error());
    return CatalogIndex(std::move(*database));
}

Result<CatalogIndex> CatalogIndex::open(const std::filesystem::path& file)
{
    return prepare(storage::Database::open(file));
}

Result<CatalogIndex> CatalogIndex::openInMemory()
{
    return prepare(storage::Database::openInMemory());
}

Result<void> CatalogIndex::upsert(const CatalogEntry& entry)
{
    if (auto ok = checkAmount(entry.price, "A price"); !ok)
        return ok;
    auto transaction = storage::Transaction::begin(m_db);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto row = m_db.cached(
        "INSERT OR REPLACE INTO titles (title_id, author, price, price_key, subject, listed, "
        "version_count, sales_count, published_at, proven_at, title, authors, blurb, media_type) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    auto removeText = m_db.cached("DELETE FROM titles_text WHERE rowid = ?1");
    auto addText = m_db.cached("INSERT INTO titles_text (rowid, title, authors, subject, blurb) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!row || !removeText || !addText)
        return std::unexpected(!row ? row.error()
                : !removeText       ? removeText.error()
                                    : addText.error());
    const auto id = static_cast<std::int64_t>(entry.titleId);
    if (auto bound = (*row)->bindAll(id, entry.author, entry.price, priceKey(entry.price),
            entry.subject, static_cast<std::int64_t>(entry.listed ? 1 : 0),
            static_cast<std::int64_t>(entry.versionCount),
            static_cast<std::int64_t>(entry.salesCount),
            static_cast<std::int64_t>(entry.publishedAtMs),
            static_cast<std::int64_t>(entry.provenAtHeight), entry.title, entry.authors,
            entry.blurb, entry.mediaType);
        !bound)
        return bound;
    if (auto done = (*row)->run(); !done)
        return done;
    if (auto bound = (*removeText)->bindAll(id); !bound)
        return bound;
    if (auto done = (*removeText)->run(); !done)
        return done;
    if (auto bound
        = (*addText)->bindAll(id, entry.title, entry.authors, entry.subject, entry.blurb);
        !bound)
        return bound;
    if (auto done = (*addText)->run(); !done)
        return done;
    return transaction->commit();
}

Result<std::optional<CatalogEntry>> CatalogIndex::find(std::uint64_t titleId)
{
    auto statement
        = m_db.prepare("SELECT " + std::string(kColumns) + " FROM titles t WHERE t.title_id = ?1");
    if (!statement)
        return std::unexpected(statement.error());
    if (auto bound = statement->bindAll(static_cast<std::int64_t>(titleId)); !bound)
        return std::unexpected(bound.error());
    auto rows = collect(*statement);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->empty())
        return std::optional<CatalogEntry> {};
    return std::optional(rows->front());
}

Result<std::vector<CatalogEntry>> CatalogIndex::search(const CatalogQuery& query)
{
    using Parameter = std::variant<std::int64_t, std::string>;
    std::vector<Parameter> parameters;
    auto parameter = [&parameters](Parameter value) {
        parameters.push_back(std::move(value));
        return "?" + std::to_string(parameters.size());
    };

    const std::string match = ftsQueryFor(query.text);
    std::string sql = "SELECT " + std::string(kColumns) + " FROM titles t";
    if (!match.empty())
        sql += " JOIN titles_text ON titles_text.rowid = t.title_id AND titles_text MATCH "
            + parameter(match);
    sql += " WHERE 1 = 1";
    if (!query.includeUnlisted)
        sql += " AND t.listed = 1";
    if (query.subject)
        sql += " AND t.subject = " + parameter(*query.subject);
    if (query.author)
        sql += " AND t.author = " + parameter(*query.author);
    if (query.mediaTypePrefix)
        sql += " AND substr(t.media_type, 1, length(" + parameter(*query.mediaTypePrefix)
            + ")) = " + parameter(*query.mediaTypePrefix);
    if (query.maxPrice) {
        if (auto ok = checkAmount(*query.maxPrice, "The highest price"); !ok)
            return std::unexpected(ok.error());
        sql += " AND t.price_key <= " + parameter(priceKey(*query.maxPrice));
    }
    switch (query.sort) {
    case CatalogQuery::Sort::Relevance:
        sql += match.empty() ? " ORDER BY t.published_at DESC, t.title_id DESC"
                             : " ORDER BY bm25(titles_text), t.title_id DESC";
        break;
    case CatalogQuery::Sort::Newest:
        sql += " ORDER BY t.published_at DESC, t.title_id DESC";
        break;
    case CatalogQuery::Sort::MostSold:
        sql += " ORDER BY t.sales_count DESC, t.title_id DESC";
        break;
    case CatalogQuery::Sort::PriceLowToHigh:
        sql += " ORDER BY t.price_key ASC, t.title_id ASC";
        break;
    case CatalogQuery::Sort::PriceHighToLow:
        sql += " ORDER BY t.price_key DESC, t.title_id DESC";
        break;
    }
    sql += " LIMIT " + parameter(std::int64_t { std::max(0, query.limit) }) + " OFFSET "
        + parameter(std::int64_t { std::max(0, query.offset) });

    auto statement = m_db.prepare(sql);
    if (!statement)
        return std::unexpected(statement.error());
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        const int index = static_cast<int>(i + 1);
        auto bound = std::holds_alternative<std::int64_t>(parameters[i])
            ? statement->bind(index, std::get<std::int64_t>(parameters[i]))
            : statement->bindText(index, std::get<std::string>(parameters[i]));
        if (!bound)
            return std::unexpected(bound.error());
    }
    return collect(*statement);
}

Result<std::vector<std::pair<std::string, std::string>>> CatalogIndex::authors()
{
    auto statement = m_db.prepare(
        "SELECT t.author, (SELECT u.authors FROM titles u WHERE u.author = t.author "
        "AND u.listed = 1 ORDER BY u.published_at DESC, u.title_id DESC LIMIT 1) AS names "
        "FROM titles t WHERE t.listed = 1 GROUP BY t.author ORDER BY names = '', names, t.author");
    if (!statement)
        return std::unexpected(statement.error());
    return collect(*statement,
        [](storage::Statement& row) { return std::pair(row.columnText(0), row.columnText(1)); });
}

Result<std::vector<std::string>> CatalogIndex::subjects()
{
    auto statement = m_db.prepare(
        "SELECT DISTINCT subject FROM titles WHERE listed = 1 AND subject <> '' ORDER BY subject");
    if (!statement)
        return std::unexpected(statement.error());
    return collect(*statement, [](storage::Statement& row) { return row.columnText(0); });
}

Result<void> CatalogIndex::storeDocument(std::uint64_t titleId, const CatalogDocument& document)
{
    auto statement = m_db.cached(
        "INSERT OR REPLACE INTO title_documents (title_id, metadata_infohash, document, "
        "cover_media_type, cover, sample_media_type, sample) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!statement)
        return std::unexpected(statement.error());
    if (auto bound = (*statement)
                         ->bindAll(static_cast<std::int64_t>(titleId), document.metadataInfohash,
                             document.document, document.coverMediaType, document.cover,
                             document.sampleMediaType, document.sample);
        !bound)
        return bound;
    return (*statement)->run();
}

Result<std::optional<CatalogDocument>> CatalogIndex::document(std::uint64_t titleId, bool json)
{
    auto statement = m_db.cached(json
            ? "SELECT metadata_infohash, document, cover_media_type, cover, sample_media_type "
              "FROM title_documents WHERE title_id = ?1"
            : "SELECT metadata_infohash, x'', cover_media_type, cover, sample_media_type "
              "FROM title_documents WHERE title_id = ?1");
    if (!statement)
        return std::unexpected(statement.error());
    auto row = stepForTitle(**statement, titleId);
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<CatalogDocument> {};
    CatalogDocument out;
    out.metadataInfohash = (*statement)->columnText(0);
    const ByteView document = (*statement)->columnBlob(1);
    out.document.assign(document.begin(), document.end());
    out.coverMediaType = (*statement)->columnText(2);
    const ByteView cover = (*statement)->columnBlob(3);
    out.cover.assign(cover.begin(), cover.end());
    out.sampleMediaType = (*statement)->columnText(4);
    (*statement)->reset();
    return std::optional(std::move(out));
}

Result<std::optional<CatalogSample>> CatalogIndex::sample(std::uint64_t titleId)
{
    auto statement = m_db.cached("SELECT metadata_infohash, sample_media_type, sample FROM "
                                 "title_documents WHERE title_id = ?1 AND sample_media_type <> ''");
    if (!statement)
        return std::unexpected(statement.error());
    auto row = stepForTitle(**statement, titleId);
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<CatalogSample> {};
    CatalogSample out;
    out.metadataInfohash = (*statement)->columnText(0);
    out.mediaType = (*statement)->columnText(1);
    const ByteView data = (*statement)->columnBlob(2);
    out.data.assign(data.begin(), data.end());
    (*statement)->reset();
    return std::optional(std::move(out));
}

Result<std::optional<std::string>> CatalogIndex::documentInfohash(std::uint64_t titleId)
{
    auto statement
        = m_db.cached("SELECT metadata_infohash FROM title_documents WHERE title_id = ?1");
    if (!statement)
        return std::unexpected(statement.error());
    auto row = stepForTitle(**statement, titleId);
    if (!row)
        return std::unexpected(row.error());
    std::optional<std::string> out;
    if (*row)
        out = (*statement)->columnText(0);
    (*statement)->reset();
    return out;
}

Result<std::uint64_t> CatalogIndex::highestTitleId()
{
    auto statement = m_db.prepare("SELECT COALESCE(MAX(title_id), 0) FROM titles");
    if (!statement)
        return std::unexpected(statement.error());
    auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return static_cast<std::uint64_t>(statement->columnInt64(0));
}

} // namespace ls::market
