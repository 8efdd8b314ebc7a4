#pragma once

namespace ls {

// The project version from CMake's project(VERSION …), shared by every executable.
inline constexpr const char* kVersion = LS_VERSION_STRING;

} // namespace ls
