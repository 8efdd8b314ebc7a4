#include "core/crypto/HdKey.h"
#include "core/crypto/Mnemonic.h"
#include "core/crypto/Sha2.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <set>
#include <string>

using namespace ls;

// Known answers: the official BIP-39 vectors of trezor/python-mnemonic (vectors.json, "english"
// section, passphrase "TREZOR"), shipped in tests/crypto/data/bip39_trezor_vectors.json; each
// case gives entropy, phrase, seed and the BIP-32 master xprv of that seed. The word list is
// checked against the SHA-256 of bitcoin/bips bip-0039/english.txt.

namespace {

std::string hex(ByteView bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (auto byte : bytes) {
        out.push_back(digits[byte >> 4]);
        out.push_back(digits[byte & 0xf]);
    }
    return out;
}

QByteArray b(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

Bytes fromHex(const QByteArray& text)
{
    const QByteArray raw = QByteArray::fromHex(text);
    return Bytes(raw.begin(), raw.end());
}

const char* kAbandonAbout = "abandon abandon abandon abandon abandon abandon abandon abandon "
                            "abandon abandon abandon about";

} // namespace

class TestMnemonic : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wordListIsTheOfficialEnglishList()
    {
        const auto words = crypto::bip39EnglishWords();
        QCOMPARE(words.size(), std::size_t(2048));
        std::string file;
        for (auto word : words)
            file.append(word).push_back('\n');
        // sha256sum of bitcoin/bips bip-0039/english.txt
        QCOMPARE(b(hex(crypto::sha256(asBytes(file)))),
            QByteArray("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda"));
        // BIP-39 promises the first four letters identify a word; suggestions rely on it.
        std::set<std::string_view> prefixes;
        for (auto word : words)
            prefixes.insert(word.substr(0, 4));
        QCOMPARE(prefixes.size(), std::size_t(2048));
    }

