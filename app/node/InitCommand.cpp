#include "app/node/NodeCommands.h"
#include "app/node/NodeSetup.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace ls::nodeapp {

int runInit(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Create a new network in DIR: genesis.json, an encrypted validator key (validator.json),\n"
        "the chain database with the genesis block, and network.json — the profile that wallets\n"
        "and apps load to join (it pins the genesis hash)."));
    parser.addHelpOption();
    QCommandLineOption dataDir(QStringLiteral("datadir"), QStringLiteral("Data directory (required)."), QStringLiteral("DIR"));
    QCommandLineOption chainId(QStringLiteral("chain-id"), QStringLiteral("Chain id (default 16300)."), QStringLiteral("N"), QStringLiteral("16300"));
    QCommandLineOption alloc(QStringLiteral("alloc"), QStringLiteral("Fund ADDRESS with PHT at genesis (repeatable), e.g. 0xabc…=1000."), QStringLiteral("ADDRESS=PHT"));
    QCommandLineOption treasury(QStringLiteral("treasury"), QStringLiteral("Address receiving the service fee (default: the validator)."), QStringLiteral("ADDRESS"));
    QCommandLineOption fee(QStringLiteral("service-fee-bps"), QStringLiteral("Service fee per sale in basis points (default 250 = 2.5%)."), QStringLiteral("BPS"), QStringLiteral("250"));
    QCommandLineOption minGas(QStringLiteral("min-gas-price-gwei"), QStringLiteral("Minimum gas price in gwei (default 1)."), QStringLiteral("GWEI"), QStringLiteral("1"));
    QCommandLineOption heartbeat(QStringLiteral("heartbeat-ms"), QStringLiteral("Empty-block interval (default 5000)."), QStringLiteral("MS"), QStringLiteral("5000"));
    QCommandLineOption endpoint(QStringLiteral("endpoint"), QStringLiteral("RPC URL written into network.json (default http://127.0.0.1:8545)."), QStringLiteral("URL"), QStringLiteral("http://127.0.0.1:8545"));
    QCommandLineOption passphraseFile(QStringLiteral("passphrase-file"), QStringLiteral("Encrypt the validator key with the first line of FILE (required)."), QStringLiteral("FILE"));
    QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Network name shown in apps."), QStringLiteral("NAME"), QStringLiteral("Lightstreams network"));
    parser.addOptions({dataDir, chainId, alloc, treasury, fee, minGas, heartbeat, endpoint, passphraseFile, name});
    parser.process(arguments);

    if (!parser.isSet(dataDir) || !parser.isSet(passphraseFile)) {
        std::fputs("lightstreams-node init: --datadir and --passphrase-file are required (see --help)\n", stderr);
        return kExitUsage;
    }
    NetworkSettings settings;
    settings.name = parser.value(name).toStdString();
    settings.endpoint = parser.value(endpoint).toStdString();
    settings.allocations = parser.values(alloc);
    settings.treasury = parser.value(treasury);
    settings.chainId = parser.value(chainId);
    settings.serviceFeeBps = parser.value(fee);
    settings.minGasPriceGwei = parser.value(minGas);
    settings.heartbeatMs = parser.value(heartbeat);

    auto passphrase = readPassphraseFile(parser.value(passphraseFile));
    if (!passphrase) {
        std::fprintf(stderr, "lightstreams-node init: %s\n", passphrase.error().message.c_str());
        return kExitFailed;
    }
    auto created = createNetwork(parser.value(dataDir).toStdString(), settings,
                                 crypto::PrivateKey::generate(), &*passphrase);
    if (!created) {
        std::fprintf(stderr, "lightstreams-node init: %s\n", created.error().message.c_str());
        return kExitFailed;
    }
    std::printf("Network created in %s\n  chain id      %llu\n  genesis hash  %s\n  validator     %s\n  profile       %s\n",
                qPrintable(parser.value(dataDir)), static_cast<unsigned long long>(created->profile.chainId),
                created->genesisHashHex.c_str(), created->validator.c_str(), created->profilePath.c_str());
    return kExitOk;
}

} // namespace ls::nodeapp
