#include "core/crypto/Keystore.h"
#include "core/crypto/Secp256k1.h"
#include "core/util/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "tests/crypto/CryptoTestHex.h"
#include <filesystem>
#include <functional>
#include <string>
#include <sys/stat.h>

using namespace ls;
using namespace ls::crypto;

namespace {

// web3.js / ethers documentation example account (checked in tst_secp256k1).
const char* const kPrivateKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
const char* const kPrivateKeyAddress = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
// The BIP-39 reference phrase; the address is only a label here (the keystore cannot derive it).
const char* const kMnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon "
                              "abandon abandon abandon about";
const char* const kMnemonicAddress = "0x9858EfFD232B4033E47d90003D41EC34EcaEda94";

const pwhash::Params kFast = pwhash::Params::interactive();

Address address(const char* text)
{
    return *Address::parse(text);
}

SecretBytes secretText(const char* text)
{
    return SecretBytes(asBytes(text));
}

Keystore mnemonicStore(const char* passphrase = "correct horse battery staple")
{
    auto store = Keystore::create(KeystorePayload::Mnemonic, secretText(kMnemonic),
                                  address(kMnemonicAddress), asBytes(passphrase), kFast);
    if (!store)
        qFatal("create failed: %s", store.error().message.c_str());
    return *store;
}

Keystore privateKeyStore(const char* passphrase = "hunter2 hunter2")
{
    auto store =
        Keystore::create(KeystorePayload::PrivateKey, SecretBytes(testhex::decode(kPrivateKey)),
                         address(kPrivateKeyAddress), asBytes(passphrase), kFast);
    if (!store)
        qFatal("create failed: %s", store.error().message.c_str());
    return *store;
}

QJsonObject toJson(const Bytes& bytes)
{
    return QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char*>(bytes.data()),
                                              static_cast<qsizetype>(bytes.size())))
        .object();
}

Bytes fromJson(const QJsonObject& object)
{
    QByteArray json = QJsonDocument(object).toJson();
    return Bytes(json.begin(), json.end());
}

// Applies `edit` to one nested object ("" for the root) of a serialised key file.
Bytes edited(const Bytes& file, const QString& section,
             const std::function<void(QJsonObject&)>& edit)
{
    QJsonObject root = toJson(file);
    if (section.isEmpty()) {
        edit(root);
    } else {
        QJsonObject inner = root.value(section).toObject();
        edit(inner);
        root.insert(section, inner);
    }
    return fromJson(root);
}

QString flipHexDigit(const QString& hex)
{
    QString out = hex;
    out[0] = out[0] == u'0' ? u'1' : u'0';
    return out;
}

Bytes readAll(const std::filesystem::path& path)
{
    return *readFileLimited(path, 1 << 20);
}

QStringList directoryEntries(const QTemporaryDir& dir)
{
    return QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

std::filesystem::path pathIn(const QTemporaryDir& dir, const char* name)
{
    return std::filesystem::path(dir.path().toStdString()) / name;
}

} // namespace

