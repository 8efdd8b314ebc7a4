#include "ui/onboarding/ConfirmPhrasePage.h"

#include "ui/onboarding/OnboardingWizard.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QVBoxLayout>

#include <algorithm>

namespace ls::ui {

ConfirmPhrasePage::ConfirmPhrasePage(OnboardingWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("Check your recovery phrase"));
    setSubTitle(tr("Type these three words from the phrase you wrote down."));

    auto* form = new QFormLayout;
    for (int i = 0; i < kAsked; ++i) {
        auto* label = new QLabel(this);
        auto* field = new QLineEdit(this);
        field->setObjectName(QStringLiteral("confirmWord%1").arg(i));
        connect(field, &QLineEdit::textChanged, this, [this] {
            updateHint();
            Q_EMIT completeChanged();
        });
        form->addRow(label, field);
        m_labels << label;
        m_fields << field;
    }
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("confirmHint"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch(1);
}

void ConfirmPhrasePage::initializePage()
{
    const QStringList words = QString::fromUtf8(
        m_wizard->phrase().asText().data(), static_cast<qsizetype>(m_wizard->phrase().size()))
                                  .split(u' ', Qt::SkipEmptyParts);
    // Three different positions, asked in phrase order. Not a secret choice: it only has to be
    // one the user could not predict while writing the words down.
    QList<int> positions;
    while (positions.size() < std::min<qsizetype>(kAsked, words.size())) {
        const int position = static_cast<int>(QRandomGenerator::global()->bounded(words.size()));
        if (!positions.contains(position))
            positions << position;
    }
    std::ranges::sort(positions);
    m_expected.clear();
    for (int i = 0; i < kAsked; ++i) {
        const int position = positions.value(i);
        m_labels[i]->setText(tr("Word %1").arg(position + 1));
        m_fields[i]->setProperty("wordNumber", position + 1);
        m_fields[i]->clear();
        m_expected << words.value(position);
    }
    updateHint();
}

bool ConfirmPhrasePage::matches(int field) const
{
    return !m_expected.value(field).isEmpty()
        && m_fields[field]->text().trimmed().compare(m_expected[field], Qt::CaseInsensitive) == 0;
}

void ConfirmPhrasePage::updateHint()
{
    QStringList wrong;
    for (int i = 0; i < kAsked; ++i) {
        const QString typed = m_fields[i]->text().trimmed();
        // Only once a word is typed out in full: no nagging at every keystroke.
        if (!matches(i) && typed.size() >= m_expected.value(i).size() && !typed.isEmpty())
            wrong << m_labels[i]->text().toLower();
    }
    m_hint->setText(wrong.isEmpty()
            ? QString()
            : tr("Not quite: check %1 in what you wrote down.").arg(wrong.join(tr(" and "))));
}

bool ConfirmPhrasePage::isComplete() const
{
    for (int i = 0; i < kAsked; ++i)
        if (!matches(i))
            return false;
    return true;
}

int ConfirmPhrasePage::nextId() const
{
    return OnboardingWizard::NetworkId;
}

} // namespace ls::ui
