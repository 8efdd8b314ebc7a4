#include "core/node/execution/Genesis.h"

#include "core/node/execution/MemoryStateView.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <string>

namespace ls::node {
namespace {

std::unexpected<Error> genesisError(const std::string& where, const std::string& problem)
{
    return fail(ErrorKind::InvalidInput, "Genesis file: " + where + ": " + problem);
}

QString key(const char* name)
{
    return QString::fromLatin1(name);
}

// Exactly the named fields: a typo in a field name must not silently fall back to a default.
Result<void> checkFields(
    const QJsonObject& object, std::initializer_list<const char*> names, const std::string& where)
{
    for (const QString& present : object.keys()) {
        bool known = std::any_of(names.begin(), names.end(),
            [&](const char* name) { return present == QLatin1String(name); });
        if (!known)
            return genesisError(where, "unknown field '" + present.toStdString() + "'.");
    }
    for (const char* name : names)
        if (!object.contains(key(name)))
            return genesisError(where, "missing field '" + std::string(name) + "'.");
    return {};
}

// A whole JSON number from 0 to 2^63-1. Qt keeps integer literals as 64-bit integers, so these
// are exact (no detour through double).
Result<std::uint64_t> readUInt(const QJsonValue& value, const std::string& where)
{
    if (!value.isDouble())
        return genesisError(where, "must be a JSON number.");
    const qint64 integer = value.toInteger(-1);
    if (integer < 0)
        return genesisError(where, "must be a whole number from 0 to 2^63-1.");
    return static_cast<std::uint64_t>(integer);
}

// Amounts are decimal strings of base units: JSON numbers are doubles to many readers and would
// lose the low digits of 10^24.
Result<codec::UInt256> readAmount(const QJsonValue& value, const std::string& where)
{
    if (!value.isString())
        return genesisError(where, "must be a string of decimal digits (base units).");
    auto amount = codec::UInt256::fromDecimal(value.toString().toStdString());
    if (!amount)
        return genesisError(where, amount.error().message);
    return *amount;
}

Result<crypto::Address> readAddress(const QJsonValue& value, const std::string& where)
{
    if (!value.isString())
        return genesisError(where, "must be a \"0x…\" address string.");
    auto address = crypto::Address::parse(value.toString().toStdString());
    if (!address)
        return genesisError(where, address.error().message);
    return *address;
}

Result<QJsonObject> readObject(const QJsonValue& value, const std::string& where)
{
    if (!value.isObject())
        return genesisError(where, "must be a JSON object.");
    return value.toObject();
}

Result<QJsonArray> readArray(const QJsonValue& value, const std::string& where)
{
    if (!value.isArray())
        return genesisError(where, "must be a JSON array.");
    return value.toArray();
}

#define LS_GENESIS_TRY(target, expression)                                                         \
    do {                                                                                           \
        auto lsGenesisValue = (expression);                                                        \
        if (!lsGenesisValue)                                                                       \
            return std::unexpected(std::move(lsGenesisValue.error()));                             \
        (target) = std::move(*lsGenesisValue);                                                     \
    } while (false)

Result<ChainParams> readParams(const QJsonValue& value, std::uint64_t chainId)
{
    QJsonObject object;
    LS_GENESIS_TRY(object, readObject(value, "params"));
    if (auto fields = checkFields(object,
            { "minGasPrice", "blockGasLimit", "serviceFeeBps", "treasury", "heartbeatMs" },
            "params");
        !fields)
        return std::unexpected(std::move(fields.error()));
    ChainParams params;
    params.chainId = chainId;
    LS_GENESIS_TRY(
        params.minGasPrice, readAmount(object[key("minGasPrice")], "params.minGasPrice"));
    LS_GENESIS_TRY(
        params.blockGasLimit, readUInt(object[key("blockGasLimit")], "params.blockGasLimit"));
    std::uint64_t bps = 0;
    LS_GENESIS_TRY(bps, readUInt(object[key("serviceFeeBps")], "params.serviceFeeBps"));
    if (bps > ChainParams::kMaxServiceFeeBps)
        return genesisError("params.serviceFeeBps",
            "must be at most 10000 (100 %), not " + std::to_string(bps) + ".");
    params.serviceFeeBps = static_cast<std::uint32_t>(bps);
    LS_GENESIS_TRY(params.treasury, readAddress(object[key("treasury")], "params.treasury"));
    LS_GENESIS_TRY(params.heartbeatMs, readUInt(object[key("heartbeatMs")], "params.heartbeatMs"));
    return params;
}

Result<std::vector<protocol::Validator>> readValidators(const QJsonValue& value)
{
    QJsonArray array;
    LS_GENESIS_TRY(array, readArray(value, "validators"));
    std::vector<protocol::Validator> validators;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const std::string where = "validators[" + std::to_string(i) + "]";
        QJsonObject object;
        LS_GENESIS_TRY(object, readObject(array.at(i), where));
        if (auto fields = checkFields(object, { "address", "power" }, where); !fields)
            return std::unexpected(std::move(fields.error()));
        protocol::Validator validator;
        LS_GENESIS_TRY(validator.address, readAddress(object[key("address")], where + ".address"));
        LS_GENESIS_TRY(validator.votingPower, readUInt(object[key("power")], where + ".power"));
        validators.push_back(validator);
    }
    return validators;
}

Result<std::vector<GenesisAllocation>> readAllocations(const QJsonValue& value)
{
    QJsonArray array;
    LS_GENESIS_TRY(array, readArray(value, "allocations"));
    std::vector<GenesisAllocation> allocations;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const std::string where = "allocations[" + std::to_string(i) + "]";
        QJsonObject object;
        LS_GENESIS_TRY(object, readObject(array.at(i), where));
        if (auto fields = checkFields(object, { "address", "balance" }, where); !fields)
            return std::unexpected(std::move(fields.error()));
        GenesisAllocation allocation;
        LS_GENESIS_TRY(allocation.address, readAddress(object[key("address")], where + ".address"));
        LS_GENESIS_TRY(allocation.balance, readAmount(object[key("balance")], where + ".balance"));
        allocations.push_back(allocation);
    }
    return allocations;
}

