#pragma once

#include "core/market/ContentServices.h"

#include <QMetaObject>
#include <QTimer>

#include <chrono>
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
// Two things the swarm does not do yet are made up for here (see the report on core/swarm):
//  - a key request that reaches a holder before the holder granted us is refused and never
//    sent again on that connection, so after a refusal (or a forged key, or a while without an
//    answer) the torrent is reconnected (Seeder::reconnect): on the new connection both sides
//    grant at once from their remembered decisions, so the request is answered;
//  - a copy that completes without the key can no longer ask (seeds drop connections to
//    seeds), so downloads are held slow (Seeder::holdDownloads) until the key is here.
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
    void askAgainSoon();
    void stopAsking();

    ContentServices& m_services;
    std::uint64_t m_titleId;
    Hash256 m_commitment;
    Hash256 m_infohash;
    std::function<void(const std::string&)> m_refused;
    std::function<void()> m_stored;
    std::vector<QMetaObject::Connection> m_connections;
    std::shared_ptr<void> m_slowDownloads;
    QTimer m_askAgain; // one-shot: reconnect shortly after a refusal
    QTimer m_patience; // periodic: reconnect when no answer came for a while
    std::chrono::steady_clock::time_point m_lastAsked {};
    bool m_asking = false;
};

} // namespace ls::market
