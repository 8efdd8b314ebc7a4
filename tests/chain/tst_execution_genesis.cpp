#include "core/node/execution/AccountState.h"
#include "core/node/execution/Genesis.h"
#include "core/protocol/StateProof.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "tests/chain/ProtocolTestSupport.h"
#include <functional>

using namespace ls;
using namespace ls::testing;
using codec::UInt256;
using node::Genesis;

namespace {

// Addresses of keys 0x01…01 and 0x02…02 would do as well; fixed strings keep the file readable.
constexpr const char* kValidator = "0x1a642f0E3c3aF545E7AcBD38b07251B3990914F1";
constexpr const char* kAlice = "0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A";
constexpr const char* kTreasury = "0x000000000000000000000000000000000000Fee5";

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

// The example of docs/protocol.md §7 with real addresses.
QJsonObject example()
{
    auto doc = QJsonDocument::fromJson(R"({ "chainId": 16300, "timeMs": 1795000000000,
      "validators":  [ { "address": "0x1a642f0E3c3aF545E7AcBD38b07251B3990914F1", "power": 10 } ],
      "allocations": [ { "address": "0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A",
                         "balance": "1000000000000000000000000" } ],
      "params": { "minGasPrice": "1000000000", "blockGasLimit": 1000000000,
                  "serviceFeeBps": 250, "treasury": "0x000000000000000000000000000000000000Fee5",
                  "heartbeatMs": 5000 } })");
    return doc.object();
}

QByteArray bytesOf(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The example with one edit made by `edit`.
QByteArray edited(const std::function<void(QJsonObject&)>& edit)
{
    QJsonObject object = example();
    edit(object);
    return bytesOf(object);
}

void setParam(QJsonObject& root, const char* name, const QJsonValue& value)
{
    QJsonObject params = root[s("params")].toObject();
    params[s(name)] = value;
    root[s("params")] = params;
}

void setInArray(QJsonObject& root, const char* array, const char* name, const QJsonValue& value)
{
    QJsonArray items = root[s(array)].toArray();
    QJsonObject first = items.at(0).toObject();
    if (value.isUndefined())
        first.remove(s(name));
    else
        first[s(name)] = value;
    items[0] = first;
    root[s(array)] = items;
}

void appendCopyOfFirst(QJsonObject& root, const char* array)
{
    QJsonArray items = root[s(array)].toArray();
    items.append(items.at(0));
    root[s(array)] = items;
}

crypto::Address address(const char* text)
{
    return must(crypto::Address::parse(text));
}

} // namespace

