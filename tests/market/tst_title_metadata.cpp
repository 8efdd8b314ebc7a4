// The public metadata document of a title: what an author's request becomes, and the strict
// decoding of what arrives from the network (every field typed and bounded, a newer version
// told apart from damage).
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
        QVERIFY(refusedWith(decode(huge), "larger than 1 MiB"));
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
