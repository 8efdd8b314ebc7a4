#include "core/crypto/Aead.h"

#include <QTest>

#include "tests/crypto/CryptoTestHex.h"
#include <algorithm>
#include <string>

using namespace ls;
using namespace ls::crypto;

namespace {

// draft-irtf-cfrg-xchacha-03, Appendix A.3.1 (AEAD_XChaCha20_Poly1305 example).
const char* const kKey = "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";
const char* const kNonce = "404142434445464748494a4b4c4d4e4f5051525354555657";
const char* const kAd = "50515253c0c1c2c3c4c5c6c7";
const char* const kPlaintext = "Ladies and Gentlemen of the class of '99: If I could offer you "
                               "only one tip for the future, sunscreen would be it.";
const char* const kCiphertext =
    "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda"
    "7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b23835"
    "65d3fff921f9664c97637da9768812f615c68b13b52e";
const char* const kTag = "c0875924c1c7987947deafd8780acf49";

aead::Key vectorKey()
{
    return aead::Key(testhex::decodeFixed<32>(kKey));
}

aead::Nonce vectorNonce()
{
    return testhex::decodeFixed<24>(kNonce);
}

Bytes vectorPlaintext()
{
    auto view = asBytes(kPlaintext);
    return Bytes(view.begin(), view.end());
}

} // namespace

