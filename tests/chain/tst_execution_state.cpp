#include "core/node/execution/ChainState.h"
#include "core/node/execution/MemoryStateView.h"
#include "core/node/execution/StateKeys.h"
#include "core/protocol/StateProof.h"

#include <QTest>

#include "tests/chain/ProtocolTestSupport.h"
#include <limits>

using namespace ls;
using namespace ls::testing;
using codec::UInt256;
using namespace ls::node;

namespace {

crypto::Address addressOf(std::uint8_t byte)
{
    FixedBytes<20> bytes {};
    bytes.fill(byte);
    return crypto::Address(bytes);
}

Hash256 filled(std::uint8_t byte)
{
    Hash256 h {};
    h.fill(byte);
    return h;
}

TitleRecord sampleTitle()
{
    TitleRecord title;
    title.author = addressOf(0xaa);
    title.metadataInfohash = filled(0x11);
    title.keyCommitment = filled(0x22);
    title.price = UInt256::max();
    title.subject = "History/Ancient";
    title.salesModel = 0;
    title.listed = false;
    title.versionCount = std::numeric_limits<std::uint32_t>::max();
    title.salesCount = 7;
    title.revenue = 123456789;
    title.publishedAtMs = 1'795'000'000'000;
    return title;
}

ChainParams sampleParams()
{
    ChainParams params;
    params.chainId = 16300;
    params.minGasPrice = 1'000'000'000;
    params.blockGasLimit = 1'000'000'000;
    params.serviceFeeBps = 250;
    params.treasury = addressOf(0x7e);
    params.heartbeatMs = 5000;
    return params;
}

// The title entry's fields as separate RLP items, to build malformed variants.
std::vector<Bytes> titleFields()
{
    return listFields(sampleTitle().encode());
}

} // namespace

