#include "ui/studio/TitleTransactionDialog.h"

#include "ui/PhtAmount.h"
#include "ui/StatusText.h"
#include "ui/studio/StudioWidgets.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ls::ui {

TitleTransactionDialog* TitleTransactionDialog::changePrice(api::Market& market,
    std::uint64_t titleId, const QString& titleName, const std::string& currentPrice,
    QWidget* parent)
{
    auto* dialog = new TitleTransactionDialog(market, Kind::Price, titleId, parent);
    dialog->setObjectName(QStringLiteral("priceDialog"));
    dialog->setWindowTitle(tr("Change the price"));
    dialog->build(tr("“%1” sells for %2 now. Buyers from now on pay the new price; earlier "
                     "buyers keep what they bought.")
                      .arg(titleName, pht::formatWithUnit(currentPrice)));
    return dialog;
}

TitleTransactionDialog* TitleTransactionDialog::setListed(api::Market& market,
    std::uint64_t titleId, const QString& titleName, bool listed, QWidget* parent)
{
    auto* dialog = new TitleTransactionDialog(market, Kind::Listing, titleId, parent);
    dialog->m_listed = listed;
    dialog->setObjectName(QStringLiteral("listingDialog"));
    dialog->setWindowTitle(listed ? tr("List again") : tr("Delist"));
    dialog->build(listed
            ? tr("List “%1” again: it shows in Discover and can be bought.").arg(titleName)
            : tr("Delist “%1”: it no longer shows in Discover and cannot be bought. Buyers "
                 "keep their copies, and you can list it again.")
                  .arg(titleName));
    return dialog;
}

TitleTransactionDialog::TitleTransactionDialog(
    api::Market& market, Kind kind, std::uint64_t titleId, QWidget* parent)
    : QDialog(parent)
    , m_market(market)
    , m_kind(kind)
    , m_titleId(titleId)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setMinimumWidth(520);
}

void TitleTransactionDialog::build(const QString& question)
{
    auto* intro = new QLabel(question, this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    if (m_kind == Kind::Price) {
        m_priceField = new QLineEdit(this);
        m_priceField->setObjectName(QStringLiteral("txPrice"));
        m_priceField->setPlaceholderText(tr("New price in PHT"));
        form->addRow(tr("New price"), m_priceField);
    }
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("txPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Passphrase"), m_passphrase);
    m_error = studio::errorLabel(QStringLiteral("txError"), this);
    m_stage = new QLabel(this);
    m_stage->setObjectName(QStringLiteral("txStage"));
    m_stage->setWordWrap(true);
    m_stage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 5);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_confirm = new QPushButton(m_kind == Kind::Price ? tr("Change price")
            : m_listed                                ? tr("List again")
                                                      : tr("Delist"),
        this);
    m_confirm->setObjectName(QStringLiteral("txConfirm"));
    m_confirm->setDefault(true);
    m_close = new QPushButton(tr("Cancel"), this);
    m_close->setObjectName(QStringLiteral("txClose"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_confirm);
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_stage);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    layout->addLayout(buttons);
    connect(m_confirm, &QPushButton::clicked, this, &TitleTransactionDialog::confirm);
    // Closing stops waiting; a transaction already sent may still be included, and the page
    // reads the title again when the light client verifies a newer block.
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
}

void TitleTransactionDialog::confirm()
{
    if (m_kind == Kind::Price) {
        QString error;
        const auto price = pht::parse(m_priceField->text(), &error);
        if (!price)
            return m_error->setText(error);
        m_price = *price;
    }
    if (m_passphrase->text().isEmpty())
        return m_error->setText(tr("Type your wallet's passphrase."));
    m_error->clear();
    m_confirm->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    m_stage->setText(tr("Preparing…"));
    auto progress = [this](const api::TransactionProgress& p) { onProgress(p); };
    auto done = [this](Result<api::TransactionConfirmation> result) { onDone(std::move(result)); };
    m_sending = m_kind == Kind::Price
        ? m_market.setPrice(m_titleId, m_price, studio::takeSecret(m_passphrase),
            std::move(progress), std::move(done))
        : m_market.setListed(m_titleId, m_listed, studio::takeSecret(m_passphrase),
            std::move(progress), std::move(done));
}

void TitleTransactionDialog::onProgress(const api::TransactionProgress& progress)
{
    using Stage = api::TransactionStage;
    QString text;
    switch (progress.stage) {
    case Stage::Syncing:
        text = tr("Checking the title against the newest verified block…");
        break;
    case Stage::Signing:
        text = tr("Unlocking your wallet and signing…");
        break;
    case Stage::Submitting:
        text = tr("Sending the transaction to the network…");
        break;
    case Stage::Confirming:
        text = tr("Waiting for a verified block that includes it…");
        break;
    }
    if (!progress.txHash.empty())
        text += QLatin1Char('\n')
            + tr("Transaction %1").arg(QString::fromStdString(progress.txHash));
    m_stage->setText(text);
    m_progress->setValue(static_cast<int>(progress.stage) + 1);
}

void TitleTransactionDialog::onDone(Result<api::TransactionConfirmation> result)
{
    m_progress->setValue(m_progress->maximum());
    m_close->setText(tr("Close"));
    if (!result) {
        m_confirm->setEnabled(true);
        m_stage->clear();
        m_progress->hide();
        m_error->setText(result.error().kind == ErrorKind::WrongPassphrase
                ? tr("Wrong passphrase. Nothing was sent.")
                : QString::fromStdString(result.error().message));
        return;
    }
    Q_EMIT included();
    if (!result->succeeded) {
        m_stage->clear();
        m_error->setText(tr("The chain refused the change: %1")
                             .arg(QString::fromStdString(result->revertReason)));
        return;
    }
    m_stage->setText(tr("Done: included in block %1, verified by this computer. Transaction %2.")
                         .arg(result->proof.height)
                         .arg(statustext::shortHash(result->txHash)));
}

} // namespace ls::ui