class TestKeystore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mnemonicRoundTrip()
    {
        Keystore store = mnemonicStore();
        auto parsed = Keystore::parse(store.serialize());
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
        QCOMPARE(parsed->kind(), KeystorePayload::Mnemonic);
        QCOMPARE(parsed->address(), address(kMnemonicAddress));
        QCOMPARE(parsed->kdfParams(), kFast);
        auto secret = parsed->unlock(asBytes("correct horse battery staple"));
        QVERIFY2(secret.has_value(), secret ? "" : secret.error().message.c_str());
        QCOMPARE(std::string(secret->asText()), std::string(kMnemonic));
    }

    void privateKeyRoundTrip()
    {
        Keystore store = privateKeyStore();
        auto parsed = Keystore::parse(store.serialize());
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->kind(), KeystorePayload::PrivateKey);
        auto secret = parsed->unlock(asBytes("hunter2 hunter2"));
        QVERIFY(secret.has_value());
        QCOMPARE(testhex::encode(secret->view()), std::string(kPrivateKey));
    }

    void documentShape()
    {
        QJsonObject root = toJson(mnemonicStore().serialize());
        QCOMPARE(root.value(QStringLiteral("format")).toString(),
                 QStringLiteral("lightstreams-keystore"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(root.value(QStringLiteral("address")).toString(),
                 QString::fromLatin1(kMnemonicAddress));
        QCOMPARE(root.value(QStringLiteral("kind")).toString(), QStringLiteral("mnemonic"));
        QJsonObject kdf = root.value(QStringLiteral("kdf")).toObject();
        QCOMPARE(kdf.value(QStringLiteral("name")).toString(), QStringLiteral("argon2id"));
        QCOMPARE(kdf.value(QStringLiteral("opslimit")).toInteger(), qint64(kFast.opsLimit));
        QCOMPARE(kdf.value(QStringLiteral("memlimit")).toInteger(), qint64(kFast.memLimit));
        QCOMPARE(kdf.value(QStringLiteral("salt")).toString().size(), 32);
        QJsonObject cipher = root.value(QStringLiteral("cipher")).toObject();
        QCOMPARE(cipher.value(QStringLiteral("name")).toString(),
                 QStringLiteral("xchacha20poly1305"));
        QCOMPARE(cipher.value(QStringLiteral("nonce")).toString().size(), 48);
        QCOMPARE(root.value(QStringLiteral("ciphertext")).toString().size(),
                 qsizetype((std::string(kMnemonic).size() + 16) * 2));

        // Neither the secret nor the passphrase appears in the file.
        Bytes file = privateKeyStore().serialize();
        std::string text(file.begin(), file.end());
        QVERIFY(text.find(kPrivateKey) == std::string::npos);
        QVERIFY(text.find("hunter2") == std::string::npos);
        Bytes mnemonicFile = mnemonicStore().serialize();
        QVERIFY(std::string(mnemonicFile.begin(), mnemonicFile.end()).find("abandon")
                == std::string::npos);
    }

    void saltAndNonceAreFresh()
    {
        QJsonObject a = toJson(mnemonicStore().serialize());
        QJsonObject b = toJson(mnemonicStore().serialize());
        QVERIFY(a.value(QStringLiteral("kdf")).toObject().value(QStringLiteral("salt"))
                != b.value(QStringLiteral("kdf")).toObject().value(QStringLiteral("salt")));
        QVERIFY(a.value(QStringLiteral("cipher")).toObject().value(QStringLiteral("nonce"))
                != b.value(QStringLiteral("cipher")).toObject().value(QStringLiteral("nonce")));
    }

    void wrongPassphrase()
    {
        Keystore store = mnemonicStore();
        for (const char* wrong :
             {"correct horse battery stapl", "Correct horse battery staple", ""}) {
            auto secret = store.unlock(asBytes(wrong));
            QVERIFY(!secret);
            QCOMPARE(secret.error().kind, ErrorKind::WrongPassphrase);
            QCOMPARE(secret.error().message, std::string("wrong passphrase"));
        }
    }

    void createValidatesItsInputs()
    {
        auto mnemonicAddress = address(kMnemonicAddress);
        auto empty = Keystore::create(KeystorePayload::Mnemonic, secretText(kMnemonic),
                                      mnemonicAddress, {}, kFast);
        QCOMPARE(empty.error().kind, ErrorKind::InvalidInput);

        QVERIFY(!Keystore::create(KeystorePayload::Mnemonic, SecretBytes(), mnemonicAddress,
                                  asBytes("pw"), kFast));
        Bytes badUtf8{'a', 0xc3, 0x28, 'b'};
        QVERIFY(!Keystore::create(KeystorePayload::Mnemonic, SecretBytes(badUtf8), mnemonicAddress,
                                  asBytes("pw"), kFast));
        QVERIFY(!Keystore::create(KeystorePayload::Mnemonic,
                                  SecretBytes(Bytes(Keystore::kMaxMnemonicSize + 1, 'a')),
                                  mnemonicAddress, asBytes("pw"), kFast));
        QVERIFY(!Keystore::create(KeystorePayload::Mnemonic, secretText(kMnemonic), mnemonicAddress,
                                  asBytes("pw"), {0, 8192}));

        // A private key must be valid and must belong to the address shown.
        QVERIFY(!Keystore::create(KeystorePayload::PrivateKey, SecretBytes(Bytes(31, 1)),
                                  address(kPrivateKeyAddress), asBytes("pw"), kFast));
        QVERIFY(!Keystore::create(KeystorePayload::PrivateKey, SecretBytes(Bytes(32, 0)),
                                  address(kPrivateKeyAddress), asBytes("pw"), kFast));
        auto mismatch =
            Keystore::create(KeystorePayload::PrivateKey, SecretBytes(testhex::decode(kPrivateKey)),
                             mnemonicAddress, asBytes("pw"), kFast);
        QVERIFY(!mismatch);
        QCOMPARE(mismatch.error().kind, ErrorKind::InvalidInput);
    }

    void everyAuthenticatedFieldIsBound_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("field");
        QTest::newRow("address") << ""
                                 << "address";
        QTest::newRow("kind") << ""
                              << "kind";
        QTest::newRow("opslimit") << "kdf"
                                  << "opslimit";
        QTest::newRow("memlimit") << "kdf"
                                  << "memlimit";
        QTest::newRow("salt") << "kdf"
                              << "salt";
        QTest::newRow("nonce") << "cipher"
                               << "nonce";
        QTest::newRow("ciphertext") << ""
                                    << "ciphertext";
    }

    void everyAuthenticatedFieldIsBound()
    {
        // Edits that still parse must fail to decrypt, even with the right passphrase. (Uses a
        // private-key file: switching its kind to "mnemonic" still parses, the other way round
        // would already fail on the ciphertext length.)
        QFETCH(QString, section);
        QFETCH(QString, field);
        Bytes file = privateKeyStore().serialize();
        Bytes tampered = edited(file, section, [&](QJsonObject& object) {
            QJsonValue value = object.value(field);
            if (field == u"address")
                object.insert(field, QString::fromLatin1(kMnemonicAddress));
            else if (field == u"kind")
                object.insert(field, QStringLiteral("mnemonic"));
            else if (field == u"opslimit")
                object.insert(field, value.toInteger() + 1);
            else if (field == u"memlimit")
                object.insert(field, value.toInteger() + 1024);
            else
                object.insert(field, flipHexDigit(value.toString()));
        });
        QVERIFY(tampered != file);
        auto parsed = Keystore::parse(tampered);
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
        auto secret = parsed->unlock(asBytes("hunter2 hunter2"));
        QVERIFY(!secret);
        QCOMPARE(secret.error().kind, ErrorKind::WrongPassphrase);

        // The untouched file still opens: the failure above is the edit's doing.
        QVERIFY(Keystore::parse(file)->unlock(asBytes("hunter2 hunter2")).has_value());
    }

    void unauthenticatedFieldsAreChecked_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<int>("kind");
        const int invalid = int(ErrorKind::InvalidInput);
        const int unsupported = int(ErrorKind::Unsupported);
        QTest::newRow("format") << ""
                                << "format" << QJsonValue(QStringLiteral("other-keystore"))
                                << invalid;
        QTest::newRow("version 2") << ""
                                   << "version" << QJsonValue(2) << unsupported;
        QTest::newRow("version 0") << ""
                                   << "version" << QJsonValue(0) << invalid;
        QTest::newRow("version text") << ""
                                      << "version" << QJsonValue(QStringLiteral("1")) << invalid;
        QTest::newRow("kdf name") << "kdf"
                                  << "name" << QJsonValue(QStringLiteral("scrypt")) << unsupported;
        QTest::newRow("cipher name")
            << "cipher"
            << "name" << QJsonValue(QStringLiteral("aes-128-ctr")) << unsupported;
        QTest::newRow("kind unknown") << ""
                                      << "kind" << QJsonValue(QStringLiteral("seed")) << invalid;
        QTest::newRow("bad address")
            << ""
            << "address" << QJsonValue(QStringLiteral("0x1234")) << invalid;
        QTest::newRow("checksum address")
            << ""
            << "address" << QJsonValue(QStringLiteral("0x2c7536e3605D9C16a7a3D7b1898e529396a65c23"))
            << invalid;
        QTest::newRow("short salt") << "kdf"
                                    << "salt" << QJsonValue(QStringLiteral("00")) << invalid;
        QTest::newRow("salt not hex") << "kdf"
                                      << "salt" << QJsonValue(QString(32, u'z')) << invalid;
        QTest::newRow("long nonce") << "cipher"
                                    << "nonce" << QJsonValue(QString(50, u'0')) << invalid;
        QTest::newRow("ciphertext odd")
            << ""
            << "ciphertext" << QJsonValue(QStringLiteral("abc")) << invalid;
        QTest::newRow("ciphertext short")
            << ""
            << "ciphertext" << QJsonValue(QString(40, u'0')) << invalid;
        QTest::newRow("ciphertext number") << ""
                                           << "ciphertext" << QJsonValue(5) << invalid;
        QTest::newRow("memlimit 1 TiB") << "kdf"
                                        << "memlimit" << QJsonValue(double(1ull << 40)) << invalid;
        QTest::newRow("memlimit 2 GiB") << "kdf"
                                        << "memlimit" << QJsonValue(double(2ull << 30)) << invalid;
        QTest::newRow("memlimit tiny") << "kdf"
                                       << "memlimit" << QJsonValue(1024) << invalid;
        QTest::newRow("memlimit negative") << "kdf"
                                           << "memlimit" << QJsonValue(-65536) << invalid;
        QTest::newRow("memlimit fraction") << "kdf"
                                           << "memlimit" << QJsonValue(65536.5) << invalid;
        QTest::newRow("memlimit text")
            << "kdf"
            << "memlimit" << QJsonValue(QStringLiteral("65536")) << invalid;
        QTest::newRow("opslimit huge") << "kdf"
                                       << "opslimit" << QJsonValue(1e300) << invalid;
        QTest::newRow("opslimit 1000") << "kdf"
                                       << "opslimit" << QJsonValue(1000) << invalid;
        QTest::newRow("opslimit 0") << "kdf"
                                    << "opslimit" << QJsonValue(0) << invalid;
        QTest::newRow("kdf not object")
            << ""
            << "kdf" << QJsonValue(QStringLiteral("argon2id")) << invalid;
        QTest::newRow("cipher null") << ""
                                     << "cipher" << QJsonValue() << invalid;
        QTest::newRow("extra field") << ""
                                     << "comment" << QJsonValue(QStringLiteral("hi")) << invalid;
        QTest::newRow("extra kdf field") << "kdf"
                                         << "lanes" << QJsonValue(1) << invalid;
    }

    void unauthenticatedFieldsAreChecked()
    {
        QFETCH(QString, section);
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(int, kind);
        Bytes tampered = edited(privateKeyStore().serialize(), section,
                                [&](QJsonObject& object) { object.insert(field, value); });
        auto parsed = Keystore::parse(tampered);
        QVERIFY(!parsed);
        QCOMPARE(int(parsed.error().kind), kind);
        QVERIFY(!parsed.error().message.empty());
    }

    void newerVersionSaysSo()
    {
        Bytes newer = edited(mnemonicStore().serialize(), QString(), [](QJsonObject& root) {
            root.insert(QStringLiteral("version"), 2);
            root.insert(QStringLiteral("something-new"), true); // a v2 may change the fields
            root.remove(QStringLiteral("kdf"));
        });
        auto parsed = Keystore::parse(newer);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, ErrorKind::Unsupported);
        QVERIFY(parsed.error().message.find("newer version") != std::string::npos);
    }

    void missingFieldsAreNamed_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("field");
        for (const char* field : {"address", "kind", "kdf", "cipher", "ciphertext", "version"})
            QTest::newRow(field) << QString() << QString::fromLatin1(field);
        for (const char* field : {"name", "opslimit", "memlimit", "salt"})
            QTest::newRow((std::string("kdf.") + field).c_str())
                << "kdf" << QString::fromLatin1(field);
        for (const char* field : {"name", "nonce"})
            QTest::newRow((std::string("cipher.") + field).c_str())
                << "cipher" << QString::fromLatin1(field);
    }

    void missingFieldsAreNamed()
    {
        QFETCH(QString, section);
        QFETCH(QString, field);
        Bytes tampered = edited(mnemonicStore().serialize(), section,
                                [&](QJsonObject& object) { object.remove(field); });
        auto parsed = Keystore::parse(tampered);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(parsed.error().message.find(field.toStdString()) != std::string::npos,
                 parsed.error().message.c_str());
    }

    void damagedFiles()
    {
        Bytes file = mnemonicStore().serialize();

        auto empty = Keystore::parse({});
        QCOMPARE(empty.error().kind, ErrorKind::InvalidInput);
        QVERIFY(empty.error().message.find("empty") != std::string::npos);

        for (std::size_t cut :
             {std::size_t{1}, file.size() / 3, file.size() / 2, file.size() - 3}) {
            auto truncated = Keystore::parse(ByteView(file).first(cut));
            QVERIFY(!truncated);
            QCOMPARE(truncated.error().kind, ErrorKind::InvalidInput);
        }

        for (const char* garbage : {"garbage", "[1,2,3]", "\"text\"", "null", "{}",
                                    "{\"format\":1}", "\xff\xfe\x00\x01"}) {
            auto parsed = Keystore::parse(asBytes(garbage));
            QVERIFY2(!parsed, garbage);
            QCOMPARE(parsed.error().kind, ErrorKind::InvalidInput);
        }

        Bytes huge(Keystore::kMaxFileSize + 1, ' ');
        std::copy(file.begin(), file.end(), huge.begin());
        auto tooLarge = Keystore::parse(huge);
        QCOMPARE(tooLarge.error().kind, ErrorKind::InvalidInput);
        QVERIFY(tooLarge.error().message.find("too large") != std::string::npos);

        // Deep nesting must not blow the stack.
        std::string deep(Keystore::kMaxFileSize / 2, '[');
        QVERIFY(!Keystore::parse(asBytes(deep)));
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto path = pathIn(dir, "wallet.json");
        Keystore store = mnemonicStore();
        QVERIFY(store.save(path));

        QCOMPARE(directoryEntries(dir), QStringList{QStringLiteral("wallet.json")});
        struct stat info { };
        QCOMPARE(::stat(path.c_str(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        QCOMPARE(readAll(path), store.serialize());

        auto loaded = Keystore::load(path);
        QVERIFY(loaded.has_value());
        QCOMPARE(std::string(loaded->unlock(asBytes("correct horse battery staple"))->asText()),
                 std::string(kMnemonic));
    }

    void saveRefusesToReplace()
    {
        QTemporaryDir dir;
        auto path = pathIn(dir, "wallet.json");
        QVERIFY(mnemonicStore().save(path));
        Bytes before = readAll(path);

        auto again = privateKeyStore().save(path);
        QVERIFY(!again);
        QVERIFY(again.error().message.find("already exists") != std::string::npos);
        QCOMPARE(readAll(path), before);
        QCOMPARE(directoryEntries(dir), QStringList{QStringLiteral("wallet.json")});

        Keystore replacement = privateKeyStore();
        QVERIFY(replacement.save(path, Keystore::Overwrite::Yes));
        QCOMPARE(readAll(path), replacement.serialize());
        QCOMPARE(directoryEntries(dir), QStringList{QStringLiteral("wallet.json")});
    }

    void loadErrors()
    {
        QTemporaryDir dir;
        auto missing = Keystore::load(pathIn(dir, "nothing.json"));
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);

        auto hugePath = pathIn(dir, "huge.json");
        QVERIFY(writeFileAtomically(hugePath, Bytes(Keystore::kMaxFileSize + 1, ' ')));
        QCOMPARE(Keystore::load(hugePath).error().kind, ErrorKind::InvalidInput);

        auto emptyPath = pathIn(dir, "empty.json");
        QVERIFY(writeFileAtomically(emptyPath, {}));
        QCOMPARE(Keystore::load(emptyPath).error().kind, ErrorKind::InvalidInput);
    }

    void changePassphrase()
    {
        QTemporaryDir dir;
        auto path = pathIn(dir, "wallet.json");
        QVERIFY(privateKeyStore("old passphrase").save(path));
        Bytes before = readAll(path);

        QVERIFY(
            Keystore::changePassphrase(path, asBytes("old passphrase"), asBytes("new passphrase")));
        QVERIFY(readAll(path) != before);
        QCOMPARE(directoryEntries(dir), QStringList{QStringLiteral("wallet.json")});

        auto loaded = *Keystore::load(path);
        QCOMPARE(loaded.address(), address(kPrivateKeyAddress));
        QCOMPARE(loaded.kdfParams(), kFast); // kept from the old file
        QCOMPARE(loaded.unlock(asBytes("old passphrase")).error().kind, ErrorKind::WrongPassphrase);
        QCOMPARE(testhex::encode(loaded.unlock(asBytes("new passphrase"))->view()),
                 std::string(kPrivateKey));

        // Explicit new parameters are honoured.
        pwhash::Params lighter{1, 8u << 20};
        QVERIFY(
            Keystore::changePassphrase(path, asBytes("new passphrase"), asBytes("third"), lighter));
        QCOMPARE(Keystore::load(path)->kdfParams(), lighter);
    }

    void changePassphraseWithWrongOldLeavesFileIntact()
    {
        QTemporaryDir dir;
        auto path = pathIn(dir, "wallet.json");
        QVERIFY(mnemonicStore("right").save(path));
        Bytes before = readAll(path);

        auto changed = Keystore::changePassphrase(path, asBytes("wrong"), asBytes("new"));
        QVERIFY(!changed);
        QCOMPARE(changed.error().kind, ErrorKind::WrongPassphrase);
        QCOMPARE(readAll(path), before);
        QCOMPARE(directoryEntries(dir), QStringList{QStringLiteral("wallet.json")});

        // An empty new passphrase is refused, also without touching the file.
        QVERIFY(!Keystore::changePassphrase(path, asBytes("right"), {}));
        QCOMPARE(readAll(path), before);
    }

    void changePassphraseOnDamagedFileLeavesItIntact()
    {
        QTemporaryDir dir;
        auto path = pathIn(dir, "wallet.json");
        Bytes damaged =
            edited(mnemonicStore("right").serialize(), QStringLiteral("kdf"), [](QJsonObject& kdf) {
                kdf.insert(QStringLiteral("salt"),
                           flipHexDigit(kdf.value(QStringLiteral("salt")).toString()));
            });
        QVERIFY(writeFileAtomically(path, damaged));
        QVERIFY(!Keystore::changePassphrase(path, asBytes("right"), asBytes("new")));
        QCOMPARE(readAll(path), damaged);

        Bytes garbage{'{', 'x'};
        QVERIFY(writeFileAtomically(path, garbage));
        QCOMPARE(Keystore::changePassphrase(path, asBytes("right"), asBytes("new")).error().kind,
                 ErrorKind::InvalidInput);
        QCOMPARE(readAll(path), garbage);
        QCOMPARE(directoryEntries(dir), QStringList{QStringLiteral("wallet.json")});
    }
};

QTEST_GUILESS_MAIN(TestKeystore)
#include "tst_keystore.moc"
