#include "ui/wallet/WalletPage.h"

#include "ui/PhtAmount.h"
#include "ui/SectionHeading.h"
#include "ui/StatusText.h"
#include "ui/wallet/BackupPhraseDialog.h"
#include "ui/wallet/HistoryView.h"
#include "ui/wallet/SendDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

QFrame* card(QWidget* parent, const QString& name)
{
    auto* frame = new QFrame(parent);
    frame->setObjectName(name);
    frame->setFrameShape(QFrame::StyledPanel);
    return frame;
}

QLabel* caption(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

WalletPage::WalletPage(api::Wallet& wallet, QWidget* parent)
    : QWidget(parent)
    , m_wallet(wallet)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(16);
    layout->addWidget(makeSectionHeading(tr("Wallet"), this));
    layout->addWidget(buildBalanceCard());
    layout->addWidget(buildReceiveCard());

    m_send = new QPushButton(tr("Send PHT…"), this);
    m_send->setObjectName(QStringLiteral("walletSend"));
    m_backup = new QPushButton(tr("Back up recovery phrase…"), this);
    m_backup->setObjectName(QStringLiteral("walletBackup"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_send);
    actions->addWidget(m_backup);
    actions->addStretch(1);
    layout->addLayout(actions);
    layout->addWidget(buildHistoryCard(), 1);

    connect(m_refresh, &QPushButton::clicked, this, [this] {
        m_historyBalance.reset(); // read the history again too
        readBalance(true);
    });
    connect(m_copy, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_address->text()); });
    connect(m_send, &QPushButton::clicked, this, &WalletPage::openSendDialog);
    connect(m_backup, &QPushButton::clicked, this, &WalletPage::openBackupDialog);
    setChain(nullptr, nullptr);
}

WalletPage::~WalletPage() = default;

void WalletPage::setLibrary(api::Library* library)
{
    if (!library)
        return m_history->setTitleNames({});
    // Every title the history names is in the library: bought (purchases) or published here
    // (sales, publications). One local read per showing.
    m_history->setTitleNames([library] {
        std::map<std::uint64_t, QString> names;
        if (auto titles = library->titles())
            for (const api::LibraryTitle& title : *titles)
                names[title.titleId] = QString::fromStdString(title.title);
        return names;
    });
}

