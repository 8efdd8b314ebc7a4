#pragma once

#include "core/api/Chain.h"
#include "core/api/Market.h"
#include "core/api/Wallet.h"
#include "core/library/Library.h"
#include "core/market/Seeder.h"
#include "core/swarm/Swarm.h"

#include <QObject>
#include <QThreadPool>

#include <filesystem>

namespace ls::market {

// What the publishing and fetching workflows share, owned by ContentSession: the chain (proven
// reads), the market (transactions), the library, the swarm with its seeder, the wallet's
// unlocked account (address, box key, opening delivered keys), and a worker pool whose results
// come back to `home` on the owner thread. Everything here lives on that one thread.
struct ContentServices {
    std::filesystem::path profile;
    api::Chain& chain;
    api::Market& market;
    library::Library& library;
    swarm::Swarm& swarm;
    Seeder& seeder;
    const api::UnlockedAccount& account;
    QThreadPool& workers;
    QObject& home;
};

} // namespace ls::market
