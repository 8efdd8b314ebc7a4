// First run: the wizard a new user goes through, driven through its widgets, with the wallet
// written to a temporary profile and the network started for real.
#include "core/wallet/KeystoreWallet.h"

#include <QSignalSpy>

#include "tests/gui/GuiTestSupport.h"
#include "tests/support/DevNetwork.h"

using namespace ls;
using namespace ls::testing;
using Wizard = ui::OnboardingWizard;
using State = api::LocalNetworkStatus::State;

class TestOnboarding : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void newWalletOnThisComputerOpensConnectedAndFunded()
    {
        AppUnderTest subject;
        QVERIFY(!subject.app().wallet().exists());
        subject.app().start();
        QVERIFY(!subject.window()); // the wizard comes first
        createWalletThroughOnboarding(subject);
        if (QTest::currentTestFailed())
            return;

        // The key file is in the profile, and the address is the wallet screen's.
        QVERIFY(std::filesystem::exists(subject.app().profile().keystoreFile()));
        const auto address = subject.app().wallet().address();
        QVERIFY(address);
        QCOMPARE(widget<QLabel>(subject.window(), "walletAddress")->text(),
            QString::fromStdString(*address));

        // "This computer": a node of our own, started funded for the new address.
        QVERIFY(subject.app().localNetwork());
        waitUntilConnected(subject);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(subject.app().localNetwork()->status().state, State::Running);
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>(subject.window(), "walletBalance")->text(),
            QStringLiteral("10,000 PHT"), kGuiWaitMs);
    }

    void passphraseMustBeLongEnoughAndTypedTwiceAlike()
    {
        AppUnderTest subject;
        subject.app().start();
        Wizard* wizard = subject.app().onboarding();
        QVERIFY(wizard);
        click(wizard->button(QWizard::NextButton));
        QCOMPARE(wizard->currentId(), int(Wizard::PassphraseId));
        auto* passphrase = widget<QLineEdit>(wizard, "passphrase");
        auto* again = widget<QLineEdit>(wizard, "passphraseAgain");
        QAbstractButton* save = wizard->button(QWizard::CommitButton);

        type(passphrase, QStringLiteral("short"));
        type(again, QStringLiteral("short"));
        QVERIFY(!save->isEnabled());
        QVERIFY(widget<QLabel>(wizard, "passphraseStrength")
                    ->text()
                    .startsWith(QStringLiteral("Too short")));

        passphrase->clear();
        again->clear();
        type(passphrase, QStringLiteral("password"));
        QVERIFY(widget<QLabel>(wizard, "passphraseStrength")
                    ->text()
                    .startsWith(QStringLiteral("Weak")));
        type(again, QStringLiteral("passwort"));
        QVERIFY(!save->isEnabled());
        QCOMPARE(widget<QLabel>(wizard, "passphraseMatch")->text(),
            QStringLiteral("The passphrases differ."));

        passphrase->clear();
        again->clear();
        type(passphrase, QString::fromLatin1(kGuiPassphrase));
        QVERIFY(widget<QLabel>(wizard, "passphraseStrength")
                    ->text()
                    .startsWith(QStringLiteral("Strong")));
        type(again, QString::fromLatin1(kGuiPassphrase));
        QVERIFY(save->isEnabled());
        QVERIFY(!subject.app().wallet().exists()); // nothing written before "Save wallet"
    }

    void wrongConfirmationWordsDoNotPass()
    {
        AppUnderTest subject;
        subject.app().start();
        Wizard* wizard = subject.app().onboarding();
        click(wizard->button(QWizard::NextButton));
        type(widget<QLineEdit>(wizard, "passphrase"), QString::fromLatin1(kGuiPassphrase));
        type(widget<QLineEdit>(wizard, "passphraseAgain"), QString::fromLatin1(kGuiPassphrase));
        click(wizard->button(QWizard::CommitButton));
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Wizard::PhraseId), kGuiWaitMs);
        QStringList words;
        for (int i = 1; i <= 12; ++i)
            words << widget<QLabel>(wizard, qPrintable(QStringLiteral("phraseWord%1").arg(i)))
                         ->property("word")
                         .toString();
        click(widget<QCheckBox>(wizard, "phraseWrittenDown"));
        click(wizard->button(QWizard::NextButton));
        QCOMPARE(wizard->currentId(), int(Wizard::ConfirmId));

        // Two right words and one from another position: still no way on.
        QList<QLineEdit*> fields;
        for (int i = 0; i < 3; ++i)
            fields << widget<QLineEdit>(wizard, qPrintable(QStringLiteral("confirmWord%1").arg(i)));
        const int first = fields[0]->property("wordNumber").toInt();
        type(fields[0], words.at(first - 1));
        type(fields[1], words.at(fields[1]->property("wordNumber").toInt() - 1));
        QString wrong = QStringLiteral("zzzzzzzz");
        for (const QString& word : words)
            if (word != words.at(fields[2]->property("wordNumber").toInt() - 1))
                wrong = word;
        type(fields[2], wrong);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());

        // Case and surrounding spaces do not matter.
        fields[2]->clear();
        type(fields[2],
            QStringLiteral(" ")
                + words.at(fields[2]->property("wordNumber").toInt() - 1).toUpper());
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    }

    void restoredWalletJoinsANetworkFromItsProfileFile()
    {
        DevNetwork network;
        QVERIFY(network.start());
        AppUnderTest subject;
        subject.app().start();
        Wizard* wizard = subject.app().onboarding();
        click(widget<QRadioButton>(wizard, "restoreWallet"));
        click(wizard->button(QWizard::NextButton));
        QCOMPARE(wizard->currentId(), int(Wizard::RestoreId));
        auto* phrase = widget<QWidget>(wizard, "restorePhrase");
        type(phrase, QStringLiteral("test test test"));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        // Twelve words, the last one wrong: the checksum tells, and nothing is written.
        type(phrase, QStringLiteral(" test test test test test test test test test"));
        click(wizard->button(QWizard::NextButton));
        type(widget<QLineEdit>(wizard, "passphrase"), QString::fromLatin1(kGuiPassphrase));
        type(widget<QLineEdit>(wizard, "passphraseAgain"), QString::fromLatin1(kGuiPassphrase));
        click(wizard->button(QWizard::CommitButton));
        auto* error = widget<QLabel>(wizard, "passphraseError");
        QTRY_VERIFY_WITH_TIMEOUT(!error->text().isEmpty(), kGuiWaitMs);
        QVERIFY2(error->text().startsWith(QStringLiteral(
                     "This recovery phrase cannot be restored. The checksum does not match")),
            qPrintable(error->text()));
        QVERIFY(!subject.app().wallet().exists());
        click(wizard->button(QWizard::BackButton));
        QCOMPARE(wizard->currentId(), int(Wizard::RestoreId));
        QTest::keyClick(phrase, Qt::Key_Backspace);
        QTest::keyClick(phrase, Qt::Key_Backspace);
        QTest::keyClick(phrase, Qt::Key_Backspace);
        QTest::keyClick(phrase, Qt::Key_Backspace);
        type(phrase, QStringLiteral("junk"));
        click(wizard->button(QWizard::NextButton));
        click(wizard->button(QWizard::CommitButton)); // the passphrase is still typed in
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Wizard::NetworkId), kGuiWaitMs);
        QCOMPARE(subject.app().wallet().address().value_or(""), std::string(kDevAccount0));

        click(widget<QRadioButton>(wizard, "networkJoin"));
        auto* file = widget<QLineEdit>(wizard, "networkFile");
        type(file, QStringLiteral("/no/such/network.json"));
        click(wizard->button(QWizard::FinishButton));
        QCOMPARE(wizard->currentId(), int(Wizard::NetworkId)); // refused, with the reason
        QVERIFY(!widget<QLabel>(wizard, "networkError")->text().isEmpty());

        file->clear();
        type(file, QString::fromStdString(network.profilePath().string()));
        click(wizard->button(QWizard::FinishButton));
        QTRY_VERIFY(subject.window() && subject.window()->isVisible());
        QVERIFY(!subject.app().localNetwork()); // no node of our own for a joined network
        waitUntilConnected(subject);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>(subject.window(), "walletBalance")->text(),
            QStringLiteral("1,000,000 PHT"), kGuiWaitMs);
        QVERIFY(std::filesystem::exists(subject.app().profile().networkProfileFile()));
    }

    void closingTheWizardEndsTheApp()
    {
        AppUnderTest subject;
        QSignalSpy quit(&subject.app(), &gui::DesktopApp::quitRequested);
        subject.app().start();
        click(subject.app().onboarding()->button(QWizard::CancelButton));
        QCOMPARE(quit.count(), 1);
        QVERIFY(!subject.window());
        QVERIFY(!subject.app().wallet().exists());
    }

    void aProfileWithAWalletOpensTheMainWindowDirectly()
    {
        AppUnderTest subject;
        // A wallet made elsewhere (the CLI): no wizard; "This computer" is the default network.
        wallet::KeystoreWallet made(subject.app().profile().keystoreFile());
        const auto address
            = made.create(kGuiPassphrase, 12, api::KeyFileStrength::Light).value().address;
        subject.app().start();
        QVERIFY(!subject.app().onboarding());
        QVERIFY(subject.window());
        waitUntilConnected(subject);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(widget<QLabel>(subject.window(), "walletAddress")->text(),
            QString::fromStdString(address));
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>(subject.window(), "walletBalance")->text(),
            QStringLiteral("10,000 PHT"), kGuiWaitMs);
    }
};

QTEST_MAIN(TestOnboarding)
#include "tst_onboarding.moc"
