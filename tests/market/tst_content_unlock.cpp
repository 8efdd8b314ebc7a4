// One passphrase opens the content side of a profile: the wallet's account key and the library
// database (created on first use with the key file's Argon2id cost). A wrong passphrase opens
// neither and changes nothing; a library left behind by a wallet passphrase change says so.
// Real key files and real SQLite libraries in temporary profiles.
#include "core/market/ContentUnlock.h"
#include "core/wallet/KeystoreWallet.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ls;

namespace {

constexpr std::string_view kPassphrase = "the wallet passphrase";

Bytes bytesOf(const std::filesystem::path& path)
{
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = file.readAll();
    return Bytes(data.begin(), data.end());
}

} // namespace

class TestContentUnlock : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_address;

    std::filesystem::path profile() const { return m_dir.path().toStdString(); }
    std::filesystem::path keystore() const { return profile() / "wallet.json"; }

private Q_SLOTS:
    void initTestCase()
    {
        wallet::KeystoreWallet wallet(keystore());
        auto created = wallet.create(kPassphrase, 12, api::KeyFileStrength::Light);
        QVERIFY(created);
        m_address = created->address;
    }

    void theWalletPassphraseOpensAccountAndLibrary()
    {
        QVERIFY(!library::Library::exists(profile()));
        auto unlocked = market::unlockContent(profile(), keystore(), asBytes(kPassphrase));
        QVERIFY2(unlocked, unlocked ? "" : unlocked.error().message.c_str());
        QCOMPARE(
            crypto::Address::fromPublicKey(unlocked->accountKey.publicKey()).toChecksumString(),
            m_address);
        QVERIFY(library::Library::exists(profile()));
        // A quick key file makes a quick library.
        QCOMPARE(unlocked->library.kdfParams().value(), crypto::pwhash::Params::interactive());
    }

    void aWrongPassphraseOpensNothingAndChangesNothing()
    {
        const Bytes before = bytesOf(library::Library::databaseFile(profile()));
        QVERIFY(!before.empty());
        auto unlocked = market::unlockContent(profile(), keystore(), asBytes("not the passphrase"));
        QVERIFY(!unlocked);
        QCOMPARE(unlocked.error().kind, ErrorKind::WrongPassphrase);
        auto library = library::Library::open(profile(), asBytes("not the passphrase"));
        QVERIFY(!library);
        QCOMPARE(library.error().kind, ErrorKind::WrongPassphrase);
        QCOMPARE(bytesOf(library::Library::databaseFile(profile())), before);
    }

    void aLibraryLeftBehindByAPassphraseChangeSaysSo()
    {
        wallet::KeystoreWallet wallet(keystore());
        QVERIFY(wallet.changePassphrase(kPassphrase, "a new passphrase"));
        auto unlocked = market::unlockContent(profile(), keystore(), asBytes("a new passphrase"));
        QVERIFY(!unlocked);
        QCOMPARE(unlocked.error().kind, ErrorKind::WrongPassphrase);
        QVERIFY2(
            unlocked.error().message.find("locked with another passphrase") != std::string::npos,
            unlocked.error().message.c_str());
        // Changing the library's passphrase too brings them back in step.
        {
            auto library = library::Library::open(profile(), asBytes(kPassphrase));
            QVERIFY(library);
            QVERIFY(library->changePassphrase(asBytes(kPassphrase), asBytes("a new passphrase")));
        }
        QVERIFY(market::unlockContent(profile(), keystore(), asBytes("a new passphrase")));
    }
};

QTEST_GUILESS_MAIN(TestContentUnlock)
#include "tst_content_unlock.moc"
