#pragma once

#include <QWizardPage>

class QCheckBox;

namespace ls::ui {

class OnboardingWizard;
class PhraseGrid;

// The new wallet's recovery phrase, numbered, to write down. Going on needs a tick that says it
// was written down; the next page asks three of the words back.
class PhrasePage : public QWizardPage {
    Q_OBJECT

public:
    explicit PhrasePage(OnboardingWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

private:
    OnboardingWizard* m_wizard = nullptr;
    PhraseGrid* m_words = nullptr;
    QCheckBox* m_writtenDown = nullptr;
};

} // namespace ls::ui
