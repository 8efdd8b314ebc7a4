// The Wallet screen over "This computer": the proven balance, receiving, sending through the Send
// dialog (with its confirmation and errors) and the backup phrase, all through the widgets.
#include <QApplication>
#include <QClipboard>
#include <QProgressBar>

#include "tests/gui/GuiTestSupport.h"

using namespace ls;
using namespace ls::testing;

namespace {

constexpr const char* kRecipient = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

template <typename T, typename Call> Result<T> await(Call call)
{
    std::optional<Result<T>> result;
    auto handle = call([&](Result<T> value) { result = std::move(value); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, kGuiWaitMs))
        return fail(ErrorKind::Internal, "timed out");
    return std::move(*result);
}

} // namespace

class TestWalletScreen : public QObject {
    Q_OBJECT

private:
    QLabel* label(const char* name) { return widget<QLabel>(m_subject->window(), name); }
    QLabel* dialogLabel(const char* name) { return widget<QLabel>(m_dialog, name); }

    // Opens Send and fills the first step.
    void openSend(const QString& to, const QString& amount)
    {
        delete m_dialog.data();
        click(widget<QPushButton>(m_subject->window(), "walletSend"));
        QTRY_VERIFY(
            (m_dialog = m_subject->window()->findChild<QDialog*>(QStringLiteral("sendDialog"))));
        type(widget<QLineEdit>(m_dialog, "sendRecipient"), to);
        type(widget<QLineEdit>(m_dialog, "sendAmount"), amount);
        click(widget<QPushButton>(m_dialog, "sendReview"));
    }

    // Waits for the outcome of Review: the confirmation, or an error on the first step.
    bool reachedConfirmation()
    {
        auto* confirm = widget<QPushButton>(m_dialog, "sendConfirm");
        auto* error = dialogLabel("sendError");
        [[maybe_unused]] const bool settled = QTest::qWaitFor(
            [&] {
                return confirm->isVisible()
                    || (!error->text().isEmpty()
                        && !error->text().startsWith(QStringLiteral("Checking")));
            },
            kGuiWaitMs);
        return confirm->isVisible();
    }

