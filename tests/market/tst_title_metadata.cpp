// The public metadata document of a title: what an author's request becomes, and the strict
// decoding of what arrives from the network (every field typed and bounded, a newer version
// told apart from damage), with its optional cover and sample.
#include "core/market/TitleMetadataDocument.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ls;
using market::TitleMetadataDocument;

namespace {

Bytes png()
{
    return { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
}

Result<TitleMetadataDocument> decode(std::string_view json)
{
    return TitleMetadataDocument::decode(asBytes(json));
}

bool writeFile(const QString& path, const Bytes& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly)
        && file.write(
               reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size()))
        == static_cast<qint64>(bytes.size());
}

Bytes startingWith(std::string_view head, std::size_t size)
{
    Bytes bytes(size, 0x20);
    std::copy(head.begin(), head.end(), bytes.begin());
    return bytes;
}

Result<TitleMetadataDocument> withSample(const QString& file)
{
    api::TitleMetadata metadata;
    metadata.title = "T";
    metadata.sampleFile = file.toStdString();
    return TitleMetadataDocument::fromRequest(metadata, "application/pdf", "x.pdf", 1);
}

bool refusedWith(const Result<TitleMetadataDocument>& result, std::string_view text)
{
    if (result)
        return false;
    if (result.error().message.find(text) == std::string::npos) {
        qWarning("unexpected error: %s", result.error().message.c_str());
        return false;
    }
    return true;
}

} // namespace

