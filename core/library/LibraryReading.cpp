#include "core/library/LibraryReading.h"

#include "core/library/LibraryContext.h"
#include "core/library/LibraryRows.h"
#include "core/library/LibrarySql.h"
#include "core/storage/Transaction.h"

#include <algorithm>
#include <string>

namespace ls::library {
namespace {

constexpr std::string_view kBookmarkColumns
    = "SELECT bookmark_id, title_id, version, position, label, created_at_ms FROM bookmark ";
constexpr std::string_view kAnnotationColumns
    = "SELECT annotation_id, title_id, version, start_page, start_offset, end_page, end_offset, "
      "quote, note, colour, created_at_ms, updated_at_ms FROM annotation ";
constexpr std::string_view kPageReadColumns
    = "SELECT title_id, version, page, first_read_at_ms, seconds FROM page_read ";
constexpr std::uint32_t kMaxColour = 0xffffff;

Result<Bookmark> readBookmark(const storage::Statement& row)
{
    auto titleId = sql::unsignedColumn(row, 1, "a bookmark's title id");
    if (!titleId)
        return std::unexpected(titleId.error());
    auto version = sql::uint32Column(row, 2, "a bookmark's version");
    if (!version)
        return std::unexpected(version.error());
    return Bookmark { row.columnInt64(0), *titleId, *version, row.columnText(3), row.columnText(4),
        row.columnInt64(5) };
}

Result<Annotation> readAnnotation(const storage::Statement& row)
{
    Annotation annotation;
    annotation.id = row.columnInt64(0);
    auto titleId = sql::unsignedColumn(row, 1, "an annotation's title id");
    if (!titleId)
        return std::unexpected(titleId.error());
    annotation.titleId = *titleId;
    std::uint32_t* fields[] = { &annotation.version, &annotation.range.startPage,
        &annotation.range.startOffset, &annotation.range.endPage, &annotation.range.endOffset };
    for (int i = 0; i < 5; ++i) {
        auto value = sql::uint32Column(row, 2 + i, "an annotation's range");
        if (!value)
            return std::unexpected(value.error());
        *fields[i] = *value;
    }
    annotation.quote = row.columnText(7);
    annotation.note = row.columnText(8);
    auto colour = sql::uint32Column(row, 9, "an annotation's colour");
    if (!colour || *colour > kMaxColour)
        return sql::damaged("an annotation's colour is out of range");
    annotation.colour = *colour;
    annotation.createdAtMs = row.columnInt64(10);
    annotation.updatedAtMs = row.columnInt64(11);
    return annotation;
}

Result<PageRead> readPageRead(const storage::Statement& row)
{
    auto titleId = sql::unsignedColumn(row, 0, "a page read's title id");
    if (!titleId)
        return std::unexpected(titleId.error());
    auto version = sql::uint32Column(row, 1, "a page read's version");
    if (!version)
        return std::unexpected(version.error());
    auto page = sql::uint32Column(row, 2, "a page read's page");
    if (!page)
        return std::unexpected(page.error());
    return PageRead { *titleId, *version, *page, row.columnInt64(3), row.columnInt64(4) };
}

// Collects every row of a query through `read` into a vector.
template <typename T, typename Read, typename... Args>
Result<std::vector<T>> collect(
    storage::Database& database, const std::string& sql, Read read, const Args&... args)
{
    std::vector<T> out;
    auto rows = sql::forEachRow(
        database, sql,
        [&](storage::Statement& row) -> Result<void> {
            auto value = read(row);
            if (!value)
                return std::unexpected(value.error());
            out.push_back(std::move(*value));
            return {};
        },
        args...);
    if (!rows)
        return std::unexpected(rows.error());
    return out;
}

template <typename T> Result<std::optional<T>> singleRow(Result<std::vector<T>> all)
{
    if (!all)
        return std::unexpected(all.error());
    if (all->empty())
        return std::optional<T> {};
    return std::optional<T> { std::move(all->back()) };
}

Result<std::int64_t> titleInteger(std::uint64_t titleId)
{
    return sql::toInteger(titleId, "title id");
}

std::unexpected<Error> notFound(std::string_view what, std::int64_t id)
{
    return fail(ErrorKind::NotFound,
        "The " + std::string(what) + " " + std::to_string(id) + " no longer exists.");
}

} // namespace

Result<void> LibraryReading::setPosition(
    std::uint64_t titleId, std::uint32_t version, std::string_view position)
{
    auto id = titleInteger(titleId);
    if (!id)
        return std::unexpected(id.error());
    if (auto text = sql::checkText(position, kMaxPositionBytes, "reading position"); !text)
        return text;
    auto written = sql::execute(m_context->database,
        "INSERT OR REPLACE INTO reading_position (title_id, version, position, updated_at_ms) "
        "VALUES (?1, ?2, ?3, ?4)",
        *id, version, position, m_context->clock());
    if (!written)
        return std::unexpected(written.error());
    return {};
}

Result<std::optional<ReadingPosition>> LibraryReading::position(
    std::uint64_t titleId, std::uint32_t version)
{
    auto id = titleInteger(titleId);
    if (!id)
        return std::unexpected(id.error());
    return singleRow(collect<ReadingPosition>(m_context->database,
        std::string(rows::kPositionColumns) + "WHERE title_id = ?1 AND version = ?2",
        rows::readPosition, *id, version));
}

Result<std::optional<ReadingPosition>> LibraryReading::lastPosition(std::uint64_t titleId)
{
    auto id = titleInteger(titleId);
    if (!id)
        return std::unexpected(id.error());
    return singleRow(collect<ReadingPosition>(m_context->database,
        std::string(rows::kPositionColumns)
            + "WHERE title_id = ?1 ORDER BY updated_at_ms DESC, version DESC LIMIT 1",
        rows::readPosition, *id));
}

Result<void> LibraryReading::clearPosition(std::uint64_t titleId, std::uint32_t version)
{
    auto id = titleInteger(titleId);
    if (!id)
        return std::unexpected(id.error());
    auto removed = sql::execute(m_context->database,
        "DELETE FROM reading_position WHERE title_id = ?1 AND version = ?2", *id, version);
    if (!removed)
        return std::unexpected(removed.error());
    return {};
}

Result<Bookmark> LibraryReading::addBookmark(
    std::uint64_t titleId, std::uint32_t version, std::string_view position, std::string_view label)
{
    auto id = titleInteger(titleId);
    if (!id)
        return std::unexpected(id.error());
    if (auto text = sql::checkText(position, kMaxPositionBytes, "bookmark position"); !text)
        return std::unexpected(text.error());
    if (auto text = sql::checkText(label, kMaxLabelBytes, "bookmark label"); !text)
        return std::unexpected(text.error());
    Bookmark bookmark { 0, titleId, version, std::string(position), std::string(label),
        m_context->clock() };
    auto written = sql::execute(m_context->database,
        "INSERT INTO bookmark (title_id, version, position, label, created_at_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5)",
        *id, version, position, label, bookmark.createdAtMs);
    if (!written)
        return std::unexpected(written.error());
    bookmark.id = m_context->database.lastInsertRowId();
    return bookmark;
}

Result<std::vector<Bookmark>> LibraryReading::bookmarks(
    std::uint64_t titleId, std::uint32_t version)
{
    auto id = titleInteger(titleId);
    if (!id)
        return std::unexpected(id.error());
    return collect<Bookmark>(m_context->database,
        std::string(kBookmarkColumns)
            + "WHERE title_id = ?1 AND version = ?2 ORDER BY created_at_ms, bookmark_id",
        readBookmark, *id, version);
}

Result<void> LibraryReading::renameBookmark(std::int64_t bookmarkId, std::string_view label)
{
    if (auto text = sql::checkText(label, kMaxLabelBytes, "bookmark label"); !text)
        return text;
    auto changed = sql::execute(m_context->database,
        "UPDATE bookmark SET label = ?2 WHERE bookmark_id = ?1", bookmarkId, label);
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return notFound("bookmark", bookmarkId);
    return {};
}

Result<void> LibraryReading::removeBookmark(std::int64_t bookmarkId)
{
    auto removed = sql::execute(
        m_context->database, "DELETE FROM bookmark WHERE bookmark_id = ?1", bookmarkId);
    if (!removed)
        return std::unexpected(removed.error());
    if (*removed == 0)
        return notFound("bookmark", bookmarkId);
    return {};
}

Result<Annotation> LibraryReading::addAnnotation(const Annotation& draft)
{
    auto id = titleInteger(draft.titleId);
    if (!id)
        return std::unexpected(id.error());
    const TextRange& range = draft.range;
    if (std::pair(range.endPage, range.endOffset) < std::pair(range.startPage, range.startOffset))
        return fail(ErrorKind::InvalidInput, "The annotation ends before it starts.");
    if (draft.colour > kMaxColour)
        return fail(ErrorKind::InvalidInput, "The annotation colour is not a 0xRRGGBB value.");
    if (auto text = sql::checkText(draft.quote, kMaxAnnotationBytes, "annotated text"); !text)
        return std::unexpected(text.error());
    if (auto text = sql::checkText(draft.note, kMaxAnnotationBytes, "annotation note"); !text)
        return std::unexpected(text.error());
    Annotation stored = draft;
    stored.createdAtMs = stored.updatedAtMs = m_context->clock();
    auto written = sql::execute(m_context->database,
        "INSERT INTO annotation (title_id, version, start_page, start_offset, end_page, "
        "end_offset, quote, note, colour, created_at_ms, updated_at_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        *id, stored.version, range.startPage, range.startOffset, range.endPage, range.endOffset,
        stored.quote, stored.note, stored.colour, stored.createdAtMs, stored.updatedAtMs);
    if (!written)
        return std::unexpected(written.error());
    stored.id = m_context->database.lastInsertRowId();
    return stored;
}

Result<std::vector<Annotation>> LibraryReading::annotations(
    std::uint64_t titleId, std::uint32_t version)
{
    auto id = titleInteger(titleId);
    if (!id)
        return std::unexpected(id.error());
    return collect<Annotation>(m_context->database,
        std::string(kAnnotationColumns)
            + "WHERE title_id = ?1 AND version = ?2 "
              "ORDER BY start_page, start_offset, annotation_id",
        readAnnotation, *id, version);
}

Result<Annotation> LibraryReading::annotation(std::int64_t annotationId)
{
    auto found = singleRow(collect<Annotation>(m_context->database,
        std::string(kAnnotationColumns) + "WHERE annotation_id = ?1", readAnnotation,
        annotationId));
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return notFound("annotation", annotationId);
    return std::move(**found);
}

Result<Annotation> LibraryReading::updateAnnotation(
    std::int64_t annotationId, std::string_view note, std::uint32_t colour)
{
    if (colour > kMaxColour)
        return fail(ErrorKind::InvalidInput, "The annotation colour is not a 0xRRGGBB value.");
    if (auto text = sql::checkText(note, kMaxAnnotationBytes, "annotation note"); !text)
        return std::unexpected(text.error());
    auto changed = sql::execute(m_context->database,
        "UPDATE annotation SET note = ?2, colour = ?3, updated_at_ms = ?4 "
        "WHERE annotation_id = ?1",
        annotationId, note, colour, m_context->clock());
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return notFound("annotation", annotationId);
    return annotation(annotationId);
}

Result<void> LibraryReading::removeAnnotation(std::int64_t annotationId)
{
    auto removed = sql::execute(
        m_context->database, "DELETE FROM annotation WHERE annotation_id = ?1", annotationId);
    if (!removed)
        return std::unexpected(removed.error());
    if (*removed == 0)
        return notFound("annotation", annotationId);
    return {};
}

Result<PageRead> LibraryReading::recordPageRead(
    std::uint64_t titleId, std::uint32_t version, std::uint32_t page, std::int64_t seconds)
{
    auto id = titleInteger(titleId);
    if (!id)
        return std::unexpected(id.error());
    if (seconds < 0)
        return fail(ErrorKind::InvalidInput, "Reading time cannot be negative.");
    seconds = std::min(seconds, kMaxSecondsPerRecord);
    auto transaction = storage::Transaction::begin(m_context->database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto written = sql::execute(m_context->database,
        "INSERT INTO page_read (title_id, version, page, first_read_at_ms, seconds) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (title_id, version, page) "
        "DO UPDATE SET seconds = seconds + excluded.seconds",
        *id, version, page, m_context->clock(), seconds);
    if (!written)
        return std::unexpected(written.error());
    auto stored = singleRow(collect<PageRead>(m_context->database,
        std::string(kPageReadColumns) + "WHERE title_id = ?1 AND version = ?2 AND page = ?3",
        readPageRead, *id, version, page));
    if (!stored)
        return std::unexpected(stored.error());
    if (!*stored)
        return fail(ErrorKind::Internal, "A page read vanished while it was being recorded.");
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return std::move(**stored);
}

Result<std::vector<PageRead>> LibraryReading::pageReads(std::uint64_t titleId)
{
    auto id = titleInteger(titleId);
    if (!id)
        return std::unexpected(id.error());
    return collect<PageRead>(m_context->database,
        std::string(kPageReadColumns) + "WHERE title_id = ?1 ORDER BY version, page", readPageRead,
        *id);
}

Result<std::vector<PageReadTotal>> LibraryReading::pageReadTotals(
    std::int64_t fromMs, std::int64_t toMs)
{
    return collect<PageReadTotal>(
        m_context->database,
        "SELECT title_id, count(DISTINCT page), sum(seconds) FROM page_read "
        "WHERE first_read_at_ms >= ?1 AND first_read_at_ms < ?2 GROUP BY title_id ORDER BY "
        "title_id",
        [](const storage::Statement& row) -> Result<PageReadTotal> {
            auto titleId = sql::unsignedColumn(row, 0, "a page read's title id");
            if (!titleId)
                return std::unexpected(titleId.error());
            return PageReadTotal { *titleId, static_cast<std::uint64_t>(row.columnInt64(1)),
                row.columnInt64(2) };
        },
        fromMs, toMs);
}

Result<void> LibraryReading::forgetTitle(std::uint64_t titleId)
{
    auto id = titleInteger(titleId);
    if (!id)
        return std::unexpected(id.error());
    auto transaction = storage::Transaction::begin(m_context->database);
    if (!transaction)
        return std::unexpected(transaction.error());
    for (std::string_view table : { "reading_position", "bookmark", "annotation", "page_read" }) {
        auto removed = sql::execute(
            m_context->database, "DELETE FROM " + std::string(table) + " WHERE title_id = ?1", *id);
        if (!removed)
            return std::unexpected(removed.error());
    }
    return transaction->commit();
}

} // namespace ls::library
