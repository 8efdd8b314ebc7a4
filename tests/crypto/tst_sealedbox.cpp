#include "core/crypto/SealedBox.h"

#include <QTest>

#include <algorithm>
#include <string>

using namespace ls;
using namespace ls::crypto;

class TestSealedBox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        auto recipient = sealedbox::KeyPair::generate();
        auto sealed = sealedbox::seal(recipient.publicKey, asBytes("the content key"));
        QVERIFY(sealed.has_value());
        QCOMPARE(sealed->size(), std::string("the content key").size() + sealedbox::kOverhead);
        auto opened = sealedbox::open(*sealed, recipient);
        QVERIFY(opened.has_value());
        QCOMPARE(std::string(opened->asText()), std::string("the content key"));
    }

    void sealingIsRandomised()
    {
        // A fresh ephemeral key per message: equal plaintexts do not give equal boxes.
        auto recipient = sealedbox::KeyPair::generate();
        QVERIFY(*sealedbox::seal(recipient.publicKey, asBytes("x"))
                != *sealedbox::seal(recipient.publicKey, asBytes("x")));
    }

    void emptyMessage()
    {
        auto recipient = sealedbox::KeyPair::generate();
        auto sealed = sealedbox::seal(recipient.publicKey, {});
        QVERIFY(sealed.has_value());
        QCOMPARE(sealed->size(), sealedbox::kOverhead);
        auto opened = sealedbox::open(*sealed, recipient);
        QVERIFY(opened.has_value());
        QVERIFY(opened->empty());
    }

    void wrongRecipientCannotOpen()
    {
        auto recipient = sealedbox::KeyPair::generate();
        auto stranger = sealedbox::KeyPair::generate();
        auto sealed = sealedbox::seal(recipient.publicKey, asBytes("for your eyes only"));
        auto opened = sealedbox::open(*sealed, stranger);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, ErrorKind::Verification);
    }

    void tamperingIsDetected()
    {
        auto recipient = sealedbox::KeyPair::generate();
        auto sealed = *sealedbox::seal(recipient.publicKey, asBytes("feedback for the author"));
        for (std::size_t i = 0; i < sealed.size(); ++i) {
            Bytes tampered = sealed;
            tampered[i] ^= 0x20;
            QVERIFY(!sealedbox::open(tampered, recipient));
        }
        QVERIFY(!sealedbox::open(ByteView(sealed).first(sealed.size() - 1), recipient));
        QVERIFY(!sealedbox::open(ByteView(sealed).first(sealedbox::kOverhead - 1), recipient));
        QVERIFY(!sealedbox::open({}, recipient));
    }

    void seededKeyPairsAreDeterministic()
    {
        FixedBytes<32> seedBytes{};
        seedBytes.fill(0x17);
        Secret<32> seed(seedBytes);
        auto first = sealedbox::KeyPair::fromSeed(seed);
        auto second = sealedbox::KeyPair::fromSeed(seed);
        QCOMPARE(first.publicKey, second.publicKey);
        QVERIFY(std::ranges::equal(first.secretKey.view(), second.secretKey.view()));
        seedBytes[0] ^= 1;
        QVERIFY(sealedbox::KeyPair::fromSeed(Secret<32>(seedBytes)).publicKey != first.publicKey);

        // A seeded pair works like any other.
        auto sealed = sealedbox::seal(first.publicKey, asBytes("hi"));
        QCOMPARE(std::string(sealedbox::open(*sealed, second)->asText()), std::string("hi"));
    }

    void degeneratePublicKeyIsRefused()
    {
        // The all-zero point has small order: the shared secret would be all zeros.
        sealedbox::PublicKey zero{};
        auto sealed = sealedbox::seal(zero, asBytes("secret"));
        QVERIFY(!sealed);
        QCOMPARE(sealed.error().kind, ErrorKind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestSealedBox)
#include "tst_sealedbox.moc"
