#include "core/library/LibraryRows.h"

#include "core/library/LibrarySql.h"

namespace ls::library::rows {

Result<OwnedTitle> readTitle(const storage::Statement& row)
{
    auto id = sql::unsignedColumn(row, 0, "a title id");
    if (!id)
        return std::unexpected(id.error());
    auto author = sql::fixedColumn<20>(row, 1, "a title's author");
    if (!author)
        return std::unexpected(author.error());
    auto metadataHash = sql::fixedColumn<32>(row, 2, "a title's metadata infohash");
    if (!metadataHash)
        return std::unexpected(metadataHash.error());
    auto commitment = sql::fixedColumn<32>(row, 3, "a title's key commitment");
    if (!commitment)
        return std::unexpected(commitment.error());
    auto version = sql::uint32Column(row, 5, "a licence's version");
    if (!version)
        return std::unexpected(version.error());
    auto price = sql::fixedColumn<32>(row, 6, "a licence's price");
    if (!price)
        return std::unexpected(price.error());
    auto priceValue = codec::UInt256::fromBigEndian(*price);
    if (!priceValue)
        return sql::damaged("a licence's price is unreadable");

    OwnedTitle title;
    title.titleId = *id;
    title.author = crypto::Address(*author);
    title.metadataInfohash = *metadataHash;
    title.keyCommitment = *commitment;
    title.metadataJson = row.columnText(4);
    title.licence = Licence { *version, *priceValue, row.columnInt64(7) };
    title.addedAtMs = row.columnInt64(8);
    return title;
}

Result<TitleVersion> readVersion(const storage::Statement& row)
{
    auto number = sql::uint32Column(row, 1, "a version number");
    if (!number)
        return std::unexpected(number.error());
    auto infohash = sql::fixedColumn<32>(row, 2, "a version's content infohash");
    if (!infohash)
        return std::unexpected(infohash.error());
    auto size = sql::unsignedColumn(row, 3, "a version's size");
    if (!size)
        return std::unexpected(size.error());
    return TitleVersion { *number, *infohash, *size, row.columnText(4), row.columnInt64(5) };
}

Result<VersionDownload> readDownload(const storage::Statement& row)
{
    VersionDownload download;
    auto id = sql::unsignedColumn(row, 0, "a download's title id");
    if (!id)
        return std::unexpected(id.error());
    auto version = sql::uint32Column(row, 1, "a download's version");
    if (!version)
        return std::unexpected(version.error());
    std::int64_t state = row.columnInt64(2);
    if (state < 0 || state > static_cast<std::int64_t>(DownloadState::Removed))
        return sql::damaged("a download has an unknown state");
    auto total = sql::unsignedColumn(row, 4, "a download's total size");
    if (!total)
        return std::unexpected(total.error());
    auto verified = sql::unsignedColumn(row, 5, "a download's verified bytes");
    if (!verified)
        return std::unexpected(verified.error());
    download.titleId = *id;
    download.version = *version;
    download.state = static_cast<DownloadState>(state);
    download.containerFile = row.columnText(3);
    download.totalSize = *total;
    download.bytesVerified = *verified;
    ByteView bitfield = row.columnBlob(6);
    download.pieceBitfield.assign(bitfield.begin(), bitfield.end());
    download.updatedAtMs = row.columnInt64(7);
    return download;
}

Result<ReadingPosition> readPosition(const storage::Statement& row)
{
    auto id = sql::unsignedColumn(row, 0, "a reading position's title id");
    if (!id)
        return std::unexpected(id.error());
    auto version = sql::uint32Column(row, 1, "a reading position's version");
    if (!version)
        return std::unexpected(version.error());
    return ReadingPosition { *id, *version, row.columnText(2), row.columnInt64(3) };
}

} // namespace ls::library::rows
