// ContainerWriter: progress, cancellation that never leaves a container claimed complete, content
// that does not match its declared size, bad settings and failing devices — each refused with a
// message fit for a publisher.
#include "core/library/ContainerReader.h"
#include "core/library/ContainerWriter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "tests/library/tst_container_support.h"
#include <stop_token>
#include <utility>
#include <vector>

using namespace ls;
using namespace ls::library;
using namespace ls::library::testing;

namespace {

void writePatternFile(const QString& path, std::uint64_t size)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    Bytes block(1 << 20);
    for (std::uint64_t at = 0; at < size; at += block.size()) {
        auto take = std::size_t(std::min<std::uint64_t>(block.size(), size - at));
        fillPattern(at, std::span<std::uint8_t>(block.data(), take));
        QCOMPARE(
            file.write(reinterpret_cast<const char*>(block.data()), qint64(take)), qint64(take));
    }
}

Error writeError(ContainerWriter& writer, QIODevice& input, std::uint64_t declared)
{
    QByteArray output;
    QBuffer out(&output);
    out.open(QIODevice::WriteOnly);
    auto written = writer.write(input, declared, out);
    return written ? Error { ErrorKind::Internal, "written" } : written.error();
}

Error settingsError(ContainerWriter::Settings settings)
{
    ContainerWriter writer(testKey(), std::move(settings));
    PatternDevice input(10);
    return writeError(writer, input, 10);
}

} // namespace

class TestContainerWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void progressIsReportedInStepsUpToTheTotal()
    {
        const std::uint64_t size = 5 * 1024 * 1024 + 7;
        std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
        ContainerWriter writer(testKey(), testSettings());
        writer.setProgress(
            [&](std::uint64_t done, std::uint64_t total) { calls.emplace_back(done, total); });
        PatternDevice input(size);
        QCOMPARE(writeError(writer, input, size).message, std::string("written"));
        QVERIFY(calls.size() >= 5 && calls.size() <= 6);
        for (std::size_t i = 0; i < calls.size(); ++i) {
            QCOMPARE(calls[i].second, size);
            if (i > 0)
                QVERIFY(calls[i].first - calls[i - 1].first >= ContainerWriter::kProgressStep
                    || i + 1 == calls.size());
        }
        QCOMPARE(calls.back().first, size);
    }

    void emptyContentStillReportsCompletion()
    {
        std::vector<std::uint64_t> calls;
        ContainerWriter writer(testKey(), testSettings());
        writer.setProgress([&](std::uint64_t done, std::uint64_t) { calls.push_back(done); });
        PatternDevice input(0);
        QCOMPARE(writeError(writer, input, 0).message, std::string("written"));
        QCOMPARE(calls, std::vector<std::uint64_t> { 0 });
    }

    void cancelledFileWriteLeavesNothingBehind()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString input = dir.filePath(QStringLiteral("film.mp4"));
        const QString output = dir.filePath(QStringLiteral("film.lsc"));
        writePatternFile(input, 8 * 1024 * 1024);

        std::stop_source stop;
        std::uint64_t lastSeen = 0;
        ContainerWriter writer(testKey(), testSettings());
        writer.setStopToken(stop.get_token());
        writer.setProgress([&](std::uint64_t done, std::uint64_t) {
            lastSeen = done;
            if (done >= 2 * 1024 * 1024)
                stop.request_stop(); // as a Cancel button on another thread would
        });
        auto written = writer.writeFile(input, output);
        QVERIFY(!written);
        QCOMPARE(written.error().message, std::string("Encryption was cancelled."));
        QVERIFY(lastSeen >= 2 * 1024 * 1024 && lastSeen < 8 * 1024 * 1024);
        QVERIFY(!QFile::exists(output));
        // No temporary file left either: the folder holds only the input.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
            QStringList { QStringLiteral("film.mp4") });
    }

    void cancelledRewriteKeepsThePreviousContainer()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString input = dir.filePath(QStringLiteral("book.epub"));
        const QString output = dir.filePath(QStringLiteral("book.lsc"));
        writePatternFile(input, 3 * 1024 * 1024);
        ContainerWriter first(testKey(), testSettings());
        QVERIFY(first.writeFile(input, output));
        QFile before(output);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray previous = before.readAll();
        before.close();

        std::stop_source stop;
        stop.request_stop();
        ContainerWriter second(testKey(), testSettings());
        second.setStopToken(stop.get_token());
        QVERIFY(!second.writeFile(input, output));
        QFile after(output);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QVERIFY(after.readAll() == previous);
    }

    void cancelledDeviceWriteIsRefusedAsTruncated()
    {
        // Writing to a plain device, whatever a failed write left there cannot pass for a
        // container: it is shorter than its header says.
        std::stop_source stop;
        ContainerWriter writer(testKey(), testSettings());
        writer.setStopToken(stop.get_token());
        writer.setProgress([&](std::uint64_t, std::uint64_t) { stop.request_stop(); });
        PatternDevice input(4 * 1024 * 1024);
        QByteArray output;
        QBuffer out(&output);
        out.open(QIODevice::WriteOnly);
        QVERIFY(!writer.write(input, 4 * 1024 * 1024, out));
        QVERIFY(output.size() > 1024 * 1024);
        ByteView partial(
            reinterpret_cast<const std::uint8_t*>(output.constData()), std::size_t(output.size()));
        ContainerMemorySource source(partial);
        auto reader = ContainerReader::open(source, testKey());
        QVERIFY(!reader);
        QVERIFY(reader.error().message.starts_with("The container is truncated"));
    }

    void contentShorterOrLongerThanDeclaredIsRefused()
    {
        ContainerWriter writer(testKey(), testSettings());
        PatternDevice shortInput(1000);
        auto shortError = writeError(writer, shortInput, 2000);
        QCOMPARE(shortError.kind, ErrorKind::InvalidInput);
        QCOMPARE(shortError.message,
            std::string("The content to encrypt ended after 1000 of 2000 bytes; was it "
                        "changed while it was being encrypted?"));
        PatternDevice longInput(2001);
        auto longError = writeError(writer, longInput, 2000);
        QCOMPARE(longError.kind, ErrorKind::InvalidInput);
        QCOMPARE(longError.message,
            std::string("The content to encrypt is longer than the 2000 bytes expected; was "
                        "it changed while it was being encrypted?"));
    }

    void badSettingsAreRefused()
    {
        for (std::uint32_t size : { 0u, 512u, 1000u, 3072u, 8u * 1024 * 1024 }) {
            auto settings = testSettings(size);
            QCOMPARE(settingsError(settings).message,
                "The chunk size must be a power of two from 1 KiB to 4 MiB, not "
                    + std::to_string(size) + ".");
        }
        for (const char* type : { "", "video", "Video/MP4", "video/mp4/x", "video/ mp4", "/mp4",
                 "video/", "video/.mp4", "vidéo/mp4" }) {
            auto settings = testSettings();
            settings.mediaType = type;
            QCOMPARE(settingsError(settings).message,
                "The media type \"" + std::string(type)
                    + "\" is not a lowercase MIME type such as \"video/mp4\" (at most 64 "
                      "characters).");
        }
        auto longType = testSettings();
        longType.mediaType = "application/" + std::string(52, 'x'); // 64 characters: allowed
        QCOMPARE(settingsError(longType).message, std::string("written"));
        longType.mediaType += "x";
        QCOMPARE(settingsError(longType).kind, ErrorKind::InvalidInput);
        auto noTitle = testSettings();
        noTitle.titleId = 0;
        QCOMPARE(settingsError(noTitle).message,
            std::string("Title ids and version numbers start at 1."));
        auto noVersion = testSettings();
        noVersion.version = 0;
        QCOMPARE(settingsError(noVersion).message,
            std::string("Title ids and version numbers start at 1."));
        ContainerWriter writer(testKey(), testSettings());
        PatternDevice input(0);
        QCOMPARE(writeError(writer, input, container::kMaxPlaintextSize + 1).message,
            std::string("The content is too large for a container (256 TiB)."));
    }

    void failingDevicesAreReported()
    {
        ContainerWriter writer(testKey(), testSettings());
        PatternDevice input(100);
        QBuffer notOpen;
        QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): device not open");
        auto written = writer.write(input, 100, notOpen);
        QVERIFY(!written);
        QCOMPARE(written.error().kind, ErrorKind::Io);
        QVERIFY(written.error().message.starts_with("Could not write the container: "));

        QTemporaryDir dir;
        auto missing = writer.writeFile(
            dir.filePath(QStringLiteral("absent.mp4")), dir.filePath(QStringLiteral("absent.lsc")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorKind::Io);
        QVERIFY(missing.error().message.starts_with("Could not open "));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("absent.lsc"))));
    }
};

QTEST_GUILESS_MAIN(TestContainerWriter)
#include "tst_container_writer.moc"
