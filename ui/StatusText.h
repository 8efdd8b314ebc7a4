#pragma once

#include "core/api/Chain.h"
#include "core/api/LocalNetwork.h"

#include <QString>

// The words the status bar and the Network screen use for the same facts, so both always agree.
namespace ls::ui::statustext {

// "Verified block 42", "Verified block 42 · syncing to 50", or what stops verification.
QString chain(const api::ChainStatus& status);
QString endpointState(api::ChainEndpoint::State state);
// "Starting…", "Running on http://127.0.0.1:40123", "Failed: …"
QString localNetwork(const api::LocalNetworkStatus& status);
// 0x1234abcd…9876 — enough to compare by eye; the full value is in the tooltip or a copy.
QString shortHash(const std::string& hash);

} // namespace ls::ui::statustext