class TestAead : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownAnswer()
    {
        Bytes sealed =
            aead::encrypt(vectorKey(), vectorNonce(), vectorPlaintext(), testhex::decode(kAd));
        QCOMPARE(testhex::encode(sealed), std::string(kCiphertext) + kTag);

        auto opened = aead::decrypt(vectorKey(), vectorNonce(), sealed, testhex::decode(kAd));
        QVERIFY(opened.has_value());
        QCOMPARE(*opened, vectorPlaintext());

        auto secret = aead::decryptSecret(vectorKey(), vectorNonce(), sealed, testhex::decode(kAd));
        QVERIFY(secret.has_value());
        QCOMPARE(std::string(secret->asText()), std::string(kPlaintext));
    }

    void everyFlippedByteIsDetected()
    {
        Bytes sealed = testhex::decode(std::string(kCiphertext) + kTag);
        for (std::size_t i = 0; i < sealed.size(); ++i) {
            Bytes tampered = sealed;
            tampered[i] ^= 0x01;
            auto opened = aead::decrypt(vectorKey(), vectorNonce(), tampered, testhex::decode(kAd));
            QVERIFY(!opened);
            QCOMPARE(opened.error().kind, ErrorKind::Verification);
            QCOMPARE(opened.error().message,
                     std::string("could not be decrypted: wrong key or damaged data"));
        }
    }

    void wrongKeyNonceOrAdIsDetected()
    {
        Bytes sealed = testhex::decode(std::string(kCiphertext) + kTag);
        Bytes ad = testhex::decode(kAd);

        auto otherKey = testhex::decodeFixed<32>(kKey);
        otherKey[0] ^= 0x80;
        QVERIFY(!aead::decrypt(aead::Key(otherKey), vectorNonce(), sealed, ad));

        auto otherNonce = vectorNonce();
        otherNonce[23] ^= 0x01;
        QVERIFY(!aead::decrypt(vectorKey(), otherNonce, sealed, ad));

        Bytes otherAd = ad;
        otherAd.back() ^= 0x01;
        QVERIFY(!aead::decrypt(vectorKey(), vectorNonce(), sealed, otherAd));
        QVERIFY(!aead::decrypt(vectorKey(), vectorNonce(), sealed, {}));

        QVERIFY(!aead::decrypt(vectorKey(), vectorNonce(),
                               ByteView(sealed).first(sealed.size() - 1), ad));
        QVERIFY(!aead::decrypt(vectorKey(), vectorNonce(), ByteView(sealed).first(15), ad));
        QVERIFY(!aead::decrypt(vectorKey(), vectorNonce(), {}, ad));
    }

    void emptyPlaintextRoundTrip()
    {
        auto key = aead::generateKey();
        auto nonce = aead::randomNonce();
        Bytes sealed = aead::encrypt(key, nonce, {}, asBytes("header"));
        QCOMPARE(sealed.size(), aead::kTagSize);
        auto opened = aead::decrypt(key, nonce, sealed, asBytes("header"));
        QVERIFY(opened.has_value());
        QVERIFY(opened->empty());
        QVERIFY(!aead::decrypt(key, nonce, sealed, asBytes("Header")));
    }

    void randomKeysAndNoncesDiffer()
    {
        QVERIFY(aead::generateKey().view().size() == aead::kKeySize);
        QVERIFY(!std::ranges::equal(aead::generateKey().view(), aead::generateKey().view()));
        QVERIFY(aead::randomNonce() != aead::randomNonce());
    }

    void inPlaceBufferForms()
    {
        Bytes ad = testhex::decode(kAd);
        Bytes plaintext = vectorPlaintext();

        // Ciphertext written over the plaintext, tag appended in the spare room.
        Bytes buffer = plaintext;
        buffer.resize(plaintext.size() + aead::kTagSize);
        QVERIFY(aead::encryptInto(vectorKey(), vectorNonce(),
                                  ByteView(buffer).first(plaintext.size()), ad, buffer));
        QCOMPARE(testhex::encode(buffer), std::string(kCiphertext) + kTag);

        // And back, in place.
        QVERIFY(aead::decryptInto(vectorKey(), vectorNonce(), buffer, ad,
                                  std::span<std::uint8_t>(buffer).first(plaintext.size())));
        QVERIFY(std::equal(plaintext.begin(), plaintext.end(), buffer.begin()));

        // Wrong output sizes are refused rather than overrun.
        Bytes small(plaintext.size());
        QVERIFY(!aead::encryptInto(vectorKey(), vectorNonce(), plaintext, ad, small));
        Bytes sealed = testhex::decode(std::string(kCiphertext) + kTag);
        Bytes large(sealed.size());
        QVERIFY(!aead::decryptInto(vectorKey(), vectorNonce(), sealed, ad, large));

        // Partial overlap is refused (libsodium only supports exact aliasing).
        Bytes overlap(plaintext.size() + aead::kTagSize + 1);
        QVERIFY(!aead::encryptInto(vectorKey(), vectorNonce(),
                                   ByteView(overlap).first(plaintext.size()), ad,
                                   std::span<std::uint8_t>(overlap).subspan(1)));
    }

    void failedDecryptIntoLeavesNoPlaintext()
    {
        Bytes sealed = testhex::decode(std::string(kCiphertext) + kTag);
        sealed.back() ^= 1;
        Bytes out(sealed.size() - aead::kTagSize, 0xee);
        QVERIFY(!aead::decryptInto(vectorKey(), vectorNonce(), sealed, testhex::decode(kAd), out));
        QVERIFY(std::all_of(out.begin(), out.end(), [](std::uint8_t b) { return b == 0; }));
    }

    void detachedInPlace()
    {
        Bytes ad = testhex::decode(kAd);
        Bytes data = vectorPlaintext();
        aead::Tag tag = aead::encryptInPlace(vectorKey(), vectorNonce(), data, ad);
        QCOMPARE(testhex::encode(data), std::string(kCiphertext));
        QCOMPARE(testhex::encode(tag), std::string(kTag));

        Bytes copy = data;
        QVERIFY(aead::decryptInPlace(vectorKey(), vectorNonce(), data, tag, ad));
        QCOMPARE(data, vectorPlaintext());

        auto badTag = tag;
        badTag[0] ^= 1;
        auto failed = aead::decryptInPlace(vectorKey(), vectorNonce(), copy, badTag, ad);
        QVERIFY(!failed);
        QCOMPARE(failed.error().kind, ErrorKind::Verification);
    }

    void largeRoundTrip()
    {
        auto key = aead::generateKey();
        auto nonce = aead::randomNonce();
        Bytes big(1 << 20);
        for (std::size_t i = 0; i < big.size(); ++i)
            big[i] = static_cast<std::uint8_t>(i * 31 + 7);
        Bytes sealed = aead::encrypt(key, nonce, big);
        QCOMPARE(*aead::decrypt(key, nonce, sealed), big);
    }
};

QTEST_GUILESS_MAIN(TestAead)
#include "tst_aead.moc"