class TestExecutionState : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keysAreBigEndianConcatenations()
    {
        QCOMPARE(hexOf(state::titleKey(0x0102030405060708ULL)), std::string("0x0102030405060708"));
        QCOMPARE(
            hexOf(state::versionKey(1, 0x0a0b0c0d)), std::string("0x00000000000000010a0b0c0d"));
        auto licence = state::licenceKey(2, addressOf(0x33));
        QCOMPARE(hexOf(licence), "0x0000000000000002" + std::string(40, '3'));
        QCOMPARE(state::kAccountNamespace, std::uint8_t { 0x01 });
        QCOMPARE(state::kTitleNamespace, std::uint8_t { 0x02 });
        QCOMPARE(state::kVersionNamespace, std::uint8_t { 0x03 });
        QCOMPARE(state::kLicenceNamespace, std::uint8_t { 0x04 });
        QCOMPARE(state::kCatalogCountersNamespace, std::uint8_t { 0x05 });
        QCOMPARE(state::kParamsNamespace, std::uint8_t { 0x06 });
    }

    void accountEncoding()
    {
        // rlp([1, 1000]) = list of 0x01 and 0x8203e8.
        AccountState account { 1, 1000 };
        QCOMPARE(hexOf(account.encode()), std::string("0xc4018203e8"));
        QCOMPARE(must(AccountState::decode(account.encode())), account);
        // rlp([0, 0]): zero is the empty string.
        QCOMPARE(hexOf(AccountState {}.encode()), std::string("0xc28080"));
        QVERIFY(failsWith(AccountState::decode(hex("0xc3018203")), "Malformed"));
        QVERIFY(failsWith(AccountState::decode(hex("0xc30081ff")), "nonce"));
        // A leading zero byte in an integer is not canonical.
        QVERIFY(failsWith(AccountState::decode(hex("0xc401820001")), "balance"));
        QVERIFY(failsWith(AccountState::decode(hex("0xc3010101")), "expected 2 fields"));
    }

    void titleRoundTripAndStrictness()
    {
        auto title = sampleTitle();
        QCOMPARE(must(TitleRecord::decode(title.encode())), title);
        auto fields = titleFields();
        QCOMPARE(fields.size(), std::size_t { 11 });
        QCOMPARE(fields[6], uintItem(0)); // listed = false
        QVERIFY(
            failsWith(TitleRecord::decode(withField(title.encode(), 6, uintItem(2))), "listed"));
        QVERIFY(failsWith(
            TitleRecord::decode(withField(title.encode(), 5, uintItem(256))), "salesModel"));
        QVERIFY(failsWith(TitleRecord::decode(withField(
                              title.encode(), 7, uintItem(UInt256(std::uint64_t { 1 } << 32)))),
            "versionCount"));
        QVERIFY(failsWith(
            TitleRecord::decode(withField(title.encode(), 0, bytesItem(Bytes(19, 1)))), "author"));
        fields.pop_back();
        QVERIFY(failsWith(TitleRecord::decode(listOf(fields)), "expected 11 fields"));
    }

    void versionLicenceCountersRoundTrip()
    {
        VersionRecord version { filled(0x44), 1'048'576, "Second edition", 42 };
        QCOMPARE(must(VersionRecord::decode(version.encode())), version);
        LicenceRecord licence { 3, UInt256(5), 99, filled(0x55) };
        QCOMPARE(must(LicenceRecord::decode(licence.encode())), licence);
        QVERIFY(failsWith(LicenceRecord::decode(withField(
                              licence.encode(), 0, uintItem(UInt256(std::uint64_t { 1 } << 32)))),
            "versionAtPurchase"));
        QVERIFY(failsWith(
            LicenceRecord::decode(withField(licence.encode(), 3, bytesItem(Bytes(31, 0)))),
            "buyerBoxKey"));
        CatalogCounters counters { 17 };
        QCOMPARE(must(CatalogCounters::decode(counters.encode())), counters);
        QCOMPARE(counters.titleCount(), std::uint64_t { 16 });
        QVERIFY(failsWith(CatalogCounters::decode(listOf({ uintItem(0) })), "start at 1"));
    }

    void paramsRoundTripAndValidation()
    {
        auto params = sampleParams();
        QVERIFY(params.validate().has_value());
        // The state value carries no chain id: it comes back from the caller.
        QCOMPARE(listFields(params.encode()).size(), std::size_t { 5 });
        QCOMPARE(must(ChainParams::decode(params.encode(), 16300)), params);
        QCOMPARE(must(ChainParams::decode(params.encode(), 7)).chainId, std::uint64_t { 7 });

        auto bad = params;
        bad.serviceFeeBps = 10'001;
        QVERIFY(failsWith(bad.validate(), "serviceFeeBps must be at most 10000"));
        QVERIFY(failsWith(ChainParams::decode(bad.encode(), 16300), "serviceFeeBps"));
        bad = params;
        bad.serviceFeeBps = 10'000;
        QVERIFY(bad.validate().has_value());
        bad.blockGasLimit = 20'999;
        QVERIFY(failsWith(bad.validate(), "blockGasLimit must be at least 21000"));
        bad = params;
        bad.heartbeatMs = 0;
        QVERIFY(failsWith(bad.validate(), "heartbeatMs"));
        bad = params;
        bad.chainId = 0;
        QVERIFY(failsWith(bad.validate(), "chainId"));
    }

    void chainStateReadsAndWrites()
    {
        MemoryStateView base;
        StateOverlay overlay(base);
        ChainState chain(overlay);
        auto alice = addressOf(0xa1);
        QCOMPARE(must(chain.account(alice)), AccountState {});
        QVERIFY(!must(chain.title(1)));
        QVERIFY(!must(chain.version(1, 1)));
        QVERIFY(!must(chain.licence(1, alice)));
        QCOMPARE(must(chain.counters()).nextTitleId, std::uint64_t { 1 });

        chain.setAccount(alice, AccountState { 2, 500 });
        chain.setTitle(1, sampleTitle());
        chain.setVersion(1, 1, VersionRecord { filled(1), 10, "n", 5 });
        chain.setLicence(1, alice, LicenceRecord { 1, 9, 8, filled(2) });
        chain.setCounters(CatalogCounters { 2 });
        chain.setParams(sampleParams());
        QCOMPARE(must(chain.account(alice)), (AccountState { 2, 500 }));
        QCOMPARE(*must(chain.title(1)), sampleTitle());
        QCOMPARE(must(chain.version(1, 1))->size, std::uint64_t { 10 });
        QCOMPARE(must(chain.licence(1, alice))->timeMs, std::uint64_t { 8 });
        QCOMPARE(must(chain.counters()).nextTitleId, std::uint64_t { 2 });
        QCOMPARE(must(chain.params(16300)), sampleParams());

        // Each entry is at statePath(namespace, key) with its canonical encoding.
        base.apply(overlay.changes());
        QCOMPARE(base.entries().at(protocol::statePath(0x01, alice.view())),
            (AccountState { 2, 500 }).encode());
        QCOMPARE(base.entries().at(protocol::statePath(0x02, state::titleKey(1))),
            sampleTitle().encode());
        QCOMPARE(base.entries().at(protocol::statePath(0x05, asBytes("titles"))),
            CatalogCounters { 2 }.encode());
        QCOMPARE(base.entries().at(protocol::statePath(0x06, asBytes("params"))),
            sampleParams().encode());
    }

    void emptiedAccountsAreDeleted()
    {
        MemoryStateView base;
        auto alice = addressOf(0xa1);
        base.set(0x01, alice.view(), AccountState { 0, 5 }.encode());
        StateOverlay overlay(base);
        ChainState chain(overlay);
        chain.setAccount(alice, AccountState {});
        auto changes = overlay.changes();
        QCOMPARE(changes.size(), std::size_t { 1 });
        QCOMPARE(changes[0].path, protocol::statePath(0x01, alice.view()));
        QVERIFY(!changes[0].value);
    }

    void corruptEntriesAreInternalErrors()
    {
        MemoryStateView base;
        auto alice = addressOf(0xa1);
        base.set(0x01, alice.view(), hex("0xc3018203"));
        base.set(0x02, state::titleKey(4), withField(sampleTitle().encode(), 6, uintItem(7)));
        base.set(0x06, asBytes("params"), hex("0xc0"));
        StateOverlay overlay(base);
        ChainState chain(overlay);
        auto account = chain.account(alice);
        QVERIFY(failsWith(account, "Corrupt chain state (account " + alice.toChecksumString()));
        QCOMPARE(account.error().kind, ErrorKind::Internal);
        auto title = chain.title(4);
        QVERIFY(failsWith(
            title, "Corrupt chain state (title 4): Malformed title entry, field 'listed'"));
        QCOMPARE(title.error().kind, ErrorKind::Internal);
        QVERIFY(failsWith(chain.params(1), "chain parameters"));

        MemoryStateView empty;
        StateOverlay emptyOverlay(empty);
        ChainState fresh(emptyOverlay);
        auto missing = fresh.params(1);
        QVERIFY(failsWith(missing, "chain parameters entry is missing"));
        QCOMPARE(missing.error().kind, ErrorKind::Internal);
    }
};

QTEST_GUILESS_MAIN(TestExecutionState)
#include "tst_execution_state.moc"
