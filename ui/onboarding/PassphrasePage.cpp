#include "ui/onboarding/PassphrasePage.h"

#include "ui/BackgroundTask.h"
#include "ui/onboarding/OnboardingWizard.h"
#include "ui/onboarding/PassphraseStrength.h"
#include "ui/onboarding/RestorePhrasePage.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

crypto::SecretBytes secretOf(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    crypto::SecretBytes secret(
        asBytes(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size()))));
    crypto::secureWipe(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return secret;
}

// What the worker reports: the address, and the new phrase when one was made.
struct Stored {
    std::string address;
    crypto::SecretBytes phrase;
};

} // namespace

PassphrasePage::PassphrasePage(OnboardingWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("Choose a passphrase"));
    setCommitPage(true);

    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_again = new QLineEdit(this);
    m_again->setObjectName(QStringLiteral("passphraseAgain"));
    m_again->setEchoMode(QLineEdit::Password);
    m_strength = new QLabel(this);
    m_strength->setObjectName(QStringLiteral("passphraseStrength"));
    m_strength->setWordWrap(true);
    m_match = new QLabel(this);
    m_match->setObjectName(QStringLiteral("passphraseMatch"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("passphraseError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_busyText = new QLabel(tr("Encrypting your wallet… this takes a second or two."), this);
    m_busyText->setObjectName(QStringLiteral("passphraseBusy"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);

    auto* form = new QFormLayout;
    form->addRow(tr("Passphrase"), m_passphrase);
    form->addRow(QString(), m_strength);
    form->addRow(tr("Once more"), m_again);
    form->addRow(QString(), m_match);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_busyText);
    layout->addWidget(m_busyBar);

    for (QLineEdit* field : { m_passphrase, m_again })
        connect(field, &QLineEdit::textChanged, this, [this] {
            m_error->clear();
            updateHints();
            Q_EMIT completeChanged();
        });
    setBusy(false);
    updateHints();
}

void PassphrasePage::initializePage()
{
    setSubTitle(m_wizard->restoring()
            ? tr("It encrypts the restored wallet on this computer. You type it to send PHT, "
                 "buy and publish.")
            : tr("It encrypts your wallet on this computer. You type it to send PHT, buy and "
                 "publish. Forgot it? Your recovery phrase still restores the wallet."));
}

void PassphrasePage::updateHints()
{
    const auto strength = PassphraseStrength::of(m_passphrase->text());
    m_strength->setText(m_passphrase->text().isEmpty() ? QString() : strength.describe());
    const bool typedBoth = !m_again->text().isEmpty();
    m_match->setText(!typedBoth                       ? QString()
            : m_again->text() == m_passphrase->text() ? tr("The passphrases match.")
                                                      : tr("The passphrases differ."));
}

bool PassphrasePage::isComplete() const
{
    return !m_busy && m_passphrase->text().size() >= PassphraseStrength::kMinimumLength
        && m_passphrase->text() == m_again->text();
}

bool PassphrasePage::validatePage()
{
    if (m_stored)
        return true;
    if (!m_busy)
        storeWallet();
    return false; // the worker moves the wizard on when the key file is written
}

int PassphrasePage::nextId() const
{
    return m_wizard->restoring() ? OnboardingWizard::NetworkId : OnboardingWizard::PhraseId;
}

void PassphrasePage::storeWallet()
{
    api::Wallet* wallet = m_wizard->setup().wallet;
    const api::KeyFileStrength strength = m_wizard->setup().keyFileStrength;
    const bool restoring = m_wizard->restoring();
    crypto::SecretBytes phrase;
    if (restoring)
        phrase = static_cast<RestorePhrasePage*>(m_wizard->page(OnboardingWizard::RestoreId))
                     ->phrase();
    m_error->clear();
    setBusy(true);
    runInBackground(
        this,
        [wallet, strength, restoring, phrase = std::move(phrase),
            passphrase = secretOf(m_passphrase->text())]() -> Result<Stored> {
            if (restoring) {
                auto address = wallet->importPhrase(phrase.asText(), passphrase.asText(), strength);
                if (!address)
                    return std::unexpected(address.error());
                return Stored { *address, {} };
            }
            auto created = wallet->create(passphrase.asText(), 12, strength);
            if (!created)
                return std::unexpected(created.error());
            return Stored { created->address, std::move(created->phrase) };
        },
        [this](Result<Stored> stored) {
            setBusy(false);
            if (!stored) {
                const auto kind = stored.error().kind;
                const bool badPhrase = m_wizard->restoring()
                    && (kind == ErrorKind::InvalidInput || kind == ErrorKind::Verification);
                m_error->setText(badPhrase
                        ? tr("This recovery phrase cannot be restored. %1 Go back to correct it.")
                              .arg(QString::fromStdString(stored.error().message))
                        : QString::fromStdString(stored.error().message));
                return;
            }
            m_wizard->setStoredWallet(stored->address, std::move(stored->phrase));
            m_wizard->keepPassphrase(secretOf(m_passphrase->text()));
            m_stored = true;
            m_wizard->next();
            m_passphrase->clear();
            m_again->clear();
        });
}

void PassphrasePage::setBusy(bool busy)
{
    m_busy = busy;
    m_busyText->setVisible(busy);
    m_busyBar->setVisible(busy);
    m_passphrase->setEnabled(!busy);
    m_again->setEnabled(!busy);
    m_wizard->setBusy(busy);
    Q_EMIT completeChanged();
}

} // namespace ls::ui
