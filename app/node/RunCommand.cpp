#include "app/node/NodeCommands.h"
#include "app/node/NodeSetup.h"
#include "app/node/ShutdownSignals.h"

#include "core/crypto/Address.h"
#include "core/crypto/HdKey.h"
#include "core/crypto/Mnemonic.h"
#include "core/node/service/NodeRunner.h"
#include "core/util/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>

namespace ls::nodeapp {
namespace {

// The well-known development phrase (Hardhat, Foundry): funded only on --dev networks, so any
// Ethereum tool's default test accounts work here unchanged. Never use it for real funds.
constexpr const char* kDevPhrase = "test test test test test test test test test test test junk";
constexpr int kDevAccounts = 5;
constexpr const char* kDevBalancePht = "1000000";

struct Endpoint {
    QHostAddress host;
    quint16 port = 0;
};

Result<Endpoint> parseEndpoint(const QString& text)
{
    auto colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    quint16 port = colon > 0 ? text.mid(colon + 1).toUShort(&ok) : quint16{0};
    QHostAddress host(text.left(colon));
    if (colon <= 0 || !ok || host.isNull())
        return fail(ErrorKind::InvalidInput, "--rpc takes HOST:PORT, e.g. 127.0.0.1:8545, not '" + text.toStdString() + "'");
    return Endpoint{host, static_cast<quint16>(port)};
}

QString clientVersion()
{
    return QStringLiteral("lightstreams-node/") + QString::fromLatin1(kVersion);
}

int serve(const std::filesystem::path& dataDir, const Endpoint& endpoint,
          std::optional<crypto::PrivateKey> validatorKey, const std::function<void(quint16)>& ready)
{
    node::NodeRunnerOptions options;
    options.dataDir = dataDir;
    options.rpcHost = endpoint.host;
    options.rpcPort = endpoint.port;
    options.validatorKey = std::move(validatorKey);
    options.clientVersion = clientVersion();
    auto runner = node::NodeRunner::start(options);
    if (!runner) {
        std::fprintf(stderr, "lightstreams-node: %s\n", runner.error().message.c_str());
        return kExitFailed;
    }
    QObject::connect(runner->get(), &node::NodeRunner::problem, [](const QString& message) {
        std::fprintf(stderr, "lightstreams-node: %s\n", qPrintable(message));
    });
    quitOnTerminationSignals();
    ready((*runner)->rpcPort());
    std::printf("RPC listening on http://%s:%u (HTTP and WebSocket)\n",
                qPrintable(endpoint.host.toString()), (*runner)->rpcPort());
    std::fflush(stdout);
    return QCoreApplication::exec();
}

} // namespace

int runNode(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Serve the chain in DIR (created by init) until stopped."));
    parser.addHelpOption();
    QCommandLineOption dataDir(QStringLiteral("datadir"), QStringLiteral("Data directory (required)."), QStringLiteral("DIR"));
    QCommandLineOption rpc(QStringLiteral("rpc"), QStringLiteral("JSON-RPC address (default 127.0.0.1:8545; port 0 picks a free one and\nwrites it into DIR/network.json)."), QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8545"));
    QCommandLineOption passphraseFile(QStringLiteral("passphrase-file"), QStringLiteral("Unlock validator.json with FILE's first line to propose blocks."), QStringLiteral("FILE"));
    parser.addOptions({dataDir, rpc, passphraseFile});
    parser.process(arguments);
    if (!parser.isSet(dataDir)) {
        std::fputs("lightstreams-node run: --datadir is required (see --help)\n", stderr);
        return kExitUsage;
    }
    auto endpoint = parseEndpoint(parser.value(rpc));
    if (!endpoint) {
        std::fprintf(stderr, "lightstreams-node run: %s\n", endpoint.error().message.c_str());
        return kExitUsage;
    }
    std::filesystem::path dir = parser.value(dataDir).toStdString();
    std::optional<crypto::PrivateKey> key;
    if (parser.isSet(passphraseFile)) {
        auto passphrase = readPassphraseFile(parser.value(passphraseFile));
        auto loaded = passphrase ? loadValidatorKey(dir, *passphrase) : std::unexpected(passphrase.error());
        if (!loaded) {
            std::fprintf(stderr, "lightstreams-node run: %s\n", loaded.error().message.c_str());
            return kExitFailed;
        }
        key = std::move(*loaded);
    }
    return serve(dir, *endpoint, std::move(key), [&](quint16 port) {
        if (endpoint->port != 0)
            return;
        // Port 0 asked for any free port: only now is it known, and the profile apps load from
        // this directory must name it (as --dev does). A fixed port leaves the profile alone: it
        // may name a public URL in front of this node.
        auto profile = protocol::NetworkProfile::load(dir / kProfileFile);
        if (profile) {
            profile->endpoints = {"http://" + endpoint->host.toString().toStdString() + ":" + std::to_string(port)};
            if (auto saved = profile->save(dir / kProfileFile); saved) {
                std::printf("Network profile %s\n", (dir / kProfileFile).c_str());
                return;
            }
        }
        std::fprintf(stderr, "lightstreams-node run: cannot write the port into %s\n", (dir / kProfileFile).c_str());
    });
}

int runDev(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Start a fresh single-validator development network in one command. Five accounts of the\n"
        "well-known development phrase are funded with 1,000,000 PHT each. The chain lives in a\n"
        "temporary directory (removed on exit) unless --datadir is given."));
    parser.addHelpOption();
    QCommandLineOption devFlag(QStringLiteral("dev"), QStringLiteral("Development network."));
    QCommandLineOption dataDir(QStringLiteral("datadir"), QStringLiteral("Keep the chain in DIR (must not hold one yet)."), QStringLiteral("DIR"));
    QCommandLineOption rpc(QStringLiteral("rpc"), QStringLiteral("JSON-RPC address (default 127.0.0.1:8545; port 0 picks a free one)."), QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8545"));
    QCommandLineOption heartbeat(QStringLiteral("heartbeat-ms"), QStringLiteral("Empty-block interval (default 1000)."), QStringLiteral("MS"), QStringLiteral("1000"));
    parser.addOptions({devFlag, dataDir, rpc, heartbeat});
    parser.process(arguments);

    auto endpoint = parseEndpoint(parser.value(rpc));
    if (!endpoint) {
        std::fprintf(stderr, "lightstreams-node --dev: %s\n", endpoint.error().message.c_str());
        return kExitUsage;
    }
    QTemporaryDir temporary;
    std::filesystem::path dir = parser.isSet(dataDir) ? parser.value(dataDir).toStdString()
                                                      : temporary.path().toStdString();

    auto mnemonic = crypto::Mnemonic::parse(kDevPhrase);
    auto seed = mnemonic ? mnemonic->seed() : std::unexpected(mnemonic.error());
    if (!seed)
        return kExitFailed;
    NetworkSettings settings;
    settings.name = "Development network";
    settings.heartbeatMs = parser.value(heartbeat);
    std::vector<std::string> accounts;
    for (std::uint32_t i = 0; i < kDevAccounts; ++i) {
        auto key = crypto::ethereumAccountKey(*seed, i);
        if (!key)
            return kExitFailed;
        auto address = crypto::Address::fromPublicKey(key->publicKey()).toChecksumString();
        accounts.push_back(address);
        settings.allocations << QString::fromStdString(address) + QLatin1Char('=') + QLatin1String(kDevBalancePht);
    }
    settings.endpoint = "http://" + endpoint->host.toString().toStdString() + ":" + std::to_string(endpoint->port);
    auto validatorKey = crypto::PrivateKey::generate();
    auto created = createNetwork(dir, settings, validatorKey, nullptr);
    if (!created) {
        std::fprintf(stderr, "lightstreams-node --dev: %s\n", created.error().message.c_str());
        return kExitFailed;
    }
    std::printf("Development network (chain id %llu) in %s\n  genesis hash  %s\n",
                static_cast<unsigned long long>(created->profile.chainId), dir.c_str(),
                created->genesisHashHex.c_str());
    std::printf("  funded accounts (phrase \"%s\", development only):\n", kDevPhrase);
    for (const auto& account : accounts)
        std::printf("    %s  %s PHT\n", account.c_str(), kDevBalancePht);

    auto profile = created->profile;
    return serve(dir, *endpoint, std::move(validatorKey), [&](quint16 port) {
        // With port 0 the real port is known only now: the profile must name it.
        profile.endpoints = {"http://" + endpoint->host.toString().toStdString() + ":" + std::to_string(port)};
        if (auto saved = profile.save(dir / kProfileFile); saved)
            std::printf("  network profile  %s\n", (dir / kProfileFile).c_str());
    });
}

} // namespace ls::nodeapp
