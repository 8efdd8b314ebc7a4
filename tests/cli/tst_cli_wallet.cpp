// lightstreams-cli wallet …, run as a separate process against temporary profiles.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kHardhatPhrase =
    QStringLiteral("test test test test test test test test test test test junk");
const QString kHardhatAddress = QStringLiteral("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliWallet : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Run cli(const QStringList& arguments, const QString& input = {})
    {
        QProcess process;
        QStringList all{QStringLiteral("--datadir"), m_dir.path()};
        all += arguments;
        process.start(QStringLiteral(LS_CLI_PATH), all);
        process.write(input.toUtf8());
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()).trimmed(),
                QString::fromUtf8(process.readAllStandardError()).trimmed()};
    }

    QByteArray keyFile(const QString& profile)
    {
        QFile file(m_dir.filePath(profile + QStringLiteral("/wallet.json")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static QJsonObject json(const QString& text)
    {
        return QJsonDocument::fromJson(text.toUtf8()).object();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void importedPhraseGivesMetaMasksAddress()
    {
        auto run = cli({QStringLiteral("--profile"), QStringLiteral("hardhat"), QStringLiteral("--json"),
                        QStringLiteral("wallet"), QStringLiteral("import"), QStringLiteral("--light-kdf")},
                       kHardhatPhrase + QStringLiteral("\nsecret-one\n"));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(json(run.out).value(QStringLiteral("address")).toString(), kHardhatAddress);

        auto address = cli({QStringLiteral("--profile"), QStringLiteral("hardhat"),
                            QStringLiteral("wallet"), QStringLiteral("address")});
        QCOMPARE(address.exitCode, 0);
        QCOMPARE(address.out, kHardhatAddress);
    }

    void keyFileIsEncryptedAndOwnerOnly()
    {
        QByteArray contents = keyFile(QStringLiteral("hardhat"));
        QVERIFY(!contents.isEmpty());
        QVERIFY(!contents.contains("junk"));
        QVERIFY(!contents.contains("test test"));
        auto permissions = QFile::permissions(m_dir.filePath(QStringLiteral("hardhat/wallet.json")));
        QCOMPARE(permissions & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
    }

    void phraseNeedsTheRightPassphrase()
    {
        QByteArray before = keyFile(QStringLiteral("hardhat"));
        auto wrong = cli({QStringLiteral("--profile"), QStringLiteral("hardhat"), QStringLiteral("wallet"),
                          QStringLiteral("phrase")},
                         QStringLiteral("secret-two\n"));
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("passphrase"), Qt::CaseInsensitive), qPrintable(wrong.err));
        QVERIFY(wrong.out.isEmpty());
        QCOMPARE(keyFile(QStringLiteral("hardhat")), before);

        auto right = cli({QStringLiteral("--profile"), QStringLiteral("hardhat"), QStringLiteral("wallet"),
                          QStringLiteral("phrase")},
                         QStringLiteral("secret-one\n"));
        QCOMPARE(right.exitCode, 0);
        QCOMPARE(right.out, kHardhatPhrase);
    }

    void newWalletPhraseRestoresTheSameAddress()
    {
        auto created = cli({QStringLiteral("--profile"), QStringLiteral("fresh"), QStringLiteral("--json"),
                            QStringLiteral("wallet"), QStringLiteral("new"), QStringLiteral("--words"),
                            QStringLiteral("24"), QStringLiteral("--light-kdf")},
                           QStringLiteral("pw\n"));
        QCOMPARE(created.exitCode, 0);
        auto answer = json(created.out);
        QString phrase = answer.value(QStringLiteral("phrase")).toString();
        QCOMPARE(phrase.split(QLatin1Char(' ')).size(), 24);

        auto restored = cli({QStringLiteral("--profile"), QStringLiteral("restored"), QStringLiteral("--json"),
                             QStringLiteral("wallet"), QStringLiteral("import"), QStringLiteral("--light-kdf")},
                            phrase + QStringLiteral("\nother\n"));
        QCOMPARE(restored.exitCode, 0);
        QCOMPARE(json(restored.out).value(QStringLiteral("address")),
                 answer.value(QStringLiteral("address")));
    }

    void existingWalletIsNeverReplaced()
    {
        QByteArray before = keyFile(QStringLiteral("hardhat"));
        auto again = cli({QStringLiteral("--profile"), QStringLiteral("hardhat"), QStringLiteral("wallet"),
                          QStringLiteral("new"), QStringLiteral("--light-kdf")},
                         QStringLiteral("pw\n"));
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already has a wallet")), qPrintable(again.err));
        QCOMPARE(keyFile(QStringLiteral("hardhat")), before);
    }

    void mistypedPhraseIsRejectedWithoutAFile()
    {
        auto typo = cli({QStringLiteral("--profile"), QStringLiteral("typo"), QStringLiteral("wallet"),
                         QStringLiteral("import"), QStringLiteral("--light-kdf")},
                        QStringLiteral("test test test test test test test test test test test test\npw\n"));
        QCOMPARE(typo.exitCode, 1);
        QVERIFY2(typo.err.contains(QStringLiteral("checksum"), Qt::CaseInsensitive), qPrintable(typo.err));
        QVERIFY(keyFile(QStringLiteral("typo")).isEmpty());

        auto unknownWord = cli({QStringLiteral("--profile"), QStringLiteral("typo"), QStringLiteral("wallet"),
                                QStringLiteral("import"), QStringLiteral("--light-kdf")},
                               QStringLiteral("test test test test test test test test test test test junkk\npw\n"));
        QCOMPARE(unknownWord.exitCode, 1);
        QVERIFY2(unknownWord.err.contains(QStringLiteral("junkk")), qPrintable(unknownWord.err));
    }

    void privateKeyImportGivesItsAddress()
    {
        // The private key of the web3.js / ethers documentation example account.
        auto run = cli({QStringLiteral("--profile"), QStringLiteral("rawkey"), QStringLiteral("wallet"),
                        QStringLiteral("import"), QStringLiteral("--private-key"), QStringLiteral("--light-kdf")},
                       QStringLiteral("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318\npw\n"));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23")), qPrintable(run.out));

        auto phrase = cli({QStringLiteral("--profile"), QStringLiteral("rawkey"), QStringLiteral("wallet"),
                           QStringLiteral("phrase")},
                          QStringLiteral("pw\n"));
        QCOMPARE(phrase.exitCode, 1);
        QVERIFY2(phrase.err.contains(QStringLiteral("no recovery phrase")), qPrintable(phrase.err));
    }

    void changingThePassphrase()
    {
        QTemporaryDir files;
        auto write = [&](const QString& name, const QByteArray& text) {
            QFile file(files.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text);
        };
        write(QStringLiteral("wrong"), "nope\n");
        write(QStringLiteral("old"), "secret-one\n");
        write(QStringLiteral("new"), "secret-three\n");
        QByteArray before = keyFile(QStringLiteral("hardhat"));

        auto refused = cli({QStringLiteral("--profile"), QStringLiteral("hardhat"), QStringLiteral("wallet"),
                            QStringLiteral("passphrase"), QStringLiteral("--passphrase-file"),
                            files.filePath(QStringLiteral("wrong")), QStringLiteral("--new-passphrase-file"),
                            files.filePath(QStringLiteral("new"))});
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(keyFile(QStringLiteral("hardhat")), before);

        auto changed = cli({QStringLiteral("--profile"), QStringLiteral("hardhat"), QStringLiteral("wallet"),
                            QStringLiteral("passphrase"), QStringLiteral("--passphrase-file"),
                            files.filePath(QStringLiteral("old")), QStringLiteral("--new-passphrase-file"),
                            files.filePath(QStringLiteral("new"))});
        QCOMPARE(changed.exitCode, 0);

        auto oldFails = cli({QStringLiteral("--profile"), QStringLiteral("hardhat"), QStringLiteral("wallet"),
                             QStringLiteral("phrase")},
                            QStringLiteral("secret-one\n"));
        QCOMPARE(oldFails.exitCode, 1);
        auto newWorks = cli({QStringLiteral("--profile"), QStringLiteral("hardhat"), QStringLiteral("wallet"),
                             QStringLiteral("phrase")},
                            QStringLiteral("secret-three\n"));
        QCOMPARE(newWorks.exitCode, 0);
        QCOMPARE(newWorks.out, kHardhatPhrase);
    }

    void badProfileNameIsAUsageError()
    {
        auto run = cli({QStringLiteral("--profile"), QStringLiteral("../escape"), QStringLiteral("wallet"),
                        QStringLiteral("address")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("not allowed")), qPrintable(run.err));
    }

    void versionAndHelp()
    {
        auto version = cli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("lightstreams-cli ")));
        QProcess node;
        node.start(QStringLiteral(LS_NODE_PATH), {QStringLiteral("--version")});
        QVERIFY(node.waitForFinished(10000));
        QCOMPARE(node.exitCode(), 0);
        QVERIFY(QString::fromUtf8(node.readAllStandardOutput()).startsWith(QStringLiteral("lightstreams-node ")));
    }
};

QTEST_GUILESS_MAIN(TestCliWallet)
#include "tst_cli_wallet.moc"