    void trezorVectors_data()
    {
        QTest::addColumn<QByteArray>("entropy");
        QTest::addColumn<QByteArray>("phrase");
        QTest::addColumn<QByteArray>("seed");
        QTest::addColumn<QByteArray>("xprv");
        QFile file(QStringLiteral(LS_TEST_DATA_DIR "/bip39_trezor_vectors.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray cases = QJsonDocument::fromJson(file.readAll())
                                     .object()
                                     .value(QStringLiteral("english"))
                                     .toArray();
        QCOMPARE(cases.size(), 24);
        for (const auto& entry : cases) {
            const QJsonArray v = entry.toArray();
            const QByteArray entropy = v.at(0).toString().toLatin1();
            QTest::addRow("%s", entropy.constData())
                << entropy << v.at(1).toString().toUtf8() << v.at(2).toString().toLatin1()
                << v.at(3).toString().toLatin1();
        }
    }

    void trezorVectors()
    {
        QFETCH(QByteArray, entropy);
        QFETCH(QByteArray, phrase);
        QFETCH(QByteArray, seed);
        QFETCH(QByteArray, xprv);

        auto generated = crypto::Mnemonic::fromEntropy(fromHex(entropy));
        QVERIFY(generated.has_value());
        QCOMPARE(b(generated->phrase()), phrase);
        QCOMPARE(generated->wordCount(), static_cast<std::size_t>(phrase.count(' ') + 1));

        auto parsed = crypto::Mnemonic::parse(phrase.toStdString());
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
        QCOMPARE(b(hex(parsed->entropy().view())), entropy);

        auto derived = parsed->seed("TREZOR");
        QVERIFY(derived.has_value());
        QCOMPARE(b(hex(derived->view())), seed);

        auto master = crypto::HdKey::fromSeed(derived->view());
        QVERIFY(master.has_value());
        QCOMPARE(b(master->toExtendedPrivateKey().asText()), xprv);
    }

    void normalisesWhatUsersType()
    {
        const auto reference = crypto::Mnemonic::parse(kAbandonAbout);
        QVERIFY(reference.has_value());
        const char* messy[] = {
            "  ABANDON abandon\tabandon\nabandon  abandon abandon abandon abandon abandon Abandon "
            "abandon About \r\n",
            // U+00A0 no-break spaces, as pasted from a web page (NFKD makes them spaces)
            "abandon\xc2\xa0"
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon "
            "abandon\xc2\xa0"
            "about",
        };
        for (const char* text : messy) {
            auto parsed = crypto::Mnemonic::parse(text);
            QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
            QCOMPARE(b(parsed->phrase()), QByteArray(kAbandonAbout));
            QCOMPARE(
                b(hex(parsed->seed("TREZOR")->view())), b(hex(reference->seed("TREZOR")->view())));
        }
    }

    void rejectsUnknownWords_data()
    {
        QTest::addColumn<QByteArray>("phrase");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("typo with suggestion")
            << QByteArray("abandon abandon abandon abandon abandon abandon abandonx abandon "
                          "abandon abandon abandon about")
            << QByteArray("Word 7 'abandonx' is not in the BIP-39 English list. Did you mean "
                          "'abandon'?");
        QTest::newRow("no suggestion")
            << QByteArray("qqqq abandon abandon abandon abandon abandon abandon abandon abandon "
                          "abandon abandon about")
            << QByteArray("Word 1 'qqqq' is not in the BIP-39 English list.");
        QTest::newRow("two words run together, before the count is checked")
            << QByteArray("abandon abandon abandon abandon abandon abandon abandon abandon "
                          "abandon abandonabandon about")
            << QByteArray("Word 10 'abandonabandon' is not in the BIP-39 English list. Did you "
                          "mean 'abandon'?");
        QTest::newRow("non-English letters")
            << QByteArray("abandon caf\xc3\xa9 abandon abandon abandon abandon abandon abandon "
                          "abandon abandon abandon about")
            << QByteArray("Word 2 'caf\xc3\xa9' is not in the BIP-39 English list.");
    }

    void rejectsUnknownWords()
    {
        QFETCH(QByteArray, phrase);
        QFETCH(QByteArray, message);
        auto parsed = crypto::Mnemonic::parse(phrase.toStdString());
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().kind, ErrorKind::InvalidInput);
        QCOMPARE(b(parsed.error().message), message);
    }

    void rejectsWrongWordCounts()
    {
        for (int count : { 1, 3, 11, 13, 14, 23, 25, 27, 48 }) {
            QByteArray phrase = QByteArray("zoo ").repeated(count).trimmed();
            auto parsed = crypto::Mnemonic::parse(phrase.toStdString());
            QVERIFY(!parsed.has_value());
            QCOMPARE(parsed.error().kind, ErrorKind::InvalidInput);
            const QByteArray expected = "The recovery phrase has " + QByteArray::number(count)
                + (count == 1 ? " word" : " words") + "; it must have 12, 15, 18, 21 or 24.";
            QCOMPARE(b(parsed.error().message), expected);
        }
        for (const char* blank : { "", "   ", "\n\t \xc2\xa0" }) {
            auto parsed = crypto::Mnemonic::parse(blank);
            QVERIFY(!parsed.has_value());
            QVERIFY(b(parsed.error().message).contains("Enter the recovery phrase"));
        }
    }

    void rejectsABadChecksum()
    {
        // The 12-word vector with its last word changed ("about" → "above"), and with two words
        // swapped: every word is valid, the count is right, only the checksum can tell.
        const char* phrases[] = {
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon "
            "abandon above",
            "legal winner thank year wave sausage worth useful legal thank winner yellow",
            "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo "
            "zoo zoo zoo",
        };
        for (const char* phrase : phrases) {
            auto parsed = crypto::Mnemonic::parse(phrase);
            QVERIFY(!parsed.has_value());
            QCOMPARE(parsed.error().kind, ErrorKind::Verification);
            QVERIFY(b(parsed.error().message).contains("checksum does not match"));
        }
    }

    void generatesEveryLength()
    {
        for (std::size_t bits : { 128u, 160u, 192u, 224u, 256u }) {
            auto first = crypto::Mnemonic::generate(bits);
            auto second = crypto::Mnemonic::generate(bits);
            QVERIFY(first.has_value() && second.has_value());
            QCOMPARE(first->wordCount(), bits * 3 / 32);
            QCOMPARE(first->entropy().size(), bits / 8);
            QVERIFY(first->phrase() != second->phrase()); // 2^-128 chance of a false failure
            auto reparsed = crypto::Mnemonic::parse(first->phrase());
            QVERIFY(reparsed.has_value());
            QCOMPARE(b(hex(reparsed->entropy().view())), b(hex(first->entropy().view())));
        }
        QCOMPARE(b(hex(crypto::Mnemonic::generate()->entropy().view())).size(), 32);
        for (std::size_t bits : { 0u, 96u, 127u, 129u, 288u })
            QVERIFY(!crypto::Mnemonic::generate(bits).has_value());
        for (std::size_t bytes : { 0u, 12u, 15u, 17u, 33u })
            QVERIFY(!crypto::Mnemonic::fromEntropy(Bytes(bytes, 1)).has_value());
    }

    void passphraseIsNfkdNormalised()
    {
        auto mnemonic = crypto::Mnemonic::parse(kAbandonAbout);
        QVERIFY(mnemonic.has_value());
        // "é" precomposed (U+00E9) and decomposed (e + U+0301) are the same passphrase after
        // NFKD; "ﬁ" (U+FB01 ligature) is "fi" after NFKD.
        auto composed = mnemonic->seed("caf\xc3\xa9");
        auto decomposed = mnemonic->seed("cafe\xcc\x81");
        QVERIFY(composed.has_value() && decomposed.has_value());
        QCOMPARE(b(hex(composed->view())), b(hex(decomposed->view())));
        QCOMPARE(
            b(hex(mnemonic->seed("\xef\xac\x81")->view())), b(hex(mnemonic->seed("fi")->view())));
        // ...and different passphrases still give different seeds.
        QVERIFY(b(hex(composed->view())) != b(hex(mnemonic->seed("cafe")->view())));
        QVERIFY(b(hex(mnemonic->seed("")->view())) != b(hex(mnemonic->seed(" ")->view())));
    }

    void rejectsPassphrasesThatAreNotUtf8()
    {
        auto mnemonic = crypto::Mnemonic::parse(kAbandonAbout);
        QVERIFY(mnemonic.has_value());
        for (const char* broken : { "caf\xe9", "\xff", "ab\xc3" }) {
            auto seed = mnemonic->seed(broken);
            QVERIFY(!seed.has_value());
            QCOMPARE(seed.error().kind, ErrorKind::InvalidInput);
        }
    }
};

QTEST_GUILESS_MAIN(TestMnemonic)
#include "tst_mnemonic.moc"
