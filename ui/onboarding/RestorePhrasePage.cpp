#include "ui/onboarding/RestorePhrasePage.h"

#include "ui/onboarding/OnboardingWizard.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

bool isPhraseLength(qsizetype words)
{
    return words >= 12 && words <= 24 && words % 3 == 0;
}

} // namespace

RestorePhrasePage::RestorePhrasePage(OnboardingWizard* wizard)
    : QWizardPage(wizard)
{
    setTitle(tr("Restore your wallet"));
    setSubTitle(tr("Type your recovery phrase, the words in order, separated by spaces."));

    m_phrase = new QPlainTextEdit(this);
    m_phrase->setObjectName(QStringLiteral("restorePhrase"));
    m_phrase->setTabChangesFocus(true);
    m_phrase->setPlaceholderText(tr("word1 word2 word3 …"));
    m_phrase->setMaximumHeight(110);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("restoreHint"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_phrase);
    layout->addWidget(m_hint);
    layout->addStretch(1);

    connect(m_phrase, &QPlainTextEdit::textChanged, this, [this] {
        updateHint();
        Q_EMIT completeChanged();
    });
    updateHint();
}

QStringList RestorePhrasePage::words() const
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    return m_phrase->toPlainText().toLower().split(whitespace, Qt::SkipEmptyParts);
}

void RestorePhrasePage::updateHint()
{
    const auto count = words().size();
    m_hint->setText(isPhraseLength(count) || count == 0
            ? tr("%n word(s).", nullptr, static_cast<int>(count))
            : tr("%n word(s): a recovery phrase has 12, 15, 18, 21 or 24.", nullptr,
                static_cast<int>(count)));
}

bool RestorePhrasePage::isComplete() const
{
    return isPhraseLength(words().size());
}

int RestorePhrasePage::nextId() const
{
    return OnboardingWizard::PassphraseId;
}

crypto::SecretBytes RestorePhrasePage::phrase() const
{
    QByteArray text = words().join(u' ').toUtf8();
    crypto::SecretBytes phrase(
        asBytes(std::string_view(text.constData(), static_cast<std::size_t>(text.size()))));
    crypto::secureWipe(text.data(), static_cast<std::size_t>(text.size()));
    return phrase;
}

} // namespace ls::ui
