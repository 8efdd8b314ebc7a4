#pragma once

#include "core/crypto/SecureMemory.h"
#include "core/crypto/Secp256k1.h"
#include "core/protocol/NetworkProfile.h"
#include "core/util/Error.h"

#include <QString>
#include <QStringList>

#include <filesystem>

namespace ls::nodeapp {

// The choices of `init` (and `--dev`), still as the user typed them; createNetwork checks them.
struct NetworkSettings {
    std::string name;
    std::string endpoint;
    QStringList allocations; // "0xADDRESS=PHT"
    QString treasury;        // empty: the validator
    QString chainId = QStringLiteral("16300");
    QString serviceFeeBps = QStringLiteral("250");
    QString minGasPriceGwei = QStringLiteral("1");
    QString heartbeatMs = QStringLiteral("5000");
};

struct CreatedNetwork {
    protocol::NetworkProfile profile;
    std::string genesisHashHex;
    std::string validator; // EIP-55 address
    std::string profilePath;
};

inline constexpr const char* kGenesisFile = "genesis.json";
inline constexpr const char* kValidatorKeyFile = "validator.json";
inline constexpr const char* kProfileFile = "network.json";

// Writes genesis.json, the chain database and network.json into `dataDir`, and — when a
// passphrase is given — the validator key encrypted as validator.json. Refuses a directory that
// already holds a chain.
Result<CreatedNetwork> createNetwork(const std::filesystem::path& dataDir,
                                     const NetworkSettings& settings,
                                     const crypto::PrivateKey& validatorKey,
                                     const crypto::SecretBytes* passphrase);

Result<crypto::SecretBytes> readPassphraseFile(const QString& path);
Result<crypto::PrivateKey> loadValidatorKey(const std::filesystem::path& dataDir,
                                            const crypto::SecretBytes& passphrase);

} // namespace ls::nodeapp
