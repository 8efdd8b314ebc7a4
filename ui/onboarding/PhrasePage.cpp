#include "ui/onboarding/PhrasePage.h"

#include "ui/PhraseGrid.h"
#include "ui/onboarding/OnboardingWizard.h"

#include <QCheckBox>
#include <QVBoxLayout>

namespace ls::ui {
PhrasePage::PhrasePage(OnboardingWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("Your recovery phrase"));
    setSubTitle(tr("Write these words down on paper, in this order, and keep them somewhere "
                   "safe. Anyone who has them owns your wallet; nobody, not even us, can "
                   "recover it without them."));

    m_words = new PhraseGrid(QStringLiteral("phraseWord"), this);

    m_writtenDown = new QCheckBox(tr("I have written down these words in this order"), this);
    m_writtenDown->setObjectName(QStringLiteral("phraseWrittenDown"));
    connect(m_writtenDown, &QCheckBox::toggled, this, &QWizardPage::completeChanged);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_words);
    layout->addSpacing(12);
    layout->addWidget(m_writtenDown);
    layout->addStretch(1);
}

void PhrasePage::initializePage()
{
    m_words->setWords(QString::fromUtf8(
        m_wizard->phrase().asText().data(), static_cast<qsizetype>(m_wizard->phrase().size()))
                          .split(u' ', Qt::SkipEmptyParts));
    m_writtenDown->setChecked(false);
}

bool PhrasePage::isComplete() const
{
    return m_writtenDown->isChecked();
}

int PhrasePage::nextId() const
{
    return OnboardingWizard::ConfirmId;
}

} // namespace ls::ui
