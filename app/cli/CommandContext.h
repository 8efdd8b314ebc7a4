#pragma once

#include "core/util/Error.h"
#include "core/util/ProfilePaths.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QStringList>

#include <filesystem>
#include <optional>

namespace ls::cli {

// Exit codes, so scripts can tell a mistake in the call from a failure of the operation.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// What every subcommand receives: the global options already applied, and how to answer.
struct CommandContext {
    ProfilePaths profile;
    bool json = false;
    std::optional<std::filesystem::path> networkFile; // --network FILE

    // Prints `text` (human) or `object` (with --json) on standard output.
    void answer(const QString& text, const QJsonObject& object) const;
    // Prints the error on standard error (as JSON with --json) and returns kExitFailed.
    int failWith(const Error& error) const;
};

// Parses a subcommand's `arguments` (program name first). Returns an exit code when the command
// should stop here: kExitOk after printing --help, kExitUsage for bad options or a number of
// positional arguments outside [minPositional, maxPositional].
std::optional<int> parseCommand(QCommandLineParser& parser, const QStringList& arguments,
    const char* command, int minPositional, int maxPositional);

// The --passphrase-file option every signing command takes.
QCommandLineOption passphraseFileOption();

} // namespace ls::cli
