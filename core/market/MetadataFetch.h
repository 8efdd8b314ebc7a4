#pragma once

#include "core/market/ContentServices.h"

#include <QMetaObject>

#include <cstdint>
#include <functional>
#include <vector>

namespace ls::market {

// Fetches a bought title's public metadata torrent by the infohash the chain records (so the
// document is the author's: libtorrent checks every piece against it), decodes the document
// strictly, stores it with the title in the library, and keeps the torrent so this profile
// seeds the metadata too.
class MetadataFetch {
public:
    MetadataFetch(ContentServices& services, std::uint64_t titleId, const Hash256& infohash,
        std::function<void(Result<void>)> done);
    ~MetadataFetch();

    MetadataFetch(const MetadataFetch&) = delete;
    MetadataFetch& operator=(const MetadataFetch&) = delete;

    void start();

private:
    void onComplete();
    Result<void> store();
    void finish(Result<void> result);

    ContentServices& m_services;
    std::uint64_t m_titleId;
    Hash256 m_infohash;
    std::function<void(Result<void>)> m_done;
    std::vector<QMetaObject::Connection> m_connections;
};

} // namespace ls::market
