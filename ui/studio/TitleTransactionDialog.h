#pragma once

#include "core/api/Market.h"

#include <QDialog>

#include <string>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace ls::ui {

// A change to one of the author's titles on chain — a new price, or listing it again or
// delisting it — with what will change shown first, the passphrase, and the transaction's
// progress until a verified block holds it.
class TitleTransactionDialog : public QDialog {
    Q_OBJECT

public:
    // "priceDialog": asks for the new price.
    static TitleTransactionDialog* changePrice(api::Market& market, std::uint64_t titleId,
        const QString& titleName, const std::string& currentPrice, QWidget* parent);
    // "listingDialog": delists a listed title, lists a delisted one.
    static TitleTransactionDialog* setListed(api::Market& market, std::uint64_t titleId,
        const QString& titleName, bool listed, QWidget* parent);

Q_SIGNALS:
    // The transaction is in a verified block (it may still have been refused: the page reads
    // the title again either way).
    void included();

private:
    enum class Kind { Price, Listing };
    TitleTransactionDialog(api::Market& market, Kind kind, std::uint64_t titleId, QWidget* parent);
    void build(const QString& question);
    void confirm();
    void onProgress(const api::TransactionProgress& progress);
    void onDone(Result<api::TransactionConfirmation> result);

    api::Market& m_market;
    Kind m_kind;
    std::uint64_t m_titleId;
    bool m_listed = false;
    std::string m_price;
    api::Market::Handle m_sending;

    QLineEdit* m_priceField = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_stage = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_close = nullptr;
};

} // namespace ls::ui
