#include "app/node/NodeSetup.h"

#include "core/codec/Hex.h"
#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/crypto/Keystore.h"
#include "core/node/chain/Chain.h"
#include "core/node/execution/Genesis.h"
#include "core/util/AtomicFile.h"

#include <QDateTime>

namespace ls::nodeapp {
namespace {

Result<std::uint64_t> parseNumber(const QString& text, const char* what)
{
    bool ok = false;
    auto value = text.toULongLong(&ok);
    if (!ok)
        return fail(ErrorKind::InvalidInput, std::string(what) + " must be a whole number, not '" + text.toStdString() + "'");
    return value;
}

Result<crypto::Address> parseAddress(const QString& text)
{
    return crypto::Address::parse(text.trimmed().toStdString());
}

} // namespace

Result<crypto::SecretBytes> readPassphraseFile(const QString& path)
{
    auto contents = readFileLimited(path.toStdString(), 4096);
    if (!contents)
        return std::unexpected(contents.error());
    crypto::SecretBytes all(*contents);
    crypto::secureWipe(contents->data(), contents->size());
    std::size_t length = 0;
    while (length < all.size() && all.data()[length] != '\n' && all.data()[length] != '\r')
        ++length;
    if (length == 0)
        return fail(ErrorKind::InvalidInput, "The passphrase file's first line is empty");
    return crypto::SecretBytes(all.view().first(length));
}

Result<CreatedNetwork> createNetwork(const std::filesystem::path& dataDir,
                                     const NetworkSettings& settings,
                                     const crypto::PrivateKey& validatorKey,
                                     const crypto::SecretBytes* passphrase)
{
    auto validator = crypto::Address::fromPublicKey(validatorKey.publicKey());
    node::Genesis genesis;
    auto chainId = parseNumber(settings.chainId, "--chain-id");
    auto feeBps = parseNumber(settings.serviceFeeBps, "--service-fee-bps");
    auto gwei = parseNumber(settings.minGasPriceGwei, "--min-gas-price-gwei");
    auto heartbeat = parseNumber(settings.heartbeatMs, "--heartbeat-ms");
    for (auto* number : {&chainId, &feeBps, &gwei, &heartbeat})
        if (!*number)
            return std::unexpected(number->error());
    genesis.chainId = *chainId;
    genesis.timeMs = static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch());
    genesis.validators = {{validator, 10}};
    genesis.params.chainId = *chainId;
    genesis.params.minGasPrice = *codec::UInt256(*gwei).checkedMul(codec::UInt256(1'000'000'000));
    genesis.params.blockGasLimit = 1'000'000'000;
    genesis.params.serviceFeeBps = static_cast<std::uint32_t>(std::min<std::uint64_t>(*feeBps, 1'000'000));
    genesis.params.heartbeatMs = *heartbeat;
    genesis.params.treasury = validator;
    if (!settings.treasury.isEmpty()) {
        auto treasury = parseAddress(settings.treasury);
        if (!treasury)
            return fail(ErrorKind::InvalidInput, "--treasury: " + treasury.error().message);
        genesis.params.treasury = *treasury;
    }
    for (const auto& entry : settings.allocations) {
        auto parts = entry.split(QLatin1Char('='));
        if (parts.size() != 2)
            return fail(ErrorKind::InvalidInput, "--alloc takes ADDRESS=PHT, not '" + entry.toStdString() + "'");
        auto address = parseAddress(parts[0]);
        if (!address)
            return fail(ErrorKind::InvalidInput, "--alloc: " + address.error().message);
        auto amount = codec::parseUnits(parts[1].trimmed().toStdString(), 18);
        if (!amount)
            return fail(ErrorKind::InvalidInput, "--alloc " + parts[1].toStdString() + ": " + amount.error().message);
        genesis.allocations.push_back({*address, *amount});
    }
    if (auto valid = genesis.validate(); !valid)
        return std::unexpected(valid.error());

    std::error_code error;
    std::filesystem::create_directories(dataDir, error);
    if (error)
        return fail(ErrorKind::Io, "Cannot create " + dataDir.string() + ": " + error.message());
    if (std::filesystem::exists(dataDir / node::Chain::kDatabaseFile))
        return fail(ErrorKind::InvalidInput, dataDir.string() + " already holds a chain");

    if (passphrase) {
        auto keystore = crypto::Keystore::create(crypto::KeystorePayload::PrivateKey,
                                                 crypto::SecretBytes(validatorKey.secret().view()),
                                                 validator, passphrase->view());
        if (!keystore)
            return std::unexpected(keystore.error());
        if (auto saved = keystore->save(dataDir / kValidatorKeyFile); !saved)
            return std::unexpected(saved.error());
    }
    auto json = genesis.serialize();
    if (auto written = writeFileAtomically(dataDir / kGenesisFile,
                                           ByteView(reinterpret_cast<const std::uint8_t*>(json.constData()),
                                                    static_cast<std::size_t>(json.size())));
        !written)
        return std::unexpected(written.error());
    auto genesisHash = node::Chain::initialize(dataDir, genesis);
    if (!genesisHash)
        return std::unexpected(genesisHash.error());

    CreatedNetwork created;
    created.profile.name = settings.name;
    created.profile.chainId = genesis.chainId;
    created.profile.genesisHash = *genesisHash;
    created.profile.endpoints = {settings.endpoint};
    created.genesisHashHex = codec::toHex(*genesisHash, true);
    created.validator = validator.toChecksumString();
    created.profilePath = (dataDir / kProfileFile).string();
    if (auto saved = created.profile.save(dataDir / kProfileFile); !saved)
        return std::unexpected(saved.error());
    return created;
}

Result<crypto::PrivateKey> loadValidatorKey(const std::filesystem::path& dataDir,
                                            const crypto::SecretBytes& passphrase)
{
    auto keystore = crypto::Keystore::load(dataDir / kValidatorKeyFile);
    if (!keystore)
        return std::unexpected(keystore.error());
    auto secret = keystore->unlock(passphrase.view());
    if (!secret)
        return std::unexpected(secret.error());
    return crypto::PrivateKey::fromBytes(secret->view());
}

} // namespace ls::nodeapp
