#include "core/crypto/Sha2.h"

#include <QTest>

#include <string>

using namespace ls;

// Known answers come from the standards' own examples as collected in Bitcoin Core's
// src/test/crypto_tests.cpp (FIPS 180 "abc"/two-block messages, RFC 4231 HMAC-SHA-512 cases
// 1, 2, 3, 4, 6, 7 plus key-length boundary cases) and from trezor-crypto's tests/test_check.c
// (PBKDF2-HMAC-SHA512); passlib's test suite supplies the 72-byte (two-block) PBKDF2 case.
// Every value was also cross-checked against Node's crypto module.

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

Bytes fromHex(std::string_view text)
{
    auto nibble
        = [](char c) { return static_cast<std::uint8_t>(c <= '9' ? c - '0' : c - 'a' + 10); };
    Bytes out;
    for (std::size_t i = 0; i + 1 < text.size(); i += 2)
        out.push_back(static_cast<std::uint8_t>(nibble(text[i]) << 4 | nibble(text[i + 1])));
    return out;
}

ByteView view(const QByteArray& data)
{
    return { reinterpret_cast<const std::uint8_t*>(data.constData()),
        static_cast<std::size_t>(data.size()) };
}

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}
QByteArray b(const std::string& text)
{
    return QByteArray::fromStdString(text);
}

// Bitcoin Core's LongTestString(): 1,000,000 bytes that are not all alike.
QByteArray longTestString()
{
    QByteArray out;
    out.reserve(1000000);
    for (int i = 0; i < 200000; i++) {
        out.append(static_cast<char>(i));
        out.append(static_cast<char>(i >> 4));
        out.append(static_cast<char>(i >> 8));
        out.append(static_cast<char>(i >> 12));
        out.append(static_cast<char>(i >> 16));
    }
    return out;
}

} // namespace

