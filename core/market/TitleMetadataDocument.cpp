#include "core/market/TitleMetadataDocument.h"

#include "core/library/ContainerFormat.h"
#include "core/library/LibraryTitles.h"
#include "core/util/AtomicFile.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeDatabase>

#include <algorithm>

namespace ls::market {
namespace {

using Document = TitleMetadataDocument;
static_assert(library::LibraryTitles::kMaxMetadataBytes >= Document::kMaxDocumentBytesWithoutSample,
    "a library must hold what it keeps of any accepted document");

std::unexpected<Error> invalid(const std::string& what)
{
    return fail(ErrorKind::InvalidInput, "The title's metadata is invalid: " + what);
}

Result<void> checkText(const std::string& text, std::size_t limit, const std::string& what)
{
    if (text.size() > limit)
        return invalid(what + " is longer than " + std::to_string(limit) + " bytes");
    return {};
}

Result<std::string> textField(
    const QJsonObject& object, const char* key, std::size_t limit, bool required)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() && !required)
        return std::string();
    if (!value.isString())
        return invalid(std::string("\"") + key + "\" must be a string");
    std::string text = value.toString().toStdString();
    if (auto ok = checkText(text, limit, std::string("\"") + key + "\""); !ok)
        return std::unexpected(ok.error());
    return text;
}

Result<std::vector<std::string>> listField(
    const QJsonObject& object, const char* key, std::size_t maxEntries, std::size_t maxBytes)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined())
        return std::vector<std::string>();
    if (!value.isArray() || static_cast<std::size_t>(value.toArray().size()) > maxEntries)
        return invalid(std::string("\"") + key + "\" must be a list of at most "
            + std::to_string(maxEntries) + " strings");
    std::vector<std::string> out;
    for (const QJsonValue& entry : value.toArray()) {
        if (!entry.isString())
            return invalid(std::string("\"") + key + "\" must hold strings only");
        out.push_back(entry.toString().toStdString());
        if (auto ok = checkText(out.back(), maxBytes, std::string("an entry of \"") + key + "\"");
            !ok)
            return std::unexpected(ok.error());
    }
    return out;
}

QJsonArray toArray(const std::vector<std::string>& list)
{
    QJsonArray array;
    for (const auto& entry : list)
        array.append(QString::fromStdString(entry));
    return array;
}

Result<void> checkDocument(const Document& document)
{
    if (document.title.empty())
        return invalid("a title is needed");
    for (auto [text, limit, what] :
        { std::tuple { &document.title, Document::kMaxTitleBytes, "the title" },
            std::tuple { &document.subject, std::size_t { 64 }, "the subject" },
            std::tuple { &document.blurb, Document::kMaxBlurbBytes, "the blurb" },
            std::tuple { &document.fileName, Document::kMaxNameBytes, "the file name" } })
        if (auto ok = checkText(*text, limit, what); !ok)
            return ok;
    if (document.authors.size() > Document::kMaxAuthors)
        return invalid("at most " + std::to_string(Document::kMaxAuthors) + " authors");
    for (const auto& author : document.authors)
        if (auto ok = checkText(author, Document::kMaxNameBytes, "an author's name"); !ok)
            return ok;
    if (document.contents.size() > Document::kMaxContentsEntries)
        return invalid("the table of contents has more than "
            + std::to_string(Document::kMaxContentsEntries) + " entries");
    for (const auto& entry : document.contents)
        if (auto ok = checkText(entry, Document::kMaxContentsEntryBytes, "a contents entry"); !ok)
            return ok;
    if (!library::container::isValidMediaType(document.mediaType))
        return invalid("\"" + document.mediaType + "\" is not a lowercase media type");
    if (document.cover.size() > Document::kMaxCoverBytes)
        return invalid("the cover image is larger than "
            + std::to_string(Document::kMaxCoverBytes / 1024) + " KiB");
    if (document.cover.empty() != document.coverMediaType.empty()
        || (!document.cover.empty() && imageMediaType(document.cover) != document.coverMediaType))
        return invalid("the cover is not a PNG, JPEG or WebP image of the type it names");
    if (document.sample.size() > Document::kMaxSampleBytes)
        return invalid("the sample is larger than "
            + std::to_string(Document::kMaxSampleBytes / 1024) + " KiB");
    if (document.sample.empty() != document.sampleMediaType.empty()
        || (!document.sample.empty()
            && !sampleMatchesType(document.sample, document.sampleMediaType)))
        return invalid("the sample is not a PDF, audio or video file of the type it names");
    return {};
}

