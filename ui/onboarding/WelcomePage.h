#pragma once

#include <QWizardPage>

class QRadioButton;

namespace ls::ui {

class OnboardingWizard;

// Create a new wallet (the default) or restore one from its recovery phrase. Registers the
// wizard field "restore".
class WelcomePage : public QWizardPage {
    Q_OBJECT

public:
    explicit WelcomePage(OnboardingWizard* wizard);
    int nextId() const override;

private:
    QRadioButton* m_create = nullptr;
    QRadioButton* m_restore = nullptr;
};

} // namespace ls::ui
