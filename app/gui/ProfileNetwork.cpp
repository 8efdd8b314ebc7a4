#include "app/gui/ProfileNetwork.h"

#include "core/codec/Hex.h"

#include <system_error>

namespace ls::gui {

bool ProfileNetwork::joined() const
{
    std::error_code error;
    return std::filesystem::exists(m_profile.networkProfileFile(), error);
}

Result<protocol::NetworkProfile> ProfileNetwork::joinedProfile() const
{
    auto network = protocol::NetworkProfile::load(m_profile.networkProfileFile());
    if (!network)
        return fail(network.error().kind,
            "Cannot use the network profile " + m_profile.networkProfileFile().string() + ": "
                + network.error().message);
    return network;
}

Result<std::string> ProfileNetwork::join(const std::filesystem::path& file) const
{
    if (file.empty())
        return fail(ErrorKind::InvalidInput, "Choose a network profile file.");
    auto network = protocol::NetworkProfile::load(file);
    if (!network)
        return fail(network.error().kind,
            "This is not a network profile the app can use: " + network.error().message);
    if (auto saved = network->save(m_profile.networkProfileFile()); !saved)
        return std::unexpected(saved.error());
    return network->name;
}

std::filesystem::path ProfileNetwork::headerStore(const protocol::NetworkProfile& network) const
{
    auto store = m_profile.headerStoreFile(codec::toHex(network.genesisHash));
    std::error_code ignored; // a failure shows when the light client opens the store
    std::filesystem::create_directories(store.parent_path(), ignored);
    return store;
}

} // namespace ls::gui