// Both sizes a document must keep to: the whole, and what a library keeps of it. Checked on the
// encoding, so that whatever decode() accepts, decode(encode()) accepts too.
Result<void> checkEncodedSize(const Document& document)
{
    if (!document.sample.empty() && document.encode().size() > Document::kMaxDocumentBytes)
        return invalid("with its sample, cover, blurb and contents it is larger than 2 MiB");
    if (document.encodeWithoutSample().size() > Document::kMaxDocumentBytesWithoutSample)
        return invalid("without its sample, its cover, blurb and contents are larger than 1 MiB");
    return {};
}

// The "cover" or "sample" object: its media type (checked by checkDocument) and base64 data.
Result<std::pair<std::string, Bytes>> embeddedFile(const QJsonObject& object, const char* key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isObject())
        return invalid(std::string("\"") + key + "\" must be an object");
    auto mediaType = textField(value.toObject(), "mediaType", 32, true);
    if (!mediaType)
        return std::unexpected(mediaType.error());
    const QJsonValue data = value.toObject().value(QLatin1String("data"));
    if (!data.isString())
        return invalid(std::string("the ") + key + "'s \"data\" must be base64 text");
    auto decoded = QByteArray::fromBase64Encoding(
        data.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalid(std::string("the ") + key + "'s \"data\" is not base64");
    return std::pair { std::move(*mediaType),
        Bytes(decoded.decoded.begin(), decoded.decoded.end()) };
}

QJsonObject embeddedObject(const std::string& mediaType, const Bytes& data)
{
    return QJsonObject { { QStringLiteral("mediaType"), QString::fromStdString(mediaType) },
        { QStringLiteral("data"),
            QString::fromLatin1(QByteArray(
                reinterpret_cast<const char*>(data.data()), static_cast<qsizetype>(data.size()))
                                    .toBase64()) } };
}

} // namespace

std::string imageMediaType(ByteView bytes)
{
    auto startsWith = [&](std::initializer_list<std::uint8_t> prefix, std::size_t at = 0) {
        return bytes.size() >= at + prefix.size()
            && std::equal(prefix.begin(), prefix.end(), bytes.begin() + static_cast<long>(at));
    };
    if (startsWith({ 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a }))
        return "image/png";
    if (startsWith({ 0xff, 0xd8, 0xff }))
        return "image/jpeg";
    if (startsWith({ 'R', 'I', 'F', 'F' }) && startsWith({ 'W', 'E', 'B', 'P' }, 8))
        return "image/webp";
    return {};
}

const std::vector<std::string>& sampleMediaTypes()
{
    static const std::vector<std::string> types { "application/pdf", "audio/mp4", "audio/mpeg",
        "video/mp4" };
    return types;
}

bool sampleMatchesType(ByteView bytes, std::string_view mediaType)
{
    auto startsWith = [&](std::string_view prefix, std::size_t at = 0) {
        return bytes.size() >= at + prefix.size()
            && std::equal(prefix.begin(), prefix.end(), bytes.begin() + static_cast<long>(at),
                [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; });
    };
    if (mediaType == "application/pdf")
        return startsWith("%PDF-");
    if (mediaType == "audio/mp4" || mediaType == "video/mp4")
        return startsWith("ftyp", 4);
    if (mediaType == "audio/mpeg")
        return startsWith("ID3")
            || (bytes.size() >= 2 && bytes[0] == 0xff && (bytes[1] & 0xe0) == 0xe0);
    return false;
}

