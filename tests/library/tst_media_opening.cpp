// What a stream fetches before a player opens it (library::mediaOpeningRanges): for a faststart
// MP4 its first megabyte and the rest of a longer index, plus the box header after the media
// data when that is not last; for an MP4 with its index after the media data, that index; for
// anything else the first and the last megabyte; small files whole, never past their end;
// malformed boxes treated as "not an MP4".
// The real test clip and tone (tests/gui/data) are faststart files.
#include "core/library/MediaOpening.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstring>

using namespace ls;
using namespace ls::library;

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

Bytes media(const char* name)
{
    // The GUI tests' media, next to this folder's data directory.
    QFile file(QDir::cleanPath(
        QStringLiteral(LS_TEST_DATA_DIR "/../../gui/data/") + QString::fromLatin1(name)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    return Bytes(bytes.begin(), bytes.end());
}

// A box's header and as much of its body as `present` says (the rest lies past the head).
Bytes box(const char* type, std::uint64_t size, std::uint64_t present = ~std::uint64_t { 0 })
{
    Bytes out(static_cast<std::size_t>(std::max<std::uint64_t>(8, std::min(size, present))), 0);
    const auto declared = static_cast<std::uint32_t>(size);
    for (int i = 0; i < 4; ++i)
        out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(declared >> (24 - 8 * i));
    std::memcpy(out.data() + 4, type, 4);
    return out;
}

Bytes joined(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const Bytes& part : parts)
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

} // namespace

namespace QTest {
template <> char* toString(const std::vector<ByteRange>& ranges)
{
    QByteArray text;
    for (const ByteRange& range : ranges)
        text += "[" + QByteArray::number(range.offset) + "+" + QByteArray::number(range.length)
            + "] ";
    return qstrdup(text.constData());
}
} // namespace QTest

class TestMediaOpening : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aFaststartFileNeedsOnlyItsHead()
    {
        for (const char* name : { "clip.mp4", "tone.m4a" }) {
            const Bytes file = media(name);
            QVERIFY(!file.empty());
            // Whole when small.
            QCOMPARE(mediaOpeningRanges(file, file.size()),
                (std::vector<ByteRange> { { 0, file.size() } }));
        }
    }

    void aLongFaststartFileNeedsItsFirstMegabyteOnly()
    {
        // The test clip's boxes, its media data grown to 40 MiB and the last box of the file.
        const Bytes clip = media("clip.mp4");
        QVERIFY(clip.size() > 2373 + 8);
        Bytes head(clip.begin(), clip.begin() + 2373 + 8); // ftyp, moov, free, mdat's header
        const std::uint64_t size = 40 * kMiB;
        const std::uint32_t mdat = static_cast<std::uint32_t>(size - 2373);
        for (int i = 0; i < 4; ++i)
            head[2373 + static_cast<std::size_t>(i)]
                = static_cast<std::uint8_t>(mdat >> (24 - 8 * i));
        head.resize(kMiB, 0x5a); // the first samples
        QCOMPARE(mediaOpeningRanges(head, size), (std::vector<ByteRange> { { 0, kMiB } }));
    }

    void aBoxAfterTheMediaDataIsReadToo()
    {
        // ftyp · moov · mdat (30 MiB) · free: the demuxer reads the header after the media data.
        const Bytes head
            = joined({ box("ftyp", 24), box("moov", 4000), box("mdat", 30 * kMiB, 8) });
        const std::uint64_t mediaEnd = 24 + 4000 + 30 * kMiB;
        const std::uint64_t size = mediaEnd + 5 * kMiB;
        QCOMPARE(mediaOpeningRanges(head, size),
            (std::vector<ByteRange> { { 0, kMiB }, { mediaEnd, 64 * 1024 } }));
    }

    void anIndexAfterTheMediaDataIsFetchedFromWhereItStarts()
    {
        // ftyp · mdat (50 MiB) · moov (300 KiB) at the end: the head shows where the index is.
        const Bytes head = joined({ box("ftyp", 24), box("mdat", 50 * kMiB, 8) });
        const std::uint64_t indexAt = 24 + 50 * kMiB;
        const std::uint64_t size = indexAt + 300 * 1024;
        QCOMPARE(mediaOpeningRanges(head, size),
            (std::vector<ByteRange> { { 0, kMiB }, { indexAt, 300 * 1024 } }));
        // A huge tail is fetched up to the limit only.
        const std::uint64_t huge = indexAt + 100 * kMiB;
        QCOMPARE(mediaOpeningRanges(head, huge),
            (std::vector<ByteRange> { { 0, kMiB }, { indexAt, kMediaOpeningIndexLimit } }));
    }

    void aLongIndexAtTheFrontIsFetchedWhole()
    {
        // An hour of video: a 3 MiB moov that the first megabyte only begins.
        const Bytes head = joined({ box("ftyp", 24), box("moov", 3 * kMiB, kMiB) });
        const std::uint64_t size = 24 + 3 * kMiB + 20 * kMiB;
        QCOMPARE(mediaOpeningRanges(std::span(head).first(kMiB), size),
            (std::vector<ByteRange> { { 0, kMiB }, { kMiB, 24 + 3 * kMiB - kMiB } }));
        // One beyond the limit: the limit's worth.
        const Bytes vast = joined({ box("ftyp", 24), box("moov", 80 * kMiB, kMiB) });
        QCOMPARE(mediaOpeningRanges(std::span(vast).first(kMiB), 100 * kMiB),
            (std::vector<ByteRange> {
                { 0, kMiB }, { kMiB, 24 + kMediaOpeningIndexLimit - kMiB } }));
    }

    void otherFormatsAndMalformedBoxesGetHeadAndTail()
    {
        const std::uint64_t size = 10 * kMiB;
        const std::vector<ByteRange> headAndTail { { 0, kMiB }, { size - kMiB, kMiB } };
        const std::string_view id3 = "ID3\x04\x00 an mp3 file";
        QCOMPARE(mediaOpeningRanges(asBytes(id3), size), headAndTail);
        // A box that says it is longer than the file, and one shorter than its own header.
        QCOMPARE(mediaOpeningRanges(joined({ box("ftyp", 24), box("moov", 0xfffffff0, 8) }), size),
            headAndTail);
        QCOMPARE(
            mediaOpeningRanges(joined({ box("ftyp", 24), box("moov", 4) }), size), headAndTail);
        QCOMPARE(mediaOpeningRanges({}, size), headAndTail);
    }

    void anMp3WithALargeTagIsReadPastTheTag()
    {
        // ID3v2.4, a 3 MiB tag (embedded cover art): syncsafe size 3 MiB = 0x00c0'0000.
        const std::uint64_t tag = 3 * kMiB;
        Bytes head = { 'I', 'D', '3', 4, 0, 0, 0x01, 0x40, 0x00, 0x00 };
        QCOMPARE((std::uint64_t { head[6] } << 21) | (std::uint64_t { head[7] } << 14), tag);
        head.resize(kMiB, 0);
        const std::uint64_t size = 10 * kMiB;
        QCOMPARE(mediaOpeningRanges(head, size),
            (std::vector<ByteRange> {
                { 0, kMiB }, { kMiB, 10 + tag + 64 * 1024 - kMiB }, { size - kMiB, kMiB } }));
        // A small tag changes nothing.
        head[6] = 0;
        head[7] = 0x10;
        QCOMPARE(mediaOpeningRanges(head, size),
            (std::vector<ByteRange> { { 0, kMiB }, { size - kMiB, kMiB } }));
    }

    void smallFilesAreReadOnceAndNeverPastTheirEnd()
    {
        const std::string_view text = "not media";
        QCOMPARE(mediaOpeningRanges(asBytes(text), text.size()),
            (std::vector<ByteRange> { { 0, text.size() } }));
        // Between one and two megabytes: the head, then what is left.
        const std::uint64_t size = kMiB + 1000;
        QCOMPARE(mediaOpeningRanges(asBytes(text), size),
            (std::vector<ByteRange> { { 0, kMiB }, { kMiB, 1000 } }));
        QVERIFY(mediaOpeningRanges({}, 0).empty());
    }
};

QTEST_GUILESS_MAIN(TestMediaOpening)
#include "tst_media_opening.moc"