class TestExecutionGenesis : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesTheSpecExample()
    {
        auto genesis = must(Genesis::parse(bytesOf(example())));
        QCOMPARE(genesis.chainId, std::uint64_t { 16300 });
        QCOMPARE(genesis.timeMs, std::uint64_t { 1795000000000 });
        QCOMPARE(genesis.validators.size(), std::size_t { 1 });
        QCOMPARE(genesis.validators[0].address, address(kValidator));
        QCOMPARE(genesis.validators[0].votingPower, std::uint64_t { 10 });
        QCOMPARE(genesis.allocations.size(), std::size_t { 1 });
        QCOMPARE(genesis.allocations[0].address, address(kAlice));
        QCOMPARE(genesis.allocations[0].balance,
            must(UInt256::fromDecimal("1000000000000000000000000")));
        QCOMPARE(genesis.params.chainId, std::uint64_t { 16300 });
        QCOMPARE(genesis.params.minGasPrice, UInt256(1'000'000'000));
        QCOMPARE(genesis.params.blockGasLimit, std::uint64_t { 1'000'000'000 });
        QCOMPARE(genesis.params.serviceFeeBps, std::uint32_t { 250 });
        QCOMPARE(genesis.params.treasury, address(kTreasury));
        QCOMPARE(genesis.params.heartbeatMs, std::uint64_t { 5000 });
        QCOMPARE(must(genesis.validatorSet()).totalPower(), std::uint64_t { 10 });
    }

    void serializeRoundTrips()
    {
        auto genesis = must(Genesis::parse(bytesOf(example())));
        // Lowercase addresses in, checksummed out; the values stay equal.
        auto lower = edited([](QJsonObject& root) {
            setInArray(root, "allocations", "address", s(kAlice).toLower());
        });
        QCOMPARE(must(Genesis::parse(lower)), genesis);
        auto text = genesis.serialize();
        QCOMPARE(must(Genesis::parse(text)), genesis);
        QVERIFY(text.contains(kAlice));
        QVERIFY(text.contains("\"1000000000000000000000000\""));
    }

    void initialStateHoldsAllocationsAndParams()
    {
        auto genesis = must(Genesis::parse(edited([](QJsonObject& root) {
            QJsonArray allocations = root[s("allocations")].toArray();
            allocations.append(
                QJsonObject { { s("address"), s(kTreasury) }, { s("balance"), s("7") } });
            root[s("allocations")] = allocations;
        })));
        auto changes = genesis.initialStateChanges();
        QCOMPARE(changes.size(), std::size_t { 3 });
        QVERIFY(std::is_sorted(changes.begin(), changes.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; }));
        auto valueAt = [&](const Hash256& path) -> Bytes {
            for (const auto& change : changes)
                if (change.path == path)
                    return change.value.value_or(Bytes {});
            return {};
        };
        // §3: rlp([nonce, balance]) with nonce 0; §7: rlp([minGasPrice, blockGasLimit,
        // serviceFeeBps, treasury, heartbeatMs]).
        QCOMPARE(valueAt(protocol::statePath(0x01, address(kAlice).view())),
            listOf({ uintItem(0),
                uintItem(must(UInt256::fromDecimal("1000000000000000000000000"))) }));
        QCOMPARE(valueAt(protocol::statePath(0x01, address(kTreasury).view())),
            listOf({ uintItem(0), uintItem(7) }));
        QCOMPARE(valueAt(protocol::statePath(0x06, asBytes("params"))),
            listOf({ uintItem(1'000'000'000), uintItem(1'000'000'000), uintItem(250),
                bytesItem(address(kTreasury).view()), uintItem(5000) }));
    }

    void rejectsMalformedFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        auto row = [](const char* name, QByteArray json, const char* message) {
            QTest::newRow(name) << json << s(message);
        };
        row("not json", "{ \"chainId\": ", "not valid JSON");
        row("top-level array", "[]", "top level must be a JSON object");
        row("unknown top-level field", edited([](QJsonObject& r) { r[s("chainid")] = 1; }),
            "unknown field 'chainid'");
        row("missing field", edited([](QJsonObject& r) { r.remove(s("timeMs")); }),
            "missing field 'timeMs'");
        row("chain id as string", edited([](QJsonObject& r) { r[s("chainId")] = s("16300"); }),
            "chainId: must be a JSON number");
        row("chain id zero", edited([](QJsonObject& r) { r[s("chainId")] = 0; }),
            "chainId: must not be 0");
        row("negative time", edited([](QJsonObject& r) { r[s("timeMs")] = -1; }),
            "timeMs: must be a whole number");
        row("fractional time", edited([](QJsonObject& r) { r[s("timeMs")] = 1.5; }),
            "timeMs: must be a whole number");
        row("unknown param", edited([](QJsonObject& r) { setParam(r, "burn", true); }),
            "params: unknown field 'burn'");
        row("service fee above 100 %",
            edited([](QJsonObject& r) { setParam(r, "serviceFeeBps", 10001); }),
            "params.serviceFeeBps: must be at most 10000");
        row("block gas limit too small",
            edited([](QJsonObject& r) { setParam(r, "blockGasLimit", 20999); }),
            "blockGasLimit must be at least 21000");
        row("heartbeat zero", edited([](QJsonObject& r) { setParam(r, "heartbeatMs", 0); }),
            "heartbeatMs must not be 0");
        row("min gas price as number",
            edited([](QJsonObject& r) { setParam(r, "minGasPrice", 1000000000); }),
            "params.minGasPrice: must be a string of decimal digits");
        row("bad treasury", edited([](QJsonObject& r) { setParam(r, "treasury", s("0x1234")); }),
            "params.treasury");
        row("balance with a fraction",
            edited([](QJsonObject& r) { setInArray(r, "allocations", "balance", s("1.5")); }),
            "allocations[0].balance: Character 2");
        row("negative balance",
            edited([](QJsonObject& r) { setInArray(r, "allocations", "balance", s("-1")); }),
            "allocations[0].balance");
        row("empty balance",
            edited([](QJsonObject& r) { setInArray(r, "allocations", "balance", s("")); }),
            "allocations[0].balance: The number is empty");
        row("balance above 2^256", edited([](QJsonObject& r) {
            setInArray(r, "allocations", "balance",
                s("11579208923731619542357098500868790785326998466564056403945758400791312963993"
                  "6"));
        }),
            "allocations[0].balance: The number is too large");
        row("balance as number",
            edited([](QJsonObject& r) { setInArray(r, "allocations", "balance", 5); }),
            "allocations[0].balance: must be a string");
        row("bad checksum", edited([](QJsonObject& r) {
            setInArray(
                r, "allocations", "address", s("0x19e7E376E7C213B7E7e7e46cc70A5dD086DAff2A"));
        }),
            "allocations[0].address");
        row("allocation missing balance", edited([](QJsonObject& r) {
            setInArray(r, "allocations", "balance", QJsonValue::Undefined);
        }),
            "allocations[0]: missing field 'balance'");
        row("allocation extra field",
            edited([](QJsonObject& r) { setInArray(r, "allocations", "nonce", 1); }),
            "allocations[0]: unknown field 'nonce'");
        row("duplicate allocation",
            edited([](QJsonObject& r) { appendCopyOfFirst(r, "allocations"); }),
            "allocations[1]: duplicate allocation to 0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A");
        row("allocations overflow", edited([](QJsonObject& r) {
            setInArray(r, "allocations", "balance",
                s("11579208923731619542357098500868790785326998466564056403945758400791312963993"
                  "5"));
            QJsonArray items = r[s("allocations")].toArray();
            items.append(QJsonObject { { s("address"), s(kTreasury) }, { s("balance"), s("1") } });
            r[s("allocations")] = items;
        }),
            "allocations[1]: the total of all allocations exceeds 2^256 - 1");
        row("duplicate validator",
            edited([](QJsonObject& r) { appendCopyOfFirst(r, "validators"); }),
            "validators[1]: duplicate validator 0x1a642f0E3c3aF545E7AcBD38b07251B3990914F1");
        row("no validators", edited([](QJsonObject& r) { r[s("validators")] = QJsonArray {}; }),
            "validators");
        row("zero power", edited([](QJsonObject& r) { setInArray(r, "validators", "power", 0); }),
            "validators");
        row("power as string",
            edited([](QJsonObject& r) { setInArray(r, "validators", "power", s("10")); }),
            "validators[0].power: must be a JSON number");
        row("validators not an array",
            edited([](QJsonObject& r) { r[s("validators")] = QJsonObject {}; }),
            "validators: must be a JSON array");
    }

    void rejectsMalformedFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        auto parsed = Genesis::parse(json);
        QVERIFY(failsWith(parsed, message.toStdString()));
        QCOMPARE(parsed.error().kind, ErrorKind::InvalidInput);
        QVERIFY(failsWith(parsed, "Genesis file"));
    }

    void validateCatchesHandBuiltMistakes()
    {
        auto genesis = must(Genesis::parse(bytesOf(example())));
        auto wrongChain = genesis;
        wrongChain.params.chainId = 1;
        QVERIFY(failsWith(wrongChain.validate(), "another chain id"));
        auto duplicate = genesis;
        duplicate.allocations.push_back(duplicate.allocations[0]);
        QVERIFY(failsWith(duplicate.validate(), "duplicate allocation"));
    }
};

QTEST_GUILESS_MAIN(TestExecutionGenesis)
#include "tst_execution_genesis.moc"
