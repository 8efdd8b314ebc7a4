#include "app/gui/NodeProgram.h"

#include <QCoreApplication>

#include <cstdlib>
#include <system_error>

namespace ls::gui {

std::filesystem::path findNodeProgram()
{
    if (const char* overridden = std::getenv("LIGHTSTREAMS_NODE"); overridden && *overridden)
        return overridden;
    const std::filesystem::path here = QCoreApplication::applicationDirPath().toStdString();
    const std::filesystem::path candidates[] = {
        here / "lightstreams-node",
        here.parent_path() / "node" / "lightstreams-node",
    };
    for (const auto& candidate : candidates) {
        std::error_code error;
        if (std::filesystem::is_regular_file(candidate, error))
            return candidate;
    }
    return candidates[0];
}

} // namespace ls::gui
