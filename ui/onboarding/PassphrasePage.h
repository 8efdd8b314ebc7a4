#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QProgressBar;

namespace ls::ui {

class OnboardingWizard;

// The passphrase that encrypts the key file, typed twice, with a strength hint. "Save wallet"
// (a commit page: no way back after it) writes the key file on a worker thread — Argon2id takes
// about a second — while the page shows that it is busy.
class PassphrasePage : public QWizardPage {
    Q_OBJECT

public:
    explicit PassphrasePage(OnboardingWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    void updateHints();
    void storeWallet();
    void setBusy(bool busy);

    OnboardingWizard* m_wizard = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLineEdit* m_again = nullptr;
    QLabel* m_strength = nullptr;
    QLabel* m_match = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_busyText = nullptr;
    QProgressBar* m_busyBar = nullptr;
    bool m_busy = false;
    bool m_stored = false;
};

} // namespace ls::ui
