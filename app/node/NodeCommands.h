#pragma once

#include <QStringList>

namespace ls::nodeapp {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// `lightstreams-node init …`: a new network (genesis, validator key file, chain database,
// network profile) in a data directory.
int runInit(const QStringList& arguments);
// `lightstreams-node run …`: serve an initialised data directory until stopped.
int runNode(const QStringList& arguments);
// `lightstreams-node --dev …`: a fresh single-validator network with funded development accounts,
// in one command.
int runDev(const QStringList& arguments);

} // namespace ls::nodeapp
