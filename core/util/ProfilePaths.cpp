#include "core/util/ProfilePaths.h"

#include <QStandardPaths>

#include <algorithm>
#include <system_error>

namespace ls {
namespace {

bool isValidProfileName(std::string_view name)
{
    return !name.empty() && name.size() <= 64 && std::ranges::all_of(name, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_';
    });
}

std::filesystem::path defaultProfilesRoot()
{
    auto base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return std::filesystem::path(base.toStdString()) / "lightstreams" / "profiles";
}

} // namespace

Result<ProfilePaths> ProfilePaths::open(std::string_view name,
                                        const std::filesystem::path& dataDirectory)
{
    if (!isValidProfileName(name))
        return fail(ErrorKind::InvalidInput,
                    "Profile name '" + std::string(name)
                        + "' is not allowed: use letters, digits, '-' and '_' (at most 64)");

    auto root = dataDirectory.empty() ? defaultProfilesRoot() : dataDirectory;
    auto directory = root / std::string(name);
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error)
        return fail(ErrorKind::Io, "Cannot create the profile directory '" + directory.string()
                                       + "': " + error.message());
    // Profiles hold key files and the library; other local users have no business reading them.
    std::filesystem::permissions(directory, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, error);
    return ProfilePaths(std::string(name), directory);
}

} // namespace ls
