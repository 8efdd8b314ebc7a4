#pragma once

#include "core/market/ContentServices.h"

#include <QMetaObject>
#include <QTimer>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

namespace ls::market {

// Fetches the public metadata torrent of any title — bought or not — by the infohash the chain
// records (libtorrent checks every piece against it, so the document is the author's), decodes
// the document strictly and hands over its bytes. Nothing goes into the library: a torrent this
// fetch added is taken out of the swarm again and its file deleted once read, unless the title
// is in the library meanwhile (its own MetadataFetch may be using the same torrent).
//
// Fails with NotFound when no peer delivered the document within `timeout`; a later try may
// find one. Lives on the owner thread of ContentServices.
class PublicMetadataFetch {
public:
    PublicMetadataFetch(ContentServices& services, std::uint64_t titleId, const Hash256& infohash,
        std::filesystem::path saveDirectory, std::chrono::milliseconds timeout,
        std::function<void(Result<Bytes>)> done);
    ~PublicMetadataFetch();

    PublicMetadataFetch(const PublicMetadataFetch&) = delete;
    PublicMetadataFetch& operator=(const PublicMetadataFetch&) = delete;

    void start();

private:
    Result<Bytes> read();
    void finish(Result<Bytes> result);
    void disconnect();
    void release();

    ContentServices& m_services;
    std::uint64_t m_titleId;
    Hash256 m_infohash;
    std::filesystem::path m_saveDirectory;
    std::function<void(Result<Bytes>)> m_done;
    std::vector<QMetaObject::Connection> m_connections;
    QTimer m_timeout;
    bool m_addedHere = false;
};

} // namespace ls::market
