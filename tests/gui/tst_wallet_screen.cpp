// The Wallet screen over "This computer": the proven balance, receiving, sending through the Send
// dialog (with its confirmation and errors) and the backup phrase, all through the widgets. The
// history (purchases, sales, publications, transfers, each proven) over a real
// `lightstreams-node --dev`.
#include "core/crypto/HdKey.h"
#include "core/crypto/Mnemonic.h"
#include "core/market/CatalogCalls.h"
#include "core/protocol/Transaction.h"
#include "ui/PhtAmount.h"
#include "ui/wallet/WalletPage.h"

#include <QApplication>
#include <QClipboard>
#include <QProgressBar>
#include <QTableWidget>

#include "tests/gui/GuiTestSupport.h"
#include "tests/market/ContentTestSupport.h"

using namespace ls;
using namespace ls::testing;

namespace {

constexpr const char* kRecipient = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

crypto::PrivateKey devKey(std::uint32_t index)
{
    auto seed = crypto::Mnemonic::parse(kDevPhrase).value().seed().value();
    return crypto::ethereumAccountKey(seed, index).value();
}

crypto::Address devAddress(std::uint32_t index)
{
    return crypto::Address::fromPublicKey(devKey(index).publicKey());
}

// Signs a transaction with a development key, sends it through `chain` and waits until a
// verified block holds its receipt.
Result<api::TransactionConfirmation> sendTransaction(api::Chain& chain, std::uint32_t dev,
    std::uint64_t nonce, const crypto::Address& to, const market::PreparedCall& call,
    const std::string& value)
{
    if (auto height = await<std::uint64_t>([&](auto done) { return chain.update(done); }); !height)
        return std::unexpected(height.error());
    auto parameters
        = await<api::NetworkParameters>([&](auto done) { return chain.parameters(done); });
    if (!parameters)
        return std::unexpected(parameters.error());
    protocol::Transaction tx;
    tx.type = protocol::TransactionType::DynamicFee;
    tx.nonce = nonce;
    tx.maxFeePerGas = codec::UInt256::fromDecimal(parameters->minGasPrice).value();
    tx.gasLimit = call.gasLimit;
    tx.to = to;
    tx.value = codec::UInt256::fromDecimal(value).value();
    tx.data = call.data;
    tx.sign(devKey(dev), chain.status().chainId);
    auto hash = await<std::string>([&](auto done) { return chain.submit(tx.encode(), done); });
    if (!hash)
        return std::unexpected(hash.error());
    std::optional<Result<api::TransactionConfirmation>> confirmed;
    [[maybe_unused]] const bool settled = QTest::qWaitFor(
        [&] {
            [[maybe_unused]] auto height
                = await<std::uint64_t>([&](auto done) { return chain.update(done); });
            auto attempt = await<api::TransactionConfirmation>(
                [&](auto done) { return chain.confirm(*hash, done); });
            if (attempt || attempt.error().kind != ErrorKind::NotFound)
                confirmed = std::move(attempt);
            return confirmed.has_value();
        },
        kGuiWaitMs);
    if (!confirmed)
        return fail(ErrorKind::Internal, "the transaction was never confirmed");
    return std::move(*confirmed);
}

Result<api::TransactionConfirmation> sendCatalogCall(api::Chain& chain, std::uint32_t dev,
    std::uint64_t nonce, const market::PreparedCall& call, const std::string& value = "0")
{
    return sendTransaction(chain, dev, nonce, market::catalogAddress(), call, value);
}

codec::UInt256 pht(std::string_view whole)
{
    return codec::UInt256::fromDecimal(baseUnits(whole)).value();
}

Hash256 filled(std::uint8_t byte)
{
    Hash256 out {};
    out.fill(byte);
    return out;
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

        // The History lists the transfer it sent, read back from the chain (its Transfer log,
        // proven by its receipt), with its fee.
        auto* history = widget<QTableWidget>(m_subject->window(), "walletHistory");
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, kGuiWaitMs);
        QCOMPARE(history->item(0, 1)->text(), QStringLiteral("Sent"));
        QCOMPARE(history->item(0, 2)->text(),
            QStringLiteral("To %1").arg(QString::fromLatin1(kRecipient)));
        QCOMPARE(history->item(0, 3)->text(), QStringLiteral("−12.5 PHT"));
        QCOMPARE(history->item(0, 4)->text(), QStringLiteral("0.000021 PHT"));
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

