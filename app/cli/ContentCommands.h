#pragma once

#include "app/cli/CommandContext.h"

#include <QStringList>

namespace ls::cli {

// Content from the command line: each takes the subcommand's arguments (program name first) and
// returns the exit code.
int runPublishCommand(const QStringList& arguments, const CommandContext& context);
int runAddVersionCommand(const QStringList& arguments, const CommandContext& context);
int runFetchCommand(const QStringList& arguments, const CommandContext& context);
int runSeedCommand(const QStringList& arguments, const CommandContext& context);
int runLibraryCommand(const QStringList& arguments, const CommandContext& context);

} // namespace ls::cli
