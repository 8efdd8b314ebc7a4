#include "ui/onboarding/OnboardingWizard.h"

#include "ui/onboarding/ConfirmPhrasePage.h"
#include "ui/onboarding/NetworkChoicePage.h"
#include "ui/onboarding/PassphrasePage.h"
#include "ui/onboarding/PhrasePage.h"
#include "ui/onboarding/RestorePhrasePage.h"
#include "ui/onboarding/WelcomePage.h"

#include <QAbstractButton>
#include <QIcon>

namespace ls::ui {

OnboardingWizard::OnboardingWizard(OnboardingSetup setup, QWidget* parent)
    : QWizard(parent)
    , m_setup(std::move(setup))
{
    setObjectName(QStringLiteral("onboarding"));
    setWindowTitle(tr("Welcome to Lightstreams"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::CommitButton, tr("Save wallet"));
    setButtonText(QWizard::FinishButton, tr("Open Lightstreams"));
    setMinimumSize(680, 520);
    setPixmap(QWizard::LogoPixmap,
        QIcon(QStringLiteral(":/icons/lightstreams.png")).pixmap(QSize(48, 48)));

    setPage(WelcomeId, new WelcomePage(this));
    setPage(RestoreId, new RestorePhrasePage(this));
    setPage(PassphraseId, new PassphrasePage(this));
    setPage(PhraseId, new PhrasePage(this));
    setPage(ConfirmId, new ConfirmPhrasePage(this));
    setPage(NetworkId, new NetworkChoicePage(this));
}

OnboardingWizard::~OnboardingWizard() = default;

bool OnboardingWizard::restoring() const
{
    return field(QStringLiteral("restore")).toBool();
}

void OnboardingWizard::setStoredWallet(std::string address, crypto::SecretBytes phrase)
{
    m_address = std::move(address);
    m_phrase = std::move(phrase);
}

void OnboardingWizard::forgetPhrase()
{
    m_phrase = crypto::SecretBytes();
}

void OnboardingWizard::setNetworkChoice(NetworkChoice choice, QString networkName)
{
    m_networkChoice = choice;
    m_networkName = std::move(networkName);
}

void OnboardingWizard::setBusy(bool busy)
{
    button(QWizard::BackButton)->setEnabled(!busy);
    button(QWizard::CancelButton)->setEnabled(!busy);
}

void OnboardingWizard::done(int result)
{
    // The phrase was shown and confirmed (or never made): no reason to keep it in memory.
    forgetPhrase();
    if (result != QDialog::Accepted)
        m_passphrase = crypto::SecretBytes();
    QWizard::done(result);
}

} // namespace ls::ui