std::string contentMediaType(const std::filesystem::path& file)
{
    const QMimeType type = QMimeDatabase().mimeTypeForFile(QString::fromStdString(file.string()));
    std::string name = type.name().toLower().toStdString();
    return library::container::isValidMediaType(name) ? name : "application/octet-stream";
}

Result<TitleMetadataDocument> TitleMetadataDocument::fromRequest(const api::TitleMetadata& metadata,
    std::string mediaType, std::string fileName, std::uint64_t size)
{
    Document document;
    document.title = metadata.title;
    document.authors = metadata.authors;
    document.subject = metadata.subject;
    document.blurb = metadata.blurb;
    document.contents = metadata.contents;
    document.mediaType = std::move(mediaType);
    document.fileName = std::move(fileName);
    document.size = size;
    if (!metadata.coverImageFile.empty()) {
        auto cover = readFileLimited(metadata.coverImageFile, kMaxCoverBytes);
        if (!cover)
            return fail(cover.error().kind,
                "Cannot use the cover image " + metadata.coverImageFile + ": "
                    + cover.error().message);
        document.coverMediaType = imageMediaType(*cover);
        if (document.coverMediaType.empty())
            return fail(ErrorKind::InvalidInput,
                "The cover image " + metadata.coverImageFile + " is not a PNG, JPEG or WebP file");
        document.cover = std::move(*cover);
    }
    if (!metadata.sampleFile.empty()) {
        const std::string refused = "The sample must be a PDF, audio or video file of at most "
            + std::to_string(kMaxSampleBytes / 1024) + " KiB";
        std::error_code error;
        const auto sampleSize = std::filesystem::file_size(metadata.sampleFile, error);
        if (!error && sampleSize > kMaxSampleBytes)
            return fail(ErrorKind::InvalidInput,
                refused + "; " + metadata.sampleFile + " has "
                    + std::to_string((sampleSize + 1023) / 1024) + " KiB");
        auto sample = readFileLimited(metadata.sampleFile, kMaxSampleBytes);
        if (!sample)
            return fail(sample.error().kind,
                "Cannot use the sample " + metadata.sampleFile + ": " + sample.error().message);
        std::string type = contentMediaType(metadata.sampleFile);
        if (type == "audio/x-m4a")
            type = "audio/mp4";
        if (std::ranges::find(sampleMediaTypes(), type) == sampleMediaTypes().end()
            || !sampleMatchesType(*sample, type))
            return fail(
                ErrorKind::InvalidInput, refused + "; " + metadata.sampleFile + " is not one");
        document.sampleMediaType = std::move(type);
        document.sample = std::move(*sample);
    }
    if (auto ok = checkDocument(document); !ok)
        return std::unexpected(ok.error());
    if (auto ok = checkEncodedSize(document); !ok)
        return std::unexpected(ok.error());
    return document;
}