class TestSha2 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sha256KnownAnswers_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty")
            << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc")
                             << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("two blocks")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("63 bytes")
            << QByteArray("For this sample, this 63-byte string will be used as input data")
            << "f08a78cbbaee082b052ae0708f32fa1e50c5c421aa772ba5dbb406a2ea6be342";
        QTest::newRow("64 bytes")
            << QByteArray("This is exactly 64 bytes long, not counting the terminating byte")
            << "ab64eff7e88e2e46165e29f2bce41826bd4c7b3552f6b382a9e7d3af47c245f8";
        QTest::newRow("million a") << QByteArray(
            1000000, 'a') << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
        QTest::newRow("long test string")
            << longTestString()
            << "a316d55510b49662420f49d145d42fb83f31ef8dc016aa4e32df049991a91e26";
    }

    void sha256KnownAnswers()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        QCOMPARE(q(hex(crypto::sha256(view(input)))), expected);
    }

    void sha512KnownAnswers_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty")
            << QByteArray()
            << "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
               "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";
        QTest::newRow("abc") << QByteArray("abc")
                             << "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                                "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
        QTest::newRow("two blocks")
            << QByteArray("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                          "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
            << "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
               "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909";
        QTest::newRow("million a")
            << QByteArray(1000000, 'a')
            << "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
               "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b";
        QTest::newRow("long test string")
            << longTestString()
            << "40cac46c147e6131c5193dd5f34e9d8bb4951395f27b08c558c65ff4ba2de594"
               "37de8c3ef5459d76a52cedc02dc499a3c9ed9dedbfb3281afd9653b8a112fafc";
    }

    void sha512KnownAnswers()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        QCOMPARE(q(hex(crypto::sha512(view(input)))), expected);
    }

    void hmacSha512Rfc4231_data()
    {
        QTest::addColumn<QByteArray>("keyHex");
        QTest::addColumn<QByteArray>("dataHex");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray jefe127 = QByteArray("4a656665").repeated(31) + "4a6566";
        const QByteArray jefe128 = QByteArray("4a656665").repeated(32);
        const QByteArray jefe129 = jefe128 + "4a";
        const QByteArray whatDoYaWant("7768617420646f2079612077616e7420666f72206e6f7468696e673f");
        QTest::newRow("RFC 4231 case 1")
            << QByteArray("0b").repeated(20) << QByteArray("4869205468657265")
            << QByteArray("87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                          "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854");
        QTest::newRow("RFC 4231 case 2")
            << QByteArray("4a656665") << whatDoYaWant
            << QByteArray("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                          "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
        QTest::newRow("RFC 4231 case 3")
            << QByteArray("aa").repeated(20) << QByteArray("dd").repeated(50)
            << QByteArray("fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
                          "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb");
        QTest::newRow("RFC 4231 case 4")
            << QByteArray("0102030405060708090a0b0c0d0e0f10111213141516171819")
            << QByteArray("cd").repeated(50)
            << QByteArray("b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
                          "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd");
        QTest::newRow("RFC 4231 case 6 (key longer than a block)")
            << QByteArray("aa").repeated(131)
            << QByteArray("54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a"
                          "65204b6579202d2048617368204b6579204669727374")
            << QByteArray("80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
                          "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598");
        QTest::newRow("RFC 4231 case 7 (long key and data)")
            << QByteArray("aa").repeated(131)
            << QByteArray("5468697320697320612074657374207573696e672061206c6172676572207468"
                          "616e20626c6f636b2d73697a65206b657920616e642061206c61726765722074"
                          "68616e20626c6f636b2d73697a6520646174612e20546865206b6579206e6565"
                          "647320746f20626520686173686564206265666f7265206265696e6720757365"
                          "642062792074686520484d414320616c676f726974686d2e")
            << QByteArray("e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
                          "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58");
        QTest::newRow("key of 127 bytes")
            << jefe127 << whatDoYaWant
            << QByteArray("267424dfb8eeb999f3e5ec39a4fe9fd14c923e6187e0897063e5c9e02b2e624a"
                          "c04413e762977df71a9fb5d562b37f89dfdfb930fce2ed1fa783bbc2a203d80e");
        QTest::newRow("key of 128 bytes")
            << jefe128 << whatDoYaWant
            << QByteArray("43aaac07bb1dd97c82c04df921f83b16a68d76815cd1a30d3455ad43a3d80484"
                          "2bb35462be42cc2e4b5902de4d204c1c66d93b47d1383e3e13a3788687d61258");
        QTest::newRow("key of 129 bytes")
            << jefe129 << whatDoYaWant
            << QByteArray("0b273325191cfc1b4b71d5075c8fcad67696309d292b1dad2cd23983a35feb8e"
                          "fb29795e79f2ef27f68cb1e16d76178c307a67beaad9456fac5fdffeadb16e2c");
    }

    void hmacSha512Rfc4231()
    {
        QFETCH(QByteArray, keyHex);
        QFETCH(QByteArray, dataHex);
        QFETCH(QByteArray, expected);
        const Bytes key = fromHex(keyHex.toStdString());
        const Bytes data = fromHex(dataHex.toStdString());
        QCOMPARE(b(hex(crypto::hmacSha512(key, data).view())), expected);

        // The streaming form gives the same tag however the message is split.
        for (std::size_t split = 0; split <= data.size(); split += 7) {
            crypto::HmacSha512 mac(key);
            mac.update(ByteView(data).first(split));
            mac.update(ByteView(data).subspan(split));
            QCOMPARE(b(hex(mac.finish().view())), expected);
        }
    }

    void hmacIsReusableAfterFinish()
    {
        // After finish() the object starts a fresh message under the same key.
        crypto::HmacSha512 mac(asBytes("Jefe"));
        mac.update(asBytes("something else entirely"));
        (void)mac.finish();
        mac.update(asBytes("what do ya want for nothing?"));
        QCOMPARE(b(hex(mac.finish().view())),
            QByteArray("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                       "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"));
    }

    void pbkdf2KnownAnswers_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<uint>("iterations");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("expected");
        QTest::newRow("c=1") << QByteArray("password") << QByteArray("salt") << 1u << 64
                             << "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
                                "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce";
        QTest::newRow("c=2") << QByteArray("password") << QByteArray("salt") << 2u << 64
                             << "e1d9c16aa681708a45f5c7c4e215ceb66e011a2e9f0040713f18aefdb866d53c"
                                "f76cab2868a39b9f7840edce4fef5a82be67335c77a6068e04112754f27ccf4e";
        QTest::newRow("c=4096")
            << QByteArray("password") << QByteArray("salt") << 4096u << 64
            << "d197b1b33db0143e018b12f3d1d1479e6cdebdcc97c5c0f87f6902e072f457b5"
               "143f30602641b3d55cd335988cb36b84376060ecd532e039b742a239434af2d5";
        QTest::newRow("long password and salt, c=4096")
            << QByteArray("passwordPASSWORDpassword")
            << QByteArray("saltSALTsaltSALTsaltSALTsaltSALTsalt") << 4096u << 64
            << "8c0511f4c6e597c6ac6315d8f0362e225f3c501495ba23b868c005174dc4ee71"
               "115b59f9e60cd9532fa33e0f75aefe30225c583a186cd82bd4daea9724a3d3b8";
        QTest::newRow("72 bytes: two output blocks")
            << QByteArray("passwordPASSWORDpassword")
            << QByteArray("saltSALTsaltSALTsaltSALTsaltSALTsalt") << 1u << 72
            << "6e23f27638084b0f7ea1734e0d9841f55dd29ea60a834466f3396bac801fac1e"
               "eb63802f03a0b4acd7603e3699c8b74437be83ff01ad7f55dac1ef60f4d56480"
               "c35ee68fd52c6936";
    }

    void pbkdf2KnownAnswers()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(uint, iterations);
        QFETCH(int, length);
        QFETCH(QString, expected);
        auto key = crypto::pbkdf2HmacSha512(
            view(password), view(salt), iterations, static_cast<std::size_t>(length));
        QVERIFY(key.has_value());
        QCOMPARE(q(hex(key->view())), expected);
    }

    void pbkdf2RejectsNonsenseParameters()
    {
        auto noIterations = crypto::pbkdf2HmacSha512(asBytes("p"), asBytes("s"), 0, 64);
        QVERIFY(!noIterations.has_value());
        QCOMPARE(noIterations.error().kind, ErrorKind::InvalidInput);
        QVERIFY(!crypto::pbkdf2HmacSha512(asBytes("p"), asBytes("s"), 1, 0).has_value());
        QVERIFY(!crypto::pbkdf2HmacSha512(asBytes("p"), asBytes("s"), 1, 1u << 30).has_value());
    }
};

QTEST_GUILESS_MAIN(TestSha2)
#include "tst_sha2.moc"
