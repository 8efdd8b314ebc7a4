#include "core/localnet/DemoMaterial.h"

#include "core/codec/UInt256.h"
#include "core/util/AtomicFile.h"

#include <QFile>

#include <system_error>

namespace ls::localnet {
namespace {

constexpr std::size_t kMaterialFileLimit = 4 * 1024 * 1024;

Result<void> writeIfDifferent(const std::filesystem::path& target, const Bytes& bytes)
{
    std::error_code error;
    if (std::filesystem::exists(target, error)) {
        auto existing = readFileLimited(target, kMaterialFileLimit);
        if (existing && *existing == bytes)
            return {};
    }
    return writeFileAtomically(target, bytes);
}

} // namespace

const std::vector<DemoTitle>& demoTitles()
{
    static const std::vector<DemoTitle> titles = {
        { "demo-book.pdf", "demo-book-cover.png",
            { "A Short Guide to Lightstreams", { "Lightstreams Demo Press" }, "Computers",
                "What happens when you buy a title here, how only buyers get the content, and "
                "how to publish your own. A demo book that came with the app: buy it with demo "
                "PHT and read it.",
                {},
                { "Chapter 1: What You Just Did", "1.1 Trust Nothing You Can Verify",
                    "1.2 Only Buyers Get the Content", "Chapter 2: Reading and Listening",
                    "2.1 Your Library", "Chapter 3: Publishing Your Own",
                    "3.1 The Network Grows With Demand", "Afterword" } },
            "2", "First edition", "application/pdf", "demo-book-sample.pdf" },
        { "demo-track.m4a", "demo-track-cover.png",
            { "Harbour Arpeggio", { "Lightstreams Demo Press" }, "Music",
                "Twenty-four seconds of plucked arpeggios in C, made from a formula. A demo "
                "track that came with the app: buy it and listen while it downloads.",
                {}, { "Harbour Arpeggio (0:24)" } },
            "1", "Original recording", "audio/mp4", "demo-track-sample.m4a" },
        { "demo-video.mp4", "demo-video-cover.png",
            { "Into the Mandelbrot Set", { "Lightstreams Demo Press" }, "Film",
                "Eight seconds of falling into the Mandelbrot set. A demo video that came with "
                "the app: buy it and watch it stream.",
                {}, { "Into the Mandelbrot Set (0:08)" } },
            "1.5", "Original cut", "video/mp4" },
    };
    return titles;
}

Result<Bytes> demoResource(const std::string& name)
{
    QFile file(QStringLiteral(":/demo/") + QString::fromStdString(name));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorKind::NotFound, "This build of the app has no demo file " + name + ".");
    const QByteArray data = file.readAll();
    return Bytes(data.begin(), data.end());
}

Result<std::vector<api::PublishRequest>> extractDemoMaterial(const std::filesystem::path& directory)
{
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error)
        return fail(ErrorKind::Io, "Cannot create " + directory.string() + ": " + error.message());
    std::vector<api::PublishRequest> requests;
    for (const DemoTitle& title : demoTitles()) {
        for (const std::string& name : { title.file, title.cover, title.sample }) {
            if (name.empty())
                continue;
            auto bytes = demoResource(name);
            if (!bytes)
                return std::unexpected(bytes.error());
            if (auto written = writeIfDifferent(directory / name, *bytes); !written)
                return std::unexpected(written.error());
        }
        api::PublishRequest request;
        request.file = (directory / title.file).string();
        request.metadata = title.metadata;
        request.metadata.coverImageFile = (directory / title.cover).string();
        if (!title.sample.empty())
            request.metadata.sampleFile = (directory / title.sample).string();
        auto price = codec::parseUnits(title.pricePht);
        if (!price)
            return std::unexpected(price.error());
        request.price = price->toDecimalString();
        request.note = title.note;
        request.mediaType = title.mediaType;
        requests.push_back(std::move(request));
    }
    return requests;
}

} // namespace ls::localnet
