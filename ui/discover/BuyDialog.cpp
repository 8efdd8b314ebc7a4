#include "ui/discover/BuyDialog.h"

#include "ui/CoverArt.h"
#include "ui/PhtAmount.h"
#include "ui/StatusText.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

const QString kErrorStyle = QStringLiteral("color: #b3261e;");
// The progress bar's share of each phase: buying up to kBought, downloading the rest.
constexpr int kBought = 30;
constexpr int kProgressEnd = 100;

QLabel* valueLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel* messageLabel(const QString& name, QWidget* parent)
{
    auto* label = valueLabel(name, parent);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setMinimumHeight(label->fontMetrics().lineSpacing() * 3);
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

QString displayName(const api::CatalogTitle& title)
{
    return title.title.empty() ? QObject::tr("Title %1").arg(title.titleId)
                               : QString::fromStdString(title.title);
}

} // namespace

BuyDialog::BuyDialog(api::Chain& chain, api::Market& market, api::Library& library,
    api::Wallet& wallet, api::CatalogTitleDetails title, QWidget* parent)
    : QDialog(parent)
    , m_chain(chain)
    , m_market(market)
    , m_library(library)
    , m_wallet(wallet)
    , m_title(std::move(title))
{
    setObjectName(QStringLiteral("buyDialog"));
    setWindowTitle(tr("Buy “%1”").arg(displayName(m_title.summary)));
    setMinimumWidth(560);
    m_steps = new QStackedWidget(this);
    m_steps->insertWidget(ConfirmStep, buildConfirm());
    m_steps->insertWidget(ProgressStep, buildProgress());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_steps);
    readFacts();
}

BuyDialog::~BuyDialog() = default;

