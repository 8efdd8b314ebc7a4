#pragma once

#include "core/market/ContentServices.h"

#include <QMetaObject>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace ls::market {

// Obtains a title's key for a buyer (docs/protocol.md §11 "Key delivery"): asks the granted
// peers of one of the title's torrents, and checks every sealed key that arrives — it must open
// with this wallet's box key and match the key commitment the chain records for the title —
// before the library stores it (wrapped). A key that fails is refused and reported, and the
// next holder's answer is checked in turn; asking stops once a key is stored.
//
// The swarm does the asking (core/swarm PermitGate): every connected holder that granted us, and
// again a few seconds after a refusal or a key that did not check out, for as long as the key is
// wanted; connections that carry key business stay open when both copies are complete.
class TitleKeyReceiver {
public:
    TitleKeyReceiver(ContentServices& services, std::uint64_t titleId, const Hash256& keyCommitment,
        const Hash256& infohash, std::function<void(const std::string& note)> refused,
        std::function<void()> stored);
    ~TitleKeyReceiver();

    TitleKeyReceiver(const TitleKeyReceiver&) = delete;
    TitleKeyReceiver& operator=(const TitleKeyReceiver&) = delete;

    void start();
    // Opens, checks and stores one delivered key.
    Result<void> accept(const FixedBytes<80>& sealedKey);

private:
    void stopAsking();

    ContentServices& m_services;
    std::uint64_t m_titleId;
    Hash256 m_commitment;
    Hash256 m_infohash;
    std::function<void(const std::string&)> m_refused;
    std::function<void()> m_stored;
    std::vector<QMetaObject::Connection> m_connections;
    bool m_asking = false;
};

} // namespace ls::market