QJsonValue integer(std::uint64_t value)
{
    return QJsonValue(static_cast<qint64>(value));
}

QJsonValue text(const std::string& value)
{
    return QJsonValue(QString::fromStdString(value));
}

} // namespace

Result<Genesis> Genesis::parse(const QByteArray& json)
{
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(ErrorKind::InvalidInput,
            "Genesis file is not valid JSON: " + parseError.errorString().toStdString()
                + " at byte " + std::to_string(parseError.offset) + ".");
    if (!document.isObject())
        return fail(ErrorKind::InvalidInput, "Genesis file: the top level must be a JSON object.");
    return fromJson(document.object());
}

Result<Genesis> Genesis::fromJson(const QJsonObject& object)
{
    if (auto fields = checkFields(
            object, { "chainId", "timeMs", "validators", "allocations", "params" }, "top level");
        !fields)
        return std::unexpected(std::move(fields.error()));
    Genesis genesis;
    LS_GENESIS_TRY(genesis.chainId, readUInt(object[key("chainId")], "chainId"));
    LS_GENESIS_TRY(genesis.timeMs, readUInt(object[key("timeMs")], "timeMs"));
    LS_GENESIS_TRY(genesis.validators, readValidators(object[key("validators")]));
    LS_GENESIS_TRY(genesis.allocations, readAllocations(object[key("allocations")]));
    LS_GENESIS_TRY(genesis.params, readParams(object[key("params")], genesis.chainId));
    if (auto valid = genesis.validate(); !valid)
        return std::unexpected(std::move(valid.error()));
    return genesis;
}

Result<void> Genesis::validate() const
{
    if (chainId == 0)
        return genesisError("chainId", "must not be 0.");
    if (params.chainId != chainId)
        return genesisError("params", "belong to another chain id.");
    if (auto valid = params.validate(); !valid)
        return genesisError("params", valid.error().message);

    std::map<crypto::Address, std::size_t> seen;
    for (std::size_t i = 0; i < validators.size(); ++i) {
        auto [it, fresh] = seen.emplace(validators[i].address, i);
        if (!fresh)
            return genesisError("validators[" + std::to_string(i) + "]",
                "duplicate validator " + validators[i].address.toChecksumString()
                    + " (already listed as validators[" + std::to_string(it->second) + "]).");
    }
    if (auto set = validatorSet(); !set)
        return std::unexpected(std::move(set.error()));

    seen.clear();
    codec::UInt256 total;
    for (std::size_t i = 0; i < allocations.size(); ++i) {
        const std::string where = "allocations[" + std::to_string(i) + "]";
        auto [it, fresh] = seen.emplace(allocations[i].address, i);
        if (!fresh)
            return genesisError(where,
                "duplicate allocation to " + allocations[i].address.toChecksumString()
                    + " (already allocated in allocations[" + std::to_string(it->second) + "]).");
        // The supply never grows after genesis (fees and sales only move funds), so a total that
        // fits in 256 bits keeps every later balance and credit in range.
        auto sum = total.checkedAdd(allocations[i].balance);
        if (!sum)
            return genesisError(where, "the total of all allocations exceeds 2^256 - 1.");
        total = *sum;
    }
    return {};
}

Result<protocol::ValidatorSet> Genesis::validatorSet() const
{
    auto set = protocol::ValidatorSet::create(validators);
    if (!set)
        return genesisError("validators", set.error().message);
    return set;
}

QJsonObject Genesis::toJson() const
{
    QJsonArray validatorArray;
    for (const auto& validator : validators)
        validatorArray.append(
            QJsonObject { { key("address"), text(validator.address.toChecksumString()) },
                { key("power"), integer(validator.votingPower) } });
    QJsonArray allocationArray;
    for (const auto& allocation : allocations)
        allocationArray.append(
            QJsonObject { { key("address"), text(allocation.address.toChecksumString()) },
                { key("balance"), text(allocation.balance.toDecimalString()) } });
    QJsonObject paramObject { { key("minGasPrice"), text(params.minGasPrice.toDecimalString()) },
        { key("blockGasLimit"), integer(params.blockGasLimit) },
        { key("serviceFeeBps"), integer(params.serviceFeeBps) },
        { key("treasury"), text(params.treasury.toChecksumString()) },
        { key("heartbeatMs"), integer(params.heartbeatMs) } };
    return QJsonObject { { key("chainId"), integer(chainId) }, { key("timeMs"), integer(timeMs) },
        { key("validators"), validatorArray }, { key("allocations"), allocationArray },
        { key("params"), paramObject } };
}

QByteArray Genesis::serialize() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

void Genesis::writeInitialState(ChainState& state) const
{
    for (const auto& allocation : allocations)
        state.setAccount(allocation.address, AccountState { 0, allocation.balance });
    state.setParams(params);
}

std::vector<StateChange> Genesis::initialStateChanges() const
{
    MemoryStateView empty;
    StateOverlay overlay(empty);
    ChainState state(overlay);
    writeInitialState(state);
    return overlay.changes();
}

} // namespace ls::node
