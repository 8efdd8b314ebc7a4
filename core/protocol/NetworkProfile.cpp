#include "core/protocol/NetworkProfile.h"

#include "core/codec/Hex.h"
#include "core/util/AtomicFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace ls::protocol {
namespace {

constexpr std::size_t kMaxProfileSize = 64 * 1024;

} // namespace

Result<NetworkProfile> NetworkProfile::parse(const QByteArray& json)
{
    QJsonParseError parseError{};
    auto document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorKind::InvalidInput, "The network profile is not a JSON object");
    auto object = document.object();
    for (const auto& key : object.keys())
        if (key != QLatin1String("name") && key != QLatin1String("chainId")
            && key != QLatin1String("genesisHash") && key != QLatin1String("endpoints"))
            return fail(ErrorKind::InvalidInput,
                        "The network profile has an unknown field '" + key.toStdString() + "'");

    NetworkProfile profile;
    profile.name = object.value(QStringLiteral("name")).toString().toStdString();
    auto chainId = object.value(QStringLiteral("chainId"));
    if (!chainId.isDouble() || chainId.toDouble() < 1 || chainId.toDouble() > 9007199254740991.0
        || chainId.toDouble() != static_cast<double>(chainId.toInteger()))
        return fail(ErrorKind::InvalidInput, "The network profile's chainId must be a positive integer");
    profile.chainId = static_cast<std::uint64_t>(chainId.toInteger());

    auto hash = codec::fromHexFixed<32>(object.value(QStringLiteral("genesisHash")).toString().toStdString());
    if (!hash)
        return fail(ErrorKind::InvalidInput, "The network profile's genesisHash must be 32 bytes of hex");
    profile.genesisHash = *hash;

    auto endpoints = object.value(QStringLiteral("endpoints"));
    if (!endpoints.isArray() || endpoints.toArray().isEmpty())
        return fail(ErrorKind::InvalidInput, "The network profile needs at least one endpoint");
    for (const auto& entry : endpoints.toArray()) {
        QUrl url(entry.toString(), QUrl::StrictMode);
        if (!entry.isString() || !url.isValid()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty())
            return fail(ErrorKind::InvalidInput, "The network profile's endpoint '"
                                                     + entry.toString().toStdString()
                                                     + "' is not an http(s) URL");
        profile.endpoints.push_back(entry.toString().toStdString());
    }
    return profile;
}

Result<NetworkProfile> NetworkProfile::load(const std::filesystem::path& path)
{
    auto bytes = readFileLimited(path, kMaxProfileSize);
    if (!bytes)
        return std::unexpected(bytes.error());
    return parse(QByteArray(reinterpret_cast<const char*>(bytes->data()),
                            static_cast<qsizetype>(bytes->size())));
}

QByteArray NetworkProfile::serialize() const
{
    QJsonArray list;
    for (const auto& endpoint : endpoints)
        list.append(QString::fromStdString(endpoint));
    QJsonObject object{{QStringLiteral("name"), QString::fromStdString(name)},
                       {QStringLiteral("chainId"), static_cast<qint64>(chainId)},
                       {QStringLiteral("genesisHash"), QString::fromStdString(codec::toHex(genesisHash, true))},
                       {QStringLiteral("endpoints"), list}};
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

Result<void> NetworkProfile::save(const std::filesystem::path& path) const
{
    auto json = serialize();
    return writeFileAtomically(path, ByteView(reinterpret_cast<const std::uint8_t*>(json.constData()),
                                              static_cast<std::size_t>(json.size())));
}

} // namespace ls::protocol
