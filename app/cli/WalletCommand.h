#pragma once

#include "app/cli/CommandContext.h"

#include <QStringList>

namespace ls::cli {

// `lightstreams-cli wallet new|import|address|phrase|passphrase …` — see its --help.
int runWalletCommand(const QStringList& arguments, const CommandContext& context);

} // namespace ls::cli
