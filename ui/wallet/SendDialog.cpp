#include "ui/wallet/SendDialog.h"

#include "ui/PhtAmount.h"
#include "ui/StatusText.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

const QString kErrorStyle = QStringLiteral("color: #b3261e;");

QLabel* errorLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(kErrorStyle);
    // Room for a three-line message kept from the start: the pages of a stacked widget do not
    // grow the dialog when a wrapped label gets longer.
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setMinimumHeight(label->fontMetrics().lineSpacing() * 3);
    return label;
}

QLabel* valueLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

crypto::SecretBytes secretOf(QLineEdit* field)
{
    QByteArray utf8 = field->text().toUtf8();
    field->clear();
    crypto::SecretBytes secret(
        asBytes(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size()))));
    crypto::secureWipe(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return secret;
}

} // namespace

SendDialog::SendDialog(
    api::Chain& chain, api::Market& market, std::string ownAddress, QWidget* parent)
    : QDialog(parent)
    , m_chain(chain)
    , m_market(market)
    , m_ownAddress(std::move(ownAddress))
{
    setObjectName(QStringLiteral("sendDialog"));
    setWindowTitle(tr("Send PHT"));
    setMinimumWidth(560);
    m_steps = new QStackedWidget(this);
    m_steps->insertWidget(DetailsStep, buildDetails());
    m_steps->insertWidget(ConfirmStep, buildConfirm());
    m_steps->insertWidget(ProgressStep, buildProgress());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_steps);
}

SendDialog::~SendDialog() = default;

QWidget* SendDialog::buildDetails()
{
    auto* page = new QWidget(this);
    m_to = new QLineEdit(page);
    m_to->setObjectName(QStringLiteral("sendRecipient"));
    m_to->setPlaceholderText(QStringLiteral("0x…"));
    m_amountField = new QLineEdit(page);
    m_amountField->setObjectName(QStringLiteral("sendAmount"));
    m_amountField->setPlaceholderText(tr("Amount in PHT, like 12.5"));
    m_detailsError = errorLabel(QStringLiteral("sendError"), page);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, page);
    m_review = buttons->addButton(tr("Review"), QDialogButtonBox::AcceptRole);
    m_review->setObjectName(QStringLiteral("sendReview"));
    m_review->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("To"), m_to);
    form->addRow(tr("Amount"), m_amountField);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_detailsError);
    layout->addStretch(1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_review, &QPushButton::clicked, this, &SendDialog::review);
    return page;
}

QWidget* SendDialog::buildConfirm()
{
    auto* page = new QWidget(this);
    m_confirmTo = valueLabel(QStringLiteral("confirmRecipient"), page);
    m_confirmAmount = valueLabel(QStringLiteral("confirmAmount"), page);
    m_confirmFee = valueLabel(QStringLiteral("confirmFee"), page);
    m_confirmBalanceAfter = valueLabel(QStringLiteral("confirmBalanceAfter"), page);
    m_confirmProof = new QLabel(page);
    m_confirmProof->setWordWrap(true);
    m_confirmProof->setForegroundRole(QPalette::PlaceholderText);
    m_passphrase = new QLineEdit(page);
    m_passphrase->setObjectName(QStringLiteral("sendPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_confirmError = errorLabel(QStringLiteral("confirmError"), page);
    auto* buttons = new QDialogButtonBox(page);
    auto* back = buttons->addButton(tr("Back"), QDialogButtonBox::RejectRole);
    m_confirm = buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("sendConfirm"));
    m_confirm->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("To"), m_confirmTo);
    form->addRow(tr("Amount"), m_confirmAmount);
    form->addRow(tr("Network fee (at most)"), m_confirmFee);
    form->addRow(tr("Balance after"), m_confirmBalanceAfter);
    form->addRow(QString(), m_confirmProof);
    form->addRow(tr("Passphrase"), m_passphrase);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("Please check: a transfer cannot be undone."), page));
    layout->addLayout(form);
    layout->addWidget(m_confirmError);
    layout->addStretch(1);
    layout->addWidget(buttons);
    connect(back, &QPushButton::clicked, this, [this] {
        m_passphrase->clear();
        m_steps->setCurrentIndex(DetailsStep);
    });
    connect(m_confirm, &QPushButton::clicked, this, &SendDialog::send);
    return page;
}