Result<TitleMetadataDocument> TitleMetadataDocument::decode(ByteView bytes)
{
    if (bytes.size() > kMaxDocumentBytes)
        return invalid("the document is larger than 2 MiB");
    QJsonParseError error {};
    const QJsonDocument json
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char*>(bytes.data()),
                                      static_cast<qsizetype>(bytes.size())),
            &error);
    if (error.error != QJsonParseError::NoError || !json.isObject())
        return invalid("it is not a JSON object");
    const QJsonObject object = json.object();
    if (object.value(QLatin1String("format")).toString().toStdString() != kFormat)
        return invalid("it is not a Lightstreams title metadata document");
    const QJsonValue version = object.value(QLatin1String("version"));
    if (!version.isDouble() || version.toDouble() != static_cast<double>(version.toInt()))
        return invalid("\"version\" must be a whole number");
    if (version.toInt() != kVersion)
        return fail(ErrorKind::Unsupported,
            "The title's metadata is in a newer format (version " + std::to_string(version.toInt())
                + "); update the app to read it");

    Document document;
    auto title = textField(object, "title", kMaxTitleBytes, true);
    auto subject = textField(object, "subject", 64, false);
    auto blurb = textField(object, "blurb", kMaxBlurbBytes, false);
    auto mediaType = textField(object, "mediaType", library::container::kMediaTypeSize, true);
    auto fileName = textField(object, "fileName", kMaxNameBytes, false);
    auto authors = listField(object, "authors", kMaxAuthors, kMaxNameBytes);
    auto contents = listField(object, "contents", kMaxContentsEntries, kMaxContentsEntryBytes);
    for (const Error* problem : { title ? nullptr : &title.error(),
             subject ? nullptr : &subject.error(), blurb ? nullptr : &blurb.error(),
             mediaType ? nullptr : &mediaType.error(), fileName ? nullptr : &fileName.error(),
             authors ? nullptr : &authors.error(), contents ? nullptr : &contents.error() })
        if (problem)
            return std::unexpected(*problem);
    document.title = std::move(*title);
    document.subject = std::move(*subject);
    document.blurb = std::move(*blurb);
    document.mediaType = std::move(*mediaType);
    document.fileName = std::move(*fileName);
    document.authors = std::move(*authors);
    document.contents = std::move(*contents);

    const QJsonValue size = object.value(QLatin1String("size"));
    if (!size.isUndefined()) {
        const double value = size.toDouble(-1);
        if (!size.isDouble() || value < 0 || value > 9007199254740991.0
            || value != static_cast<double>(static_cast<std::uint64_t>(value)))
            return invalid("\"size\" must be a whole number of bytes");
        document.size = static_cast<std::uint64_t>(value);
    }
    for (auto [key, mediaTypeOut, dataOut] :
        { std::tuple { "cover", &document.coverMediaType, &document.cover },
            std::tuple { "sample", &document.sampleMediaType, &document.sample } }) {
        if (object.value(QLatin1String(key)).isUndefined())
            continue;
        auto file = embeddedFile(object, key);
        if (!file)
            return std::unexpected(file.error());
        *mediaTypeOut = std::move(file->first);
        *dataOut = std::move(file->second);
    }
    if (auto ok = checkDocument(document); !ok)
        return std::unexpected(ok.error());
    if (auto ok = checkEncodedSize(document); !ok)
        return std::unexpected(ok.error());
    return document;
}

Bytes TitleMetadataDocument::encode() const
{
    QJsonObject object { { QStringLiteral("format"),
                             QString::fromLatin1(
                                 kFormat.data(), static_cast<qsizetype>(kFormat.size())) },
        { QStringLiteral("version"), kVersion },
        { QStringLiteral("title"), QString::fromStdString(title) },
        { QStringLiteral("authors"), toArray(authors) },
        { QStringLiteral("subject"), QString::fromStdString(subject) },
        { QStringLiteral("blurb"), QString::fromStdString(blurb) },
        { QStringLiteral("contents"), toArray(contents) },
        { QStringLiteral("mediaType"), QString::fromStdString(mediaType) },
        { QStringLiteral("fileName"), QString::fromStdString(fileName) },
        { QStringLiteral("size"), static_cast<double>(size) } };
    if (!cover.empty())
        object.insert(QStringLiteral("cover"), embeddedObject(coverMediaType, cover));
    if (!sample.empty())
        object.insert(QStringLiteral("sample"), embeddedObject(sampleMediaType, sample));
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return Bytes(json.begin(), json.end());
}

Bytes TitleMetadataDocument::encodeWithoutSample() const
{
    Document copy = *this;
    copy.sampleMediaType.clear();
    copy.sample.clear();
    return copy.encode();
}

Bytes TitleMetadataDocument::libraryCopy(ByteView fetched) const
{
    return sample.empty() ? Bytes(fetched.begin(), fetched.end()) : encodeWithoutSample();
}

} // namespace ls::market
