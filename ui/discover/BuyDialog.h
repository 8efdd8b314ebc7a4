#pragma once

#include "core/api/Catalog.h"
#include "core/api/Chain.h"
#include "core/api/Library.h"
#include "core/api/Market.h"
#include "core/api/Wallet.h"

#include <QDialog>

#include <optional>
#include <string>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace ls::ui {

// Buying a title in two steps. First a confirmation from proven facts read afresh: the title's
// price, the network fee at most (the purchase's gas at the network's minimum gas price) and the
// balance after both; it asks the passphrase. Then live progress: the purchase is sent, final
// in a verified block, the title downloads (with its key from licensed holders) and is ready,
// when "Open" asks for it to be opened (openRequested).
class BuyDialog : public QDialog {
    Q_OBJECT

public:
    BuyDialog(api::Chain& chain, api::Market& market, api::Library& library, api::Wallet& wallet,
        api::CatalogTitleDetails title, QWidget* parent = nullptr);
    ~BuyDialog() override;

Q_SIGNALS:
    void purchased(quint64 titleId); // a verified block holds the licence
    void openRequested(quint64 titleId, quint32 version);

private:
    enum Step { ConfirmStep, ProgressStep };

    QWidget* buildConfirm();
    QWidget* buildProgress();
    void readFacts();
    void onFacts();
    void buy();
    void onPurchaseProgress(const api::TransactionProgress& progress);
    void onPurchased(Result<api::Purchase> result);
    void download();
    void onFetchProgress(const api::FetchProgress& progress);
    void onFetched(Result<api::FetchedVersion> result);
    void showFailure(const QString& stage, const QString& message);

    api::Chain& m_chain;
    api::Market& m_market;
    api::Library& m_library;
    api::Wallet& m_wallet;
    api::CatalogTitleDetails m_title;
    std::string m_price; // proven when the confirmation was shown

    std::optional<Result<api::NetworkParameters>> m_parameters;
    std::optional<Result<api::AccountInfo>> m_buyer;
    std::optional<Result<std::optional<api::TitleInfo>>> m_record;
    api::Chain::Handle m_readParameters;
    api::Chain::Handle m_readBuyer;
    api::Chain::Handle m_readTitle;
    api::Market::Handle m_buying;
    api::Library::Handle m_fetching;
    quint32 m_readyVersion = 0;

    QStackedWidget* m_steps = nullptr;
    QLabel* m_confirmPrice = nullptr;
    QLabel* m_confirmFee = nullptr;
    QLabel* m_confirmBalanceAfter = nullptr;
    QLabel* m_confirmProof = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLabel* m_confirmError = nullptr;
    QPushButton* m_confirm = nullptr;
    QLabel* m_stage = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_close = nullptr;
};

} // namespace ls::ui