QWidget* SendDialog::buildProgress()
{
    auto* page = new QWidget(this);
    m_stage = new QLabel(page);
    m_stage->setObjectName(QStringLiteral("sendStage"));
    m_progress = new QProgressBar(page);
    m_progress->setRange(0, 5);
    m_progress->setTextVisible(false);
    m_result = new QLabel(page);
    m_result->setObjectName(QStringLiteral("sendResult"));
    m_result->setWordWrap(true);
    m_result->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_result->setMinimumHeight(m_result->fontMetrics().lineSpacing() * 3);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, page);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("sendClose"));
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_stage);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addStretch(1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    return page;
}

void SendDialog::showDetailsError(const QString& message)
{
    m_review->setEnabled(true);
    m_detailsError->setText(message);
    m_steps->setCurrentIndex(DetailsStep);
}

void SendDialog::review()
{
    static const QRegularExpression addressShape(QStringLiteral("^0x[0-9a-fA-F]{40}$"));
    const QString to = m_to->text().trimmed();
    if (!addressShape.match(to).hasMatch())
        return showDetailsError(tr("An address is 0x followed by 40 hexadecimal digits."));
    QString amountError;
    const auto amount = pht::parse(m_amountField->text(), &amountError);
    if (!amount)
        return showDetailsError(amountError);

    m_recipient = to.toStdString();
    m_amount = *amount;
    m_parameters.reset();
    m_sender.reset();
    m_recipientCheck.reset();
    m_detailsError->setText(tr("Checking your balance and the network's fee…"));
    m_detailsError->setStyleSheet(QString());
    m_review->setEnabled(false);
    // Three proven reads: the fee rule, the balance it is paid from, and the recipient (whose
    // address checksum the light client checks; a mistyped address fails here).
    m_readParameters = m_chain.parameters([this](Result<api::NetworkParameters> parameters) {
        m_parameters = std::move(parameters);
        onFacts();
    });
    m_readSender = m_chain.account(m_ownAddress, [this](Result<api::AccountInfo> account) {
        m_sender = std::move(account);
        onFacts();
    });
    m_readRecipient = m_chain.account(m_recipient, [this](Result<api::AccountInfo> account) {
        m_recipientCheck = std::move(account);
        onFacts();
    });
}

void SendDialog::onFacts()
{
    if (!m_parameters || !m_sender || !m_recipientCheck)
        return;
    m_detailsError->setStyleSheet(kErrorStyle);
    if (!*m_recipientCheck) {
        const auto& error = m_recipientCheck->error();
        const bool badAddress
            = error.kind == ErrorKind::InvalidInput || error.kind == ErrorKind::Verification;
        return showDetailsError(badAddress
                ? tr("This address is not valid: %1.").arg(QString::fromStdString(error.message))
                : QString::fromStdString(error.message));
    }
    for (const Error* error : { m_parameters->has_value() ? nullptr : &m_parameters->error(),
             m_sender->has_value() ? nullptr : &m_sender->error() })
        if (error)
            return showDetailsError(
                tr("Cannot check the chain: %1").arg(QString::fromStdString(error->message)));

    const std::string fee = pht::multiply((*m_parameters)->minGasPrice, kTransferGas);
    const auto after = pht::subtract((*m_sender)->balance, pht::add(m_amount, fee));
    if (!after)
        return showDetailsError(
            tr("Insufficient funds: sending %1 plus up to %2 in fees needs more than your "
               "balance of %3.")
                .arg(pht::formatWithUnit(m_amount), pht::formatWithUnit(fee),
                    pht::formatWithUnit((*m_sender)->balance)));

    m_review->setEnabled(true);
    m_detailsError->clear();
    m_confirmTo->setText(QString::fromStdString((*m_recipientCheck)->address));
    m_confirmAmount->setText(pht::formatWithUnit(m_amount));
    m_confirmFee->setText(pht::formatWithUnit(fee));
    m_confirmBalanceAfter->setText(pht::formatWithUnit(*after));
    m_confirmProof->setText(
        tr("Balance and fee proven at block %1.").arg((*m_sender)->proof.height));
    m_confirmError->clear();
    m_confirm->setEnabled(true);
    m_steps->setCurrentIndex(ConfirmStep);
    m_passphrase->setFocus();
}

