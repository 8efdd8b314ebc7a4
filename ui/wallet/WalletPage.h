#pragma once

#include "core/api/Chain.h"
#include "core/api/Library.h"
#include "core/api/Market.h"
#include "core/api/Wallet.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace ls::ui {

class HistoryView;
class SendDialog;

// The Wallet section (DESIGN.md §6): the balance as the light client proved it, with the block
// it was proven at; the address to receive; Send; the backup phrase. The balance is read again
// whenever the light client verifies a newer block, so incoming payments show up by themselves;
// the history (purchases, sales, publications, transfers, each proven) is read again whenever
// the balance it was read at changes, and after a transfer sent from here is confirmed.
class WalletPage : public QWidget {
    Q_OBJECT

public:
    explicit WalletPage(api::Wallet& wallet, QWidget* parent = nullptr);
    ~WalletPage() override;

    // The chain and market to use; nullptr while not connected (both, or neither).
    void setChain(api::Chain* chain, api::Market* market);
    bool hasProvenBalance() const { return m_account.has_value(); }
    // The library, for the names of the titles in the history; nullptr while locked.
    void setLibrary(api::Library* library);

private:
    void onStatus(const api::ChainStatus& status);
    void readBalance(bool syncFirst);
    void showBalance(const Result<api::AccountInfo>& account);
    void openSendDialog();
    void openBackupDialog();
    QWidget* buildBalanceCard();
    QWidget* buildReceiveCard();
    QWidget* buildHistoryCard();

    api::Wallet& m_wallet;
    api::Chain* m_chain = nullptr;
    api::Market* m_market = nullptr;
    api::Chain::Handle m_statusSubscription;
    api::Chain::Handle m_read;
    bool m_reading = false;
    std::optional<std::uint64_t> m_readHeight; // the verified height the last read started at
    std::optional<api::AccountInfo> m_account;
    std::optional<std::string> m_historyBalance; // the balance the history was last read at

    QLabel* m_balance = nullptr;
    QLabel* m_provenAt = nullptr;
    QLabel* m_address = nullptr;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_send = nullptr;
    QPushButton* m_backup = nullptr;
    HistoryView* m_history = nullptr;
    QPointer<SendDialog> m_sendDialog;
};

} // namespace ls::ui
