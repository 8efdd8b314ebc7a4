#include "core/light/ForkCheck.h"
#include "core/light/Verifier.h"
#include "core/protocol/VoteSignBytes.h"

#include <QTest>

#include "tests/light/LightTestSupport.h"

using namespace ls;
using namespace ls::testing;
using light::TrustedState;
using light::VerifyFailure;
using protocol::Header;
using protocol::LightBlock;

namespace {

bool refusedWith(const light::VerifyResult<TrustedState>& result, VerifyFailure failure,
    std::string_view fragment)
{
    if (result) {
        qWarning("expected a refusal containing \"%.*s\", but the block verified",
            static_cast<int>(fragment.size()), fragment.data());
        return false;
    }
    if (result.error().failure != failure
        || result.error().message.find(fragment) == std::string::npos) {
        qWarning("expected failure %d containing \"%.*s\", got %d: %s", static_cast<int>(failure),
            static_cast<int>(fragment.size()), fragment.data(),
            static_cast<int>(result.error().failure), result.error().message.c_str());
        return false;
    }
    return true;
}

TrustedState anchored(const TestChain& chain)
{
    return mustVerify(light::anchorGenesis(chain.chainId(), chain.genesisHash(), chain.genesis()));
}

TrustedState verifiedUpTo(const TestChain& chain, std::uint64_t height)
{
    TrustedState trusted = anchored(chain);
    for (std::uint64_t h = 1; h <= height; ++h)
        trusted = mustVerify(light::verifyAdjacent(trusted, chain.at(h)));
    return trusted;
}

protocol::ValidatorSet fourEqual()
{
    return validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 } });
}

} // namespace

