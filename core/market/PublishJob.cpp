#include "core/market/PublishJob.h"

#include "core/codec/Hex.h"
#include "core/crypto/Random.h"
#include "core/market/ContentPaths.h"
#include "core/util/AtomicFile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <system_error>

namespace ls::market {
namespace {

constexpr std::size_t kMaxJobFileBytes = 256 * 1024;
constexpr const char* kFormat = "lightstreams-publish-job";

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

QJsonArray toArray(const std::vector<std::string>& list)
{
    QJsonArray array;
    for (const auto& entry : list)
        array.append(q(entry));
    return array;
}

std::vector<std::string> fromArray(const QJsonValue& value)
{
    std::vector<std::string> out;
    for (const QJsonValue& entry : value.toArray())
        out.push_back(entry.toString().toStdString());
    return out;
}

// Integers are stored as decimal text: JSON numbers lose precision above 2^53.
QString number(std::uint64_t value)
{
    return QString::number(value);
}

Result<std::uint64_t> numberOf(const QJsonObject& object, const char* key)
{
    bool ok = false;
    const qulonglong value = object.value(QLatin1String(key)).toString().toULongLong(&ok);
    if (!ok)
        return fail(ErrorKind::InvalidInput, std::string("\"") + key + "\" is not a number");
    return std::uint64_t { value };
}

std::string text(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString().toStdString();
}

} // namespace

std::string PublishJob::newId()
{
    return codec::toHex(crypto::randomBytes(8));
}

std::filesystem::path PublishJob::fileOf(
    const std::filesystem::path& profile, const std::string& id)
{
    return content::jobsDirectory(profile) / (id + ".json");
}

Bytes PublishJob::encode() const
{
    const api::TitleMetadata& m = request.metadata;
    const QJsonObject object { { QStringLiteral("format"), QLatin1String(kFormat) },
        { QStringLiteral("id"), q(id) },
        { QStringLiteral("createdAtMs"), number(static_cast<std::uint64_t>(createdAtMs)) },
        { QStringLiteral("newTitle"), newTitle },
        { QStringLiteral("stage"), static_cast<int>(stage) },
        { QStringLiteral("file"), q(request.file) }, { QStringLiteral("price"), q(request.price) },
        { QStringLiteral("mediaType"), q(request.mediaType) },
        { QStringLiteral("note"), q(request.note) }, { QStringLiteral("title"), q(m.title) },
        { QStringLiteral("authors"), toArray(m.authors) },
        { QStringLiteral("subject"), q(m.subject) }, { QStringLiteral("blurb"), q(m.blurb) },
        { QStringLiteral("cover"), q(m.coverImageFile) },
        { QStringLiteral("sample"), q(m.sampleFile) },
        { QStringLiteral("contents"), toArray(m.contents) },
        { QStringLiteral("titleId"), number(titleId) },
        { QStringLiteral("version"), number(version) },
        { QStringLiteral("sealedTitleKey"), q(sealedTitleKey) },
        { QStringLiteral("keyCommitment"), q(keyCommitment) },
        { QStringLiteral("metadataFile"), q(metadataFile) },
        { QStringLiteral("metadataInfohash"), q(metadataInfohash) },
        { QStringLiteral("titleCountBefore"), number(titleCountBefore) },
        { QStringLiteral("titleTxHash"), q(titleTxHash) },
        { QStringLiteral("containerFile"), q(containerFile) },
        { QStringLiteral("contentInfohash"), q(contentInfohash) },
        { QStringLiteral("containerSize"), number(containerSize) },
        { QStringLiteral("versionTxHash"), q(versionTxHash) } };
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Indented);
    return Bytes(json.begin(), json.end());
}

Result<void> PublishJob::save(const std::filesystem::path& profile) const
{
    std::error_code error;
    std::filesystem::create_directories(content::jobsDirectory(profile), error);
    auto written = writeFileAtomically(fileOf(profile, id), encode());
    if (!written)
        return fail(written.error().kind,
            "Could not record the publication's progress: " + written.error().message);
    return {};
}

Result<void> PublishJob::remove(const std::filesystem::path& profile) const
{
    std::error_code error;
    std::filesystem::remove(fileOf(profile, id), error);
    if (error)
        return fail(ErrorKind::Io,
            "Could not remove the finished publication's record " + fileOf(profile, id).string()
                + ": " + error.message());
    return {};
}

Result<PublishJob> PublishJob::load(const std::filesystem::path& file)
{
    auto bytes = readFileLimited(file, kMaxJobFileBytes);
    if (!bytes)
        return std::unexpected(bytes.error());
    return decode(*bytes, file);
}