void SendDialog::send()
{
    if (m_passphrase->text().isEmpty()) {
        m_confirmError->setText(tr("Type your wallet's passphrase."));
        return;
    }
    m_confirm->setEnabled(false);
    m_result->clear();
    m_result->setStyleSheet(QString());
    m_progress->setValue(0);
    m_stage->setText(tr("Preparing…"));
    m_close->setText(tr("Close"));
    m_steps->setCurrentIndex(ProgressStep);
    m_sending = m_market.send((*m_recipientCheck)->address, m_amount, secretOf(m_passphrase),
        [this](const api::TransactionProgress& progress) { onProgress(progress); },
        [this](Result<api::TransactionConfirmation> result) { onDone(std::move(result)); });
}

void SendDialog::onProgress(const api::TransactionProgress& progress)
{
    using Stage = api::TransactionStage;
    switch (progress.stage) {
    case Stage::Syncing:
        m_stage->setText(tr("Checking your balance against the newest verified block…"));
        break;
    case Stage::Signing:
        m_stage->setText(tr("Unlocking your wallet and signing…"));
        break;
    case Stage::Submitting:
        m_stage->setText(tr("Sending the transaction to the network…"));
        break;
    case Stage::Confirming:
        m_stage->setText(tr("Waiting for a verified block that includes it…"));
        break;
    }
    m_progress->setValue(static_cast<int>(progress.stage) + 1);
    if (!progress.txHash.empty())
        m_result->setText(tr("Transaction %1").arg(QString::fromStdString(progress.txHash)));
}

void SendDialog::onDone(Result<api::TransactionConfirmation> result)
{
    if (!result && result.error().kind == ErrorKind::WrongPassphrase) {
        // Nothing was signed: the same transfer, with the right passphrase this time.
        m_confirmError->setText(tr("Wrong passphrase. Nothing was sent."));
        m_confirm->setEnabled(true);
        m_steps->setCurrentIndex(ConfirmStep);
        m_passphrase->setFocus();
        return;
    }
    m_progress->setValue(m_progress->maximum());
    if (!result) {
        m_stage->setText(tr("The transfer did not go through."));
        m_result->setStyleSheet(kErrorStyle);
        m_result->setText(QString::fromStdString(result.error().message));
        return;
    }
    if (!result->succeeded) {
        m_stage->setText(tr("The transfer was refused by the chain."));
        m_result->setStyleSheet(kErrorStyle);
        m_result->setText(QString::fromStdString(result->revertReason));
        Q_EMIT sent(); // the fee was still paid: the balance changed
        return;
    }
    m_stage->setText(tr("Sent %1 to %2.")
                         .arg(pht::formatWithUnit(m_amount),
                             QString::fromStdString((*m_recipientCheck)->address)));
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Included in block %1, verified by this computer. Transaction %2.")
                          .arg(result->proof.height)
                          .arg(statustext::shortHash(result->txHash)));
    api::AccountActivity transfer;
    transfer.kind = api::AccountActivity::Kind::SentTransfer;
    transfer.counterparty = (*m_recipientCheck)->address;
    transfer.amount = m_amount;
    transfer.fee = pht::multiply(result->effectiveGasPrice, result->gasUsed);
    transfer.timeMs = result->timeMs;
    transfer.txHash = result->txHash;
    transfer.index = result->index;
    transfer.proof = result->proof;
    Q_EMIT transferConfirmed(transfer);
    Q_EMIT sent();
}

} // namespace ls::ui
