#pragma once

#include "core/util/Error.h"
#include "core/util/ProfilePaths.h"

#include <QJsonObject>
#include <QStringList>

namespace ls::cli {

// Exit codes, so scripts can tell a mistake in the call from a failure of the operation.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// What every subcommand receives: the global options already applied, and how to answer.
struct CommandContext {
    ProfilePaths profile;
    bool json = false;

    // Prints `text` (human) or `object` (with --json) on standard output.
    void answer(const QString& text, const QJsonObject& object) const;
    // Prints the error on standard error (as JSON with --json) and returns kExitFailed.
    int failWith(const Error& error) const;
};

} // namespace ls::cli