class TestTitleMetadata : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aRequestRoundTripsWithItsCover()
    {
        QTemporaryDir dir;
        const QString coverPath = dir.filePath(QStringLiteral("cover.png"));
        QFile cover(coverPath);
        QVERIFY(cover.open(QIODevice::WriteOnly));
        const Bytes image = png();
        cover.write(reinterpret_cast<const char*>(image.data()), static_cast<qint64>(image.size()));
        cover.close();
        api::TitleMetadata metadata { "Títol", { "Ada", "Charles" }, "Poetry",
            "A blurb — with UTF-8", coverPath.toStdString(), { "One", "Two" } };
        auto document
            = TitleMetadataDocument::fromRequest(metadata, "application/pdf", "book.pdf", 1234);
        QVERIFY2(document, document ? "" : document.error().message.c_str());
        QCOMPARE(document->coverMediaType, std::string("image/png"));
        auto decoded = TitleMetadataDocument::decode(document->encode());
        QVERIFY2(decoded, decoded ? "" : decoded.error().message.c_str());
        QCOMPARE(decoded->title, metadata.title);
        QCOMPARE(decoded->authors, metadata.authors);
        QCOMPARE(decoded->blurb, metadata.blurb);
        QCOMPARE(decoded->contents, metadata.contents);
        QCOMPARE(decoded->mediaType, std::string("application/pdf"));
        QCOMPARE(decoded->fileName, std::string("book.pdf"));
        QCOMPARE(decoded->size, std::uint64_t { 1234 });
        QCOMPARE(decoded->cover, image);
        QCOMPARE(decoded->encode(), document->encode());
    }

    void badRequestsAreRefusedBeforeAnythingIsMade()
    {
        QVERIFY(!TitleMetadataDocument::fromRequest({}, "application/pdf", "x.pdf", 1));
        api::TitleMetadata metadata;
        metadata.title = "T";
        metadata.coverImageFile = "/no/such/cover.png";
        QVERIFY(!TitleMetadataDocument::fromRequest(metadata, "application/pdf", "x.pdf", 1));
        metadata.coverImageFile.clear();
        metadata.subject = std::string(65, 's');
        QVERIFY(!TitleMetadataDocument::fromRequest(metadata, "application/pdf", "x.pdf", 1));
        metadata.subject.clear();
        metadata.authors.assign(33, "someone");
        QVERIFY(!TitleMetadataDocument::fromRequest(metadata, "application/pdf", "x.pdf", 1));
        metadata.authors.clear();
        QVERIFY(!TitleMetadataDocument::fromRequest(metadata, "Application/PDF", "x.pdf", 1));
    }

    void theDecoderIsStrict()
    {
        const std::string head = R"({"format":"lightstreams-title-metadata","version":1,)";
        QVERIFY(decode(head + R"("title":"T","mediaType":"video/mp4"})"));
        QVERIFY(refusedWith(decode("[1,2]"), "not a JSON object"));
        QVERIFY(refusedWith(decode("{\"title\":\"T\"}"), "not a Lightstreams title metadata"));
        QVERIFY(refusedWith(
            decode(head + R"("mediaType":"video/mp4"})"), "\"title\" must be a string"));
        QVERIFY(refusedWith(decode(head + R"("title":7,"mediaType":"video/mp4"})"), "\"title\""));
        QVERIFY(refusedWith(decode(head + R"("title":"T","mediaType":"video/mp4","authors":"A"})"),
            "\"authors\" must be a list"));
        QVERIFY(refusedWith(
            decode(head + R"("title":"T","mediaType":"video/mp4","size":-1})"), "\"size\""));
        QVERIFY(
            refusedWith(decode(head + R"("title":"T","mediaType":"../../etc"})"), "media type"));
        QVERIFY(refusedWith(
            decode(head
                + R"("title":"T","mediaType":"video/mp4","cover":{"mediaType":"image/png","data":"!!"}})"),
            "base64"));
        QVERIFY(refusedWith(
            decode(head
                + R"("title":"T","mediaType":"video/mp4","cover":{"mediaType":"image/png","data":"aGVsbG8="}})"),
            "not a PNG, JPEG or WebP"));
        QVERIFY(refusedWith(
            decode(head + R"("title":")" + std::string(513, 'x') + R"(","mediaType":"video/mp4"})"),
            "longer than 512"));
        auto newer = decode(R"({"format":"lightstreams-title-metadata","version":2,"title":"T"})");
        QVERIFY(!newer);
        QCOMPARE(newer.error().kind, ErrorKind::Unsupported);
        const std::string huge(TitleMetadataDocument::kMaxDocumentBytes + 1, ' ');
        QVERIFY(refusedWith(decode(huge), "larger than 2 MiB"));
    }

    void aRequestRoundTripsWithItsSample()
    {
        QTemporaryDir dir;
        const QString samplePath = dir.filePath(QStringLiteral("first-chapter.pdf"));
        // The largest sample: with it the document is over 1 MiB, without it far under.
        const Bytes pdf = startingWith("%PDF-1.4\n", TitleMetadataDocument::kMaxSampleBytes);
        QVERIFY(writeFile(samplePath, pdf));
        const QString coverPath = dir.filePath(QStringLiteral("cover.png"));
        QVERIFY(writeFile(coverPath, png()));
        api::TitleMetadata metadata { "Títol", { "Ada" }, "Poetry", "A blurb",
            coverPath.toStdString(), { "One" }, samplePath.toStdString() };
        auto document
            = TitleMetadataDocument::fromRequest(metadata, "application/pdf", "book.pdf", 99);
        QVERIFY2(document, document ? "" : document.error().message.c_str());
        QCOMPARE(document->sampleMediaType, std::string("application/pdf"));
        const Bytes encoded = document->encode();
        QVERIFY(encoded.size() > 1024 * 1024);
        auto decoded = TitleMetadataDocument::decode(encoded);
        QVERIFY2(decoded, decoded ? "" : decoded.error().message.c_str());
        QCOMPARE(decoded->sampleMediaType, std::string("application/pdf"));
        QVERIFY(decoded->sample == pdf);
        QCOMPARE(decoded->cover, png());
        QCOMPARE(decoded->encode(), encoded);

        // What a library keeps: everything but the sample; a document without one, unchanged.
        const Bytes kept = decoded->libraryCopy(encoded);
        QVERIFY(kept.size() < 1024);
        auto keptDocument = TitleMetadataDocument::decode(kept);
        QVERIFY(keptDocument);
        QVERIFY(keptDocument->sample.empty() && keptDocument->sampleMediaType.empty());
        QCOMPARE(keptDocument->title, metadata.title);
        QCOMPARE(keptDocument->cover, png());
        QCOMPARE(keptDocument->libraryCopy(kept), kept);
    }

    void samplesOfEachKindAreRecognisedByNameAndBytes()
    {
        QTemporaryDir dir;
        const std::string_view ftyp("\0\0\0\x20"
                                    "ftypM4A ",
            12);
        const std::string_view ftypMp4("\0\0\0\x20"
                                       "ftypisom",
            12);
        for (auto [name, head, type] : { std::tuple { "a.m4a", ftyp, "audio/mp4" },
                 std::tuple { "b.mp4", ftypMp4, "video/mp4" },
                 std::tuple { "c.mp3", std::string_view("ID3\x04"), "audio/mpeg" },
                 std::tuple { "d.mp3", std::string_view("\xff\xfb\x90\x00", 4), "audio/mpeg" },
                 std::tuple { "e.pdf", std::string_view("%PDF-1.7"), "application/pdf" } }) {
            const QString path = dir.filePath(QString::fromLatin1(name));
            QVERIFY(writeFile(path, startingWith(head, 4096)));
            auto document = withSample(path);
            QVERIFY2(document, document ? name : document.error().message.c_str());
            QCOMPARE(document->sampleMediaType, std::string(type));
            auto decoded = TitleMetadataDocument::decode(document->encode());
            QVERIFY(decoded && decoded->sampleMediaType == type);
        }
    }

    void badSamplesAreRefusedNamingTheSample()
    {
        QTemporaryDir dir;
        const std::string_view rule
            = "The sample must be a PDF, audio or video file of at most 768 KiB";
        const QString notPdf = dir.filePath(QStringLiteral("notes.pdf"));
        QVERIFY(writeFile(notPdf, startingWith("Hello, reader", 100)));
        QVERIFY(refusedWith(withSample(notPdf), rule));
        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY(writeFile(text, startingWith("%PDF-1.4 but a text file", 100)));
        QVERIFY(refusedWith(withSample(text), rule));
        const QString big = dir.filePath(QStringLiteral("big.pdf"));
        QVERIFY(
            writeFile(big, startingWith("%PDF-1.4", TitleMetadataDocument::kMaxSampleBytes + 1)));
        QVERIFY(refusedWith(withSample(big), "has 769 KiB"));
        QVERIFY(refusedWith(withSample(dir.filePath(QStringLiteral("none.pdf"))), "the sample"));

        const std::string head
            = R"({"format":"lightstreams-title-metadata","version":1,"title":"T","mediaType":"video/mp4",)";
        QVERIFY(refusedWith(decode(head + R"("sample":"x"})"), "\"sample\" must be an object"));
        QVERIFY(
            refusedWith(decode(head + R"("sample":{"mediaType":"application/pdf","data":"!"}})"),
                "the sample's \"data\" is not base64"));
        QVERIFY(refusedWith(
            decode(head + R"("sample":{"mediaType":"application/pdf","data":"aGVsbG8="}})"),
            "the sample is not a PDF, audio or video file"));
        QVERIFY(
            refusedWith(decode(head + R"("sample":{"mediaType":"text/plain","data":"JVBERi0="}})"),
                "the sample is not a PDF, audio or video file"));
        QVERIFY(refusedWith(decode(head + R"("sample":{"data":"JVBERi0="}})"), "\"mediaType\""));
        const Bytes tooBig = startingWith("%PDF-", TitleMetadataDocument::kMaxSampleBytes + 1);
        const QByteArray base64 = QByteArray(
            reinterpret_cast<const char*>(tooBig.data()), static_cast<qsizetype>(tooBig.size()))
                                      .toBase64();
        QVERIFY(refusedWith(decode(head + R"("sample":{"mediaType":"application/pdf","data":")"
                                + base64.toStdString() + R"("}})"),
            "the sample is larger than 768 KiB"));
    }

    void theDocumentWithoutItsSampleStaysWithin1MiB()
    {
        // Every field at its limit: over 1 MiB without any sample.
        api::TitleMetadata metadata;
        metadata.title = std::string(512, 't');
        metadata.authors.assign(32, std::string(256, 'a'));
        metadata.blurb = std::string(16 * 1024, 'b');
        metadata.contents.assign(2000, std::string(512, 'c'));
        auto refused = TitleMetadataDocument::fromRequest(metadata, "application/pdf", "x.pdf", 1);
        QVERIFY(refusedWith(refused, "without its sample"));
        TitleMetadataDocument document;
        document.title = metadata.title;
        document.authors = metadata.authors;
        document.blurb = metadata.blurb;
        document.contents = metadata.contents;
        document.mediaType = "application/pdf";
        QVERIFY(
            refusedWith(TitleMetadataDocument::decode(document.encode()), "without its sample"));
    }

    void coversAreRecognisedByTheirBytes()
    {
        QCOMPARE(market::imageMediaType(png()), std::string("image/png"));
        QCOMPARE(
            market::imageMediaType(Bytes { 0xff, 0xd8, 0xff, 0xe0 }), std::string("image/jpeg"));
        QCOMPARE(market::imageMediaType(asBytes(std::string_view("RIFF\x10\0\0\0WEBPVP8 ", 16))),
            std::string("image/webp"));
        QCOMPARE(market::imageMediaType(asBytes("GIF89a")), std::string());
    }
};

QTEST_GUILESS_MAIN(TestTitleMetadata)
#include "tst_title_metadata.moc"
