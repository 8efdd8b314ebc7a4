#include "core/light/Bisection.h"
#include "core/light/Verifier.h"

#include <QTest>

#include "tests/light/LightTestSupport.h"

using namespace ls;
using namespace ls::testing;
using light::Bisection;
using light::TrustedState;
using light::VerifyFailure;

namespace {

TrustedState anchored(const TestChain& chain)
{
    return mustVerify(light::anchorGenesis(chain.chainId(), chain.genesisHash(), chain.genesis()));
}

// Runs the walk against `chain`, collecting the verified steps.
light::VerifyResult<std::vector<light::VerifiedStep>> walkTo(
    Bisection& walk, const TestChain& chain)
{
    std::vector<light::VerifiedStep> all;
    while (auto height = walk.wanted()) {
        auto steps = walk.supply(chain.at(*height));
        if (!steps)
            return std::unexpected(steps.error());
        all.insert(all.end(), steps->begin(), steps->end());
    }
    return all;
}

} // namespace

class TestLightBisection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stableSetNeedsOneFetch()
    {
        TestChain chain(validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 } }));
        chain.appendMany(100);
        Bisection walk(anchored(chain), 100);
        auto steps = mustVerify(walkTo(walk, chain));
        QVERIFY(walk.done());
        QCOMPARE(walk.fetches(), std::size_t { 1 });
        QCOMPARE(steps.size(), std::size_t { 1 });
        QCOMPARE(steps[0].verifiedFrom, std::uint64_t { 0 });
        QVERIFY(walk.trusted() == TrustedState(chain.at(100)));
    }

    void disjointSetChangesAreBisected()
    {
        TestChain chain(validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 } }));
        chain.appendMany(9);
        chain.changeValidators(validatorSet({ { 4, 1 }, { 5, 1 }, { 6, 1 } }));
        chain.appendMany(10); // height 10 announces, 11 is the first signed by {4,5,6}
        chain.changeValidators(validatorSet({ { 7, 2 }, { 8, 2 } }));
        chain.appendMany(44);
        QCOMPARE(chain.height(), std::uint64_t { 63 });

        Bisection walk(anchored(chain), 63);
        auto steps = mustVerify(walkTo(walk, chain));
        QVERIFY(walk.done());
        QVERIFY(walk.trusted() == TrustedState(chain.at(63)));
        // Every step verified against the one before it, in increasing height.
        std::uint64_t previous = 0;
        for (const auto& step : steps) {
            QCOMPARE(step.verifiedFrom, previous);
            QVERIFY(step.state.height() > previous);
            previous = step.state.height();
        }
        QCOMPARE(previous, std::uint64_t { 63 });
        // Logarithmic, not sequential.
        QVERIFY2(walk.fetches() < 20, std::to_string(walk.fetches()).c_str());
    }

    void aLieOnTheWayEndsTheWalk()
    {
        TestChain chain(validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 } }));
        chain.appendMany(3);
        chain.changeValidators(validatorSet({ { 4, 1 }, { 5, 1 }, { 6, 1 } }));
        chain.appendMany(29);
        Bisection walk(anchored(chain), 32);
        QCOMPARE(walk.wanted(), std::optional<std::uint64_t> { 32 });
        auto first = walk.supply(chain.at(32));
        QVERIFY(first && first->empty());
        QCOMPARE(walk.wanted(), std::optional<std::uint64_t> { 16 });

        protocol::LightBlock forged = chain.at(16);
        forged.header.stateRoot = TestChain::filledHash(0x99);
        auto refused = walk.supply(forged);
        QVERIFY(!refused);
        QCOMPARE(refused.error().failure, VerifyFailure::InvalidCommit);
        QVERIFY(walk.failed());
        QVERIFY(!walk.wanted());
    }

    void aBlockForTheWrongHeightIsRefused()
    {
        TestChain chain(validatorSet({ { 1, 1 } }));
        chain.appendMany(5);
        Bisection walk(anchored(chain), 5);
        auto refused = walk.supply(chain.at(4));
        QVERIFY(!refused);
        QCOMPARE(refused.error().failure, VerifyFailure::WrongHeight);
        QVERIFY(refused.error().message.find("asked for the block at height 5") != std::string::npos
            || refused.error().message.find("Asked for the block at height 5")
                != std::string::npos);
    }

    void nothingToDoAtOrBelowTheTrustedHeight()
    {
        TestChain chain(validatorSet({ { 1, 1 } }));
        Bisection walk(anchored(chain), 0);
        QVERIFY(walk.done());
        QVERIFY(!walk.wanted());
    }
};

QTEST_GUILESS_MAIN(TestLightBisection)
#include "tst_light_bisection.moc"
