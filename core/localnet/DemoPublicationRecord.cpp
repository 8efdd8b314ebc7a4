#include "core/localnet/DemoPublicationRecord.h"

#include "core/codec/Hex.h"
#include "core/util/AtomicFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <system_error>

namespace ls::localnet {
namespace {

constexpr std::size_t kRecordLimit = 64 * 1024;

} // namespace

Result<DemoPublicationRecord> DemoPublicationRecord::parse(ByteView json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char*>(json.data()), static_cast<qsizetype>(json.size())),
        &parseError);
    if (!document.isObject())
        return fail(ErrorKind::InvalidInput, "not a JSON object");
    const QJsonObject object = document.object();
    auto genesis = codec::fromHexFixed<32>(
        object.value(QStringLiteral("genesisHash")).toString().toStdString());
    if (!genesis)
        return fail(ErrorKind::InvalidInput, "genesisHash: " + genesis.error().message);
    DemoPublicationRecord record;
    record.genesisHash = *genesis;
    const QJsonValue ids = object.value(QStringLiteral("titleIds"));
    if (!ids.isArray())
        return fail(ErrorKind::InvalidInput, "titleIds is not a list");
    for (const QJsonValue& id : ids.toArray()) {
        // Decimal text: title ids are 64-bit, beyond what a JSON number keeps exactly.
        bool ok = false;
        const std::uint64_t value = id.toString().toULongLong(&ok);
        if (!ok || value == 0)
            return fail(ErrorKind::InvalidInput, "a title id is not a positive integer");
        record.titleIds.push_back(value);
    }
    return record;
}

Result<std::optional<DemoPublicationRecord>> DemoPublicationRecord::load(
    const std::filesystem::path& directory)
{
    const auto path = file(directory);
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        return std::nullopt;
    auto bytes = readFileLimited(path, kRecordLimit);
    if (!bytes)
        return std::unexpected(bytes.error());
    auto record = parse(*bytes);
    if (!record)
        return fail(ErrorKind::InvalidInput,
            "The demo author's record " + path.string() + " is unreadable ("
                + record.error().message + "); delete it to publish the demo titles again.");
    return *record;
}

Result<void> DemoPublicationRecord::save(const std::filesystem::path& directory) const
{
    QJsonArray ids;
    for (const std::uint64_t id : titleIds)
        ids.append(QString::number(id));
    const QJsonObject object { { QStringLiteral("genesisHash"),
                                   QString::fromStdString(codec::toHex(genesisHash, true)) },
        { QStringLiteral("titleIds"), ids } };
    const QByteArray json = QJsonDocument(object).toJson();
    return writeFileAtomically(file(directory),
        ByteView(reinterpret_cast<const std::uint8_t*>(json.data()),
            static_cast<std::size_t>(json.size())));
}

} // namespace ls::localnet
