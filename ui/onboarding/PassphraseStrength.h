#pragma once

#include <QString>

namespace ls::ui {

// A rough guide to how hard a passphrase is to guess, for the hint under the field: the bits of
// a random string of that length over the character classes it uses. It flatters passphrases
// made of dictionary words, so it only ever says "weak" louder, never "safe".
struct PassphraseStrength {
    enum class Level { TooShort, Weak, Fair, Strong };
    Level level = Level::TooShort;
    int bits = 0;

    static constexpr int kMinimumLength = 8;
    static PassphraseStrength of(const QString& passphrase);
    QString describe() const; // a sentence for the hint
};

} // namespace ls::ui
