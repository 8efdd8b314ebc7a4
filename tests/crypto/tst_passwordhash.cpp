#include "core/crypto/PasswordHash.h"

#include <QTest>

#include "tests/crypto/CryptoTestHex.h"
#include <string>

using namespace ls;
using namespace ls::crypto;

class TestPasswordHash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownAnswers_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("salt");
        QTest::addColumn<int>("outputSize");
        QTest::addColumn<qulonglong>("opsLimit");
        QTest::addColumn<qulonglong>("memLimit");
        QTest::addColumn<QString>("expected");
        // libsodium test/default/pwhash_argon2id.c, tv() vectors 0 and 1, with the outputs from
        // pwhash_argon2id.exp. The C test reads only the first 16 bytes of each salt.
        QTest::newRow("libsodium tv 0")
            << "a347ae92bce9f80f6f595a4480fc9c2fe7e7d7148d371e9487d75f5c23008ffae065577a928febd9b19"
               "7"
               "3a5a95073acdbeb6a030cfc0d79caa2dc5cd011cef02c08da232d76d52dfbca38ca8dcbd665b17d1665"
               "f"
               "7cf5fe59772ec909733b24de97d6f58d220b20c60d7c07ec1fd93c52c31020300c6c1facd77937a597c"
               "7a6"
            << "5541fbc995d5c197ba290346d2c559de" << 155 << 5ull << 7256678ull
            << "18acec5d6507739f203d1f5d9f1d862f7c2cdac4f19d2bdff64487e60d969e3ced615337b9eec6ac446"
               "1"
               "c6ca07f0939741e57c24d0005c7ea171a0ee1e7348249d135b38f222e4dad7b9a033ed83f5ca2727739"
               "3"
               "e316582033c74affe2566a2bea47f91f0fd9fe49ece7e1f79f3ad6e9b23e0277c8ecc4b313225748dd2"
               "a"
               "80f5679534a0700e246a79a49b3f74eb89ec6205fe1eeb941c73b1fcf1";
        QTest::newRow("libsodium tv 1")
            << "e125cee61c8cb7778d9e5ad0a6f5d978ce9f84de213a8556d9ffe202020ab4a6ed9074a4eb3416f9b16"
               "8"
               "f137510f3a30b70b96cbfa219ff99f6c6eaffb15c06b60e00cc2890277f0fd3c622115772f7048adaeb"
               "ed86e"
            << "f1192dd5dc2368b9cd421338b2243345" << 250 << 4ull << 7849083ull
            << "26bab5f101560e48c711da4f05e81f5a3802b7a93d5155b9cab153069cc42b8e9f910bfead747652a07"
               "0"
               "8d70e4de0bada37218bd203a1201c36b42f9a269b675b1f30cfc36f35a3030e9c7f57dfba0d341a974c"
               "1"
               "886f708c3e8297efbfe411bb9d51375264bd7c70d57a8a56fc9de2c1c97c08776803ec2cd0140bba8e6"
               "1"
               "dc0f4ad3d3d1a89b4b710af81bfe35a0eea193e18a6da0f5ec05542c9eefc4584458e1da715611ba096"
               "1"
               "7384748bd43b9bf1f3a6df4ecd091d0875e08d6e2fd8a5c7ce08904b5160cd38167b76ec76ef2d31004"
               "9"
               "055a564da23d4ebd2b87e421cc33c401e12d5cd8d936c9baf75ebdfb557d342d2858fc781da31860";
    }

    void knownAnswers()
    {
        QFETCH(QString, password);
        QFETCH(QString, salt);
        QFETCH(int, outputSize);
        QFETCH(qulonglong, opsLimit);
        QFETCH(qulonglong, memLimit);
        QFETCH(QString, expected);

        Bytes out(static_cast<std::size_t>(outputSize));
        auto done =
            pwhash::derive(out, testhex::decode(password.toStdString()),
                           testhex::decodeFixed<16>(salt.toStdString()), {opsLimit, memLimit});
        QVERIFY2(done.has_value(), done ? "" : done.error().message.c_str());
        QCOMPARE(QString::fromStdString(testhex::encode(out)), expected);
    }

    void deterministicForFixedInputs()
    {
        auto params = pwhash::Params::interactive();
        pwhash::Salt salt{};
        salt.fill(0x42);
        auto first = pwhash::deriveKey(asBytes("correct horse"), salt, params);
        auto second = pwhash::deriveKey(asBytes("correct horse"), salt, params);
        QVERIFY(first && second);
        QVERIFY(std::ranges::equal(first->view(), second->view()));

        auto otherPassphrase = pwhash::deriveKey(asBytes("correct horsf"), salt, params);
        QVERIFY(!std::ranges::equal(first->view(), otherPassphrase->view()));

        auto otherSalt = salt;
        otherSalt[15] ^= 1;
        auto salted = pwhash::deriveKey(asBytes("correct horse"), otherSalt, params);
        QVERIFY(!std::ranges::equal(first->view(), salted->view()));

        auto morePasses = pwhash::deriveKey(asBytes("correct horse"), salt,
                                            {params.opsLimit + 1, params.memLimit});
        QVERIFY(!std::ranges::equal(first->view(), morePasses->view()));
    }

    void emptyPassphraseIsAllowedByTheHash()
    {
        // Policy about empty passphrases belongs to the callers (the keystore refuses them).
        auto key = pwhash::deriveKey({}, pwhash::randomSalt(), {1, 8192});
        QVERIFY(key.has_value());
    }

    void presets()
    {
        QCOMPARE(pwhash::Params::moderate().opsLimit, 3ull);
        QCOMPARE(pwhash::Params::moderate().memLimit, 256ull << 20);
        QCOMPARE(pwhash::Params::interactive().opsLimit, 2ull);
        QCOMPARE(pwhash::Params::interactive().memLimit, 64ull << 20);
        QVERIFY(pwhash::validate(pwhash::Params::moderate()));
        QVERIFY(pwhash::validate(pwhash::Params::interactive()));
        QVERIFY(pwhash::randomSalt() != pwhash::randomSalt());
    }

    void absurdParamsAreRefused_data()
    {
        QTest::addColumn<qulonglong>("opsLimit");
        QTest::addColumn<qulonglong>("memLimit");
        QTest::newRow("no passes") << 0ull << (64ull << 20);
        QTest::newRow("too many passes") << 17ull << 8192ull;
        QTest::newRow("huge pass count") << ~0ull << 8192ull;
        QTest::newRow("too little memory") << 2ull << 8191ull;
        QTest::newRow("too much memory") << 1ull << ((1ull << 30) + 1);
        QTest::newRow("4 TiB") << 1ull << (4ull << 40);
        QTest::newRow("too much work") << 16ull << (512ull << 20);
    }

    void absurdParamsAreRefused()
    {
        QFETCH(qulonglong, opsLimit);
        QFETCH(qulonglong, memLimit);
        pwhash::Params params{opsLimit, memLimit};
        auto valid = pwhash::validate(params);
        QVERIFY(!valid);
        QCOMPARE(valid.error().kind, ErrorKind::InvalidInput);
        Bytes out(32);
        QVERIFY(!pwhash::derive(out, asBytes("pw"), pwhash::Salt{}, params));
    }

    void tooShortOutputIsRefused()
    {
        Bytes out(15);
        QVERIFY(!pwhash::derive(out, asBytes("pw"), pwhash::Salt{}, {1, 8192}));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
