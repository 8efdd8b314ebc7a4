#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace ls::ui {

class OnboardingWizard;

// Where the wallet lives: "This computer" (the default: a network the app runs here, the new
// wallet funded to try everything) or "Join a network" with its network profile file (what
// `lightstreams-node init` writes, or what a network's operators publish).
class NetworkChoicePage : public QWizardPage {
    Q_OBJECT

public:
    explicit NetworkChoicePage(OnboardingWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void browse();
    void updateEnabled();

    OnboardingWizard* m_wizard = nullptr;
    QRadioButton* m_thisComputer = nullptr;
    QRadioButton* m_join = nullptr;
    QLabel* m_thisComputerNote = nullptr;
    QLineEdit* m_file = nullptr;
    QPushButton* m_browse = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace ls::ui
