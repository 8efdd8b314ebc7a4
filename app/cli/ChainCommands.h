#pragma once

#include "app/cli/CommandContext.h"

#include <QStringList>

namespace ls::cli {

// Each takes the subcommand's arguments (program name first) and returns the exit code.
int runBalanceCommand(const QStringList& arguments, const CommandContext& context);
int runSendCommand(const QStringList& arguments, const CommandContext& context);
int runTxCommand(const QStringList& arguments, const CommandContext& context);
int runTitleCommand(const QStringList& arguments, const CommandContext& context);
int runBuyCommand(const QStringList& arguments, const CommandContext& context);
int runLicenceCommand(const QStringList& arguments, const CommandContext& context);
int runNetworkCommand(const QStringList& arguments, const CommandContext& context);

} // namespace ls::cli