QWidget* WalletPage::buildBalanceCard()
{
    auto* frame = card(this, QStringLiteral("balanceCard"));
    m_balance = new QLabel(frame);
    m_balance->setObjectName(QStringLiteral("walletBalance"));
    QFont big = m_balance->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    m_balance->setFont(big);
    m_balance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_provenAt = new QLabel(frame);
    m_provenAt->setObjectName(QStringLiteral("walletProvenAt"));
    m_provenAt->setWordWrap(true);
    m_refresh = new QPushButton(tr("Refresh"), frame);
    m_refresh->setObjectName(QStringLiteral("walletRefresh"));

    auto* row = new QHBoxLayout;
    row->addWidget(m_balance, 1);
    row->addWidget(m_refresh, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->addWidget(caption(tr("Balance"), frame));
    layout->addLayout(row);
    layout->addWidget(m_provenAt);
    return frame;
}

QWidget* WalletPage::buildReceiveCard()
{
    auto* frame = card(this, QStringLiteral("receiveCard"));
    m_address
        = new QLabel(QString::fromStdString(m_wallet.address().value_or(std::string())), frame);
    m_address->setObjectName(QStringLiteral("walletAddress"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(m_address->font().pointSizeF() * 1.1);
    m_address->setFont(mono);
    m_copy = new QPushButton(tr("Copy"), frame);
    m_copy->setObjectName(QStringLiteral("walletCopyAddress"));
    auto* note = new QLabel(
        tr("Give this address to whoever pays you. Payments show here once a block that holds "
           "them is verified."),
        frame);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto* row = new QHBoxLayout;
    row->addWidget(m_address, 1);
    row->addWidget(m_copy);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->addWidget(caption(tr("Receive"), frame));
    layout->addLayout(row);
    layout->addWidget(note);
    return frame;
}

QWidget* WalletPage::buildHistoryCard()
{
    auto* frame = card(this, QStringLiteral("historyCard"));
    m_history = new HistoryView(frame);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->addWidget(caption(tr("History"), frame));
    layout->addWidget(m_history, 1);
    return frame;
}

void WalletPage::setChain(api::Chain* chain, api::Market* market)
{
    // Everything that refers to the old chain goes first.
    m_statusSubscription.reset();
    m_read.reset();
    m_reading = false;
    m_readHeight.reset();
    m_account.reset();
    m_historyBalance.reset();
    m_history->load(nullptr, {});
    delete m_sendDialog.data();
    m_chain = chain;
    m_market = market;

    const bool connected = m_chain && m_market;
    m_send->setEnabled(false);
    m_refresh->setEnabled(connected);
    m_balance->setText(QStringLiteral("—"));
    m_provenAt->setStyleSheet(QString());
    m_provenAt->setText(connected ? tr("Verifying the chain…") : tr("Waiting for the network…"));
    if (!connected)
        return;
    m_statusSubscription
        = m_chain->subscribeStatus([this](const api::ChainStatus& status) { onStatus(status); });
    onStatus(m_chain->status());
}

void WalletPage::onStatus(const api::ChainStatus& status)
{
    // A newer verified block may hold a payment: read the balance again, one read at a time.
    if (!status.verifiedHeight || m_reading
        || (m_readHeight && *m_readHeight >= *status.verifiedHeight))
        return;
    readBalance(false);
}

void WalletPage::readBalance(bool syncFirst)
{
    if (!m_chain)
        return;
    const auto address = m_wallet.address();
    if (!address)
        return;
    m_reading = true;
    m_refresh->setEnabled(false);
    m_readHeight = m_chain->status().verifiedHeight;
    auto readAccount = [this, address = *address] {
        m_read = m_chain->account(
            address, [this](Result<api::AccountInfo> account) { showBalance(account); });
    };
    if (!syncFirst)
        return readAccount();
    m_provenAt->setText(tr("Checking the newest blocks…"));
    m_read = m_chain->update([this, readAccount](Result<std::uint64_t> height) {
        if (!height)
            return showBalance(std::unexpected(height.error()));
        readAccount();
    });
}

void WalletPage::showBalance(const Result<api::AccountInfo>& account)
{
    m_reading = false;
    m_refresh->setEnabled(true);
    if (!account) {
        m_provenAt->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_provenAt->setText(tr("Cannot prove the balance: %1")
                                .arg(QString::fromStdString(account.error().message)));
        return;
    }
    m_account = *account;
    m_balance->setText(pht::formatWithUnit(account->balance));
    m_provenAt->setStyleSheet(QString());
    m_provenAt->setText(tr("Proven at block %1 · %2")
                            .arg(account->proof.height)
                            .arg(statustext::shortHash(account->proof.blockHash)));
    m_provenAt->setToolTip(tr("Checked against block %1 (%2), signed by the network's validators.")
                               .arg(account->proof.height)
                               .arg(QString::fromStdString(account->proof.blockHash)));
    m_send->setEnabled(m_market != nullptr);
    // Every purchase and sale moves the balance: a new balance is when the history can have
    // changed (plus the first read).
    if (m_historyBalance != account->balance) {
        m_historyBalance = account->balance;
        m_history->load(m_chain, account->address);
    }
}

void WalletPage::openSendDialog()
{
    if (!m_chain || !m_market || !m_account)
        return;
    if (m_sendDialog) {
        m_sendDialog->raise();
        return;
    }
    auto* dialog = new SendDialog(*m_chain, *m_market, m_account->address, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SendDialog::sent, this, [this] { readBalance(true); });
    // The transfer is now in a verified block, so the history read after the balance (which
    // `sent` triggers next) lists it, proven from its Transfer log: forget the balance the
    // history was read at, so it is read again even if the balance came out the same.
    connect(dialog, &SendDialog::transferConfirmed, this, [this] { m_historyBalance.reset(); });
    m_sendDialog = dialog;
    dialog->open();
}

void WalletPage::openBackupDialog()
{
    auto* dialog = new BackupPhraseDialog(m_wallet, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace ls::ui
