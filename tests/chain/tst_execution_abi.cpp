#include "core/codec/AbiDecoder.h"
#include "core/crypto/Keccak.h"
#include "core/node/execution/CatalogAbi.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "tests/chain/ExecutionTestSupport.h"
#include <set>

using namespace ls;
using namespace ls::testing;
using codec::AbiType;

// docs/abi/Catalog.json is what wallets and tools load to talk to the Catalog. This test reads it
// and checks it against what the contract really does: every function's selector dispatches (and
// nothing else does), state mutability matches payment handling, view outputs decode with the
// JSON's output types, and every event's topic 0 and indexed layout match the logs emitted.
namespace {

struct JsonParam {
    std::string name;
    std::string type;
    bool indexed = false;
};

struct JsonEntry {
    std::string kind; // "function" or "event"
    std::string name;
    std::vector<JsonParam> inputs;
    std::vector<JsonParam> outputs;
    std::string mutability;

    std::string signature() const
    {
        std::string out = name + "(";
        for (std::size_t i = 0; i < inputs.size(); ++i)
            out += (i ? "," : "") + inputs[i].type;
        return out + ")";
    }
    std::vector<AbiType> types(const std::vector<JsonParam>& params, int indexedFilter = -1) const
    {
        std::vector<AbiType> out;
        for (const auto& p : params)
            if (indexedFilter < 0 || p.indexed == (indexedFilter == 1))
                out.push_back(must(AbiType::parse(p.type)));
        return out;
    }
    FixedBytes<4> selector() const
    {
        Hash256 h = crypto::keccak256(asBytes(signature()));
        return { h[0], h[1], h[2], h[3] };
    }
};

std::vector<JsonParam> readParams(const QJsonArray& array)
{
    std::vector<JsonParam> out;
    for (const auto& value : array) {
        QJsonObject o = value.toObject();
        out.push_back({ o.value(QStringLiteral("name")).toString().toStdString(),
            o.value(QStringLiteral("type")).toString().toStdString(),
            o.value(QStringLiteral("indexed")).toBool() });
    }
    return out;
}

std::vector<JsonEntry> loadAbi()
{
    // Resolved lexically: tests/chain/data itself need not exist.
    QFile file(QDir::cleanPath(QStringLiteral(LS_TEST_DATA_DIR "/../../../docs/abi/Catalog.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open docs/abi/Catalog.json");
    QJsonParseError error;
    auto doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        qFatal("docs/abi/Catalog.json is not a JSON array");
    std::vector<JsonEntry> entries;
    for (const auto& value : doc.array()) {
        QJsonObject o = value.toObject();
        JsonEntry entry;
        entry.kind = o.value(QStringLiteral("type")).toString().toStdString();
        entry.name = o.value(QStringLiteral("name")).toString().toStdString();
        entry.inputs = readParams(o.value(QStringLiteral("inputs")).toArray());
        entry.outputs = readParams(o.value(QStringLiteral("outputs")).toArray());
        entry.mutability = o.value(QStringLiteral("stateMutability")).toString().toStdString();
        entries.push_back(entry);
    }
    return entries;
}

// A plausible argument of each type, for title 1 / version 1 where a number is asked.
AbiValue sampleArgument(const AbiType& type)
{
    switch (type.kind()) {
    case AbiType::Kind::Uint:
        return AbiValue::number(type.bits() == 8 ? 0 : 1); // the only uint8 is salesModel
    case AbiType::Kind::Bool:
        return AbiValue::boolean(true);
    case AbiType::Kind::Address:
        return AbiValue::address(actor(0x0b).address.bytes());
    case AbiType::Kind::FixedBytes:
        return AbiValue::bytes(Bytes(type.size(), 0x42));
    case AbiType::Kind::String:
        return AbiValue::string("sample");
    default:
        qFatal("Catalog.json uses a type the sample builder does not know");
    }
}

Bytes sampleCall(const JsonEntry& entry)
{
    AbiValue::List args;
    for (const auto& type : entry.types(entry.inputs))
        args.push_back(sampleArgument(type));
    return calldata(entry.signature(), args);
}

} // namespace

class TestExecutionAbi : public QObject {
    Q_OBJECT

private:
    std::vector<JsonEntry> abi = loadAbi();
    Actor author = actor(0x0a);
    Actor buyer = actor(0x0b);

    // A chain where title 1 has a version and the buyer holds a licence, so every view answers.
    TestChain preparedChain()
    {
        TestChain chain;
        chain.fund(author.address, pht(10));
        chain.fund(buyer.address, pht(10));
        auto id = chain.publish(author, u(1000));
        chain.mustSucceed(chain.makeTx(buyer, catalog(), purchaseCall(id), u(1000)));
        return chain;
    }

private Q_SLOTS:
    void theJsonListsTheSpecsFunctionsAndEvents()
    {
        std::set<std::string> functions;
        std::set<std::string> events;
        for (const auto& entry : abi)
            (entry.kind == "function" ? functions : events).insert(entry.signature());
        QCOMPARE(functions,
            (std::set<std::string> { "publish(bytes32,bytes32,uint256,string,uint8)",
                "addVersion(uint64,bytes32,uint64,string)", "setPrice(uint64,uint256)",
                "setListed(uint64,bool)", "purchase(uint64,bytes32)", "title(uint64)",
                "version(uint64,uint32)", "licence(uint64,address)", "titleCount()" }));
        QCOMPARE(events,
            (std::set<std::string> { "TitlePublished(uint64,address,bytes32,uint256)",
                "VersionAdded(uint64,uint32,bytes32)", "PriceChanged(uint64,uint256)",
                "ListingChanged(uint64,bool)",
                "Purchased(uint64,address,uint256,uint32,uint256)" }));
    }

    void selectorsMatchWhatTheContractDispatchesOn()
    {
        std::set<FixedBytes<4>> fromJson;
        for (const auto& entry : abi)
            if (entry.kind == "function")
                fromJson.insert(entry.selector());
        std::set<FixedBytes<4>> dispatched;
        for (const auto& function : node::CatalogAbi::functions())
            dispatched.insert(function.selector);
        QCOMPARE(dispatched, fromJson);

        // And by behaviour: every JSON function is known to the running contract.
        TestChain chain = preparedChain();
        for (const auto& entry : abi) {
            if (entry.kind != "function")
                continue;
            auto result = chain.call(sampleCall(entry), author.address);
            QVERIFY2(result.revertReason != std::optional<std::string>("unknown function"),
                entry.signature().c_str());
            QVERIFY2(result.revertReason != std::optional<std::string>("malformed call data"),
                entry.signature().c_str());
        }
    }

    void mutabilityMatchesPaymentHandling()
    {
        TestChain chain = preparedChain();
        for (const auto& entry : abi) {
            if (entry.kind != "function")
                continue;
            const auto* function = node::CatalogAbi::find(sampleCall(entry));
            QVERIFY(function);
            QCOMPARE(function->payable, entry.mutability == "payable");
            QCOMPARE(function->view, entry.mutability == "view");
            QVERIFY2(entry.mutability == "payable" || entry.mutability == "nonpayable"
                    || entry.mutability == "view",
                entry.mutability.c_str());
            auto paid = chain.call(sampleCall(entry), author.address, u(1));
            if (entry.mutability == "payable")
                QVERIFY(paid.revertReason
                    != std::optional<std::string>("this function does not accept payment"));
            else
                QCOMPARE(paid.revertReason,
                    std::optional<std::string>("this function does not accept payment"));
        }
    }

    void outputsDecodeWithTheJsonTypes()
    {
        TestChain chain = preparedChain();
        int checked = 0;
        for (const auto& entry : abi) {
            if (entry.kind != "function" || entry.mutability == "payable")
                continue;
            auto result = chain.call(sampleCall(entry), author.address);
            QVERIFY2(!result.reverted(),
                (entry.signature() + ": " + result.revertReason.value_or("")).c_str());
            auto types = entry.types(entry.outputs);
            QCOMPARE(node::CatalogAbi::find(sampleCall(entry))->outputs, types);
            auto decoded = codec::abiDecode(types, result.output);
            QVERIFY2(decoded.has_value(), entry.signature().c_str());
            QCOMPARE(decoded->size(), entry.outputs.size());
            ++checked;
        }
        QCOMPARE(checked, 8); // every function but purchase returns something decodable
    }

    void eventsMatchTheEmittedLogs()
    {
        TestChain chain;
        chain.fund(author.address, pht(10));
        chain.fund(buyer.address, pht(10));
        std::vector<protocol::Log> logs;
        auto collect = [&](const protocol::Receipt& receipt) {
            logs.insert(logs.end(), receipt.logs.begin(), receipt.logs.end());
        };
        collect(chain.mustSucceed(chain.makeTx(author, catalog(), publishCall(u(5)))));
        collect(chain.mustSucceed(chain.makeTx(author, catalog(), addVersionCall(1))));
        collect(chain.mustSucceed(chain.makeTx(author, catalog(), setPriceCall(1, u(6)))));
        collect(chain.mustSucceed(chain.makeTx(author, catalog(), setListedCall(1, true))));
        collect(chain.mustSucceed(chain.makeTx(buyer, catalog(), purchaseCall(1), u(6))));

        std::set<std::string> seen;
        for (const auto& log : logs) {
            const JsonEntry* event = nullptr;
            for (const auto& entry : abi)
                if (entry.kind == "event"
                    && crypto::keccak256(asBytes(entry.signature())) == log.topics.at(0))
                    event = &entry;
            QVERIFY2(event, "a log whose topic 0 no event of Catalog.json has");
            seen.insert(event->name);
            QCOMPARE(log.address, catalog());
            QCOMPARE(log.topics.size(), 1 + event->types(event->inputs, 1).size());
            QVERIFY(codec::abiDecode(event->types(event->inputs, 0), log.data).has_value());
            const auto& table = node::CatalogAbi::events();
            QVERIFY(std::any_of(table.begin(), table.end(), [&](const auto& e) {
                return e.topic == log.topics[0] && e.signature == event->signature();
            }));
        }
        QCOMPARE(seen.size(), std::size_t { 5 });
    }
};

QTEST_GUILESS_MAIN(TestExecutionAbi)
#include "tst_execution_abi.moc"