class TestLightVerifier : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void genesisAnchorsTheChain()
    {
        TestChain chain(fourEqual());
        TrustedState trusted = anchored(chain);
        QCOMPARE(trusted.height(), std::uint64_t { 0 });
        QVERIFY(trusted.hash() == chain.genesisHash());

        QVERIFY(refusedWith(
            light::anchorGenesis(chain.chainId(), TestChain::filledHash(9), chain.genesis()),
            VerifyFailure::GenesisMismatch, "network profile pins"));
        QVERIFY(refusedWith(light::anchorGenesis(1, chain.genesisHash(), chain.genesis()),
            VerifyFailure::WrongChain, "chain id 16300, but this network is chain id 1"));
        chain.append();
        QVERIFY(refusedWith(
            light::anchorGenesis(chain.chainId(), chain.at(1).header.hash(), chain.at(1)),
            VerifyFailure::GenesisMismatch, "height 1 as the genesis block"));
        LightBlock otherSet = chain.genesis();
        otherSet.validators = validatorSet({ { 9, 1 } });
        QVERIFY(refusedWith(light::anchorGenesis(chain.chainId(), chain.genesisHash(), otherSet),
            VerifyFailure::ValidatorSetMismatch, "genesis validator set"));
    }

    void sequentialWithOneValidator()
    {
        TestChain chain(validatorSet({ { 1, 10 } }));
        chain.appendMany(20);
        TrustedState trusted = verifiedUpTo(chain, 20);
        QVERIFY(trusted == TrustedState(chain.at(20)));
    }

    void sequentialWithFourValidators()
    {
        TestChain chain(fourEqual());
        chain.append({ 1, 2, 3 }); // 3 of 4 > 2/3
        chain.append({ 1, 2, 3, 4 });
        chain.append({ 1, 2 }); // 2 of 4: not final
        TrustedState trusted = verifiedUpTo(chain, 2);
        QVERIFY(refusedWith(light::verifyAdjacent(trusted, chain.at(3)),
            VerifyFailure::InsufficientVotingPower, "signed by 2 of 4 voting power"));
    }

    void validatorSetChangeIsFollowed()
    {
        TestChain chain(fourEqual());
        chain.append();
        chain.changeValidators(validatorSet({ { 5, 3 }, { 6, 3 }, { 7, 3 } }));
        chain.append(); // height 2 announces the new set
        chain.append(); // height 3 is signed by it
        chain.append();
        TrustedState trusted = verifiedUpTo(chain, 4);
        QVERIFY(trusted.validators() == validatorSet({ { 5, 3 }, { 6, 3 }, { 7, 3 } }));

        // The old set signing height 3 although the new set was announced.
        TrustedState at2 = verifiedUpTo(chain, 2);
        LightBlock oldSigners = chain.at(3);
        oldSigners.header.validatorsHash = fourEqual().hash();
        oldSigners.validators = fourEqual();
        oldSigners.commit = signBy(oldSigners.header, fourEqual());
        QVERIFY(refusedWith(light::verifyAdjacent(at2, oldSigners),
            VerifyFailure::UnexpectedValidators, "announced the next validator set"));
    }

    void headerLinksAreChecked()
    {
        TestChain chain(fourEqual());
        chain.appendMany(3);
        const TrustedState at2 = verifiedUpTo(chain, 2);

        LightBlock otherChain = resigned(chain.at(3), [](Header& h) { h.chainId = 7; });
        QVERIFY(refusedWith(
            light::verifyAdjacent(at2, otherChain), VerifyFailure::WrongChain, "Wrong chain"));

        LightBlock badParent
            = resigned(chain.at(3), [](Header& h) { h.parentHash = TestChain::filledHash(1); });
        QVERIFY(refusedWith(light::verifyAdjacent(at2, badParent), VerifyFailure::BadParentLink,
            "Bad parent link: the block at height 3 names parent 0x0101"));

        LightBlock backwards = resigned(chain.at(3), [&](Header& h) { h.timeMs -= 5000; });
        QVERIFY(refusedWith(light::verifyAdjacent(at2, backwards), VerifyFailure::TimeBackwards,
            "Time going backwards"));
        LightBlock sameTime
            = resigned(chain.at(3), [&](Header& h) { h.timeMs = at2.header().timeMs; });
        QVERIFY(light::verifyAdjacent(at2, sameTime));

        QVERIFY(refusedWith(light::verifyAdjacent(verifiedUpTo(chain, 1), chain.at(3)),
            VerifyFailure::NotAdjacent, "expected height 2, got 3"));

        LightBlock wrongSet = chain.at(3);
        wrongSet.validators = validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 2 } });
        QVERIFY(refusedWith(light::verifyAdjacent(at2, wrongSet),
            VerifyFailure::ValidatorSetMismatch, "validator set sent with the block at height 3"));
    }

    void forgedCommitsAreRefused()
    {
        TestChain chain(fourEqual());
        chain.appendMany(2);
        const TrustedState at1 = verifiedUpTo(chain, 1);

        // Validator 4's slot signed by an outsider's key.
        LightBlock forged = chain.at(2);
        const Hash256 digest = protocol::voteSignBytes(
            forged.header.chainId, forged.header.height, 0, forged.header.hash());
        for (auto& entry : forged.commit.signatures)
            if (forged.validators.at(entry.validatorIndex).address == addressOfKey(validatorKey(4)))
                entry.signature = crypto::sign(validatorKey(99), digest);
        QVERIFY(refusedWith(
            light::verifyAdjacent(at1, forged), VerifyFailure::InvalidCommit, "Invalid commit"));

        // The header changed after the validators signed it.
        LightBlock edited = chain.at(2);
        edited.header.stateRoot = TestChain::filledHash(0xee);
        QVERIFY(refusedWith(
            light::verifyAdjacent(at1, edited), VerifyFailure::InvalidCommit, "hashes to"));

        // A commit that repeats one validator to look like a majority.
        LightBlock repeated = chain.at(2);
        repeated.commit = signBy(repeated.header, repeated.validators, { 1 });
        repeated.commit.signatures.push_back(repeated.commit.signatures.front());
        repeated.commit.signatures.push_back(repeated.commit.signatures.front());
        QVERIFY(refusedWith(light::verifyAdjacent(at1, repeated),
            VerifyFailure::InsufficientVotingPower, "signed by 1 of 4"));

        // A commit from another round or chain recovers to other keys.
        LightBlock otherRound = chain.at(2);
        otherRound.commit.round = 1;
        QVERIFY(refusedWith(
            light::verifyAdjacent(at1, otherRound), VerifyFailure::InvalidCommit, "round 1"));
    }

    void forkIsDetectedWhenCrossChecking()
    {
        TestChain chain(fourEqual());
        chain.appendMany(5);
        const TrustedState at4 = verifiedUpTo(chain, 4);
        const TrustedState ours = mustVerify(light::verifyAdjacent(at4, chain.at(5)));

        // Validators 1, 2 and 3 (3/4 of the power) also sign another block at height 5. Alone,
        // it verifies exactly as well as ours: only comparing the two reveals the attack.
        const LightBlock theirs = resigned(
            chain.at(5), [](Header& h) { h.stateRoot = TestChain::filledHash(0xbb); }, { 1, 2, 3 });
        QVERIFY(light::verifyAdjacent(at4, theirs));

        const auto verdict = light::crossCheck(ours, theirs);
        QCOMPARE(verdict.kind, light::CrossCheckVerdict::Kind::Fork);
        QVERIFY(verdict.reason.find("signed two different blocks") != std::string::npos);
        QCOMPARE(verdict.doubleSigners.size(), std::size_t { 3 });
        for (std::uint8_t n : { std::uint8_t { 1 }, std::uint8_t { 2 }, std::uint8_t { 3 } })
            QVERIFY(std::ranges::find(verdict.doubleSigners, addressOfKey(validatorKey(n)))
                != verdict.doubleSigners.end());

        QCOMPARE(light::crossCheck(ours, chain.at(5)).kind, light::CrossCheckVerdict::Kind::Agrees);
    }

    void crossCheckTellsFaultyServersFromForks()
    {
        TestChain chain(fourEqual());
        chain.appendMany(3);
        const TrustedState ours = verifiedUpTo(chain, 3);
        using Kind = light::CrossCheckVerdict::Kind;

        // Signed by strangers under their own validator set.
        const auto strangers = validatorSet({ { 50, 1 }, { 51, 1 } });
        Header header = chain.at(3).header;
        header.stateRoot = TestChain::filledHash(0xcc);
        header.validatorsHash = strangers.hash();
        const LightBlock strange { header, signBy(header, strangers), strangers };
        auto verdict = light::crossCheck(ours, strange);
        QCOMPARE(verdict.kind, Kind::Faulty);
        QVERIFY(verdict.reason.find("validators this client does not trust") != std::string::npos);

        // A different header whose commit does not verify.
        LightBlock unsigned_ = chain.at(3);
        unsigned_.header.stateRoot = TestChain::filledHash(0xdd);
        verdict = light::crossCheck(ours, unsigned_);
        QCOMPARE(verdict.kind, Kind::Faulty);
        QVERIFY(verdict.reason.find("is not final") != std::string::npos);

        QCOMPARE(light::crossCheck(ours, chain.at(2)).kind, Kind::Faulty);
    }

    void skippingWithAStableSet()
    {
        TestChain chain(fourEqual());
        chain.appendMany(50);
        const TrustedState trusted = anchored(chain);
        const TrustedState at50 = mustVerify(light::verifySkipping(trusted, chain.at(50)));
        QVERIFY(at50 == TrustedState(chain.at(50)));
        // Skipping by one is adjacent verification, parent link included.
        LightBlock badParent
            = resigned(chain.at(1), [](Header& h) { h.parentHash = TestChain::filledHash(3); });
        QVERIFY(refusedWith(light::verifySkipping(trusted, badParent), VerifyFailure::BadParentLink,
            "Bad parent link"));
        QVERIFY(refusedWith(light::verifySkipping(at50, chain.at(10)), VerifyFailure::NotNewer,
            "not above the verified height 50"));
    }

    void skippingNeedsBisectionAfterASetChange()
    {
        TestChain chain(validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 } }));
        chain.appendMany(5);
        // One of the three old validators stays: exactly one third of the trusted power.
        chain.changeValidators(validatorSet({ { 1, 1 }, { 5, 1 }, { 6, 1 } }));
        chain.appendMany(10);
        const TrustedState trusted = anchored(chain);
        auto result = light::verifySkipping(trusted, chain.at(12));
        QVERIFY(refusedWith(result, VerifyFailure::NeedsBisection, "hold only 1 of 3"));
        QVERIFY(result.error().needsBisection());

        // A forged target is refused as forged, never sent to bisection.
        LightBlock forged = chain.at(12);
        forged.header.txRoot = TestChain::filledHash(0x77);
        QVERIFY(refusedWith(light::verifySkipping(trusted, forged), VerifyFailure::InvalidCommit,
            "Invalid commit"));
        // Time going backwards is refused when skipping too.
        const TrustedState at5 = verifiedUpTo(chain, 5);
        LightBlock old = resigned(chain.at(9), [](Header& h) { h.timeMs = kGenesisTimeMs; });
        QVERIFY(refusedWith(
            light::verifySkipping(at5, old), VerifyFailure::TimeBackwards, "Time going backwards"));
    }

    void skippingWithEnoughOverlap()
    {
        TestChain chain(fourEqual());
        chain.appendMany(3);
        chain.changeValidators(validatorSet({ { 1, 1 }, { 2, 1 }, { 7, 1 }, { 8, 1 } }));
        chain.appendMany(10);
        // Validators 1 and 2 hold half of the trusted power and signed height 12.
        QVERIFY(light::verifySkipping(anchored(chain), chain.at(12)));
        // Without them the newcomers' commit cannot be trusted from genesis.
        chain.append({ 7, 8 }); // and is not final either
        QVERIFY(refusedWith(light::verifySkipping(anchored(chain), chain.at(14)),
            VerifyFailure::InsufficientVotingPower, "signed by 2 of 4"));
    }
};

QTEST_GUILESS_MAIN(TestLightVerifier)
#include "tst_light_verifier.moc"
