#pragma once

#include <filesystem>

namespace ls::gui {

// Where lightstreams-node is, for "This computer"'s network: $LIGHTSTREAMS_NODE when set;
// else next to the app (an installation: both in bin/), else ../node/ (the build tree). When
// none exists, the first candidate, so the error names where it was expected.
std::filesystem::path findNodeProgram();

} // namespace ls::gui