Result<PublishJob> PublishJob::decode(ByteView bytes, const std::filesystem::path& file)
{
    if (bytes.size() > kMaxJobFileBytes)
        return fail(ErrorKind::InvalidInput,
            "The publication record " + file.string() + " is too large to be one");
    const QJsonDocument json = QJsonDocument::fromJson(QByteArray(
        reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size())));
    const QJsonObject o = json.object();
    auto damaged = [&](const std::string& why) {
        return fail(ErrorKind::InvalidInput,
            "The publication record " + file.string() + " is damaged (" + why
                + "); remove it to forget that publication");
    };
    if (!json.isObject() || text(o, "format") != kFormat)
        return damaged("not a publication record");
    PublishJob job;
    job.id = text(o, "id");
    job.newTitle = o.value(QLatin1String("newTitle")).toBool(true);
    const int stage = o.value(QLatin1String("stage")).toInt(0);
    if (stage < static_cast<int>(Stage::Prepared)
        || stage > static_cast<int>(Stage::VersionRegistered))
        return damaged("unknown stage");
    job.stage = static_cast<Stage>(stage);
    auto created = numberOf(o, "createdAtMs");
    auto titleId = numberOf(o, "titleId");
    auto version = numberOf(o, "version");
    auto before = numberOf(o, "titleCountBefore");
    auto size = numberOf(o, "containerSize");
    if (!created || !titleId || !version || !before || !size || *version > UINT32_MAX)
        return damaged("a number is missing");
    job.createdAtMs = static_cast<std::int64_t>(*created);
    job.titleId = *titleId;
    job.version = static_cast<std::uint32_t>(*version);
    job.titleCountBefore = *before;
    job.containerSize = *size;
    job.request.file = text(o, "file");
    job.request.price = text(o, "price");
    job.request.mediaType = text(o, "mediaType");
    job.request.note = text(o, "note");
    job.request.metadata.title = text(o, "title");
    job.request.metadata.authors = fromArray(o.value(QLatin1String("authors")));
    job.request.metadata.subject = text(o, "subject");
    job.request.metadata.blurb = text(o, "blurb");
    job.request.metadata.coverImageFile = text(o, "cover");
    job.request.metadata.sampleFile = text(o, "sample"); // absent in records of older versions
    job.request.metadata.contents = fromArray(o.value(QLatin1String("contents")));
    job.sealedTitleKey = text(o, "sealedTitleKey");
    job.keyCommitment = text(o, "keyCommitment");
    job.metadataFile = text(o, "metadataFile");
    job.metadataInfohash = text(o, "metadataInfohash");
    job.titleTxHash = text(o, "titleTxHash");
    job.containerFile = text(o, "containerFile");
    job.contentInfohash = text(o, "contentInfohash");
    job.versionTxHash = text(o, "versionTxHash");
    if (job.id.size() != 16 || !codec::fromHex(job.id) || file.filename() != job.id + ".json")
        return damaged("its id does not match its name");
    // File names come back from disk: they must stay plain names inside content/.
    for (const std::string* name : { &job.metadataFile, &job.containerFile })
        if (name->find('/') != std::string::npos || *name == ".." || name->starts_with('.'))
            return damaged("a file name is not a plain name");
    return job;
}

Result<std::vector<PublishJob>> PublishJob::list(const std::filesystem::path& profile)
{
    std::vector<PublishJob> jobs;
    std::error_code error;
    const auto directory = content::jobsDirectory(profile);
    if (!std::filesystem::is_directory(directory, error))
        return jobs;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        if (entry.path().extension() != ".json")
            continue; // the atomic writer's temporary files
        auto job = load(entry.path());
        if (!job)
            return std::unexpected(job.error());
        jobs.push_back(std::move(*job));
    }
    if (error)
        return fail(ErrorKind::Io, "Cannot list " + directory.string() + ": " + error.message());
    std::sort(jobs.begin(), jobs.end(),
        [](const auto& a, const auto& b) { return a.createdAtMs < b.createdAtMs; });
    return jobs;
}

api::PublishStage PublishJob::nextVisibleStage() const
{
    switch (stage) {
    case Stage::Prepared:
        return api::PublishStage::Registering;
    case Stage::TitleRegistered:
        return api::PublishStage::Encrypting;
    case Stage::Encrypted:
        return api::PublishStage::Hashing;
    case Stage::Hashed:
        return api::PublishStage::Registering;
    case Stage::VersionRegistered:
        return api::PublishStage::Seeding;
    }
    return api::PublishStage::Preparing;
}

api::UnfinishedPublication PublishJob::summary() const
{
    return { id, request.file, request.metadata.title, titleId,
        stage >= Stage::VersionRegistered || !newTitle ? version : 0, nextVisibleStage() };
}

} // namespace ls::market
