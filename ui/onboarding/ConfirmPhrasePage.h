#pragma once

#include <QList>
#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace ls::ui {

class OnboardingWizard;

// Three words of the new phrase, chosen at random, asked back: proof that it was written down
// before the wallet holds anything.
class ConfirmPhrasePage : public QWizardPage {
    Q_OBJECT

public:
    explicit ConfirmPhrasePage(OnboardingWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

private:
    static constexpr int kAsked = 3;
    bool matches(int field) const;
    void updateHint();

    OnboardingWizard* m_wizard = nullptr;
    QList<QLabel*> m_labels;
    QList<QLineEdit*> m_fields;
    QStringList m_expected;
    QLabel* m_hint = nullptr;
};

} // namespace ls::ui
