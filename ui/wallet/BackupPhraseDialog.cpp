#include "ui/wallet/BackupPhraseDialog.h"

#include "ui/BackgroundTask.h"
#include "ui/PhraseGrid.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ls::ui {

BackupPhraseDialog::BackupPhraseDialog(const api::Wallet& wallet, QWidget* parent)
    : QDialog(parent)
    , m_wallet(wallet)
{
    setObjectName(QStringLiteral("backupDialog"));
    setWindowTitle(tr("Back up your recovery phrase"));
    setMinimumWidth(520);

    auto* intro = new QLabel(tr("Your recovery phrase restores this wallet on any computer. "
                                "Make sure nobody is watching your screen."),
        this);
    intro->setWordWrap(true);
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("backupPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_show = new QPushButton(tr("Show phrase"), this);
    m_show->setObjectName(QStringLiteral("backupReveal"));
    m_show->setDefault(true);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("backupError"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_phrase = new PhraseGrid(QStringLiteral("backupWord"), this);
    m_phrase->setObjectName(QStringLiteral("backupPhrase"));
    m_phrase->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto* row = new QHBoxLayout;
    row->addWidget(m_passphrase, 1);
    row->addWidget(m_show);
    auto* form = new QFormLayout;
    form->addRow(tr("Passphrase"), row);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addWidget(m_phrase);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_show, &QPushButton::clicked, this, &BackupPhraseDialog::reveal);
    connect(m_passphrase, &QLineEdit::returnPressed, this, &BackupPhraseDialog::reveal);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setBusy(false);
}

void BackupPhraseDialog::reveal()
{
    if (m_passphrase->text().isEmpty())
        return;
    QByteArray utf8 = m_passphrase->text().toUtf8();
    m_passphrase->clear();
    crypto::SecretBytes passphrase(
        asBytes(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size()))));
    crypto::secureWipe(utf8.data(), static_cast<std::size_t>(utf8.size()));
    setBusy(true);
    m_error->clear();
    const api::Wallet* wallet = &m_wallet;
    runInBackground(
        this,
        [wallet, passphrase = std::move(passphrase)] {
            return wallet->revealPhrase(passphrase.asText());
        },
        [this](Result<crypto::SecretBytes> phrase) {
            setBusy(false);
            if (!phrase) {
                m_error->setText(phrase.error().kind == ErrorKind::WrongPassphrase
                        ? tr("Wrong passphrase.")
                        : QString::fromStdString(phrase.error().message));
                return;
            }
            m_phrase->setWords(
                QString::fromUtf8(phrase->asText().data(), static_cast<qsizetype>(phrase->size()))
                    .split(u' ', Qt::SkipEmptyParts));
            m_phrase->show();
            adjustSize(); // a dialog does not grow by itself for what appears in it
        });
}

void BackupPhraseDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_show->setEnabled(!busy);
    m_passphrase->setEnabled(!busy);
}

} // namespace ls::ui