QWidget* BuyDialog::buildConfirm()
{
    auto* page = new QWidget(this);
    auto* cover = new QLabel(page);
    cover->setPixmap(coverArt(m_title.summary.cover, displayName(m_title.summary), { 96, 128 }));
    auto* name = valueLabel(QStringLiteral("buyTitle"), page);
    name->setText(displayName(m_title.summary));
    name->setWordWrap(true);
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    m_confirmPrice = valueLabel(QStringLiteral("buyPrice"), page);
    m_confirmFee = valueLabel(QStringLiteral("buyFee"), page);
    m_confirmBalanceAfter = valueLabel(QStringLiteral("buyBalanceAfter"), page);
    m_confirmProof = new QLabel(page);
    m_confirmProof->setObjectName(QStringLiteral("buyProvenAt"));
    m_confirmProof->setWordWrap(true);
    m_confirmProof->setForegroundRole(QPalette::PlaceholderText);
    m_passphrase = new QLineEdit(page);
    m_passphrase->setObjectName(QStringLiteral("buyPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_confirmError = messageLabel(QStringLiteral("buyError"), page);
    m_confirmError->setStyleSheet(kErrorStyle);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, page);
    m_confirm = buttons->addButton(tr("Buy"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("buyConfirm"));
    m_confirm->setDefault(true);
    m_confirm->setEnabled(false);

    auto* form = new QFormLayout;
    form->addRow(tr("Price"), m_confirmPrice);
    form->addRow(tr("Network fee (at most)"), m_confirmFee);
    form->addRow(tr("Balance after"), m_confirmBalanceAfter);
    form->addRow(QString(), m_confirmProof);
    form->addRow(tr("Passphrase"), m_passphrase);
    auto* top = new QHBoxLayout;
    top->addWidget(cover);
    top->addWidget(name, 1);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addLayout(form);
    layout->addWidget(m_confirmError);
    layout->addStretch(1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_confirm, &QPushButton::clicked, this, &BuyDialog::buy);
    return page;
}

QWidget* BuyDialog::buildProgress()
{
    auto* page = new QWidget(this);
    m_stage = new QLabel(page);
    m_stage->setObjectName(QStringLiteral("buyStage"));
    m_stage->setWordWrap(true);
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(QStringLiteral("buyProgress"));
    m_progress->setRange(0, kProgressEnd);
    m_progress->setTextVisible(false);
    m_result = messageLabel(QStringLiteral("buyResult"), page);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, page);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("buyClose"));
    m_open = buttons->addButton(tr("Open"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName(QStringLiteral("buyOpen"));
    m_open->setEnabled(false);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_stage);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addStretch(1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, [this] {
        Q_EMIT openRequested(m_title.summary.titleId, m_readyVersion);
        accept();
    });
    return page;
}

void BuyDialog::readFacts()
{
    const auto address = m_wallet.address();
    if (!address)
        return showFailure(QString(), tr("There is no wallet in this profile."));
    m_confirmError->setStyleSheet(QString());
    m_confirmError->setText(tr("Checking the price, your balance and the network's fee…"));
    // Three proven reads: the price as it is now, the balance it is paid from, the fee rule.
    m_readParameters = m_chain.parameters([this](Result<api::NetworkParameters> parameters) {
        m_parameters = std::move(parameters);
        onFacts();
    });
    m_readBuyer = m_chain.account(*address, [this](Result<api::AccountInfo> account) {
        m_buyer = std::move(account);
        onFacts();
    });
    m_readTitle = m_chain.title(
        m_title.summary.titleId, [this](Result<std::optional<api::TitleInfo>> title) {
            m_record = std::move(title);
            onFacts();
        });
}

void BuyDialog::onFacts()
{
    if (!m_parameters || !m_buyer || !m_record)
        return;
    m_confirmError->setStyleSheet(kErrorStyle);
    for (const Error* error : { m_parameters->has_value() ? nullptr : &m_parameters->error(),
             m_buyer->has_value() ? nullptr : &m_buyer->error(),
             m_record->has_value() ? nullptr : &m_record->error() })
        if (error)
            return m_confirmError->setText(
                tr("Cannot check the chain: %1").arg(QString::fromStdString(error->message)));
    if (!**m_record)
        return m_confirmError->setText(tr("This title does not exist on the chain."));
    const api::TitleInfo& record = ***m_record;
    if (!record.listed)
        return m_confirmError->setText(tr("The author has taken this title off sale."));
    if (record.versionCount == 0)
        return m_confirmError->setText(tr("This title has no content yet."));

    m_price = record.price;
    const std::string fee = pht::multiply((*m_parameters)->minGasPrice, m_title.purchaseGasLimit);
    m_confirmPrice->setText(pht::formatWithUnit(m_price));
    m_confirmFee->setText(pht::formatWithUnit(fee));
    m_confirmProof->setText(tr("Price, balance and fee proven at block %1.")
                                .arg(std::max((*m_buyer)->proof.height, record.proof.height)));
    const auto after = pht::subtract((*m_buyer)->balance, pht::add(m_price, fee));
    if (!after) {
        m_confirmBalanceAfter->setText(tr("—"));
        return m_confirmError->setText(
            tr("Insufficient funds: the price of %1 plus up to %2 in fees is more than your "
               "balance of %3.")
                .arg(pht::formatWithUnit(m_price), pht::formatWithUnit(fee),
                    pht::formatWithUnit((*m_buyer)->balance)));
    }
    m_confirmBalanceAfter->setText(pht::formatWithUnit(*after));
    m_confirmError->clear();
    m_confirm->setEnabled(true);
    m_passphrase->setFocus();
}

void BuyDialog::buy()
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
    m_steps->setCurrentIndex(ProgressStep);
    m_buying = m_market.buy(
        m_title.summary.titleId, secretOf(m_passphrase),
        [this](const api::TransactionProgress& progress) { onPurchaseProgress(progress); },
        [this](Result<api::Purchase> result) { onPurchased(std::move(result)); });
}

