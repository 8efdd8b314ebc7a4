#pragma once

#include "core/api/Chain.h"
#include "core/api/Market.h"

#include <QDialog>

#include <optional>
#include <string>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace ls::ui {

// Send PHT in three steps: the recipient and amount; a confirmation with the fee (21000 gas at
// the network's proven minimum gas price) and the balance after it, which asks the passphrase;
// then the transaction's progress until a verified block holds it.
class SendDialog : public QDialog {
    Q_OBJECT

public:
    SendDialog(
        api::Chain& chain, api::Market& market, std::string ownAddress, QWidget* parent = nullptr);
    ~SendDialog() override;

    static constexpr std::uint64_t kTransferGas = 21'000;

Q_SIGNALS:
    void sent(); // a verified block holds the transfer
    // A transfer that succeeded, as the History lists it: proven by the receipt of the
    // transaction this dialog signed (whose hash commits to its recipient and amount).
    void transferConfirmed(const ls::api::AccountActivity& transfer);

private:
    enum Step { DetailsStep, ConfirmStep, ProgressStep };

    QWidget* buildDetails();
    QWidget* buildConfirm();
    QWidget* buildProgress();
    void review();
    void onFacts();
    void send();
    void onProgress(const api::TransactionProgress& progress);
    void onDone(Result<api::TransactionConfirmation> result);
    void showDetailsError(const QString& message);

    api::Chain& m_chain;
    api::Market& m_market;
    std::string m_ownAddress;

    // What the confirmation rests on, read fresh and proven when the user asks to review.
    std::string m_recipient;
    std::string m_amount; // base units
    std::optional<Result<api::NetworkParameters>> m_parameters;
    std::optional<Result<api::AccountInfo>> m_sender;
    std::optional<Result<api::AccountInfo>> m_recipientCheck;
    api::Chain::Handle m_readParameters;
    api::Chain::Handle m_readSender;
    api::Chain::Handle m_readRecipient;
    api::Market::Handle m_sending;

    QStackedWidget* m_steps = nullptr;
    QLineEdit* m_to = nullptr;
    QLineEdit* m_amountField = nullptr;
    QLabel* m_detailsError = nullptr;
    QPushButton* m_review = nullptr;
    QLabel* m_confirmTo = nullptr;
    QLabel* m_confirmAmount = nullptr;
    QLabel* m_confirmFee = nullptr;
    QLabel* m_confirmBalanceAfter = nullptr;
    QLabel* m_confirmProof = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLabel* m_confirmError = nullptr;
    QPushButton* m_confirm = nullptr;
    QLabel* m_stage = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_close = nullptr;
};

} // namespace ls::ui
