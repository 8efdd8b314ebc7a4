#include "ui/onboarding/WelcomePage.h"

#include "ui/onboarding/OnboardingWizard.h"

#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ls::ui {

WelcomePage::WelcomePage(OnboardingWizard* wizard)
    : QWizardPage(wizard)
{
    setTitle(tr("Welcome to Lightstreams"));
    setSubTitle(tr("Buy, read and stream books, music and video, or publish your own and get "
                   "paid in PHT. First, a wallet: it holds your PHT and proves what you own."));

    m_create = new QRadioButton(tr("Create a new wallet"), this);
    m_create->setObjectName(QStringLiteral("createWallet"));
    m_create->setChecked(true);
    auto* createNote = new QLabel(
        tr("You get a recovery phrase of 12 words. Write it down: it is the only way back into "
           "your wallet if this computer is lost."),
        this);
    m_restore = new QRadioButton(tr("Restore a wallet from its recovery phrase"), this);
    m_restore->setObjectName(QStringLiteral("restoreWallet"));
    auto* restoreNote
        = new QLabel(tr("Use the words you wrote down when you created it (here or in another "
                        "Ethereum wallet)."),
            this);
    for (QLabel* note : { createNote, restoreNote }) {
        note->setWordWrap(true);
        note->setIndent(24);
        note->setForegroundRole(QPalette::PlaceholderText);
    }
    registerField(QStringLiteral("restore"), m_restore);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(m_create);
    layout->addWidget(createNote);
    layout->addSpacing(12);
    layout->addWidget(m_restore);
    layout->addWidget(restoreNote);
    layout->addStretch(1);
}

int WelcomePage::nextId() const
{
    return m_restore->isChecked() ? OnboardingWizard::RestoreId : OnboardingWizard::PassphraseId;
}

} // namespace ls::ui