    void historyListsProvenPurchasesSalesAndPublications()
    {
        // A wallet of its own (development account 0) on a --dev node: it publishes title A,
        // which account 1 buys; account 1 publishes title B, which the wallet buys through the
        // market, as the Buy button does.
        DevNetwork node;
        QVERIFY(node.start());
        ContentUser me(node.profile(), kDevPhrase);
        api::Chain& chain = me.chain();
        auto publishedA = sendCatalogCall(
            chain, 0, 0, market::publishCall(filled(1), filled(2), pht("2"), "history"));
        QVERIFY2(publishedA, publishedA ? "" : publishedA.error().message.c_str());
        QVERIFY2(publishedA->succeeded, publishedA->revertReason.c_str());
        const std::uint64_t titleA = market::publishedTitleId(publishedA->logs).value();
        QVERIFY(sendCatalogCall(chain, 0, 1, market::addVersionCall(titleA, filled(3), 10, "v1")));
        auto sold
            = sendCatalogCall(chain, 1, 0, market::purchaseCall(titleA, filled(4)), baseUnits("2"));
        QVERIFY2(sold && sold->succeeded, "buying A failed");
        auto publishedB = sendCatalogCall(
            chain, 1, 1, market::publishCall(filled(5), filled(6), pht("3"), "history"));
        QVERIFY(publishedB && publishedB->succeeded);
        const std::uint64_t titleB = market::publishedTitleId(publishedB->logs).value();
        QVERIFY(sendCatalogCall(chain, 1, 2, market::addVersionCall(titleB, filled(7), 10, "v1")));
        const api::Purchase bought = me.buy(titleB);
        // Last, account 2 pays the wallet 1.5 PHT: a plain transfer, listed from its Transfer log.
        auto received
            = sendTransaction(chain, 2, 0, devAddress(0), market::transferCall(), baseUnits("1.5"));
        QVERIFY2(received && received->succeeded, "the transfer to the wallet failed");

        ui::WalletPage page(me.wallet());
        page.setChain(&me.chain(), &me.market());
        page.resize(900, 800);
        page.show();
        auto* table = widget<QTableWidget>(&page, "walletHistory");
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 4, kGuiWaitMs);
        QCOMPARE(widget<QLabel>(&page, "walletHistoryStatus")->text(),
            QStringLiteral("4 entries, each proven."));
        auto text = [&](int row, int column) { return table->item(row, column)->text(); };
        // Newest first: the transfer received, the purchase, the sale, the publication.
        QCOMPARE(text(0, 1), QStringLiteral("Received"));
        QCOMPARE(text(0, 2),
            QStringLiteral("Received from %1")
                .arg(QString::fromStdString(devAddress(2).toChecksumString())));
        QCOMPARE(text(0, 3), QStringLiteral("+1.5 PHT"));
        QCOMPARE(text(0, 4), QStringLiteral("—")); // the sender paid the gas
        QCOMPARE(text(1, 1), QStringLiteral("Purchase"));
        QCOMPARE(text(1, 2), QStringLiteral("Title #%1").arg(titleB));
        QCOMPARE(text(1, 3), QStringLiteral("−3 PHT"));
        const std::string purchaseFee
            = (*codec::UInt256(bought.confirmation.gasUsed)
                    .checkedMul(
                        codec::UInt256::fromDecimal(bought.confirmation.effectiveGasPrice).value()))
                  .toDecimalString();
        QCOMPARE(text(1, 4), ui::pht::formatWithUnit(purchaseFee));
        QCOMPARE(text(2, 1), QStringLiteral("Sale"));
        QVERIFY2(text(2, 2).startsWith(QStringLiteral("Title #%1 · bought by ").arg(titleA)),
            qPrintable(text(2, 2)));
        QCOMPARE(text(2, 3), QStringLiteral("+2 PHT"));
        QCOMPARE(text(3, 1), QStringLiteral("Publication"));
        QCOMPARE(text(3, 3), QStringLiteral("—"));
        QVERIFY(!text(0, 0).isEmpty());

        // The transaction hash is copied whole (the cell shows it shortened).
        auto* copy = widget<QPushButton>(&page, "walletHistoryCopy");
        QVERIFY(!copy->isEnabled());
        table->selectRow(2);
        QApplication::clipboard()->clear();
        click(copy);
        QCOMPARE(QApplication::clipboard()->text(), QString::fromStdString(sold->txHash));
    }

    void cleanupTestCase() { m_subject.reset(); }
};

QTEST_MAIN(TestWalletScreen)
#include "tst_wallet_screen.moc"