    std::unique_ptr<AppUnderTest> m_subject;
    QStringList m_phrase;
    QPointer<QDialog> m_dialog;

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_subject = std::make_unique<AppUnderTest>();
        m_subject->app().start();
        createWalletThroughOnboarding(*m_subject, &m_phrase);
        QVERIFY(!QTest::currentTestFailed());
        waitUntilConnected(*m_subject);
        QVERIFY(!QTest::currentTestFailed());
        m_subject->showSection(ui::MainWindow::Section::Wallet);
        QTRY_COMPARE(m_subject->window()->currentSection(), ui::MainWindow::Section::Wallet);
    }

    void cleanup() { delete m_dialog.data(); }

    void balanceIsShownWithTheBlockItWasProvenAt()
    {
        QTRY_COMPARE_WITH_TIMEOUT(
            label("walletBalance")->text(), QStringLiteral("10,000 PHT"), kGuiWaitMs);
        QVERIFY2(label("walletProvenAt")->text().startsWith(QStringLiteral("Proven at block ")),
            qPrintable(label("walletProvenAt")->text()));
    }

    void receiveShowsTheAddressAndCopiesIt()
    {
        const QString address = QString::fromStdString(*m_subject->app().wallet().address());
        QCOMPARE(label("walletAddress")->text(), address);
        QApplication::clipboard()->clear();
        click(widget<QPushButton>(m_subject->window(), "walletCopyAddress"));
        QCOMPARE(QApplication::clipboard()->text(), address);
    }

    void badInputIsRefusedBeforeThePassphrase_data()
    {
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("error");
        auto row = [](const char* name, const char* to, const char* amount, const char* error) {
            QTest::newRow(name) << QString::fromUtf8(to) << QString::fromUtf8(amount)
                                << QString::fromUtf8(error);
        };
        row("short address", "0x1234", "1", "An address is 0x followed by 40 hexadecimal digits.");
        // One letter's case changed: the EIP-55 checksum catches the typo.
        row("mistyped address", "0x70997970c51812dc3A010C7d01b50e0d17dc79C8", "1",
            "This address is not valid: checksum mismatch");
        row("not an amount", kRecipient, "ten", "Enter an amount in PHT");
        row("too precise", kRecipient, "0.0000000000000000001",
            "PHT has at most 18 decimal places.");
        row("zero", kRecipient, "0", "Enter an amount above zero.");
        row("more than the balance", kRecipient, "10000",
            "Insufficient funds: sending 10,000 PHT plus up to 0.000021 PHT in fees needs more "
            "than your balance");
    }

    void badInputIsRefusedBeforeThePassphrase()
    {
        QFETCH(QString, to);
        QFETCH(QString, amount);
        QFETCH(QString, error);
        openSend(to, amount);
        QVERIFY(!reachedConfirmation());
        QVERIFY2(dialogLabel("sendError")->text().startsWith(error),
            qPrintable(dialogLabel("sendError")->text()));
    }

    void wrongPassphraseSendsNothing()
    {
        const std::uint64_t nonceBefore = await<api::AccountInfo>([&](auto done) {
            return m_subject->app().chain()->account(*m_subject->app().wallet().address(), done);
        })->nonce;
        openSend(QString::fromLatin1(kRecipient), QStringLiteral("1"));
        QVERIFY(reachedConfirmation());
        type(widget<QLineEdit>(m_dialog, "sendPassphrase"), QStringLiteral("not my passphrase"));
        click(widget<QPushButton>(m_dialog, "sendConfirm"));
        QTRY_COMPARE_WITH_TIMEOUT(dialogLabel("confirmError")->text(),
            QStringLiteral("Wrong passphrase. Nothing was sent."), kGuiWaitMs);
        QVERIFY(widget<QPushButton>(m_dialog, "sendConfirm")->isVisible()); // try again there
        const auto after = await<api::AccountInfo>([&](auto done) {
            return m_subject->app().chain()->account(*m_subject->app().wallet().address(), done);
        });
        QCOMPARE(after->nonce, nonceBefore);
    }

    void sendingShowsTheCostFirstAndUpdatesTheBalance()
    {
        QTRY_COMPARE_WITH_TIMEOUT(
            label("walletBalance")->text(), QStringLiteral("10,000 PHT"), kGuiWaitMs);
        openSend(QString::fromLatin1(kRecipient), QStringLiteral("12.5"));
        QVERIFY2(reachedConfirmation(), qPrintable(dialogLabel("sendError")->text()));
        QCOMPARE(dialogLabel("confirmRecipient")->text(), QString::fromLatin1(kRecipient));
        QCOMPARE(dialogLabel("confirmAmount")->text(), QStringLiteral("12.5 PHT"));
        // 21000 gas at the network's minimum gas price of 1 gwei, proven from its parameters.
        QCOMPARE(dialogLabel("confirmFee")->text(), QStringLiteral("0.000021 PHT"));
        QCOMPARE(dialogLabel("confirmBalanceAfter")->text(), QStringLiteral("9,987.499979 PHT"));

        type(widget<QLineEdit>(m_dialog, "sendPassphrase"), QString::fromLatin1(kGuiPassphrase));
        click(widget<QPushButton>(m_dialog, "sendConfirm"));
        QTRY_VERIFY_WITH_TIMEOUT(
            dialogLabel("sendStage")->text().startsWith(QStringLiteral("Sent 12.5 PHT to ")),
            kGuiWaitMs);
        QVERIFY2(dialogLabel("sendResult")->text().startsWith(QStringLiteral("Included in block ")),
            qPrintable(dialogLabel("sendResult")->text()));
        auto* progress = m_dialog->findChild<QProgressBar*>();
        QCOMPARE(progress->value(), progress->maximum());
        click(widget<QPushButton>(m_dialog, "sendClose"));

        // The balance the confirmation promised, now proven by the light client.
        QTRY_COMPARE_WITH_TIMEOUT(
            label("walletBalance")->text(), QStringLiteral("9,987.499979 PHT"), kGuiWaitMs);
        auto recipient = await<api::AccountInfo>(
            [&](auto done) { return m_subject->app().chain()->account(kRecipient, done); });
        QVERIFY(recipient);
        QCOMPARE(recipient->balance, std::string("12500000000000000000"));
    }

    void backupPhraseNeedsThePassphrase()
    {
        click(widget<QPushButton>(m_subject->window(), "walletBackup"));
        QDialog* dialog = nullptr;
        QTRY_VERIFY(
            (dialog = m_subject->window()->findChild<QDialog*>(QStringLiteral("backupDialog"))));
        m_dialog = dialog;
        type(widget<QLineEdit>(dialog, "backupPassphrase"), QStringLiteral("wrong"));
        click(widget<QPushButton>(dialog, "backupReveal"));
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>(dialog, "backupError")->text(),
            QStringLiteral("Wrong passphrase."), kGuiWaitMs);
        QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("backupWord1")));

        type(widget<QLineEdit>(dialog, "backupPassphrase"), QString::fromLatin1(kGuiPassphrase));
        click(widget<QPushButton>(dialog, "backupReveal"));
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->findChild<QLabel*>(QStringLiteral("backupWord1")), kGuiWaitMs);
        // The same words, in the same order, as onboarding showed.
        QStringList shown;
        for (int i = 1; i <= m_phrase.size(); ++i)
            shown << widget<QLabel>(dialog, qPrintable(QStringLiteral("backupWord%1").arg(i)))
                         ->property("word")
                         .toString();
        QCOMPARE(shown, m_phrase);
        QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("backupWord13")));
    }

    void cleanupTestCase() { m_subject.reset(); }
};

QTEST_MAIN(TestWalletScreen)
#include "tst_wallet_screen.moc"
