// core/light's own reading of the §3 state entries, checked against what core/node writes (the
// light client shares no code with the node, so the two are compared here, in test code only).
#include "core/light/ChainRecords.h"
#include "core/node/execution/AccountState.h"
#include "core/node/execution/LicenceRecord.h"
#include "core/node/execution/StateKeys.h"
#include "core/node/execution/TitleRecord.h"
#include "core/node/execution/VersionRecord.h"
#include "core/protocol/StateProof.h"

#include <QTest>

#include "tests/light/LightTestSupport.h"

using namespace ls;
using namespace ls::testing;
using light::StateKey;

namespace {

const crypto::Address kAuthor = addressOfKey(validatorKey(77));

node::TitleRecord nodeTitle()
{
    node::TitleRecord title;
    title.author = kAuthor;
    title.metadataInfohash = TestChain::filledHash(1);
    title.keyCommitment = TestChain::filledHash(2);
    title.price = codec::UInt256::max();
    title.subject = "naïve poetry";
    title.salesModel = 0;
    title.listed = false;
    title.versionCount = 4'000'000'000U;
    title.salesCount = 12;
    title.revenue = codec::UInt256(99);
    title.publishedAtMs = kGenesisTimeMs;
    return title;
}

} // namespace

class TestLightChainRecords : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decodesWhatTheNodeWrites()
    {
        const auto account
            = must(light::AccountRecord::decode(node::AccountState { 5, 123 }.encode()));
        QCOMPARE(account.nonce, std::uint64_t { 5 });
        QCOMPARE(account.balance, codec::UInt256(123));

        const node::TitleRecord title = nodeTitle();
        const auto read = must(light::TitleRecord::decode(title.encode()));
        QCOMPARE(read.author, title.author);
        QVERIFY(read.metadataInfohash == title.metadataInfohash);
        QVERIFY(read.keyCommitment == title.keyCommitment);
        QCOMPARE(read.price, title.price);
        QCOMPARE(read.subject, title.subject);
        QCOMPARE(read.listed, false);
        QCOMPARE(read.versionCount, title.versionCount);
        QCOMPARE(read.salesCount, title.salesCount);
        QCOMPARE(read.revenue, title.revenue);
        QCOMPARE(read.publishedAtMs, title.publishedAtMs);

        const node::VersionRecord version { TestChain::filledHash(3), 9, "fixed typos", 17 };
        const auto readVersion = must(light::VersionRecord::decode(version.encode()));
        QCOMPARE(readVersion.note, version.note);
        QCOMPARE(readVersion.size, version.size);

        const node::LicenceRecord licence { 2, 50, 60, TestChain::filledHash(4) };
        const auto readLicence = must(light::LicenceRecord::decode(licence.encode()));
        QCOMPARE(readLicence.versionAtPurchase, std::uint32_t { 2 });
        QVERIFY(readLicence.buyerBoxKey == licence.buyerBoxKey);
    }

    void keysAreTheNodes()
    {
        using namespace node::state;
        QVERIFY(StateKey::account(kAuthor).path()
            == protocol::statePath(kAccountNamespace, accountKey(kAuthor)));
        QVERIFY(StateKey::title(0x0102030405060708ULL).path()
            == protocol::statePath(kTitleNamespace, titleKey(0x0102030405060708ULL)));
        QVERIFY(StateKey::version(7, 0x01020304U).path()
            == protocol::statePath(kVersionNamespace, versionKey(7, 0x01020304U)));
        QVERIFY(StateKey::licence(7, kAuthor).path()
            == protocol::statePath(kLicenceNamespace, licenceKey(7, kAuthor)));
    }

    void strictDecoding()
    {
        const Bytes title = nodeTitle().encode();
        QVERIFY(failsWith(light::TitleRecord::decode(withField(title, 6, uintItem(2))),
            "field 'listed': it must be 0 or 1"));
        QVERIFY(failsWith(light::TitleRecord::decode(withField(title, 7, uintItem(1ULL << 32))),
            "field 'versionCount'"));
        QVERIFY(failsWith(
            light::TitleRecord::decode(withField(title, 5, uintItem(256))), "field 'salesModel'"));
        Bytes trailing = title;
        trailing.push_back(0x00);
        QVERIFY(!light::TitleRecord::decode(trailing));
        QVERIFY(failsWith(light::AccountRecord::decode(listOf({ uintItem(1) })), "account entry"));
        QVERIFY(failsWith(
            light::LicenceRecord::decode(withField(
                node::LicenceRecord { 1, 2, 3, {} }.encode(), 3, bytesItem(Bytes(31, 1)))),
            "buyerBoxKey"));
        QVERIFY(!light::AccountRecord::decode(listOf({ hex("0x8100"), uintItem(1) })));
    }
};

QTEST_GUILESS_MAIN(TestLightChainRecords)
#include "tst_light_chain_records.moc"
