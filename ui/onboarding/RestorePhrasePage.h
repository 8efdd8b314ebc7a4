#pragma once

#include "core/api/Wallet.h"

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;

namespace ls::ui {

class OnboardingWizard;

// The recovery phrase of the wallet to restore: 12 to 24 words. Whether the words and their
// checksum are right is known when the key file is written (the passphrase page).
class RestorePhrasePage : public QWizardPage {
    Q_OBJECT

public:
    explicit RestorePhrasePage(OnboardingWizard* wizard);

    bool isComplete() const override;
    int nextId() const override;
    // The words as typed, in lower case, one space apart.
    crypto::SecretBytes phrase() const;

private:
    QStringList words() const;
    void updateHint();

    QPlainTextEdit* m_phrase = nullptr;
    QLabel* m_hint = nullptr;
};

} // namespace ls::ui
