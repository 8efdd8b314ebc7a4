// ls-bench-stream: play → first video frame, title not yet downloaded (DESIGN.md §8: ≤ 1 s on
// loopback). A real `lightstreams-node --dev` on 127.0.0.1, an author who publishes a 50 MiB MP4
// (the test clip stretched with tests/support/GappedVideo.h: its later frames lie 48 MiB into
// the file), and per run a new buyer (its own profile, light client, SQLite library and swarm)
// who buys the title and fetches it from the author. The clock starts when the fetch reports the
// version streamable, which is when the Library's Open button becomes enabled, and the buyer
// presses Open: api::Library::stream(), then what the Library screen does (openTitleViewer: the
// warm-up of the file's first and last MiB on a worker, then the FFmpeg backend's Player), and
// stops at the first decoded frame on the Player's video sink. Anchor in the same run: the
// author opens its complete copy the same way (api::Library::open → openTitleViewer → first
// frame), i.e. the same player on the same file with nothing to wait for.
// Usage: ls-bench-stream [--quick]   (needs a Qt platform: QT_QPA_PLATFORM=offscreen works)
#include "ui/library/TitleViewer.h"
#include "ui/player/MediaBackend.h"
#include "ui/player/MediaPlayerView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QVideoFrame>
#include <QVideoSink>

#include "tests/market/ContentTestSupport.h"
#include "tests/support/GappedVideo.h"
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace ls;
using namespace ls::testing;

namespace {

constexpr qsizetype kGap = 48 * 1024 * 1024;
constexpr qsizetype kTail = 2 * 1024 * 1024;
constexpr int kWaitMs = 120'000;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

// Opens `content` as the Library screen does and waits for the first decoded frame. Returns the
// milliseconds from `clock`'s start, or a negative number when no frame came.
double firstFrameMs(std::unique_ptr<api::VersionContent> content, const QElapsedTimer& clock)
{
    QString error;
    QPointer<QWidget> viewer
        = ui::openTitleViewer(std::move(content), QStringLiteral("bench"), 1, &error);
    auto* player = qobject_cast<ui::MediaPlayerView*>(viewer.data());
    if (!player) {
        std::fprintf(stderr, "no player: %s\n", qPrintable(error));
        return -1;
    }
    double at = -1;
    QObject::connect(
        player->videoSink(), &QVideoSink::videoFrameChanged, player, [&](const QVideoFrame& frame) {
            if (frame.isValid() && at < 0)
                at = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        });
    (void)QTest::qWaitFor(
        [&] { return at >= 0 || !viewer || !player->errorText().isEmpty(); }, kWaitMs);
    if (viewer && !player->errorText().isEmpty())
        std::fprintf(stderr, "player: %s\n", qPrintable(player->errorText()));
    if (viewer)
        viewer->close(); // WA_DeleteOnClose: cancels its stream, stops the player
    (void)QTest::qWaitFor([&] { return viewer.isNull(); }, kWaitMs);
    return at;
}

} // namespace

int main(int argc, char* argv[])
{
    ui::preferFfmpegMediaBackend();
    QApplication application(argc, argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int runs = quick ? 1 : 5;

    DevNetwork node;
    if (!node.start()) {
        std::fprintf(stderr, "the node did not start\n");
        return 1;
    }
    ContentUser dev(node.profile(), kDevPhrase);
    ContentUser author(node.profile());
    QFile clip(QStringLiteral(LS_TEST_DATA_DIR "/clip.mp4"));
    const QByteArray video
        = clip.open(QIODevice::ReadOnly) ? gappedVideo(clip.readAll(), kGap, kTail) : QByteArray();
    QTemporaryDir files;
    const auto file = std::filesystem::path(files.path().toStdString()) / "film.mp4";
    if (video.isEmpty() || !fund(dev, author.address) || !author.open()
        || !writeBytes(file,
            asBytes(std::string_view(video.constData(), static_cast<std::size_t>(video.size()))))) {
        std::fprintf(stderr, "setting up the author failed\n");
        return 1;
    }
    api::PublishRequest request;
    request.file = file.string();
    request.metadata = { "Bench film", { "Bench Author" }, "Film", "", "", {} };
    request.price = baseUnits("1");
    auto published = author.publish(request);
    if (!published) {
        std::fprintf(stderr, "publish: %s\n", published.error().message.c_str());
        return 1;
    }
    const std::uint64_t titleId = published->titleId;

    std::vector<double> streamed, anchor, doneAtFrame;
    for (int run = 0; run < runs; ++run) {
        ContentUser buyer(node.profile());
        if (!fund(dev, buyer.address) || !buyer.open()) {
            std::fprintf(stderr, "setting up buyer %d failed\n", run);
            return 1;
        }
        buyer.buy(titleId);
        buyer.library().addPeer(author.peerAddress());
        bool streamable = false;
        std::uint64_t bytesDone = 0;
        std::optional<Result<api::FetchedVersion>> fetched;
        auto fetch = buyer.library().fetch(
            titleId, 1,
            [&](const api::FetchProgress& p) {
                streamable |= p.streamable;
                bytesDone = p.bytesDone;
            },
            [&](Result<api::FetchedVersion> result) { fetched = std::move(result); });
        (void)QTest::qWaitFor([&] { return streamable || fetched; }, kWaitMs);
        if (!streamable) {
            std::fprintf(stderr, "run %d: never streamable\n", run);
            return 1;
        }
        QElapsedTimer clock; // the buyer presses Open
        clock.start();
        std::optional<Result<std::unique_ptr<api::VersionContent>>> opened;
        auto opening = buyer.library().stream(titleId, 1,
            [&](Result<std::unique_ptr<api::VersionContent>> c) { opened = std::move(c); });
        (void)QTest::qWaitFor([&] { return opened.has_value(); }, kWaitMs);
        if (!opened || !*opened) {
            std::fprintf(stderr, "run %d: stream: %s\n", run,
                opened ? opened->error().message.c_str() : "no answer");
            return 1;
        }
        const double ms = firstFrameMs(std::move(**opened), clock);
        if (ms < 0)
            return 1;
        streamed.push_back(ms);
        doneAtFrame.push_back(
            100.0 * static_cast<double>(bytesDone) / static_cast<double>(video.size()));

        QElapsedTimer anchorClock;
        anchorClock.start();
        auto complete = author.library().open(titleId, 1);
        if (!complete) {
            std::fprintf(stderr, "anchor: %s\n", complete.error().message.c_str());
            return 1;
        }
        const double anchorMs = firstFrameMs(std::move(*complete), anchorClock);
        if (anchorMs < 0)
            return 1;
        anchor.push_back(anchorMs);
        std::printf("run %d: play → first frame %.0f ms streamed (download %.0f%% done by then), "
                    "%.0f ms from the complete file\n",
            run + 1, ms, doneAtFrame.back(), anchorMs);
    }
    const double m = median(streamed), a = median(anchor);
    std::printf("\nplay → first video frame, title not yet downloaded (%d runs, %.0f MiB title)\n",
        runs, static_cast<double>(video.size()) / (1024.0 * 1024.0));
    std::printf("  streamed from the swarm, median      %7.0f ms   (target ≤ 1000 ms)\n", m);
    std::printf("  anchor: the complete file, median    %7.0f ms\n", a);
    std::printf("  ratio streamed / complete            %7.2f\n", a > 0 ? m / a : 0.0);
    return 0;
}