void BuyDialog::onPurchaseProgress(const api::TransactionProgress& progress)
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
        m_stage->setText(tr("Sending the purchase to the network…"));
        break;
    case Stage::Confirming:
        m_stage->setText(tr("Sent. Waiting for a verified block that makes it final…"));
        break;
    }
    m_progress->setValue((static_cast<int>(progress.stage) + 1) * kBought / 5);
    if (!progress.txHash.empty())
        m_result->setText(tr("Transaction %1").arg(statustext::shortHash(progress.txHash)));
}

void BuyDialog::onPurchased(Result<api::Purchase> result)
{
    if (!result && result.error().kind == ErrorKind::WrongPassphrase) {
        // Nothing was signed: the same purchase, with the right passphrase this time.
        m_confirmError->setText(tr("Wrong passphrase. Nothing was bought."));
        m_confirm->setEnabled(true);
        m_steps->setCurrentIndex(ConfirmStep);
        m_passphrase->setFocus();
        return;
    }
    if (!result)
        return showFailure(
            tr("The purchase did not go through."), QString::fromStdString(result.error().message));
    if (!result->confirmation.succeeded)
        return showFailure(tr("The purchase was refused by the chain."),
            QString::fromStdString(result->confirmation.revertReason));
    m_progress->setValue(kBought);
    m_stage->setText(tr("Final: the licence is in block %1. Fetching the title…")
                         .arg(result->licence.proof.height));
    m_result->setText(tr("Transaction %1").arg(statustext::shortHash(result->confirmation.txHash)));
    Q_EMIT purchased(m_title.summary.titleId);
    download();
}

void BuyDialog::download()
{
    m_fetching = m_library.fetch(
        m_title.summary.titleId, std::nullopt,
        [this](const api::FetchProgress& progress) { onFetchProgress(progress); },
        [this](Result<api::FetchedVersion> result) { onFetched(std::move(result)); });
}

void BuyDialog::onFetchProgress(const api::FetchProgress& progress)
{
    using Stage = api::FetchStage;
    const QLocale locale;
    switch (progress.stage) {
    case Stage::Checking:
        m_stage->setText(tr("Checking the licence on the chain…"));
        break;
    case Stage::Connecting:
        m_stage->setText(tr("Looking for peers that have the title…"));
        break;
    case Stage::Downloading:
        m_stage->setText(
            tr("Downloading: %1 of %2 from %n peer(s)…", nullptr, progress.peers)
                .arg(locale.formattedDataSize(static_cast<qint64>(progress.bytesDone)),
                    locale.formattedDataSize(static_cast<qint64>(progress.bytesTotal))));
        break;
    case Stage::WaitingForKey:
        m_stage->setText(tr("Downloaded. Receiving the title key from its holders…"));
        break;
    case Stage::Done:
        break;
    }
    if (progress.bytesTotal > 0) {
        const double share
            = static_cast<double>(progress.bytesDone) / static_cast<double>(progress.bytesTotal);
        m_progress->setValue(kBought + static_cast<int>(share * (kProgressEnd - kBought - 5)));
    }
    if (!progress.note.empty())
        m_result->setText(QString::fromStdString(progress.note));
}

void BuyDialog::onFetched(Result<api::FetchedVersion> result)
{
    if (!result)
        return showFailure(tr("Bought, but the download stopped. The Library can continue it."),
            QString::fromStdString(result.error().message));
    m_readyVersion = result->version;
    m_progress->setValue(kProgressEnd);
    m_stage->setText(tr("Ready: “%1” is in your library.").arg(displayName(m_title.summary)));
    m_result->setStyleSheet(QString());
    m_result->clear();
    m_open->setEnabled(true);
    m_open->setDefault(true);
    m_open->setFocus();
}

void BuyDialog::showFailure(const QString& stage, const QString& message)
{
    if (m_steps->currentIndex() == ConfirmStep) {
        m_confirmError->setStyleSheet(kErrorStyle);
        m_confirmError->setText(message);
        return;
    }
    m_stage->setText(stage);
    m_result->setStyleSheet(kErrorStyle);
    m_result->setText(message);
}

} // namespace ls::ui
