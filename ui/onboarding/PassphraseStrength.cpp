#include "ui/onboarding/PassphraseStrength.h"

#include <QCoreApplication>

#include <cmath>

namespace ls::ui {

PassphraseStrength PassphraseStrength::of(const QString& passphrase)
{
    bool lower = false, upper = false, digit = false, other = false;
    for (QChar c : passphrase) {
        lower |= c.isLower();
        upper |= c.isUpper();
        digit |= c.isDigit();
        other |= !c.isLetterOrNumber();
    }
    const int alphabet = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
    PassphraseStrength strength;
    strength.bits = alphabet > 0
        ? static_cast<int>(static_cast<double>(passphrase.size()) * std::log2(alphabet))
        : 0;
    if (passphrase.size() < kMinimumLength)
        strength.level = Level::TooShort;
    else if (strength.bits < 50)
        strength.level = Level::Weak;
    else if (strength.bits < 75)
        strength.level = Level::Fair;
    else
        strength.level = Level::Strong;
    return strength;
}

QString PassphraseStrength::describe() const
{
    switch (level) {
    case Level::TooShort:
        return QCoreApplication::translate(
            "PassphraseStrength", "Too short: use at least %1 characters.")
            .arg(kMinimumLength);
    case Level::Weak:
        return QCoreApplication::translate("PassphraseStrength",
            "Weak: easy to guess for anyone who copies your wallet file. Make it longer.");
    case Level::Fair:
        return QCoreApplication::translate(
            "PassphraseStrength", "Fair. A few more words would make it strong.");
    case Level::Strong:
        return QCoreApplication::translate("PassphraseStrength", "Strong.");
    }
    return {};
}

} // namespace ls::ui
