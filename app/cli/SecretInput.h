#pragma once

#include "core/crypto/SecureMemory.h"
#include "core/util/Error.h"

#include <QString>

#include <optional>

namespace ls::cli {

// Reads secrets (passphrases, recovery phrases) the way scripts and people both expect: with the
// echo off from a terminal, or one line at a time from standard input when it is a pipe, or from
// a file named on the command line. Secrets never come from arguments (they would show in `ps`).
class SecretInput {
public:
    SecretInput();

    // One secret line: from `file` (its first line) when given, else from standard input, with
    // `prompt` and the echo off when that is a terminal.
    Result<crypto::SecretBytes> read(const char* prompt, const std::optional<QString>& file = {});

    // A new passphrase: on a terminal it is asked twice and both must match; empty is refused.
    Result<crypto::SecretBytes> readNew(const char* prompt, const std::optional<QString>& file = {});

private:
    Result<crypto::SecretBytes> readFromFile(const QString& file);
    Result<crypto::SecretBytes> readFromStdin(const char* prompt);

    bool m_stdinIsTerminal;
};

} // namespace ls::cli
