#include "core/swarm/TorrentMaker.h"

#include <libtorrent/bencode.hpp>
#include <libtorrent/create_torrent.hpp>
#include <libtorrent/torrent_info.hpp>

#include <iterator>

namespace ls::swarm {

Result<CreatedTorrent> makeTorrent(const std::filesystem::path& file, std::uint32_t pieceSize)
{
    std::error_code fileError;
    if (!std::filesystem::is_regular_file(file, fileError))
        return fail(ErrorKind::NotFound, "No such file: " + file.string());
    if (pieceSize != 0 && (pieceSize < 16 * 1024 || (pieceSize & (pieceSize - 1)) != 0))
        return fail(ErrorKind::InvalidInput, "A piece size is a power of two of at least 16 KiB");

    lt::file_storage files;
    lt::add_files(files, file.string());
    if (files.num_files() != 1)
        return fail(ErrorKind::InvalidInput, "A title's torrent holds exactly one file");
    lt::create_torrent creator(files, static_cast<int>(pieceSize));
    creator.set_creator("Lightstreams");
    lt::error_code error;
    lt::set_piece_hashes(creator, file.parent_path().string(), error);
    if (error)
        return fail(ErrorKind::Io, "Could not hash " + file.string() + ": " + error.message());

    CreatedTorrent out;
    std::vector<char> encoded;
    lt::bencode(std::back_inserter(encoded), creator.generate());
    lt::torrent_info info(encoded, error, lt::from_span);
    if (error)
        return fail(ErrorKind::Internal, "libtorrent made a torrent it cannot read: " + error.message());
    const auto& v2 = info.info_hashes().v2;
    std::copy(v2.begin(), v2.end(), out.infohash.begin());
    out.torrentFile.assign(encoded.begin(), encoded.end());
    out.pieceSize = static_cast<std::uint32_t>(info.piece_length());
    return out;
}

} // namespace ls::swarm
